/**
 * readSources through its public signature: whatever runs the parsing (this thread or
 * workers), the results come in the order of the sources and a bad file never stops the rest.
 */
import { createWriteStream } from "node:fs";
import { mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pipeline } from "node:stream/promises";
import { Worker } from "node:worker_threads";
import { gzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import yazl from "yazl";
import { createParsePool, replaceSharedParsePool, sharedParsePool } from "./parse-pool.js";
import {
  IN_THREAD_UP_TO,
  type ParsedFile,
  type ReadProgress,
  readSources,
} from "./read-sources.js";

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "capacity-read-sources-"));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

function gpx(startIso: string): string {
  const start = Date.parse(startIso);
  const points = Array.from({ length: 30 }, (_, i) => {
    const time = new Date(start + i * 10_000).toISOString();
    return `<trkpt lat="${(48 + i * 0.0003).toFixed(4)}" lon="2.0000"><time>${time}</time></trkpt>`;
  }).join("");
  return `<?xml version="1.0"?><gpx version="1.1" creator="Test" xmlns="http://www.topografix.com/GPX/1/1"><trk><type>running</type><trkseg>${points}</trkseg></trk></gpx>`;
}

async function file(name: string, content: string | Uint8Array): Promise<string> {
  const path = join(dir, name);
  await writeFile(path, content);
  return path;
}

async function zip(name: string, entries: Record<string, string | Uint8Array>): Promise<string> {
  const archive = new yazl.ZipFile();
  for (const [entry, content] of Object.entries(entries)) {
    archive.addBuffer(Buffer.from(content), entry);
  }
  archive.end();
  const path = join(dir, name);
  await pipeline(archive.outputStream, createWriteStream(path));
  return path;
}

async function all(
  sources: { path: string; source: string }[],
  progress?: ReadProgress[],
): Promise<ParsedFile[]> {
  const out: ParsedFile[] = [];
  const options = progress ? { onProgress: (p: ReadProgress) => progress.push(p) } : {};
  for await (const parsed of readSources(sources, options)) out.push(parsed);
  return out;
}

