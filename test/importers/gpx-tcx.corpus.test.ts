import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { detectFormat } from "../../src/adapters/importers/detect.js";
import { importGpx } from "../../src/adapters/importers/gpx.js";
import { gunzipLimited } from "../../src/adapters/importers/gzip.js";
import { importTcx } from "../../src/adapters/importers/tcx.js";
import type { Activity, FileImport } from "../../src/core/running/activity.js";

/**
 * The GPX and TCX importers on the real files of ../shared/corpus (docs/importers.md). CI always sets
 * CAPACITY_CORPUS_DIR; without it these tests skip, and with it a missing file fails.
 *
 * Expected values were read from the files themselves (first and last point time, lap totals)
 * and checked against an independent computation (the same haversine and time-weighted heart
 * rate in a short Python script), and, for the activities that also exist as FIT, against the
 * FIT session as decoded by fit-file-parser (the FIT_SESSION constants below).
 */
const CORPUS = process.env.CAPACITY_CORPUS_DIR;

const read = (path: string): Uint8Array => new Uint8Array(readFileSync(join(CORPUS ?? "", path)));

function only(result: FileImport): Activity {
  if (!result.ok) throw new Error(`refused: ${result.error}`);
  expect(result.activities).toHaveLength(1);
  const [activity] = result.activities;
  if (!activity) throw new Error("no activity");
  return activity;
}

function refused(result: FileImport): string {
  if (result.ok) throw new Error(`imported: ${JSON.stringify(result.activities)}`);
  return result.error;
}

/** |actual − expected| ≤ tolerance × expected. */
function within(actual: number | null, expected: number, tolerance: number): void {
  expect(actual).not.toBeNull();
  expect(Math.abs((actual ?? Number.NaN) - expected)).toBeLessThanOrEqual(tolerance * expected);
}

interface Expected {
  readonly sport: Activity["sport"];
  readonly start: string;
  readonly elapsedS: number;
  readonly movingS: number;
  readonly distanceM: number;
  readonly avgHr: number | null;
  readonly maxHr: number | null;
  readonly sourceName: string | null;
}

function expectActivity(activity: Activity, expected: Expected): void {
  expect(activity.sport).toBe(expected.sport);
  expect(activity.start.slice(0, 19)).toBe(expected.start.slice(0, 19)); // to the second
  expect(Math.abs((activity.elapsedS ?? Number.NaN) - expected.elapsedS)).toBeLessThanOrEqual(1);
  expect(Math.abs((activity.movingS ?? Number.NaN) - expected.movingS)).toBeLessThanOrEqual(1);
  within(activity.distanceM, expected.distanceM, 0.01);
  expect(activity.avgHr).toBe(expected.avgHr);
  expect(activity.maxHr).toBe(expected.maxHr);
  expect(activity.sourceName).toBe(expected.sourceName);
}

/** The FIT sessions of the same activities, as fit-file-parser decodes fit/<id>.fit. */
const FIT_SESSION = {
  "6782987395": {
    start: "2019-06-15T09:42:23Z",
    elapsedS: 4989.112,
    timerS: 4989.112,
    distanceM: 14004.85,
    avgHr: 137,
    maxHr: 167,
    ascentM: 347,
  },
  "2067489619": {
    start: "2017-10-08T14:54:11Z",
    elapsedS: 2824.407,
    timerS: 2820.172,
    distanceM: 4489.39,
    avgHr: 130,
    maxHr: 179,
    ascentM: 33,
  },
} as const;

const GPX_FILES = [
  "2067489619.gpx",
  "6782987395.gpx",
  "Mojstrovka.gpx",
  "amazfit.gpx",
  "garmin.gpx",
  "gpx1.0_with_all_fields.gpx",
  "gpx1.1_with_all_fields.gpx",
  "strava.gpx",
  "track-with-small-floats.gpx",
];
const TCX_FILES = ["6281425038.tcx", "6782987395.tcx", "garmin.tcx", "polar.tcx"];

