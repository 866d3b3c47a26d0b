import { createWriteStream } from "node:fs";
import { mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { pipeline } from "node:stream/promises";
import { deflateRawSync, gzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import yazl from "yazl";
import { type ArchiveEntryResult, importArchive } from "./archive.js";
import { importFit } from "./fit.js";
import { importGpx } from "./gpx.js";
import { importBytes } from "./import-file.js";
import { importTcx } from "./tcx.js";

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "capacity-archive-"));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

type Entry = { name: string; bytes: Uint8Array | string; compress?: boolean };

async function makeZip(file: string, entries: Entry[], folders: string[] = []): Promise<string> {
  const zip = new yazl.ZipFile();
  for (const folder of folders) zip.addEmptyDirectory(folder);
  for (const { name, bytes, compress } of entries) {
    zip.addBuffer(Buffer.from(bytes), name, { compress: compress ?? true });
  }
  zip.end();
  const path = join(dir, file);
  await pipeline(zip.outputStream, createWriteStream(path));
  return path;
}

/** Renames entries in a built zip (same length): yazl refuses `..` and absolute names. */
async function patchZip(path: string, from: string, to: string): Promise<void> {
  const bytes = await readFile(path);
  const find = Buffer.from(from);
  let at = bytes.indexOf(find);
  expect(at).toBeGreaterThanOrEqual(0);
  while (at >= 0) {
    bytes.write(to, at);
    at = bytes.indexOf(find, at + 1);
  }
  await writeFile(path, bytes);
}

/** A tiny GPX run: ten points 10 s apart, about 30 m apart. */
function gpx(type = "running", startIso = "2026-10-01T06:00:00Z"): string {
  const start = Date.parse(startIso);
  const points = Array.from({ length: 10 }, (_, i) => {
    const time = new Date(start + i * 10_000).toISOString();
    return `<trkpt lat="${(48 + i * 0.0003).toFixed(4)}" lon="2.0000"><ele>${100 + i}</ele><time>${time}</time></trkpt>`;
  }).join("");
  const typeTag = type ? `<type>${type}</type>` : "";
  return `<?xml version="1.0" encoding="UTF-8"?><gpx version="1.1" creator="Test" xmlns="http://www.topografix.com/GPX/1/1"><trk><name>Run</name>${typeTag}<trkseg>${points}</trkseg></trk></gpx>`;
}

const HEADER =
  "Activity ID,Activity Date,Activity Name,Activity Type,Activity Description,Elapsed Time,Distance,Max Heart Rate,Relative Effort,Commute,Activity Private Note,Activity Gear,Filename,Athlete Weight,Bike Weight,Elapsed Time,Moving Time,Distance,Max Speed,Average Speed,Elevation Gain,Elevation Loss,Average Heart Rate";

const bySource = (results: ArchiveEntryResult[], source: string) =>
  results.find((entry) => entry.source === source)?.result;

describe("importBytes", () => {
  it("imports a GPX and a gzipped GPX alike, and refuses unknown content clearly", () => {
    const plain = new TextEncoder().encode(gpx());
    const direct = importGpx(plain);
    expect(direct.ok).toBe(true);
    expect(importBytes(plain, "a.gpx")).toEqual(direct);
    expect(importBytes(gzipSync(plain), "a.gpx.gz")).toEqual(direct);
    const unknown = importBytes(new TextEncoder().encode("hello world"), "notes.txt");
    expect(unknown).toMatchObject({ ok: false, format: null });
    if (!unknown.ok) expect(unknown.error).toMatch(/"notes.txt" is not an activity file/);
    const bomb = importBytes(gzipSync(Buffer.alloc(2048)), "x.gz", { maxGunzippedBytes: 1024 });
    expect(bomb.ok).toBe(false);
  });
});

