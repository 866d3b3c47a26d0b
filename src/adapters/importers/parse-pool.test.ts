/**
 * The parse pool and the archive reading that feeds it. Vitest runs the sources as TypeScript,
 * where no compiled parse-worker.js exists: the pool then parses in this thread (checked
 * below). To run the real worker here, its threads load parse-worker.ts through tsx.
 */
import { createWriteStream } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pipeline } from "node:stream/promises";
import { Worker } from "node:worker_threads";
import { gzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import yazl from "yazl";
import { STRAVA_HEADER } from "../../../test/support/activity-files.js";
import { type ArchiveEntryResult, importArchive, readArchive } from "./archive.js";
import { type ImportBytesOptions, type ParsedBytes, parseBytes } from "./import-file.js";
import { createParsePool, liveParseWorkers } from "./parse-pool.js";

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "capacity-parse-pool-"));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** The real parse worker, loaded from its TypeScript source through tsx. */
const WORKER_TS = new URL("./parse-worker.ts", import.meta.url).href;
const tsxWorker = () =>
  new Worker(
    `import("tsx/esm/api").then(({ register }) => { register(); return import(${JSON.stringify(WORKER_TS)}); });`,
    { eval: true },
  );

/** A worker that follows the protocol but crashes or exits on some files. */
const fragileWorker = () =>
  new Worker(
    `const { parentPort } = require("node:worker_threads");
     parentPort.postMessage({ ready: true });
     parentPort.on("message", (m) => {
       if (m.source === "crash.gpx") throw new Error("boom");
       if (m.source === "exit.gpx") process.exit(7);
       const result = { ok: false, format: null, error: "parsed " + m.source + " " + m.bytes.length };
       parentPort.postMessage({ id: m.id, parsed: { results: [result], inflatedBytes: 0 } });
     });`,
    { eval: true },
  );

/** A GPX run of `points` points 1 s apart (over a minute by default: shorter ones are refused). */
function gpx(startIso: string, points = 90, type = "running"): string {
  const start = Date.parse(startIso);
  const trkpts = Array.from({ length: points }, (_, i) => {
    const time = new Date(start + i * 1000).toISOString();
    return `<trkpt lat="${(48 + i * 0.00003).toFixed(6)}" lon="2.000000"><ele>${100 + (i % 7)}</ele><time>${time}</time></trkpt>`;
  }).join("");
  const typeTag = type ? `<type>${type}</type>` : "";
  return `<?xml version="1.0"?><gpx version="1.1" creator="Test" xmlns="http://www.topografix.com/GPX/1/1"><trk>${typeTag}<trkseg>${trkpts}</trkseg></trk></gpx>`;
}

const bytes = (text: string) => new TextEncoder().encode(text);

async function zip(name: string, entries: [string, string | Uint8Array][]): Promise<string> {
  const archive = new yazl.ZipFile();
  for (const [entry, content] of entries) {
    if (entry.endsWith("/")) archive.addEmptyDirectory(entry);
    else archive.addBuffer(Buffer.from(content), entry);
  }
  archive.end();
  const path = join(dir, name);
  await pipeline(archive.outputStream, createWriteStream(path));
  return path;
}

async function collect(results: AsyncIterable<ArchiveEntryResult>): Promise<ArchiveEntryResult[]> {
  const out: ArchiveEntryResult[] = [];
  for await (const result of results) out.push(result);
  return out;
}

