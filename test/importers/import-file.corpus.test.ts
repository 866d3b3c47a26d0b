/** parseBytes on files of the real-file corpus (CAPACITY_CORPUS_DIR; skipped without it). */
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { importBytes, parseBytes } from "../../src/adapters/importers/import-file.js";

const CORPUS = process.env.CAPACITY_CORPUS_DIR;

describe.skipIf(!CORPUS)("parseBytes on corpus files", () => {
  it("imports gzipped real GPX and TCX files (19-31:1) and refuses the Fenix 5 records CSV", async () => {
    const corpus = CORPUS ?? "";
    for (const path of ["tcx/polar.tcx", "tcx/6782987395.tcx", "gpx/strava.gpx"]) {
      const bytes = new Uint8Array(await readFile(join(corpus, path)));
      const parsed = parseBytes(gzipSync(bytes, { level: 9 }), `${path}.gz`);
      expect(parsed.results).toEqual([importBytes(bytes, path)]);
      expect(parsed.results[0].ok).toBe(true);
    }
    const records = "fit/garmin-fenix-5-run-records.csv";
    const csv = importBytes(new Uint8Array(await readFile(join(corpus, records))), records);
    expect(csv).toMatchObject({
      ok: false,
      error: /is a CSV file but not a Strava activities.csv/,
    });
  });
});