describe("importArchive", () => {
  it("imports a Strava-like export: files, manual rows and the CSV's sport", async () => {
    const csv = [
      HEADER,
      '1,"Oct 1, 2026, 6:00:00 AM",Morning Run,Run,,90,0.27,,,false,,,activities/1.gpx,,,90,90,270,,,,,',
      '2,"Oct 2, 2026, 6:00:00 AM",Ride,Ride,,90,0.27,,,false,,,activities/2.gpx.gz,,,90,90,270,,,,,',
      '3,"Oct 3, 2026, 6:00:00 PM",Treadmill,Run,,1800,5.0,,,false,,,,,,1800,1800,,,,,,',
      '4,"Oct 4, 2026, 6:00:00 PM",Gym,Weight Training,,2400,0,,,false,,,,,,2400,2400,0,,,,,',
    ].join("\n");
    const path = await makeZip(
      "strava.zip",
      [
        { name: "activities/1.gpx", bytes: gpx("running") },
        // No <type>: the file says "other", the CSV row says ride.
        { name: "activities/2.gpx.gz", bytes: gzipSync(gpx("", "2026-10-02T06:00:00Z")) },
        { name: "activities.csv", bytes: csv },
        { name: "profile.csv", bytes: "Athlete ID,Email Address\n1,a@b.c" },
        { name: "media/photo.jpg", bytes: new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3]) },
      ],
      ["activities/", "media/"],
    );
    const results = await importArchive(path);
    expect(results.map((entry) => entry.source).sort()).toEqual([
      "activities.csv",
      "activities/1.gpx",
      "activities/2.gpx.gz",
    ]);
    const run = bySource(results, "activities/1.gpx");
    expect(run).toMatchObject({ ok: true, format: "gpx", activities: [{ sport: "run" }] });
    const ride = bySource(results, "activities/2.gpx.gz");
    expect(ride).toMatchObject({ ok: true, format: "gpx", activities: [{ sport: "ride" }] });
    if (ride?.ok) expect(ride.activities[0]?.warnings.at(-1)).toMatch(/activities.csv line 3/);
    const rows = bySource(results, "activities.csv");
    expect(rows).toMatchObject({
      ok: true,
      format: "csv",
      activities: [
        { sport: "run", distanceM: 5000, elapsedS: 1800, start: "2026-10-03T18:00:00.000Z" },
        { sport: "strength", elapsedS: 2400 },
      ],
    });
  });

  it("imports a folder of files, nested .gpx.gz too", async () => {
    const path = await makeZip("garmin.zip", [
      { name: "a/b/c/run.gpx.gz", bytes: gzipSync(gpx()) },
      { name: "run.gpx", bytes: gpx("running", "2026-09-01T06:00:00Z") },
    ]);
    const results = await importArchive(path);
    expect(results).toHaveLength(2);
    expect(bySource(results, "a/b/c/run.gpx.gz")).toMatchObject({ ok: true, format: "gpx" });
    expect(bySource(results, "run.gpx")).toMatchObject({ ok: true, format: "gpx" });
  });

  it("refuses ../ and absolute entry names and writes nothing", async () => {
    const path = await makeZip("evil.zip", [
      { name: "xx/evil.gpx", bytes: gpx() },
      { name: "_abs.gpx", bytes: gpx() },
      { name: "good.gpx", bytes: gpx() },
    ]);
    await patchZip(path, "xx/evil.gpx", "../evil.gpx");
    await patchZip(path, "_abs.gpx", "/abs.gpx");
    const before = await readdir(dir);
    const results = await importArchive(path);
    expect(bySource(results, "../evil.gpx")).toMatchObject({ ok: false });
    const evil = bySource(results, "../evil.gpx");
    if (evil && !evil.ok) expect(evil.error).toMatch(/outside the archive/);
    const abs = bySource(results, "/abs.gpx");
    expect(abs).toMatchObject({ ok: false });
    if (abs && !abs.ok) expect(abs.error).toMatch(/absolute path/);
    expect(bySource(results, "good.gpx")).toMatchObject({ ok: true });
    expect(await readdir(dir)).toEqual(before);
    expect(await readdir(dirname(dir))).not.toContain("evil.gpx");
  });

  it("refuses a zip bomb by its ratio and imports the rest", async () => {
    const path = await makeZip("bomb.zip", [
      { name: "zeros.gpx", bytes: new Uint8Array(50 * 1024 * 1024) },
      { name: "good.gpx", bytes: gpx() },
    ]);
    const results = await importArchive(path);
    const bomb = bySource(results, "zeros.gpx");
    expect(bomb).toMatchObject({ ok: false });
    if (bomb && !bomb.ok) expect(bomb.error).toMatch(/zip bomb/);
    expect(bySource(results, "good.gpx")).toMatchObject({ ok: true });
  });

  it("applies the size limits", async () => {
    const path = await makeZip("sizes.zip", [
      { name: "a.gpx", bytes: gpx() },
      { name: "b.gpx", bytes: gpx() },
    ]);
    const small = await importArchive(path, { maxEntryBytes: 100 });
    expect(small.every((entry) => !entry.result.ok)).toBe(true);
    const total = await importArchive(path, { maxTotalBytes: gpx().length + 10 });
    expect(total.map((entry) => entry.result.ok)).toEqual([true, false]);
    const many = importArchive(path, { maxEntries: 1 });
    await expect(many).rejects.toThrow(/2 entries, more than the 1 allowed/);
  });

  it("reports a corrupt entry and imports the others", async () => {
    // The deflated data of broken.gpx is found in the zip and damaged: inflating it fails.
    const content = gpx("running", "2026-08-01T06:00:00Z");
    const path = await makeZip("corrupt.zip", [
      { name: "broken.gpx", bytes: content },
      { name: "garbage.fit", bytes: "this is not a FIT file at all" },
      { name: "good.gpx", bytes: gpx() },
    ]);
    const zipBytes = await readFile(path);
    const deflated = deflateRawSync(Buffer.from(content));
    const at = zipBytes.indexOf(deflated);
    expect(at).toBeGreaterThan(0);
    zipBytes.fill(0xff, at, at + 16);
    await writeFile(path, zipBytes);
    const results = await importArchive(path);
    const broken = bySource(results, "broken.gpx");
    expect(broken).toMatchObject({ ok: false });
    if (broken && !broken.ok) expect(broken.error).toMatch(/could not be read from the archive/);
    const garbage = bySource(results, "garbage.fit");
    expect(garbage).toMatchObject({ ok: false });
    if (garbage && !garbage.ok) expect(garbage.error).toMatch(/not an activity file/);
    expect(bySource(results, "good.gpx")).toMatchObject({ ok: true });
  });

  it("refuses a file that is not a zip archive with a clear error", async () => {
    const path = join(dir, "not-a-zip.zip");
    await writeFile(path, gpx());
    await expect(importArchive(path)).rejects.toThrow(/is not a readable zip archive/);
    await expect(importArchive(join(dir, "missing.zip"))).rejects.toThrow(/not a readable zip/);
  });
});

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