describe("createParsePool", () => {
  it("parses in this thread when no compiled worker exists (sources run as TypeScript)", async () => {
    const pool = createParsePool();
    expect(pool.threads).toBe(0);
    const file = bytes(gpx("2026-10-01T06:00:00Z"));
    expect(await pool.parse(file.slice(), "a.gpx")).toEqual(parseBytes(file, "a.gpx"));
    await pool.close();
  });

  it("parses on worker threads exactly as in this thread, a bad file failing alone", async () => {
    const pool = createParsePool({ threads: 2, spawn: tsxWorker });
    const files: [string, Uint8Array, ImportBytesOptions?][] = [
      ["big.gpx", bytes(gpx("2026-10-01T06:00:00Z", 3000))],
      ["small.gpx.gz", gzipSync(gpx("2026-10-02T06:00:00Z"))],
      ["broken.gpx", bytes("<gpx><trk>")],
      ["notes.txt", bytes("hello")],
      ["bomb.gz", gzipSync(Buffer.alloc(4096)), { maxGunzippedBytes: 1024 }],
      ["tcx.tcx", bytes("<TrainingCenterDatabase></TrainingCenterDatabase>")],
    ];
    const expected = files.map(([name, content, options]) => parseBytes(content, name, options));
    const results = await Promise.all(
      files.map(([name, content, options]) => pool.parse(content.slice(), name, options)),
    );
    expect(pool.threads).toBe(2); // the workers really ran: no fallback to this thread
    expect(results).toEqual(expected);
    expect(results.map((r) => r.results[0].ok)).toEqual([true, true, false, false, false, false]);
    expect(results[1]?.inflatedBytes).toBeGreaterThan(0); // the gzip's content, for the archive
    await pool.close();
  });

  it("parses a Buffer cut from Node's shared pool without taking the pool from other Buffers", async () => {
    const pool = createParsePool({ threads: 1, spawn: tsxWorker });
    const neighbour = Buffer.from("a neighbour in the pool");
    const pooled = Buffer.from(gpx("2026-10-01T06:00:00Z", 1));
    // Both small Buffers share one pool: the case where the file's memory is not its own.
    expect(pooled.buffer).toBe(neighbour.buffer);
    expect(pooled.byteLength).toBeLessThan(pooled.buffer.byteLength);
    const expected = parseBytes(pooled, "pooled.gpx");
    expect(await pool.parse(pooled, "pooled.gpx")).toEqual(expected);
    expect(pool.threads).toBe(1);
    expect(neighbour.toString()).toBe("a neighbour in the pool");
    await pool.close();
  });

  it("makes a worker crash that file's failure and goes on with a new worker", async () => {
    const pool = createParsePool({ threads: 2, spawn: fragileWorker });
    const names = ["a.gpx", "crash.gpx", "b.gpx", "exit.gpx", "c.gpx", "d.gpx"];
    const results = await Promise.all(names.map((name) => pool.parse(bytes("xyz"), name)));
    const errors = results.map(({ results: [r] }: ParsedBytes) => (r.ok ? "ok" : r.error));
    expect(errors).toEqual([
      "parsed a.gpx 3",
      '"crash.gpx" could not be read: the parser stopped (boom).',
      "parsed b.gpx 3",
      '"exit.gpx" could not be read: the parser stopped (exit code 7).',
      "parsed c.gpx 3",
      "parsed d.gpx 3",
    ]);
    await pool.close();
  });

  it("parses in this thread when a worker cannot start", async () => {
    const broken = () => new Worker(`throw new Error("cannot load");`, { eval: true });
    const pool = createParsePool({ threads: 2, spawn: broken });
    const file = bytes(gpx("2026-10-01T06:00:00Z"));
    const [one, two] = await Promise.all([
      pool.parse(file.slice(), "a.gpx"),
      pool.parse(file.slice(), "b.gpx"),
    ]);
    expect(one).toEqual(parseBytes(file, "a.gpx"));
    expect(two).toEqual(parseBytes(file, "b.gpx"));
    expect(pool.threads).toBe(0);
    await pool.close();
  });

  it("copies a view into a larger buffer instead of taking the whole buffer away", async () => {
    const pool = createParsePool({ threads: 1, spawn: fragileWorker });
    const whole = new Uint8Array(100).fill(7);
    const [result] = (await pool.parse(whole.subarray(10, 20), "part.gpx")).results;
    expect(result.ok === false && result.error).toBe("parsed part.gpx 10");
    expect(whole.length).toBe(100);
    expect(whole[50]).toBe(7);
    await pool.close();
  });

  it("fails the files still waiting when closed", async () => {
    const slow = () =>
      new Worker(
        `const { parentPort } = require("node:worker_threads");
         parentPort.postMessage({ ready: true });
         parentPort.on("message", () => {});`,
        { eval: true },
      );
    const pool = createParsePool({ threads: 1, spawn: slow });
    const first = pool.parse(bytes("a"), "a.gpx");
    const second = pool.parse(bytes("b"), "b.gpx");
    await new Promise((resolve) => setTimeout(resolve, 50));
    await pool.close();
    for (const {
      results: [result],
    } of await Promise.all([first, second])) {
      expect(result.ok === false && result.error).toMatch(/the import stopped/);
    }
  });
});