describe("readSources", () => {
  it("reads files and archive entries in order, bad ones failing alone", async () => {
    const one = await file("one.gpx", gpx("2026-10-01T06:00:00Z"));
    const packed = await zip("export.zip", {
      "activities/a.gpx": gpx("2026-10-02T06:00:00Z"),
      "activities/b.gpx.gz": gzipSync(gpx("2026-10-03T06:00:00Z")),
      "activities/c.gpx": "<gpx><trk>",
      "photos/readme.txt": "not an activity",
    });
    const garbage = await file("notes.gpx", "hello");
    const results = await all([
      { path: one, source: "one.gpx" },
      { path: join(dir, "missing.fit"), source: "missing.fit" },
      { path: packed, source: "export.zip" },
      { path: garbage, source: "notes.gpx" },
    ]);
    expect(results.map((r) => [r.source, r.result.ok])).toEqual([
      ["one.gpx", true],
      ["missing.fit", false],
      ["activities/a.gpx", true],
      ["activities/b.gpx.gz", true],
      ["activities/c.gpx", false],
      ["notes.gpx", false],
    ]);
    const missing = results[1]?.result;
    expect(missing?.ok === false && missing.error).toBe('"missing.fit" does not exist.');
    const first = results[0]?.result;
    expect(first?.ok && first.activities[0]?.start).toBe("2026-10-01T06:00:00.000Z");
    const gz = results[3]?.result;
    expect(gz?.ok && gz.format).toBe("gpx");
  });

  it("refuses a folder and an unreadable archive with a reason", async () => {
    const folder = join(dir, "a-folder");
    await mkdir(folder, { recursive: true });
    const fake = await file(
      "fake.zip",
      Buffer.concat([Buffer.from("PK\u0003\u0004"), Buffer.alloc(40)]),
    );
    const results = await all([
      { path: folder, source: "a-folder" },
      { path: fake, source: "fake.zip" },
    ]);
    expect(results).toHaveLength(2);
    expect(results[0]?.result.ok).toBe(false);
    expect(results[0]?.result.ok === false && results[0].result.error).toMatch(/not a file/);
    expect(results[1]?.result.ok === false && results[1].result.error).toMatch(
      /not a readable zip archive/,
    );
  });

  it("reports a lone activities.csv's rows left out, each as a failure of the csv", async () => {
    const header =
      "Activity ID,Activity Date,Activity Name,Activity Type,Elapsed Time,Distance,Filename";
    const csv = await file(
      "activities.csv",
      [
        header,
        '1,"Oct 5, 2026, 6:00:00 PM",Treadmill,Run,1800,5.0,',
        "2,06/10/2026 18:00,Gym,Weight Training,2400,0,",
        '3,"Oct 7, 2026, 6:00:00 PM",Run,Run,1800,5.0,activities/3.fit.gz',
      ].join("\n"),
    );
    const after = await file("after.gpx", gpx("2026-10-09T06:00:00Z"));
    const results = await all([
      { path: csv, source: "export/activities.csv" },
      { path: after, source: "after.gpx" },
    ]);
    expect(results.map((r) => [r.source, r.result.ok ? "ok" : r.result.error])).toEqual([
      ["export/activities.csv", "ok"],
      [
        "export/activities.csv",
        'line 3: the date "06/10/2026 18:00" is not a Strava date (such as "Oct 4, 2026, 7:12:00 AM"): the row is not imported.',
      ],
      [
        "export/activities.csv",
        'line 4 names an activity file ("activities/3.fit.gz"), not imported from this file alone: import the whole Strava export archive (the zip) to get it.',
      ],
      ["after.gpx", "ok"],
    ]);
  });

  it("reports an archive under its given name: cut short, or holding nothing", async () => {
    const whole = await zip("whole.zip", { "a.gpx": gpx("2026-10-01T06:00:00Z") });
    const cut = await file("upload-123.tmp", (await readFile(whole)).subarray(0, 100));
    const empty = await zip("nothing.zip", { "photo.jpg": "not an activity" });
    const results = await all([
      { path: cut, source: "export.zip" },
      { path: empty, source: "photos.zip" },
    ]);
    expect(results.map((r) => [r.source, r.result.ok === false && r.result.error])).toEqual([
      [
        "export.zip",
        '"export.zip" is not a readable zip archive: it looks cut short (an interrupted download?), its end, which lists its files, is missing. Download or copy it again.',
      ],
      [
        "photos.zip",
        '"photos.zip" holds no FIT, GPX or TCX file and no Strava activities.csv: nothing to import.',
      ],
    ]);
  });

  it("tells progress up to every file and entry", async () => {
    const one = await file("p1.gpx", gpx("2026-10-05T06:00:00Z"));
    const packed = await zip("p.zip", {
      "x.gpx": gpx("2026-10-06T06:00:00Z"),
      "y.gpx": gpx("2026-10-07T06:00:00Z"),
      "z.gpx": gpx("2026-10-08T06:00:00Z"),
    });
    const progress: ReadProgress[] = [];
    await all(
      [
        { path: one, source: "p1.gpx" },
        { path: packed, source: "p.zip" },
      ],
      progress,
    );
    expect(progress[0]).toEqual({ done: 0, total: 2 });
    expect(progress.at(-1)).toEqual({ done: 4, total: 4 });
    for (let i = 1; i < progress.length; i++) {
      expect(progress[i]?.done).toBeGreaterThanOrEqual(progress[i - 1]?.done ?? 0);
      expect(progress[i]?.done).toBeLessThanOrEqual(progress[i]?.total ?? 0);
    }
  });
});

describe("readSources for a few small files (the command line)", () => {
  const WORKER_TS = new URL("./parse-worker.ts", import.meta.url).href;
  let spawned = 0;
  const countingWorker = () => {
    spawned += 1;
    return new Worker(
      `import("tsx/esm/api").then(({ register }) => { register(); return import(${JSON.stringify(WORKER_TS)}); });`,
      { eval: true },
    );
  };

  async function read(count: number): Promise<ParsedFile[]> {
    const sources = [];
    for (let i = 0; i < count; i++) {
      const path = await file(`few-${count}-${i}.gpx`, gpx(`2026-03-0${1 + i}T07:00:00Z`));
      sources.push({ path, source: `few-${i}.gpx` });
    }
    const out: ParsedFile[] = [];
    for await (const parsed of readSources(sources, { inThreadUpTo: IN_THREAD_UP_TO }))
      out.push(parsed);
    return out;
  }

  it("parses in this thread, starting no worker; more files go to the workers", async () => {
    const previous = replaceSharedParsePool(createParsePool({ threads: 2, spawn: countingWorker }));
    try {
      const few = await read(IN_THREAD_UP_TO.files);
      expect(few.map((parsed) => parsed.result.ok)).toEqual([true, true, true, true]);
      expect(spawned).toBe(0);
      const more = await read(IN_THREAD_UP_TO.files + 1);
      expect(more.every((parsed) => parsed.result.ok)).toBe(true);
      expect(spawned).toBeGreaterThan(0);
    } finally {
      await sharedParsePool().close();
      replaceSharedParsePool(previous);
    }
  });
});
