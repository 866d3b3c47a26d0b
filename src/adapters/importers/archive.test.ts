import { mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { deflateRawSync, gzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  STRAVA_HEADER,
  makeZip as writeZip,
  type ZipEntry,
} from "../../../test/support/activity-files.js";
import { type ArchiveEntryResult, importArchive, isOsDebris, readArchive } from "./archive.js";
import { importGpx } from "./gpx.js";
import { importBytes, parseBytes } from "./import-file.js";

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "capacity-archive-"));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

type Entry = ZipEntry;

const makeZip = (file: string, entries: Entry[], folders: string[] = []) =>
  writeZip(dir, file, entries, folders);

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
      STRAVA_HEADER,
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

  it("skips a large photo or video after its first bytes, without a size refusal", async () => {
    const video = new Uint8Array(300 * 1024).map((_, i) => (i * 7919) % 251);
    const path = await makeZip("media.zip", [
      { name: "media/clip.mp4", bytes: video, compress: false },
      { name: "activities/run.gpx", bytes: gpx() },
    ]);
    const results = await importArchive(path, { maxEntryBytes: 200 * 1024 });
    expect(results.map((entry) => [entry.source, entry.result.ok])).toEqual([
      ["activities/run.gpx", true],
    ]);
    // Named like an activity file, the same bytes are read and refused for their size.
    const named = await makeZip("named.zip", [{ name: "x.fit", bytes: video, compress: false }]);
    const [refused] = await importArchive(named, { maxEntryBytes: 200 * 1024 });
    expect(refused?.result.ok === false && refused.result.error).toMatch(/more than/);
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

/** A GPX with one <trk> per start (no <type> unless given: sport other), 10 points each. */
function gpxTracks(starts: string[], types: string[] = []): string {
  const tracks = starts.map((startIso, index) => {
    const start = Date.parse(startIso);
    const points = Array.from({ length: 10 }, (_, i) => {
      const time = new Date(start + i * 10_000).toISOString();
      return `<trkpt lat="${(48 + i * 0.0003).toFixed(4)}" lon="2.0000"><time>${time}</time></trkpt>`;
    }).join("");
    const type = types[index] ? `<type>${types[index]}</type>` : "";
    return `<trk>${type}<trkseg>${points}</trkseg></trk>`;
  });
  return `<?xml version="1.0"?><gpx version="1.1" creator="Test" xmlns="http://www.topografix.com/GPX/1/1">${tracks.join("")}</gpx>`;
}

/** A GPX run of `points` points 1 s apart: about 10:1 under gzip. */
function longGpx(points: number): string {
  const start = Date.parse("2026-09-01T06:00:00Z");
  const trkpts = Array.from({ length: points }, (_, i) => {
    const time = new Date(start + i * 1000).toISOString();
    return `<trkpt lat="${(48 + i * 0.00003).toFixed(6)}" lon="2.000000"><ele>${100 + (i % 7)}</ele><time>${time}</time></trkpt>`;
  }).join("");
  return `<?xml version="1.0"?><gpx version="1.1" creator="Test" xmlns="http://www.topografix.com/GPX/1/1"><trk><type>running</type><trkseg>${trkpts}</trkseg></trk></gpx>`;
}

const row = (line: string) => [STRAVA_HEADER, line].join("\n");
const errorOf = (result: ArchiveEntryResult["result"] | undefined) =>
  result && !result.ok ? result.error : `not a failure: ${JSON.stringify(result)}`;

describe("importArchive: gzip files inside a zip (bombs)", () => {
  it("refuses stored .fit.gz files of 199 MB of zeros by their gzip ratio", async () => {
    // The reviewer's archive: an 8 MB zip of 40 stored .fit.gz that each inflate to 199 MB.
    const bomb = gzipSync(Buffer.alloc(199 * 1024 * 1024));
    const entries = Array.from({ length: 40 }, (_, i) => ({
      name: `activities/${i}.fit.gz`,
      bytes: bomb,
      compress: false,
    }));
    const path = await makeZip("gz-bombs.zip", [...entries, { name: "good.gpx", bytes: gpx() }]);
    const results = await importArchive(path);
    expect(results).toHaveLength(41);
    for (const { result } of results.slice(0, 40)) {
      expect(errorOf(result)).toMatch(
        /inflates to more than 100 times its compressed size .*gzip bomb/,
      );
    }
    expect(bySource(results, "good.gpx")).toMatchObject({ ok: true });
    // The reason names the ratio: each stopped at 100 × its compressed size (about 19 MB),
    // not after inflating 199 MB; how fast that is belongs to `npm run bench`.
  }, 30_000);

  it("counts a gzip entry's content toward the archive's total", async () => {
    const plain = longGpx(4000);
    const packed = gzipSync(plain);
    expect(plain.length / packed.length).toBeLessThan(100);
    const path = await makeZip("gz-total.zip", [
      { name: "a.gpx.gz", bytes: packed, compress: false },
      { name: "b.gpx.gz", bytes: packed, compress: false },
    ]);
    // Room for both gzip files and one content, not two.
    const maxTotalBytes = 2 * packed.length + plain.length + Math.round(plain.length / 2);
    const results = await importArchive(path, { maxTotalBytes });
    expect(bySource(results, "a.gpx.gz")).toMatchObject({ ok: true, format: "gpx" });
    expect(errorOf(bySource(results, "b.gpx.gz"))).toMatch(
      /^"b.gpx.gz": with its gzip content, the archive's entries add up to more than/,
    );
    // Without the limit both import.
    const all = await importArchive(path);
    expect(all.map((entry) => entry.result.ok)).toEqual([true, true]);
  });

  it("limits a gzip entry's content to the entry limit", async () => {
    const plain = longGpx(400);
    const path = await makeZip("gz-entry.zip", [{ name: "a.gpx.gz", bytes: gzipSync(plain) }]);
    const [result] = await importArchive(path, { maxEntryBytes: plain.length - 1 });
    expect(errorOf(result?.result)).toMatch(/inflates to more than .*: refused/);
  });
});

describe("importArchive: Strava's activities.csv", () => {
  it("gives a row's sport to one activity of a file: never to a multisport file's other sessions", async () => {
    const path = await makeZip("multisport.zip", [
      // Several activities, no sport named: the one starting at the row's time.
      {
        name: "activities/tracks.gpx",
        bytes: gpxTracks(["2026-10-01T06:00:30Z", "2026-10-01T06:30:00Z", "2026-10-01T06:35:00Z"]),
      },
      // One activity: its sport comes from the row even an hour off (a time zone mistake).
      { name: "activities/one.gpx", bytes: gpxTracks(["2026-10-02T07:00:00Z"]) },
      // Several, none within 120 s of the row: none changes.
      {
        name: "activities/far.gpx",
        bytes: gpxTracks(["2026-10-03T06:05:00Z", "2026-10-03T07:00:00Z"]),
      },
      // Multisport (a session has a sport): the others are transitions or the summary.
      {
        name: "activities/tri.gpx",
        bytes: gpxTracks(["2026-10-04T06:00:00Z", "2026-10-04T06:30:00Z"], ["", "running"]),
      },
      {
        name: "activities.csv",
        bytes: [
          STRAVA_HEADER,
          '1,"Oct 1, 2026, 6:00:00 AM",Swim,Swim,,90,0.27,,,false,,,activities/tracks.gpx,,,90,90,270,,,,,',
          '2,"Oct 2, 2026, 6:00:00 AM",Walk,Walk,,90,0.27,,,false,,,activities/one.gpx,,,90,90,270,,,,,',
          '3,"Oct 3, 2026, 6:00:00 AM",Ride,Ride,,90,0.27,,,false,,,activities/far.gpx,,,90,90,270,,,,,',
          '4,"Oct 4, 2026, 6:00:00 AM",Tri,Swim,,90,0.27,,,false,,,activities/tri.gpx,,,90,90,270,,,,,',
        ].join("\n"),
      },
    ]);
    const results = await importArchive(path);
    const sports = (source: string) => {
      const result = bySource(results, source);
      return result?.ok ? result.activities.map((activity) => activity.sport) : result;
    };
    expect(sports("activities/tracks.gpx")).toEqual(["swim", "other", "other"]);
    expect(sports("activities/one.gpx")).toEqual(["walk"]);
    expect(sports("activities/far.gpx")).toEqual(["other", "other"]);
    expect(sports("activities/tri.gpx")).toEqual(["other", "run"]);
  });

  it("imports a broken file's row from the row, its failure still reported, whatever the order", async () => {
    const csv = row(
      '9,"Oct 9, 2026, 6:00:00 AM",Run,Run,,1800,5.0,170,,false,,,activities/9.fit,,,1800,1750,5012,,,40,,150',
    );
    for (const order of ["csv first", "csv last"]) {
      const files = [{ name: "activities/9.fit", bytes: "this is not a FIT file at all" }];
      const csvEntry = { name: "activities.csv", bytes: csv };
      const path = await makeZip(
        `broken-${order.replace(" ", "-")}.zip`,
        order === "csv first" ? [csvEntry, ...files] : [...files, csvEntry],
      );
      const results = await importArchive(path);
      expect(results.map((entry) => [entry.source, entry.result.ok])).toEqual([
        ["activities/9.fit", false],
        ["activities.csv", true],
      ]);
      const rows = bySource(results, "activities.csv");
      expect(rows).toMatchObject({
        ok: true,
        format: "csv",
        activities: [
          {
            sport: "run",
            start: "2026-10-09T06:00:00.000Z",
            elapsedS: 1800,
            movingS: 1750,
            distanceM: 5012,
            warnings: [
              '"activities/9.fit" could not be read (reported as failed): imported from activities.csv line 2 instead, with only the row\'s summary',
            ],
          },
        ],
      });
    }
  });

  it("reads activities.csv in a folder, its file paths from that folder", async () => {
    const path = await makeZip("nested.zip", [
      { name: "export_1/activities/2.gpx", bytes: gpx("", "2026-10-02T06:00:00Z") },
      {
        name: "export_1/activities.csv",
        bytes: [
          STRAVA_HEADER,
          '2,"Oct 2, 2026, 6:00:00 AM",Ride,Ride,,90,0.27,,,false,,,activities/2.gpx,,,90,90,270,,,,,',
          '3,"Oct 3, 2026, 6:00:00 PM",Treadmill,Run,,1800,5.0,,,false,,,,,,1800,1800,,,,,,',
        ].join("\n"),
      },
    ]);
    const results = await importArchive(path);
    expect(results.map((entry) => entry.source)).toEqual([
      "export_1/activities/2.gpx",
      "export_1/activities.csv",
    ]);
    expect(bySource(results, "export_1/activities/2.gpx")).toMatchObject({
      ok: true,
      activities: [{ sport: "ride" }],
    });
    expect(bySource(results, "export_1/activities.csv")).toMatchObject({
      ok: true,
      activities: [{ sport: "run", start: "2026-10-03T18:00:00.000Z" }],
    });
  });
});

describe("importArchive: nothing to import, or not a whole zip", () => {
  it("fails an archive that holds nothing to import: empty, only folders, only photos", async () => {
    const empty = await makeZip("empty.zip", []);
    const folders = await makeZip("folders.zip", [], ["a/", "a/b/"]);
    const photos = await makeZip("photos.zip", [
      { name: "media/photo.jpg", bytes: new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3]) },
      { name: "notes.txt", bytes: "hello" },
    ]);
    for (const path of [empty, folders, photos]) {
      expect(await importArchive(path, { name: "upload.zip" })).toEqual([
        {
          source: "upload.zip",
          result: {
            ok: false,
            format: null,
            error:
              '"upload.zip" holds no FIT, GPX or TCX file and no Strava activities.csv: nothing to import.',
          },
        },
      ]);
    }
  });

  it("says a zip cut short looks like an interrupted download", async () => {
    const path = await makeZip("whole.zip", [
      { name: "a.gpx", bytes: gpx() },
      { name: "b.gpx", bytes: gpx() },
    ]);
    const bytes = await readFile(path);
    const cut = join(dir, "cut.zip");
    await writeFile(cut, bytes.subarray(0, Math.floor(bytes.length * 0.7)));
    await expect(importArchive(cut, { name: "export.zip" })).rejects.toThrow(
      '"export.zip" is not a readable zip archive: it looks cut short (an interrupted download?), its end, which lists its files, is missing. Download or copy it again.',
    );
  });
});