describe("parse lanes (one pool shared by several imports)", () => {
  /** Answers after `ms` milliseconds, naming the file; "slow" files never answer. */
  const timedWorker = () =>
    new Worker(
      `const { parentPort } = require("node:worker_threads");
       parentPort.postMessage({ ready: true });
       parentPort.on("message", (m) => {
         if (m.source.startsWith("slow")) return;
         const result = { ok: false, format: null, error: "parsed " + m.source };
         setTimeout(() => parentPort.postMessage({ id: m.id, parsed: { results: [result], inflatedBytes: 0 } }), 5);
       });`,
      { eval: true },
    );
  const said = ({ results: [r] }: ParsedBytes) => (r.ok ? "ok" : r.error);

  it("never runs more workers than its size, however many lanes parse at once", async () => {
    const pool = createParsePool({ threads: 2, spawn: timedWorker });
    const before = liveParseWorkers(); // workers another test left behind, if it failed
    const live = () => liveParseWorkers() - before;
    let most = 0;
    const sampler = setInterval(() => {
      most = Math.max(most, live());
    }, 1);
    const lanes = [pool.lane(), pool.lane(), pool.lane()];
    const results = await Promise.all(
      lanes.flatMap((lane, s) =>
        Array.from({ length: 6 }, (_, i) => lane.parse(bytes("x"), `${s}-${i}.gpx`)),
      ),
    );
    clearInterval(sampler);
    expect(results.map(said)).toEqual(
      lanes.flatMap((_, s) => Array.from({ length: 6 }, (_, i) => `parsed ${s}-${i}.gpx`)),
    );
    expect(most).toBeGreaterThan(0);
    expect(most).toBeLessThanOrEqual(2);
    expect(live()).toBeLessThanOrEqual(2);
    await Promise.all(lanes.map((lane) => lane.close()));
    expect(live()).toBe(0); // the last lane ended the idle workers
    await pool.close();
  });

  it("drops a closed lane's files and ends its workers, the other lane going on", async () => {
    const pool = createParsePool({ threads: 2, spawn: timedWorker });
    const before = liveParseWorkers();
    const live = () => liveParseWorkers() - before;
    const stopping = pool.lane();
    const going = pool.lane();
    // The stopping lane holds both workers with files that never end, and queues more.
    const stuck = [
      stopping.parse(bytes("x"), "slow-1.gpx"),
      stopping.parse(bytes("x"), "slow-2.gpx"),
    ];
    const queued = stopping.parse(bytes("x"), "a.gpx");
    const others = Array.from({ length: 4 }, (_, i) => going.parse(bytes("x"), `b-${i}.gpx`));
    await new Promise((resolve) => setTimeout(resolve, 100));
    await stopping.close();
    for (const dropped of await Promise.all([...stuck, queued])) {
      expect(said(dropped)).toMatch(/the import stopped/);
    }
    expect((await Promise.all(others)).map(said)).toEqual(
      Array.from({ length: 4 }, (_, i) => `parsed b-${i}.gpx`),
    );
    expect(said(await stopping.parse(bytes("x"), "late.gpx"))).toMatch(/the import stopped/);
    expect(live()).toBeLessThanOrEqual(2);
    await going.close();
    expect(live()).toBe(0);
    // The pool still serves a new lane after that.
    const again = pool.lane();
    expect(said(await again.parse(bytes("x"), "c.gpx"))).toBe("parsed c.gpx");
    await again.close();
    await pool.close();
  });
});