describe.skipIf(!CORPUS)("GPX files of the corpus", () => {
  it("covers every GPX file of the corpus (a new file needs its test here)", () => {
    const present = readdirSync(join(CORPUS ?? "", "gpx")).filter(
      (name) => !name.startsWith("LICENSE"),
    );
    expect(present.sort()).toEqual([...GPX_FILES].sort());
    for (const name of GPX_FILES) expect(detectFormat(read(`gpx/${name}`))).toBe("gpx");
    for (const name of GPX_FILES) {
      const result = importGpx(read(`gpx/${name}`));
      for (const run of result.ok ? result.activities : []) {
        expect(run.movingS ?? 0, name).toBeLessThanOrEqual(run.elapsedS ?? 0);
      }
    }
  });

  it("Garmin Connect, ns3: heart rate, 1 Hz: 6782987395.gpx", () => {
    const run = only(importGpx(read("gpx/6782987395.gpx")));
    expectActivity(run, {
      sport: "run",
      start: "2019-06-15T09:42:23Z",
      elapsedS: 4989,
      movingS: 4989, // gaps of 11 and 12 s, but moving: the FIT timer shows no pause either
      distanceM: 14152.8,
      avgHr: 137,
      maxHr: 167,
      sourceName: "Garmin Connect",
    });
    expect(run.ascentM).toBeCloseTo(351.6, 1);
    expect(run.warnings).toEqual([]);
  });

  it("Garmin smart recording (a point every few seconds): 2067489619.gpx", () => {
    const run = only(importGpx(read("gpx/2067489619.gpx")));
    expectActivity(run, {
      sport: "run",
      start: "2017-10-08T14:54:11Z",
      elapsedS: 2818, // the GPX export ends 7 s before the FIT records
      movingS: 2758, // 60 s of gaps over 10 s with less than 0.3 m/s
      distanceM: 4395.2,
      avgHr: 131, // weighted by time; the plain mean of the sparse samples would be 134
      maxHr: 178,
      sourceName: "Garmin Connect",
    });
    expect(run.ascentM).toBeCloseTo(35.6, 1);
  });

  it("Amazfit: heart rate twice per point (plain <heartrate> and ns3:hr), type 'Running'", () => {
    const run = only(importGpx(read("gpx/amazfit.gpx")));
    expectActivity(run, {
      sport: "run",
      start: "2018-05-14T09:54:12Z",
      elapsedS: 2531,
      movingS: 2531,
      distanceM: 8722.6,
      avgHr: 147,
      maxHr: 160,
      sourceName: "Huami Amazfit Sports Watch",
    });
  });

  it("Garmin Connect with sparse points and 17 s gaps while running: garmin.gpx", () => {
    const run = only(importGpx(read("gpx/garmin.gpx")));
    expectActivity(run, {
      sport: "run",
      start: "2018-04-23T15:54:34Z",
      elapsedS: 1377,
      movingS: 1377,
      distanceM: 3874.7,
      avgHr: 124,
      maxHr: 132,
      sourceName: "Garmin Connect",
    });
  });

  it("Strava: gpxtpx: heart rate, no <type> (sport other, with a warning), five stops", () => {
    const activity = only(importGpx(read("gpx/strava.gpx")));
    expectActivity(activity, {
      sport: "other",
      start: "2018-05-14T14:54:21Z",
      elapsedS: 7723,
      movingS: 7260, // stops of 109, 73, 48, 76 and 157 s in which it moved under 13 m
      distanceM: 21117.9,
      avgHr: 145,
      maxHr: 169,
      sourceName: "StravaGPX",
    });
    expect(activity.warnings).toEqual(["the file does not say which sport: imported as other"]);
  });

  // gpxpy's format fixtures hold one track point each: a single instant, no recording. They were
  // imported as "activities" of 0 s before the one rule on short recordings.
  it("GPX 1.0 with every field (one point, an empty second track): refused, no duration", () => {
    expect(refused(importGpx(read("gpx/gpx1.0_with_all_fields.gpx")))).toBe(
      "The GPX file holds a single instant of recording (its first and last times are the same), so no duration: not imported (point times without a time zone read as UTC).",
    );
  });

  it("GPX 1.1 with every field (one point, waypoints and routes ignored): refused, no duration", () => {
    expect(refused(importGpx(read("gpx/gpx1.1_with_all_fields.gpx")))).toBe(
      "The GPX file holds a single instant of recording (its first and last times are the same), so no duration: not imported (point times without a time zone read as UTC).",
    );
  });

  it("GPSBabel route with placeholder times (1901-12-13T20:45:52Z): refused, start unknown", () => {
    expect(refused(importGpx(read("gpx/Mojstrovka.gpx")))).toBe(
      "The GPX file holds no usable time, so when it started is unknown: not imported (184 point times before 1980 ignored as placeholders).",
    );
  });

  it("a track without any time (tiny float values): refused, start unknown", () => {
    expect(refused(importGpx(read("gpx/track-with-small-floats.gpx")))).toBe(
      "The GPX file holds no usable time, so when it started is unknown: not imported.",
    );
  });
});