/** The bytes of a zip built in memory (a zip to put inside another). */
async function zipBytes(entries: Entry[], rename: [string, string][] = []): Promise<Uint8Array> {
  const path = await makeZip(`inner-${Math.random().toString(36).slice(2)}.zip`, entries);
  for (const [from, to] of rename) await patchZip(path, from, to);
  return readFile(path);
}

describe("importArchive: zips inside the zip (Garmin's full export)", () => {
  const PART = "DI_CONNECT/DI-Connect-Uploaded-Files/UploadedFiles_0-_Part1.zip";

  it("reads the files of a zip inside the archive, in order, their source outer/inner/entry", async () => {
    const part = await zipBytes([
      { name: "run1.gpx", bytes: gpx("running", "2026-09-01T06:00:00Z") },
      { name: "sub/run2.gpx.gz", bytes: gzipSync(gpx("running", "2026-09-02T06:00:00Z")) },
      { name: "notes.txt", bytes: "not an activity" },
    ]);
    const path = await makeZip("garmin-export.zip", [
      { name: "first.gpx", bytes: gpx("running", "2026-08-01T06:00:00Z") },
      { name: PART, bytes: part },
      { name: "last.gpx", bytes: gpx("running", "2026-10-01T06:00:00Z") },
    ]);
    let done = 0;
    const results = await importArchive(path, { onEntryDone: () => done++ });
    expect(results.map((entry) => [entry.source, entry.result.ok])).toEqual([
      ["first.gpx", true],
      [`${PART}/run1.gpx`, true],
      [`${PART}/sub/run2.gpx.gz`, true],
      ["last.gpx", true],
    ]);
    expect(done).toBe(3); // the archive's own entries: progress never passes the count
  });

  it("streams a zip inside as the archive's own entries: parsed elsewhere, in order, read ahead within bounds", async () => {
    const days = [2, 3, 4, 5, 6];
    const part = await zipBytes(
      days.map((day) => ({
        name: `run${day}.gpx`,
        bytes: gpx("running", `2026-09-0${day}T06:00:00Z`),
      })),
    );
    const path = await makeZip("streamed.zip", [
      { name: "run1.gpx", bytes: gpx("running", "2026-09-01T06:00:00Z") },
      { name: "part.zip", bytes: part },
      { name: "run7.gpx", bytes: gpx("running", "2026-09-07T06:00:00Z") },
    ]);
    let inFlight = 0;
    let most = 0;
    // Earlier entries take longer: results must still come out in the archive's order.
    let delay = 60;
    const parse = async (bytes: Uint8Array, source: string) => {
      inFlight++;
      most = Math.max(most, inFlight);
      delay = Math.max(0, delay - 10);
      await new Promise((resolve) => setTimeout(resolve, delay));
      inFlight--;
      return parseBytes(bytes, source);
    };
    const results: ArchiveEntryResult[] = [];
    for await (const result of readArchive(path, {}, { parse, maxPending: 3 }))
      results.push(result);
    expect(results).toEqual(await importArchive(path));
    expect(results.map((entry) => entry.source)).toEqual([
      "run1.gpx",
      ...days.map((day) => `part.zip/run${day}.gpx`),
      "run7.gpx",
    ]);
    expect(most).toBeLessThanOrEqual(3);
  });

  it("refuses a zip two levels deep, saying so, and reads the rest", async () => {
    const deepest = await zipBytes([{ name: "lost.gpx", bytes: gpx() }]);
    const middle = await zipBytes([
      { name: "deeper.zip", bytes: deepest },
      { name: "kept.gpx", bytes: gpx("running", "2026-09-01T06:00:00Z") },
    ]);
    const path = await makeZip("deep.zip", [{ name: "middle.zip", bytes: middle }]);
    const results = await importArchive(path);
    expect(results.map((entry) => entry.source)).toEqual([
      "middle.zip/deeper.zip",
      "middle.zip/kept.gpx",
    ]);
    expect(results[0]?.result).toEqual({
      ok: false,
      format: null,
      error:
        '"middle.zip/deeper.zip" is a zip archive inside a zip inside the archive: only one level of zips in an archive is read, so it was not. Take "middle.zip" out of the archive and import it on its own.',
    });
  });

  it("holds a zip inside to the archive's limits: entries, sizes, ratio, unsafe names", async () => {
    const inner = await zipBytes(
      [
        { name: "xx/evil.gpx", bytes: gpx() },
        { name: "zeros.gpx", bytes: new Uint8Array(5 * 1024 * 1024) },
        { name: "good.gpx", bytes: gpx() },
      ],
      [["xx/evil.gpx", "../evil.gpx"]],
    );
    const path = await makeZip("limits.zip", [{ name: "in.zip", bytes: inner }]);
    const results = await importArchive(path);
    expect(results.map((entry) => [entry.source, entry.result.ok])).toEqual([
      ["in.zip/../evil.gpx", false],
      ["in.zip/zeros.gpx", false],
      ["in.zip/good.gpx", true],
    ]);
    const [evil, zeros] = results.map((entry) => (entry.result.ok ? "" : entry.result.error));
    expect(evil).toMatch(/outside the archive/);
    expect(zeros).toMatch(/zip bomb/);
    // 1 entry in the archive and 3 inside it: more than 3 in all.
    const [many] = await importArchive(path, { maxEntries: 3 });
    expect(many?.result.ok === false && many.result.error).toBe(
      '"in.zip" holds 3 entries: with those read before, more than the 3 an archive may hold: refused.',
    );
    // The zip's own bytes and its entries count toward the total.
    const total = await importArchive(path, { maxTotalBytes: inner.length + 10, maxRatio: 1e9 });
    expect(total.every((entry) => !entry.result.ok)).toBe(true);
    expect(total.at(-1)?.result.ok === false && total.at(-1)?.result).toMatchObject({
      error: expect.stringMatching(/add up to more than/),
    });
  });

  it("reports a damaged zip inside and imports the others", async () => {
    const path = await makeZip("damaged-inside.zip", [
      {
        name: "broken.zip",
        bytes: Buffer.concat([Buffer.from("PK\u0003\u0004"), Buffer.alloc(40)]),
      },
      { name: "good.gpx", bytes: gpx() },
    ]);
    const results = await importArchive(path);
    expect(results.map((entry) => [entry.source, entry.result.ok])).toEqual([
      ["broken.zip", false],
      ["good.gpx", true],
    ]);
    const [broken] = results;
    expect(broken?.result.ok === false && broken.result.error).toMatch(
      /^"broken.zip" is a zip archive inside the archive, but not a readable one \(/,
    );
  });

  it("says nothing to import when the zips inside hold nothing either", async () => {
    const photos = await zipBytes([{ name: "photo.jpg", bytes: new Uint8Array(1000).fill(7) }]);
    const path = await makeZip("only-zips.zip", [{ name: "Part1.zip", bytes: photos }]);
    expect(await importArchive(path)).toEqual([
      {
        source: path,
        result: {
          ok: false,
          format: null,
          error: `"${path}" holds no FIT, GPX or TCX file and no Strava activities.csv, nor does the zip archive inside it: nothing to import.`,
        },
      },
    ]);
  });
});

describe("importArchive: a zip's operating-system debris", () => {
  it("knows the debris of macOS and Windows by name", () => {
    for (const name of [
      "__MACOSX/._run.fit",
      "__MACOSX/runs/x.fit",
      "runs/._a.fit",
      ".DS_Store",
      "a/Thumbs.db",
    ]) {
      expect(isOsDebris(name), name).toBe(true);
    }
    for (const name of ["run.fit", "MACOSX/run.fit", "runs/_a.fit", "a/thumbs.fit"]) {
      expect(isOsDebris(name), name).toBe(false);
    }
  });

  it("skips it silently: the activity imports and nothing fails", async () => {
    const path = await makeZip("mac.zip", [
      { name: "runs/run.gpx", bytes: gpx() },
      { name: "__MACOSX/runs/._run.gpx", bytes: new Uint8Array([0, 5, 22, 7, 0, 2, 0, 0]) },
      { name: "runs/.DS_Store", bytes: "Bud1 junk" },
      { name: "runs/Thumbs.db", bytes: "junk" },
      { name: "runs/._run.gpx", bytes: gpx() },
    ]);
    const results = await importArchive(path);
    expect(results.map((entry) => [entry.source, entry.result.ok])).toEqual([
      ["runs/run.gpx", true],
    ]);
  });
});
