/**
 * The FIT importer against the real files of the shared corpus (../shared/corpus/fit, see its
 * README), one test per quirk. Runs when CAPACITY_CORPUS_DIR is set (CI always sets it); then
 * a missing file fails, it never skips. Expected values were read from each file's session
 * message (and, for 6782987395, by hand from the GPX and TCX exports of the same run).
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { importFit } from "../../src/adapters/importers/fit.js";
import type { Activity, FileImport } from "../../src/core/running/activity.js";

const CORPUS = process.env.CAPACITY_CORPUS_DIR;

function read(dir: string, name: string): Uint8Array {
  // readFileSync throws on a missing file: the test fails, it does not skip.
  return new Uint8Array(readFileSync(join(CORPUS as string, dir, name)));
}

function importCorpus(name: string): FileImport {
  return importFit(read("fit", name));
}

function activities(name: string): readonly Activity[] {
  const result = importCorpus(name);
  if (!result.ok) throw new Error(`${name} was refused: ${result.error}`);
  expect(result.format).toBe("fit");
  return result.activities;
}

function only(name: string): Activity {
  const all = activities(name);
  expect(all).toHaveLength(1);
  return all[0] as Activity;
}

function refusal(name: string): string {
  const result = importCorpus(name);
  if (result.ok) throw new Error(`${name} was imported, a refusal was expected`);
  return result.error;
}

/** Distance within 1 %. */
function expectDistance(actual: number | null, expected: number, tolerance = 0.01): void {
  expect(actual).not.toBeNull();
  expect(Math.abs((actual as number) - expected)).toBeLessThanOrEqual(expected * tolerance);
}

