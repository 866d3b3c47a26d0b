import { randomBytes } from "node:crypto";
import { gzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { STRAVA_HEADER } from "../../../test/support/activity-files.js";
import { importBytes, MAX_GUNZIPPED_BYTES, parseBytes } from "./import-file.js";

const utf8 = (text: string) => new TextEncoder().encode(text);

/** A tiny GPX run: ten points 10 s apart. */
function gpx(): string {
  const start = Date.parse("2026-10-01T06:00:00Z");
  const points = Array.from({ length: 10 }, (_, i) => {
    const time = new Date(start + i * 10_000).toISOString();
    return `<trkpt lat="${(48 + i * 0.0003).toFixed(4)}" lon="2.0000"><time>${time}</time></trkpt>`;
  }).join("");
  return `<?xml version="1.0"?><gpx version="1.1" creator="Test" xmlns="http://www.topografix.com/GPX/1/1"><trk><type>running</type><trkseg>${points}</trkseg></trk></gpx>`;
}

describe("parseBytes: the gzip layer's limits", () => {
  it("refuses a lone .gz inflating more than 100:1 past 1 MB as a bomb, without inflating it all", () => {
    const bomb = gzipSync(new Uint8Array(50 * 1024 * 1024));
    expect(bomb.length).toBeLessThan(100 * 1024);
    const parsed = parseBytes(bomb, "zeros.fit.gz");
    expect(parsed.results).toEqual([
      {
        ok: false,
        format: null,
        error: `"zeros.fit.gz" inflates to more than 100 times its compressed size (${Math.round(bomb.length / 1024)} KB): refused as a gzip bomb.`,
      },
    ]);
    expect(parsed.inflatedBytes).toBe(0);
  });

  it("lets a small file inflate however much (under 1 MB) and a big one under 100:1", () => {
    // 900 KB of zeros: far more than 100:1, but small.
    const small = parseBytes(gzipSync(new Uint8Array(900 * 1024)), "small.gz");
    expect(small.results[0]).toMatchObject({ ok: false, error: /"small.gz" is not an activity/ });
    expect(small.inflatedBytes).toBe(900 * 1024);
    // 2 MB at about 2:1 (random hex): not a bomb.
    const hex = utf8(randomBytes(1024 * 1024).toString("hex"));
    const big = parseBytes(gzipSync(hex), "big.gz");
    expect(big.results[0]).toMatchObject({ ok: false, error: /is not an activity file/ });
    expect(big.inflatedBytes).toBe(hex.length);
  });

  it("says which limit stopped it: the file's size or the archive's total", () => {
    const hex = gzipSync(utf8(randomBytes(4096).toString("hex")));
    expect(parseBytes(hex, "a.gz", { maxGunzippedBytes: 1000 }).results[0]).toEqual({
      ok: false,
      format: null,
      error: `"a.gz" inflates to more than 1000 bytes, more than an activity file may be: refused.`,
    });
    const archive = { leftBytes: 2000, maxBytes: 5 * 1024 * 1024 * 1024 };
    expect(parseBytes(hex, "b.gz", { archiveTotal: archive }).results[0]).toEqual({
      ok: false,
      format: null,
      error: `"b.gz": with its gzip content, the archive's entries add up to more than 5.0 GB uncompressed: refused.`,
    });
    const none = parseBytes(hex, "c.gz", { archiveTotal: { ...archive, leftBytes: 0 } });
    expect(none.results[0]).toMatchObject({ ok: false, error: /archive's entries add up/ });
  });

  it("reports the inflated size and imports as the plain file does", () => {
    const plain = utf8(gpx());
    const parsed = parseBytes(gzipSync(plain), "a.gpx.gz");
    expect(parsed.inflatedBytes).toBe(plain.length);
    expect(parsed.results).toEqual([importBytes(plain, "a.gpx")]);
    expect(parseBytes(plain, "a.gpx").inflatedBytes).toBe(0);
  });

  it("allows 128 MB: a 24-hour TCX at 1 Hz is about 60 MB", () => {
    expect(MAX_GUNZIPPED_BYTES).toBe(128 * 1024 * 1024);
  });
});

describe("parseBytes: plain files", () => {
  it("says an empty file is empty", () => {
    expect(importBytes(new Uint8Array(), "run.fit")).toEqual({
      ok: false,
      format: null,
      error: '"run.fit" is empty.',
    });
    expect(importBytes(utf8(" \r\n"), "run.gpx")).toEqual({
      ok: false,
      format: null,
      error: '"run.gpx" is empty.',
    });
    expect(importBytes(gzipSync(new Uint8Array()), "run.fit.gz")).toEqual({
      ok: false,
      format: null,
      error: '"run.fit.gz" is empty (inside gzip).',
    });
  });

  it("says a CSV that is not Strava's is a CSV file, naming it", () => {
    const csv = utf8("timestamp,heart_rate,cadence\nSun Jun 11 07:34:09 PDT 2017,61,0\n");
    expect(importBytes(csv, "records.csv")).toEqual({
      ok: false,
      format: "csv",
      error:
        '"records.csv" is a CSV file but not a Strava activities.csv export: it has no "Activity Date" and "Activity Type" columns.',
    });
  });
});

describe("parseBytes: a lone activities.csv", () => {
  it("imports the manual rows and reports each row left out", () => {
    const csv = utf8(
      [
        STRAVA_HEADER,
        '1,"Oct 5, 2026, 6:00:00 PM",Treadmill,Run,,1800,5.0,,,false,,,,,,1800,1800,,,,,,',
        "2,06/10/2026 18:00,Gym,Weight Training,,2400,0,,,false,,,,,,2400,2400,0,,,,,",
        '3,"Oct 7, 2026, 6:00:00 PM",Run,Run,,1800,5.0,,,false,,,activities/3.fit.gz,,,1800,1800,5000,,,,,',
        '4,"Oct 8, 2026, 6:00:00 PM",Run,Run,,1800,5.0,,,false,,,activities/4.gpx,,,1800,1800,5000,,,,,',
      ].join("\n"),
    );
    const { results } = parseBytes(csv, "export/activities.csv");
    expect(results).toEqual([
      {
        ok: true,
        format: "csv",
        activities: [expect.objectContaining({ sport: "run", start: "2026-10-05T18:00:00.000Z" })],
      },
      {
        ok: false,
        format: "csv",
        error:
          'line 3: the date "06/10/2026 18:00" is not a Strava date (such as "Oct 4, 2026, 7:12:00 AM"): the row is not imported.',
      },
      {
        ok: false,
        format: "csv",
        error:
          '2 rows name activity files (such as "activities/3.fit.gz" on line 4), not imported from this file alone: import the whole Strava export archive (the zip) to get them.',
      },
    ]);
    // importBytes gives the first result only.
    expect(importBytes(csv, "export/activities.csv")).toEqual(results[0]);
  });

  it("fails with the reasons when no row is imported", () => {
    const one = utf8(
      [
        STRAVA_HEADER,
        '3,"Oct 7, 2026, 6:00:00 PM",Run,Run,,1800,5.0,,,false,,,activities/3.fit.gz,,,1800,1800,5000,,,,,',
      ].join("\n"),
    );
    expect(parseBytes(one, "activities.csv").results).toEqual([
      {
        ok: false,
        format: "csv",
        error:
          'line 2 names an activity file ("activities/3.fit.gz"), not imported from this file alone: import the whole Strava export archive (the zip) to get it.',
      },
    ]);
    expect(parseBytes(utf8(STRAVA_HEADER), "activities.csv").results).toEqual([
      { ok: false, format: "csv", error: '"activities.csv" holds no activity.' },
    ]);
  });
});
