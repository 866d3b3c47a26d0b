/**
 * importArchive on files of the real-file corpus (CAPACITY_CORPUS_DIR; skipped without it):
 * entries of a zip import as the files do on their own.
 */
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { importArchive } from "../../src/adapters/importers/archive.js";
import { importFit } from "../../src/adapters/importers/fit.js";
import { importGpx } from "../../src/adapters/importers/gpx.js";
import { importTcx } from "../../src/adapters/importers/tcx.js";
import { STRAVA_HEADER, makeZip as writeZip, type ZipEntry } from "../support/activity-files.js";

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "capacity-archive-corpus-"));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

type Entry = ZipEntry;
const makeZip = (file: string, entries: Entry[]) => writeZip(dir, file, entries);
const row = (line: string) => [STRAVA_HEADER, line].join("\n");

const CORPUS = process.env.CAPACITY_CORPUS_DIR;

describe.skipIf(!CORPUS)("importArchive on corpus files", () => {
  it("imports corpus files as their direct imports do", async () => {
    const corpus = CORPUS ?? "";
    const files = [
      { path: "fit/garmin-fenix-5-run.fit", direct: importFit },
      { path: "fit/activity-large-fenxi2-multisport.fit", direct: importFit },
      { path: "gpx/strava.gpx", direct: importGpx },
      { path: "tcx/garmin.tcx", direct: importTcx },
      { path: "tcx/polar.tcx", direct: importTcx, gzip: true },
      { path: "fit/Settings.fit", direct: importFit },
    ];
    const entries: Entry[] = [];
    const expected = new Map<string, unknown>();
    for (const file of files) {
      const bytes = new Uint8Array(await readFile(join(corpus, file.path)));
      const name = `export/${file.path}${file.gzip ? ".gz" : ""}`;
      entries.push({ name, bytes: file.gzip ? gzipSync(bytes) : bytes });
      expected.set(name, file.direct(bytes));
    }
    const results = await importArchive(await makeZip("corpus.zip", entries));
    expect(results).toHaveLength(files.length);
    for (const { source, result } of results) expect(result).toEqual(expected.get(source));
    expect(results.filter((entry) => entry.result.ok)).toHaveLength(files.length - 1);
  });
});

describe.skipIf(!CORPUS)("importArchive: a Strava row on a corpus multisport file", () => {
  it("keeps a Swim row's sport off the Fenix 2's generic session and transitions", async () => {
    const corpus = CORPUS ?? "";
    const file = "fit/activity-large-fenxi2-multisport.fit";
    const bytes = new Uint8Array(await readFile(join(corpus, file)));
    const path = await makeZip("fenix2.zip", [
      { name: "activities/1.fit", bytes },
      {
        name: "activities.csv",
        bytes: row(
          '1,"Aug 29, 2015, 8:00:00 AM",Tri,Swim,,11738,25.0,,,false,,,activities/1.fit,,,11738,11738,25072,,,,,',
        ),
      },
    ]);
    const [result] = await importArchive(path);
    const direct = importFit(bytes);
    if (!result?.result.ok || !direct.ok) throw new Error("not imported");
    expect(direct.activities.map((activity) => activity.sport)).toEqual([
      "other",
      "other",
      "run",
      "other",
      "run",
      "other",
      "ride",
    ]);
    // The generic session (the whole race, 3 h 15 min) starts at the row's time: it stays other.
    expect(result.result).toEqual(direct);
  });
});