describe.skipIf(!CORPUS)("FIT importer on the real-file corpus", () => {
  it("a plain Garmin run (Fenix 2, 47 min): its session, and heart rate from the records when the session has none", () => {
    const run = only("activity-small-fenix2-run.fit");
    expect(run).toMatchObject({
      sport: "run",
      start: "2015-08-15T14:45:08.000Z",
      elapsedS: 2832,
      movingS: 2832,
      ascentM: 64,
      sourceName: "Garmin Fenix 2",
      warnings: [],
    });
    expectDistance(run.distanceM, 9008.22);
    expect(run.maxHr).toBe(178);
    expect(run.avgHr).toBe(154);
  });

  it("Fenix 5 run, walk and ride map to run, walk and ride", () => {
    const run = only("garmin-fenix-5-run.fit");
    expect(run).toMatchObject({
      sport: "run",
      start: "2017-06-11T14:34:09.000Z",
      elapsedS: 56.887,
      movingS: 56.887,
      avgHr: 90,
      maxHr: 112,
      ascentM: 2,
      sourceName: "Garmin Fenix 5",
    });
    expectDistance(run.distanceM, 157.56);
    const walk = only("garmin-fenix-5-walk.fit");
    expect(walk).toMatchObject({
      sport: "walk",
      start: "2017-06-11T14:32:51.000Z",
      avgHr: 75,
      maxHr: 82,
    });
    expectDistance(walk.distanceM, 67.85);
    const ride = only("garmin-fenix-5-bike.fit");
    expect(ride).toMatchObject({
      sport: "ride",
      start: "2017-06-12T16:09:22.000Z",
      elapsedS: 60.363,
    });
    expectDistance(ride.distanceM, 459.52);
  });

  it("the Fenix 5 run agrees with the records another parser decoded (garmin-fenix-5-run-records.csv)", () => {
    const csv = readFileSync(
      join(CORPUS as string, "fit", "garmin-fenix-5-run-records.csv"),
      "utf8",
    );
    const lines = csv.trim().split(/\r?\n/);
    const header = (lines[0] as string).split(",");
    const rows = lines.slice(1).map((l) => l.split(","));
    const distanceColumn = header.findIndex((h) => h.trim() === "distance");
    expect(distanceColumn).toBeGreaterThanOrEqual(0);
    const lastDistance = Math.max(
      ...rows.map((r) => Number(r[distanceColumn])).filter(Number.isFinite),
    );
    expectDistance(only("garmin-fenix-5-run.fit").distanceM, lastDistance, 0.02);
  });

  it("Forerunner 945 run matches the same run's GPX and TCX exports (values read by hand)", () => {
    const run = only("6782987395.fit");
    expect(run).toMatchObject({
      sport: "run",
      start: "2019-06-15T09:42:23.000Z",
      elapsedS: 4989.112,
      movingS: 4989.112,
      avgHr: 137,
      maxHr: 167,
      ascentM: 347,
      sourceName: "Garmin Forerunner 945",
    });
    expectDistance(run.distanceM, 14004.85);
    // GPX: first trackpoint 2019-06-15T09:42:23Z, last 11:05:32Z (4989 s).
    const gpx = new TextDecoder().decode(read("gpx", "6782987395.gpx"));
    const times = [...gpx.matchAll(/<trkpt[\s\S]*?<time>([^<]+)<\/time>/g)].map((m) =>
      Date.parse(m[1] as string),
    );
    const startMs = Date.parse(run.start);
    expect(Math.abs((times[0] as number) - startMs)).toBeLessThanOrEqual(5000);
    expect(Math.abs((times.at(-1) as number) - startMs - 4989_000)).toBeLessThanOrEqual(15_000);
    // TCX: laps start 09:42:23Z; 3448.443 s + 1540.669 s; 8825.74 m + 5179.11 m.
    const tcx = new TextDecoder().decode(read("tcx", "6782987395.tcx"));
    expect(tcx).toContain('<Lap StartTime="2019-06-15T09:42:23.000Z"');
    expect(Math.abs((run.movingS as number) - (3448.443 + 1540.669))).toBeLessThan(1);
    expectDistance(run.distanceM, 8825.74 + 5179.11, 0.02);
  });

  it("a VivoActive HR run whose GPX and TCX also exist (2067489619)", () => {
    const run = only("2067489619.fit");
    expect(run).toMatchObject({
      sport: "run",
      start: "2017-10-08T14:54:11.000Z",
      elapsedS: 2824.407,
      movingS: 2820.172,
      avgHr: 130,
      maxHr: 179,
      ascentM: 33,
      sourceName: "Garmin VivoActive HR",
    });
    expectDistance(run.distanceM, 4489.39);
  });

  it("a Suunto run whose pauses leave no records: timer time below elapsed time", () => {
    const run = only("6909950168-no-pause-records.fit");
    expect(run).toMatchObject({
      sport: "run",
      start: "2020-03-04T16:14:31.000Z",
      elapsedS: 2195.998,
      movingS: 2160.68,
      avgHr: 148,
      maxHr: 161,
      sourceName: "Suunto 9 Baro",
    });
    expectDistance(run.distanceM, 6458);
  });

  it("developer (Connect IQ) fields do not break decoding: Stryd run", () => {
    const run = only("developer-types-sample.fit");
    expect(run).toMatchObject({
      sport: "run",
      start: "2017-01-17T17:06:47.000Z",
      elapsedS: 3424,
      movingS: 3424,
      sourceName: "Stryd",
      warnings: [],
    });
    expectDistance(run.distanceM, 6753.99);
  });

  it("developer fields in a file with no session and no timestamps: refused with the reason", () => {
    expect(refusal("DeveloperData.fit")).toBe(
      "The FIT file holds no session summary and no timed records to derive an activity from.",
    );
  });

  it("compressed timestamps from a device whose clock was never set: start from local time, with a warning", () => {
    const run = only("compressed-speed-distance.fit");
    expect(run).toMatchObject({
      sport: "run",
      start: "2012-02-13T11:16:16.000Z",
      elapsedS: 3883.273,
      movingS: 3772.75,
      avgHr: 170,
      maxHr: 190,
      sourceName: "Garmin Forerunner 70",
    });
    expectDistance(run.distanceM, 10248.67);
    expect(run.warnings).toEqual([expect.stringContaining("clock was not set")]);
  });

  it("null compressed speed/distance (Zwift virtual ride): a 0 heart rate is no heart rate", () => {
    const ride = only("null_compressed_speed_dist.fit");
    expect(ride).toMatchObject({
      sport: "ride",
      start: "2017-10-05T00:04:06.000Z",
      elapsedS: 1807,
      movingS: 1808,
      avgHr: null,
      maxHr: null,
      ascentM: 92,
      sourceName: "Zwift",
    });
    expectDistance(ride.distanceM, 13400.14);
  });

  it("Strava Android app file with lost bytes: damaged stretches skipped, its session kept, with warnings", () => {
    const run = only("strava-android-app-201.10-b1218918.fit");
    expect(run).toMatchObject({
      sport: "run",
      start: "2021-09-27T14:13:10.000Z",
      elapsedS: 3558,
      movingS: 3558,
      avgHr: null,
      maxHr: null,
      sourceName: "Strava",
    });
    expectDistance(run.distanceM, 11274.04);
    expect(run.warnings).toEqual([
      expect.stringContaining("cut short"),
      expect.stringMatching(/damaged in \d+ place\(s\)/),
    ]);
  });

  it("pool swim with chained HRM data files: one swim, the chained heart-rate files add nothing", () => {
    const swim = only("event_timestamp.fit");
    expect(swim).toMatchObject({
      sport: "swim",
      start: "2017-06-13T13:42:30.000Z",
      elapsedS: 4567.485,
      movingS: 4371.56,
      avgHr: 142,
      maxHr: 161,
      sourceName: "Garmin Forerunner 735 XT",
      warnings: [],
    });
    expectDistance(swim.distanceM, 2606.04);
  });

  it("multisport (Fenix 2): one activity per session, 7 in all", () => {
    const all = activities("activity-large-fenxi2-multisport.fit");
    expect(all.map((a) => [a.sport, a.start])).toEqual([
      ["other", "2015-08-29T08:00:01.000Z"],
      ["other", "2015-08-29T10:30:24.000Z"],
      ["run", "2015-08-29T10:36:00.000Z"],
      ["other", "2015-08-29T11:14:16.000Z"],
      ["run", "2015-08-29T11:14:21.000Z"],
      ["other", "2015-08-29T13:07:07.000Z"],
      ["ride", "2015-08-29T13:11:37.000Z"],
    ]);
    const lastRide = all[6] as Activity;
    expect(lastRide).toMatchObject({ elapsedS: 3211, movingS: 3211, ascentM: 234 });
    expectDistance(lastRide.distanceM, 28928.27);
  });

  it("triathlon with several FIT headers chained in one file: 5 sessions (swim, T1, ride, T2, run)", () => {
    const all = activities("sample_mulitple_header.fit");
    expect(all.map((a) => a.sport)).toEqual(["swim", "other", "ride", "other", "run"]);
    const run = all[4] as Activity;
    expect(run).toMatchObject({
      start: "2018-05-27T09:23:41.000Z",
      elapsedS: 2850.694,
      avgHr: 176,
      maxHr: 187,
      sourceName: "Garmin Forerunner 920 XT",
    });
    expectDistance(run.distanceM, 9805.92);
    expectDistance(all[0]?.distanceM ?? null, 1644.71);
  });

  it("rides from Wahoo ELEMNT, Coros (misaligned fields) and a Garmin Edge 500", () => {
    const wahoo = only("2019-02-17-062644-ELEMNT-297E-195-0.fit");
    expect(wahoo).toMatchObject({
      sport: "ride",
      start: "2019-02-17T06:26:44.000Z",
      elapsedS: 23595,
      movingS: 13471,
      avgHr: 124,
      maxHr: 170,
      ascentM: 185,
      sourceName: "Wahoo Fitness",
    });
    expectDistance(wahoo.distanceM, 78940.55);
    const coros = only("coros-pace-2-cycling-misaligned-fields.fit");
    expect(coros).toMatchObject({
      sport: "ride",
      start: "2020-10-25T11:10:19.000Z",
      elapsedS: 12719,
      movingS: 11287,
      maxHr: 168,
      ascentM: 938,
      sourceName: "COROS PACE 2",
    });
    expectDistance(coros.distanceM, 32145.76);
    const edge = only("sample-activity.fit");
    expect(edge).toMatchObject({
      sport: "ride",
      start: "2011-06-26T21:18:39.000Z",
      elapsedS: 11741.57,
      movingS: 10699.36,
      avgHr: 166,
      maxHr: 191,
      sourceName: "Garmin Edge 500",
    });
    expectDistance(edge.distanceM, 88797.21);
  });

  it("indoor fitness equipment (rowing) without GPS: other, no distance, heart rate kept", () => {
    const row = only("20170518-191602-1740899583.fit");
    expect(row).toMatchObject({
      sport: "other",
      start: "2017-05-18T16:37:30.000Z",
      elapsedS: 1707.308,
      movingS: 1707.308,
      distanceM: null,
      avgHr: 132,
      maxHr: 179,
      sourceName: "Garmin VivoActive HR",
    });
  });

  it("a recording never finished (no session, no final CRC): derived from its records, with a warning", () => {
    const ride = only("nick.fit");
    expect(ride).toMatchObject({
      sport: "ride",
      start: "2020-09-12T12:23:38.000Z",
      elapsedS: 16723,
      movingS: 14383,
      avgHr: 143,
      maxHr: 160,
      ascentM: null,
      sourceName: "Sigmasport",
    });
    expectDistance(ride.distanceM, 113550.87);
    expect(ride.warnings).toEqual([expect.stringContaining("no session summary")]);
  });

  it("wrong file CRC: imported, with a warning that says the CRC did not match", () => {
    const run = only("activity-filecrc.fit");
    expect(run).toMatchObject({
      sport: "run",
      start: "2012-04-09T21:22:26.000Z",
      elapsedS: 13.749,
    });
    expectDistance(run.distanceM, 5.73);
    expect(run.warnings).toEqual([
      "The file does not match its CRC (stored 0xB1D5, computed 0xA1D5): it may be damaged; imported as read.",
      "Recorded for only 13.7 s (under a minute): a watch started by mistake looks like this; delete the activity if it was not one.",
    ]);
  });

  it("two chained activity files, the second with a wrong CRC: both sessions, the warning on the second", () => {
    const [first, second] = activities("activity-activity-filecrc.fit");
    expect(first?.warnings).toEqual([
      "Recorded for only 13.7 s (under a minute): a watch started by mistake looks like this; delete the activity if it was not one.",
    ]);
    expect(second?.start).toBe("2012-04-09T21:22:26.000Z");
    expect(second?.warnings).toEqual([
      expect.stringMatching(/^FIT file 2 of 2 .*does not match its CRC/),
      "Recorded for only 13.7 s (under a minute): a watch started by mistake looks like this; delete the activity if it was not one.",
    ]);
  });

  it("corrupt header (an activity chained with a settings file whose header is damaged): refused", () => {
    expect(refusal("activity-settings-corruptheader.fit")).toBe(
      'The file is damaged: the header of FIT file 2 chained at byte 771 is corrupt (".GIT" where ".FIT" is expected).',
    );
  });

  it("cut off mid-record: the session read before the break is kept, with a warning", () => {
    const run = only("activity-unexpected-eof.fit");
    expect(run).toMatchObject({
      sport: "run",
      start: "2012-04-09T21:22:26.000Z",
      elapsedS: 13.749,
    });
    expect(run.warnings).toEqual([
      expect.stringContaining("cut short"),
      "Recorded for only 13.7 s (under a minute): a watch started by mistake looks like this; delete the activity if it was not one.",
    ]);
  });

  it("a long recording cut short before its summary: derived from the records read before the break", () => {
    const result = importFit(read("fit", "nick.fit").subarray(0, 200_000));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.activities).toHaveLength(1);
    const ride = result.activities[0] as Activity;
    expect(ride).toMatchObject({ sport: "ride", start: "2020-09-12T12:23:38.000Z" });
    expect(ride.elapsedS).toBeGreaterThan(3600);
    expect(ride.elapsedS).toBeLessThan(16723);
    expect(ride.warnings).toEqual([expect.stringContaining("no session summary")]);
  });

  it("cut off after one second: imported as the short recording it is, saying so; cut off before any record: refused", () => {
    // The one rule on short recordings (core/running/min-recording.ts): a duration, however
    // short, is an activity with a warning; no duration is none.
    const cut = read("fit", "activity-unexpected-eof.fit").subarray(0, 200);
    const result = importFit(cut);
    if (!result.ok) throw new Error(result.error);
    expect(result.activities).toHaveLength(1);
    expect(result.activities[0]?.elapsedS).toBe(1);
    expect(result.activities[0]?.warnings).toEqual([
      expect.stringContaining("has no session summary and no valid end"),
      "Recorded for only 1 s (under a minute): a watch started by mistake looks like this; delete the activity if it was not one.",
    ]);
    const headerOnly = importFit(read("fit", "activity-unexpected-eof.fit").subarray(0, 20));
    expect(headerOnly).toEqual({
      ok: false,
      format: "fit",
      error:
        "The FIT file is cut short (the file ends at byte 20, before the 771 bytes its header declares) and what was read before the break holds no activity.",
    });
  });

  it.each([
    ["Settings.fit", "This is a FIT settings file, not an activity."],
    ["MonitoringFile.fit", "This is a FIT daily monitoring file, not an activity."],
    ["WorkoutIndividualSteps.fit", "This is a FIT planned workout file, not an activity."],
    ["WorkoutRepeatSteps.fit", "This is a FIT planned workout file, not an activity."],
  ])("valid FIT file that is not an activity (%s): refused with that reason", (name, reason) => {
    expect(refusal(name)).toBe(reason);
  });

  it("bytes that are not FIT at all: refused, never thrown", () => {
    expect(importFit(new Uint8Array([1, 2, 3]))).toEqual({
      ok: false,
      format: "fit",
      error:
        "Not a readable FIT file: its header is corrupt (3 bytes, a FIT header needs at least 12).",
    });
  });
});
