/**
 * readSources' use of the process's one parse pool: several readings at once share its
 * workers, and one that stops early leaves the others whole. The shared pool is replaced by
 * one whose workers load parse-worker.ts through tsx (vitest runs TypeScript sources).
 */
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Worker } from "node:worker_threads";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  createParsePool,
  liveParseWorkers,
  type ParsePool,
  replaceSharedParsePool,
} from "./parse-pool.js";
import { type ImportSource, type ParsedFile, readSources } from "./read-sources.js";

const WORKER_TS = new URL("./parse-worker.ts", import.meta.url).href;
const tsxWorker = () =>
  new Worker(
    `import("tsx/esm/api").then(({ register }) => { register(); return import(${JSON.stringify(WORKER_TS)}); });`,
    { eval: true },
  );

let dir: string;
let pool: ParsePool;
let previous: ParsePool | null;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "capacity-shared-pool-"));
  pool = createParsePool({ threads: 2, spawn: tsxWorker });
  previous = replaceSharedParsePool(pool);
});
afterAll(async () => {
  replaceSharedParsePool(previous);
  await pool.close();
  await rm(dir, { recursive: true, force: true });
});

/** A 20-minute GPX run at 1 Hz starting on `day` of October 2026. */
function gpx(day: number): string {
  const start = Date.UTC(2026, 9, day, 6);
  const points = Array.from({ length: 1200 }, (_, i) => {
    const time = new Date(start + i * 1000).toISOString();
    return `<trkpt lat="${(48 + i * 0.00003).toFixed(6)}" lon="2.000000"><time>${time}</time></trkpt>`;
  }).join("");
  return `<?xml version="1.0"?><gpx version="1.1" creator="Test"><trk><type>running</type><trkseg>${points}</trkseg></trk></gpx>`;
}

async function files(prefix: string, count: number): Promise<ImportSource[]> {
  return Promise.all(
    Array.from({ length: count }, async (_, i) => {
      const source = `${prefix}-${i}.gpx`;
      const path = join(dir, source);
      await writeFile(path, gpx(i + 1));
      return { path, source };
    }),
  );
}

async function read(sources: readonly ImportSource[], stopAfter = Infinity): Promise<ParsedFile[]> {
  const out: ParsedFile[] = [];
  for await (const parsed of readSources(sources)) {
    out.push(parsed);
    if (out.length >= stopAfter) break;
  }
  return out;
}

const summary = (results: ParsedFile[]) =>
  results.map(({ source, result }) => [
    source,
    result.ok ? result.activities[0]?.start : result.error,
  ]);

describe("readSources with the shared parse pool", () => {
  it("shares the pool's workers among readings at once, never more than its size", async () => {
    const before = liveParseWorkers();
    let most = 0;
    const sampler = setInterval(() => {
      most = Math.max(most, liveParseWorkers() - before);
    }, 1);
    const [a, b, c] = await Promise.all([files("a", 8), files("b", 8), files("c", 8)]);
    const results = await Promise.all([read(a), read(b), read(c)]);
    clearInterval(sampler);
    expect(pool.threads).toBe(2); // parsed on the workers, not in this thread
    for (const [i, name] of ["a", "b", "c"].entries()) {
      expect(summary(results[i] as ParsedFile[])).toEqual(
        Array.from({ length: 8 }, (_, day) => [
          `${name}-${day}.gpx`,
          new Date(Date.UTC(2026, 9, day + 1, 6)).toISOString(),
        ]),
      );
    }
    expect(most).toBeGreaterThan(0);
    expect(most).toBeLessThanOrEqual(2);
    expect(liveParseWorkers() - before).toBe(0); // no reading left: the workers ended
  });

  it("lets the other readings finish when one stops early", async () => {
    const before = liveParseWorkers();
    const [a, b] = await Promise.all([files("stop", 8), files("go", 8)]);
    const [stopped, whole] = await Promise.all([read(a, 1), read(b)]);
    expect(summary(stopped)).toEqual([["stop-0.gpx", "2026-10-01T06:00:00.000Z"]]);
    expect(whole.map(({ result }) => result.ok)).toEqual(Array(8).fill(true));
    expect(whole.map(({ source }) => source)).toEqual(b.map(({ source }) => source));
    expect(liveParseWorkers() - before).toBe(0);
  });
});
