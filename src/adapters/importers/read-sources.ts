import { readFile, stat } from "node:fs/promises";
import type { FileImport } from "../../core/running/activity.js";
import { readArchive } from "./archive.js";
import { byteSize } from "./bytes.js";
import { detectFormat, readHead } from "./detect.js";
import { MAX_GUNZIPPED_BYTES } from "./import-file.js";
import { type ParseLane, parseHere, sharedParsePool } from "./parse-pool.js";

/** A file to import: where it is on disk, and the name to report it under. */
export interface ImportSource {
  readonly path: string;
  /** The path the person gave, or the name of the uploaded file. */
  readonly source: string;
}

/** One file's or one archive entry's outcome. */
export interface ParsedFile {
  readonly source: string;
  readonly result: FileImport;
}

export interface ReadProgress {
  /** Files and archive entries dealt with so far. */
  readonly done: number;
  /** Files and archive entries known so far (an archive adds its entries once opened). */
  readonly total: number;
}

export interface ReadOptions {
  readonly onProgress?: (progress: ReadProgress) => void;
  /**
   * Parse in this thread when the sources are at most this many plain files (no archive) of
   * at most this many bytes in all: starting workers, each loading the importers again, costs
   * more than a few small files take to parse. For a command line; a server keeps its event
   * loop free and leaves it unset.
   */
  readonly inThreadUpTo?: { readonly files: number; readonly bytes: number };
}

/** What the command line parses in its own thread: a handful of small files. */
export const IN_THREAD_UP_TO = { files: 4, bytes: 4 * 1024 * 1024 } as const;

/** In-thread parsing, for a few small files. */
const inThread: ParseLane = {
  parse: async (bytes, source, options = {}) => parseHere({ bytes, source, options }),
  close: async () => {},
};

/** True when every source is a readable plain file (no archive) and together they are small. */
async function fewSmallFiles(
  sources: readonly ImportSource[],
  limit: { readonly files: number; readonly bytes: number },
): Promise<boolean> {
  if (sources.length > limit.files) return false;
  let bytes = 0;
  for (const { path } of sources) {
    try {
      const info = await stat(path);
      // A folder or an unreadable file fails without parsing: nothing to count.
      if (!info.isFile()) continue;
      bytes += info.size;
      if (bytes > limit.bytes || detectFormat(await readHead(path)) === "zip") return false;
    } catch {}
  }
  return true;
}

/** A single file larger than this is refused unread (archives are limited entry by entry). */
export const MAX_FILE_BYTES = MAX_GUNZIPPED_BYTES;

function failed(source: string, error: string): ParsedFile {
  return { source, result: { ok: false, format: null, error } };
}

/** Plain files read ahead of the results given out, at most (their parsing runs meanwhile)… */
const MAX_PENDING = 8;
/** …and their bytes at most. */
const MAX_PENDING_BYTES = 64 * 1024 * 1024;

interface Pending {
  readonly bytes: number;
  /** One result, or several for a lone activities.csv (its rows left out). */
  readonly parsed: Promise<readonly ParsedFile[]>;
  settled: boolean;
}

/**
 * Reads every source in turn: a zip archive (told by content) entry by entry, any other file
 * whole. Never throws for a bad file: a missing, unreadable or oversized file is a failed result
 * and the next one is read.
 *
 * Parsing runs on worker threads (parse-pool.ts), several files at once, while this thread reads
 * the next files and archive entries (at most a few, and 64 MB, ahead); the results still come
 * one per file or entry (a lone Strava activities.csv: its activities, then one failure per row
 * left out), in the order of the sources and of the entries in each archive. All the readSources
 * of the process share one pool (its workers as many as the cores): when the caller stops
 * iterating, its files still waiting are dropped and the workers parsing them end, without
 * touching the other readings; the workers end when no reading is left.
 *
 * Over 80 lines: one generator that keeps the files parsed ahead within bounds (count and bytes)
 * and gives them back in order; its counters are shared by every step.
 */
export async function* readSources(
  sources: readonly ImportSource[],
  options: ReadOptions = {},
): AsyncGenerator<ParsedFile> {
  let total = sources.length;
  let done = 0;
  const report = () => options.onProgress?.({ done, total });
  const pool =
    options.inThreadUpTo && (await fewSmallFiles(sources, options.inThreadUpTo))
      ? inThread
      : sharedParsePool().lane();
  const pending: Pending[] = [];
  let pendingBytes = 0;
  const add = (parsed: Promise<readonly ParsedFile[]>, bytes = 0) => {
    const entry: Pending = { bytes, parsed, settled: false };
    parsed.then(() => {
      entry.settled = true;
    });
    pending.push(entry);
    pendingBytes += bytes;
  };
  /** The oldest plain file's results: given out, then counted as done. */
  async function* release(): AsyncGenerator<ParsedFile> {
    const entry = pending.shift() as Pending;
    pendingBytes -= entry.bytes;
    yield* await entry.parsed;
    done++;
    report();
  }

  try {
    report();
    for (const { path, source } of sources) {
      while (pending[0]?.settled) yield* release();
      while (
        pending.length > 0 &&
        (pending.length >= MAX_PENDING || pendingBytes >= MAX_PENDING_BYTES)
      ) {
        yield* release();
      }
      let size: number;
      let head: Uint8Array;
      try {
        const info = await stat(path);
        if (!info.isFile()) {
          add(Promise.resolve([failed(source, `"${source}" is not a file.`)]));
          continue;
        }
        size = info.size;
        head = await readHead(path);
      } catch (error) {
        add(Promise.resolve([failed(source, readError(source, error))]));
        continue;
      }
      if (detectFormat(head) === "zip") {
        // The files before it come first.
        while (pending.length > 0) yield* release();
        let entries = 0;
        let entriesDone = 0;
        try {
          const results = readArchive(
            path,
            {
              name: source,
              onEntryCount: (count) => {
                entries = count;
                total += count - 1;
                report();
              },
              onEntryDone: () => {
                entriesDone++;
                done++;
                report();
              },
            },
            { parse: pool.parse },
          );
          for await (const result of results) yield result;
        } catch (error) {
          yield failed(source, (error as Error).message);
        }
        // Entries may be fewer than counted (a damaged archive): the archive is dealt with.
        done += Math.max(1, entries) - entriesDone;
        report();
        continue;
      }
      if (size > MAX_FILE_BYTES) {
        add(
          Promise.resolve([
            failed(
              source,
              `"${source}" is ${byteSize(size)}, more than the ${byteSize(MAX_FILE_BYTES)} a single activity file may be: refused.`,
            ),
          ]),
        );
        continue;
      }
      let bytes: Uint8Array;
      try {
        bytes = await readFile(path);
      } catch (error) {
        add(Promise.resolve([failed(source, readError(source, error))]));
        continue;
      }
      add(
        pool
          .parse(bytes, source)
          .then(({ results }) => results.map((result) => ({ source, result }))),
        size,
      );
    }
    while (pending.length > 0) yield* release();
  } finally {
    await pool.close();
  }
}

function readError(source: string, error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === "ENOENT") return `"${source}" does not exist.`;
  if (code === "EACCES" || code === "EPERM")
    return `"${source}" cannot be read: permission denied.`;
  if (code === "EISDIR") return `"${source}" is a folder, not a file.`;
  return `"${source}" cannot be read: ${(error as Error).message}`;
}