describe.skipIf(!CORPUS)("TCX files of the corpus", () => {
  it("covers every TCX file of the corpus (a new file needs its test here)", () => {
    expect(readdirSync(join(CORPUS ?? "", "tcx")).sort()).toEqual([...TCX_FILES].sort());
    for (const name of TCX_FILES) expect(detectFormat(read(`tcx/${name}`))).toBe("tcx");
    // Timer time never passes elapsed time.
    for (const name of TCX_FILES) {
      const result = importTcx(read(`tcx/${name}`));
      for (const run of result.ok ? result.activities : []) {
        expect(run.movingS ?? 0, name).toBeLessThanOrEqual(run.elapsedS ?? 0);
      }
    }
  });

  it("Garmin Connect API, Forerunner 945, two laps: 6782987395.tcx", () => {
    const run = only(importTcx(read("tcx/6782987395.tcx")));
    expectActivity(run, {
      sport: "run",
      start: "2019-06-15T09:42:23Z", // the Lap StartTime; the Activity Id says 09:42:00
      elapsedS: 4989,
      // The laps' 3448.443 + 1540.669 = 4989.112 s pass the 4989 s from the first point to the
      // last (lap StartTimes and points in whole seconds): timer time is capped at elapsed.
      movingS: 4989,
      distanceM: 14004.85, // 8825.74 + 5179.11
      avgHr: 137, // (135 × 3448.443 + 142 × 1540.669) / 4989.112
      maxHr: 167,
      sourceName: "Forerunner 945",
    });
    expect(run.ascentM).toBeCloseTo(351.6, 1);
  });

  it("Garmin Connect, fēnix 5 (non-ASCII device name), twelve laps, two pauses: garmin.tcx", () => {
    const run = only(importTcx(read("tcx/garmin.tcx")));
    expectActivity(run, {
      sport: "run",
      start: "2017-08-29T15:23:18Z",
      elapsedS: 5183, // to the last trackpoint, 16:49:41
      movingS: 5171, // sum of the laps' TotalTimeSeconds
      distanceM: 11086.87,
      avgHr: 157,
      maxHr: 182,
      sourceName: "fēnix 5",
    });
  });

  it("Polar Flow: whitespace before <?xml, lap StartTimes in timer time, a 619 s pause: 6281425038.tcx", () => {
    const run = only(importTcx(read("tcx/6281425038.tcx")));
    expectActivity(run, {
      sport: "run",
      start: "2016-09-12T11:19:55Z",
      elapsedS: 2163, // the last trackpoint is 11:55:58; the laps alone would end at 11:45:40
      movingS: 1545,
      distanceM: 4156.7,
      avgHr: 130,
      maxHr: 139,
      sourceName: "Polar V800",
    });
  });

  it("Polar Flow: several <Track> per lap (one after each pause): polar.tcx", () => {
    const run = only(importTcx(read("tcx/polar.tcx")));
    expectActivity(run, {
      sport: "run",
      start: "2018-01-21T10:10:59Z",
      elapsedS: 6958,
      movingS: 6314,
      distanceM: 10821,
      avgHr: 157, // (164 × 2656 + 152 × 3658) / 6314
      maxHr: 185,
      sourceName: "Polar V800",
    });
  });
});