describe("readArchive with parsing elsewhere", () => {
  const row = (id: number, day: number, type: string, file: string) =>
    `${id},"Oct ${day}, 2026, 6:00:00 AM",Activity,${type},,90,0.27,,,false,,,${file},,,90,90,270,,,,,`;

  /** Out of order on purpose: later entries finish first. */
  const delayed =
    (ms: (name: string) => number) =>
    (content: Uint8Array, name: string, options: ImportBytesOptions) =>
      new Promise<ParsedBytes>((resolve) => {
        const result = parseBytes(content, name, options);
        setTimeout(() => resolve(result), ms(name));
      });

  it("gives the results in entry order, activities.csv applied as when read in turn", async () => {
    const path = await zip("strava.zip", [
      ["activities/bad.gpx", "<gpx><trk>"],
      ["activities/1.gpx", gpx("2026-10-01T06:00:00Z", 600)],
      ["activities/", ""],
      ["activities/2.gpx.gz", gzipSync(gpx("2026-10-02T06:00:00Z", 90, ""))],
      ["activities/3.gpx", gpx("2026-10-03T06:00:00Z", 90)],
      ["photo.jpg", new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 1, 2])],
      ["activities/4.gpx", gpx("2026-10-04T06:00:00Z", 90, "")],
      [
        "activities.csv",
        [
          STRAVA_HEADER,
          row(1, 1, "Run", "activities/1.gpx"),
          row(2, 2, "Ride", "activities/2.gpx.gz"),
          row(3, 5, "Run", "activities/bad.gpx"),
          row(4, 6, "Run", "activities/missing.gpx"),
          row(5, 7, "Weight Training", ""),
        ].join("\n"),
      ],
    ]);
    const inTurn = await importArchive(path);
    expect(inTurn.map((r) => [r.source, r.result.ok])).toEqual([
      ["activities/bad.gpx", false],
      ["activities/1.gpx", true],
      ["activities/2.gpx.gz", true],
      ["activities/3.gpx", true],
      ["activities/4.gpx", true],
      ["activities.csv", true],
    ]);
    const ride = inTurn[2]?.result;
    expect(ride?.ok && ride.activities[0]?.sport).toBe("ride");
    const rows = inTurn[5]?.result;
    // The failed file's row (its failure stays reported), the missing file's and the manual entry.
    expect(rows?.ok && rows.activities.map((a) => a.sport)).toEqual(["run", "run", "strength"]);

    const reversed = readArchive(
      path,
      {},
      { parse: delayed((name) => (name.endsWith("1.gpx") ? 80 : 5)), maxPending: 4 },
    );
    const streamed: ArchiveEntryResult[] = [];
    for await (const result of reversed) streamed.push(result);
    expect(streamed).toEqual(inTurn);

    const pool = createParsePool({ threads: 2, spawn: tsxWorker });
    expect(await collect(readArchive(path, {}, { parse: pool.parse }))).toEqual(inTurn);
    expect(pool.threads).toBe(2);
    await pool.close();
  });

  it("gives out results before the archive ends when nothing can change them", async () => {
    const entries: [string, string][] = Array.from({ length: 12 }, (_, i) => [
      `run-${i}.gpx`,
      gpx(`2026-09-${String(i + 1).padStart(2, "0")}T06:00:00Z`),
    ]);
    const path = await zip("many.zip", entries);
    let read = 0;
    const seenWhenFirst: number[] = [];
    const parse = (content: Uint8Array, name: string, options: ImportBytesOptions) => {
      read++;
      return parseBytes(content, name, options);
    };
    for await (const _ of readArchive(path, {}, { parse, maxPending: 3 })) {
      seenWhenFirst.push(read);
    }
    expect(seenWhenFirst).toHaveLength(12);
    // The first result came out long before the last entry was read.
    expect(seenWhenFirst[0]).toBeLessThanOrEqual(3);
  });
});