describe.skipIf(!CORPUS)("the same activity in several formats", () => {
  it("6782987395 as GPX and TCX agrees with its FIT session", () => {
    const fromGpx = only(importGpx(read("gpx/6782987395.gpx")));
    const fromTcx = only(importTcx(read("tcx/6782987395.tcx")));
    const fit = FIT_SESSION["6782987395"];
    for (const activity of [fromGpx, fromTcx]) {
      expect(activity.start.slice(0, 19)).toBe(fit.start.slice(0, 19));
      expect(activity.sport).toBe("run");
      expect(Math.abs((activity.elapsedS ?? 0) - fit.elapsedS)).toBeLessThanOrEqual(1);
      expect(Math.abs((activity.movingS ?? 0) - fit.timerS)).toBeLessThanOrEqual(1);
      expect(activity.avgHr).toBe(fit.avgHr);
      expect(activity.maxHr).toBe(fit.maxHr);
      within(activity.ascentM, fit.ascentM, 0.05);
    }
    expect(fromTcx.distanceM).toBeCloseTo(fit.distanceM, 0);
    // The GPX only has positions: their haversine length is 1.06 % longer than the device's
    // filtered distance (GPS jitter at 1 Hz on a trail).
    within(fromGpx.distanceM, fit.distanceM, 0.015);
  });

  it("2067489619 as GPX (smart recording) agrees with its FIT session", () => {
    const fromGpx = only(importGpx(read("gpx/2067489619.gpx")));
    const fit = FIT_SESSION["2067489619"];
    expect(fromGpx.start.slice(0, 19)).toBe(fit.start.slice(0, 19));
    within(fromGpx.elapsedS, fit.elapsedS, 0.005);
    within(fromGpx.movingS, fit.timerS, 0.025);
    // Straight lines between points a few seconds apart cut the corners: 2.1 % short.
    within(fromGpx.distanceM, fit.distanceM, 0.025);
    expect(Math.abs((fromGpx.avgHr ?? 0) - fit.avgHr)).toBeLessThanOrEqual(1);
    expect(Math.abs((fromGpx.maxHr ?? 0) - fit.maxHr)).toBeLessThanOrEqual(1);
    within(fromGpx.ascentM, fit.ascentM, 0.1);
  });

  it("the FIT files and the decoded-records CSV beside them are told apart by content", () => {
    const fitDir = join(CORPUS ?? "", "fit");
    const fits = readdirSync(fitDir).filter((name) => name.endsWith(".fit"));
    expect(fits.length).toBeGreaterThan(20);
    for (const name of fits)
      expect([name, detectFormat(read(`fit/${name}`))]).toEqual([name, "fit"]);
    expect(detectFormat(read("fit/garmin-fenix-5-run-records.csv"))).toBe("csv");
  });
});

describe.skipIf(!CORPUS)("gzip-compressed GPX and TCX", () => {
  it.each([
    ["gpx/6782987395.gpx", "gpx", importGpx],
    ["tcx/6281425038.tcx", "tcx", importTcx],
  ] as const)("%s.gz gives the same activity as the plain file", (path, format, importer) => {
    const plain = read(path);
    const gz = gzipSync(plain);
    expect(detectFormat(gz)).toBe("gzip");
    const inflated = gunzipLimited(gz, 64 << 20);
    if (!inflated.ok) throw new Error(inflated.error);
    expect(detectFormat(inflated.bytes)).toBe(format);
    expect(importer(inflated.bytes)).toEqual(importer(plain));
  });

  it("refuses a .gpx.gz that inflates past the limit", () => {
    const gz = gzipSync(read("gpx/6782987395.gpx")); // 2 MB inflated
    expect(gunzipLimited(gz, 1 << 20)).toEqual({
      ok: false,
      error: "gzip content larger than 1048576 bytes: refused",
      tooLarge: true,
    });
  });
});
