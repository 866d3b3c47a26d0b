import yauzl from "yauzl";
import type { Activity, FileImport } from "../../core/running/activity.js";
import { detectFormat } from "./detect.js";
import { type ImportBytesOptions, importBytes } from "./import-file.js";
import { parseStravaCsv, type StravaRow } from "./strava-csv.js";

/** One entry's outcome; `source` is the entry's path inside the archive. */
export interface ArchiveEntryResult {
  readonly source: string;
  readonly result: FileImport;
}

/** Zip-bomb limits (issue 5, point 8). Tests may lower them. */
export interface ArchiveOptions {
  /** At most this many entries (folders included), else the archive is refused. */
  readonly maxEntries?: number;
  /** Each entry at most this many bytes uncompressed (also the limit for a `.gz` inside). */
  readonly maxEntryBytes?: number;
  /** All entries together at most this many bytes uncompressed. */
  readonly maxTotalBytes?: number;
  /** Refuse an entry compressed more than this ratio… */
  readonly maxRatio?: number;
  /** …when it inflates to more than this many bytes. */
  readonly ratioFromBytes?: number;
  /** Told the archive's entry count (folders included) once it is open: for progress. */
  readonly onEntryCount?: (count: number) => void;
  /** Told after each entry is dealt with (imported, refused or skipped): for progress. */
  readonly onEntryDone?: () => void;
}

/** How {@link readArchive} parses entries, and how far it may read ahead of the results. */
export interface ArchiveReading {
  /**
   * Parses one entry's bytes (default: `importBytes` in this thread). It may run elsewhere
   * (read-sources' worker threads): it is handed the bytes and never used with them again.
   */
  readonly parse?: (
    bytes: Uint8Array,
    source: string,
    options: ImportBytesOptions,
  ) => Promise<FileImport> | FileImport;
  /** Entries read but whose results are not given out yet, at most (default 8)… */
  readonly maxPending?: number;
  /** …and their bytes at most (default 64 MB; a larger entry is read alone). */
  readonly maxPendingBytes?: number;
}

type Limits = Required<Omit<ArchiveOptions, "onEntryCount" | "onEntryDone">>;

const MB = 1024 * 1024;
export const ARCHIVE_LIMITS: Limits = {
  maxEntries: 100_000,
  maxEntryBytes: 200 * MB,
  maxTotalBytes: 5 * 1024 * MB,
  maxRatio: 100,
  ratioFromBytes: 1 * MB,
};

/** Names a file could have in an export; other unrecognised content is skipped silently. */
const ACTIVITY_NAME = /\.(fit|gpx|tcx)(\.gz)?$/i;
const STRAVA_CSV = "activities.csv";

class EntryRefusal extends Error {}

/**
 * Imports every activity in a zip archive read from disk (issue 5, point 1): a Strava bulk
 * export (`activities.csv` at the root plus `activities/` files) or any folder of FIT, GPX and
 * TCX files, gzip-compressed or not. Entries are streamed one at a time with yauzl (never the
 * whole archive in memory) and never written to disk. A failure in one entry never stops the
 * others: it becomes that entry's result. Rejects only when the file is not a readable zip
 * archive or holds more entries than allowed.
 *
 * - Folders are skipped, and so are entries whose content is no activity format and whose name
 *   is not an activity file's (photos, other CSVs of a Strava export).
 * - Entry names with `..` or an absolute path are refused (a result with an error).
 * - Zip bombs: an entry over `maxEntryBytes` uncompressed, a total over `maxTotalBytes`, or an
 *   entry over `ratioFromBytes` compressed more than `maxRatio`:1 is refused; sizes are checked
 *   both as declared and as actually inflated.
 * - Strava's `activities.csv`: rows without a file become activities (format `csv`, source
 *   `activities.csv`); a row with a file gives its sport to the file's activities whose sport is
 *   `other`; a row whose file is missing from the archive is imported from the row.
 */
export async function importArchive(
  path: string,
  options: ArchiveOptions = {},
): Promise<ArchiveEntryResult[]> {
  const results: ArchiveEntryResult[] = [];
  for await (const result of readArchive(path, options)) results.push(result);
  return results;
}

/** An entry read, its results to come (none when skipped, several for activities.csv). */
interface Pending {
  readonly bytes: number;
  readonly results: Promise<readonly ArchiveEntryResult[]>;
  settled: boolean;
}

/**
 * {@link importArchive} as a stream: the same results in the same order, given out as they are
 * ready. Entries are read one after the other in this thread while earlier ones are parsed
 * (by `reading.parse`, on worker threads in read-sources), at most `maxPending` entries and
 * `maxPendingBytes` ahead. A result that a later `activities.csv` could still change (an
 * activity whose sport is `other`) is held to the end, and so is everything after it, to keep
 * the order. Throws, before giving anything, when the file is not a readable zip archive or
 * holds more entries than allowed.
 */
export async function* readArchive(
  path: string,
  options: ArchiveOptions = {},
  reading: ArchiveReading = {},
): AsyncGenerator<ArchiveEntryResult> {
  const limits = { ...ARCHIVE_LIMITS, ...options };
  const parse = reading.parse ?? importBytes;
  const maxPending = Math.max(1, reading.maxPending ?? 8);
  const maxPendingBytes = reading.maxPendingBytes ?? 64 * MB;
  let zip: yauzl.ZipFile;
  try {
    // decodeStrings: false, or yauzl would stop the whole archive at the first `..` name.
    zip = await yauzl.openPromise(path, {
      lazyEntries: true,
      decodeStrings: false,
      validateEntrySizes: true,
      autoClose: true,
    });
  } catch (error) {
    throw new Error(`"${path}" is not a readable zip archive: ${(error as Error).message}`);
  }
  if (zip.entryCount > limits.maxEntries) {
    zip.close();
    throw new Error(
      `"${path}" holds ${zip.entryCount} entries, more than the ${limits.maxEntries} allowed: refused.`,
    );
  }

  options.onEntryCount?.(zip.entryCount);
  const pending: Pending[] = [];
  let pendingBytes = 0;
  /** Results given out or held so far. */
  let counted = 0;
  /** Results activities.csv may still change, and all after them, in order, until the end. */
  const held: ArchiveEntryResult[] = [];
  /** Sources of the results already given out. */
  const given = new Set<string>();
  let stravaRows: readonly StravaRow[] | null = null;
  let totalBytes = 0;

  const add = (results: Promise<readonly ArchiveEntryResult[]>, bytes = 0) => {
    const entry: Pending = { bytes, results, settled: false };
    results.then(
      () => {
        entry.settled = true;
      },
      () => {
        entry.settled = true;
      },
    );
    pending.push(entry);
    pendingBytes += bytes;
  };
  const now = (results: readonly ArchiveEntryResult[]) => add(Promise.resolve(results));
  const refusal = (name: string, error: string): ArchiveEntryResult => ({
    source: name,
    result: { ok: false, format: null, error },
  });
  /** The oldest pending entry's results: given out, or held. */
  async function* release(): AsyncGenerator<ArchiveEntryResult> {
    const entry = pending.shift() as Pending;
    pendingBytes -= entry.bytes;
    const results = await entry.results;
    options.onEntryDone?.();
    for (const result of results) {
      counted++;
      if (held.length > 0 || mayTakeSport(result)) held.push(result);
      else {
        given.add(result.source);
        yield result;
      }
    }
  }

  try {
    try {
      for await (const entry of zip.eachEntry()) {
        const name = yauzl
          .getFileNameLowLevel(
            entry.generalPurposeBitFlag,
            entry.fileNameRaw,
            entry.extraFields,
            false,
          )
          .replace(/^(\.\/)+/, "");
        if (name.endsWith("/")) {
          now([]);
        } else {
          await readOne(entry, name);
        }
        while (pending[0]?.settled) yield* release();
        while (
          pending.length > 0 &&
          (pending.length >= maxPending || pendingBytes >= maxPendingBytes)
        ) {
          yield* release();
        }
      }
      while (pending.length > 0) yield* release();
    } catch (error) {
      // What was read before the damage comes first, as it would have.
      while (pending.length > 0) yield* release();
      const damaged = refusal(
        path,
        `The archive is damaged: reading stopped after ${counted} entries: ${(error as Error).message}`,
      );
      if (held.length > 0) held.push(damaged);
      else {
        given.add(path);
        yield damaged;
      }
    }
  } finally {
    zip.close();
  }
  yield* stravaRows === null ? held : mergeStrava(held, stravaRows, given);

  async function readOne(entry: yauzl.Entry, name: string): Promise<void> {
    const unsafe = unsafeName(name);
    if (unsafe) {
      now([refusal(name, unsafe)]);
      return;
    }
    let bytes: Uint8Array;
    try {
      checkDeclared(entry, limits, totalBytes);
      bytes = await readEntry(zip, entry, limits, totalBytes);
    } catch (error) {
      now([
        refusal(
          name,
          error instanceof EntryRefusal
            ? error.message
            : `The entry could not be read from the archive: ${(error as Error).message}`,
        ),
      ]);
      return;
    }
    totalBytes += bytes.length;
    const format = detectFormat(bytes);
    if (name === STRAVA_CSV && format === "csv") {
      const parsed = parseStravaCsv(bytes);
      if (!parsed.ok) now([refusal(name, parsed.error)]);
      else {
        stravaRows = parsed.rows;
        now(parsed.problems.map((problem) => refusal(name, problem)));
      }
      return;
    }
    const activityContent = format === "fit" || format === "gpx" || format === "tcx";
    if (!activityContent && format !== "gzip" && !ACTIVITY_NAME.test(name)) {
      now([]);
      return;
    }
    if (format === "csv" || format === "zip") {
      now([
        refusal(
          name,
          `"${name}" is ${format === "zip" ? "a zip archive" : "a CSV file"}: not imported.`,
        ),
      ]);
      return;
    }
    const size = bytes.length;
    const parsed = Promise.resolve(parse(bytes, name, { maxGunzippedBytes: limits.maxEntryBytes }));
    add(
      parsed.then((result): ArchiveEntryResult[] => {
        // A gzip-compressed entry that holds no activity format and is not named like one
        // (e.g. a compressed log): skipped like any other unrelated file.
        if (
          !result.ok &&
          result.format === null &&
          format === "gzip" &&
          !ACTIVITY_NAME.test(name) &&
          /not an activity file/.test(result.error)
        ) {
          return [];
        }
        return [{ source: name, result }];
      }),
      size,
    );
  }
}

/** Whether activities.csv could give this result's activities a sport (see mergeStrava). */
function mayTakeSport({ result }: ArchiveEntryResult): boolean {
  return result.ok && result.activities.some((activity) => activity.sport === "other");
}

function unsafeName(name: string): string | null {
  if (name === "") return "An entry with an empty name: refused.";
  if (name.startsWith("/") || /^[a-zA-Z]:/.test(name)) {
    return `The entry "${name}" has an absolute path: refused, nothing written.`;
  }
  if (name.split("/").includes("..")) {
    return `The entry "${name}" points outside the archive (".."): refused, nothing written.`;
  }
  if (name.includes("\u0000")) return `The entry name "${name}" holds a NUL byte: refused.`;
  return null;
}

function describe(bytes: number): string {
  return bytes >= 1024 * MB
    ? `${(bytes / 1024 / MB).toFixed(1)} GB`
    : `${Math.round(bytes / MB)} MB`;
}

function ratioRefusal(inflated: number, compressed: number, limits: Limits) {
  if (inflated <= limits.ratioFromBytes) return null;
  const ratio = inflated / Math.max(1, compressed);
  if (ratio <= limits.maxRatio) return null;
  return new EntryRefusal(
    `The entry inflates ${Math.round(ratio)} times its compressed size (more than ${limits.maxRatio}:1): refused as a zip bomb.`,
  );
}

/** Refuses an entry on the sizes its header declares, before inflating anything. */
function checkDeclared(entry: yauzl.Entry, limits: Limits, total: number): void {
  if (entry.isEncrypted()) throw new EntryRefusal("The entry is encrypted: not imported.");
  if (entry.uncompressedSize > limits.maxEntryBytes) {
    throw new EntryRefusal(
      `The entry is ${describe(entry.uncompressedSize)} uncompressed, more than the ${describe(limits.maxEntryBytes)} allowed: refused.`,
    );
  }
  if (total + entry.uncompressedSize > limits.maxTotalBytes) {
    throw new EntryRefusal(
      `The archive's entries add up to more than ${describe(limits.maxTotalBytes)} uncompressed: refused.`,
    );
  }
  const bomb = ratioRefusal(entry.uncompressedSize, entry.compressedSize, limits);
  if (bomb) throw bomb;
}

/** Inflates one entry into memory, stopping as soon as a limit is passed (declared sizes lie). */
async function readEntry(
  zip: yauzl.ZipFile,
  entry: yauzl.Entry,
  limits: Limits,
  total: number,
): Promise<Uint8Array> {
  const stream = await zip.openReadStreamPromise(entry);
  const chunks: Buffer[] = [];
  let size = 0;
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      size += chunk.length;
      if (size > limits.maxEntryBytes) {
        throw new EntryRefusal(
          `The entry inflates to more than ${describe(limits.maxEntryBytes)}: refused.`,
        );
      }
      if (total + size > limits.maxTotalBytes) {
        throw new EntryRefusal(
          `The archive's entries add up to more than ${describe(limits.maxTotalBytes)} uncompressed: refused.`,
        );
      }
      const bomb = ratioRefusal(size, entry.compressedSize, limits);
      if (bomb) throw bomb;
      chunks.push(chunk);
    }
  } finally {
    stream.destroy();
  }
  const bytes = Buffer.concat(chunks, size);
  return new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

/**
 * Joins Strava's activities.csv with the files it names: `results` are those held to the end,
 * `given` the sources of those already given out (activities.csv cannot change them).
 */
function mergeStrava(
  results: ArchiveEntryResult[],
  rows: readonly StravaRow[],
  given: ReadonlySet<string>,
): ArchiveEntryResult[] {
  const bySource = new Map(results.map((entry, index) => [entry.source, index]));
  const fromRows: Activity[] = [];
  const merged = [...results];
  for (const row of rows) {
    if (row.file === null) {
      fromRows.push(row.activity);
      continue;
    }
    const file = row.file.replace(/^(\.\/)+/, "");
    const index = bySource.get(file);
    // Given out already: a failure, or no activity whose sport is other; nothing to change.
    if (index === undefined && given.has(file)) continue;
    const found = index === undefined ? undefined : merged[index];
    if (index === undefined || found === undefined) {
      fromRows.push({
        ...row.activity,
        warnings: [
          ...row.activity.warnings,
          `activities.csv line ${row.line} names "${row.file}", which is not in the archive: imported from the row`,
        ],
      });
      continue;
    }
    const { result } = found;
    if (!result.ok || row.activity.sport === "other") continue;
    if (!result.activities.some((activity) => activity.sport === "other")) continue;
    merged[index] = {
      source: found.source,
      result: {
        ...result,
        activities: result.activities.map((activity) =>
          activity.sport === "other"
            ? {
                ...activity,
                sport: row.activity.sport,
                warnings: [
                  ...activity.warnings,
                  `the sport (${row.activity.sport}) is taken from activities.csv line ${row.line}`,
                ],
              }
            : activity,
        ),
      },
    };
  }
  if (fromRows.length > 0) {
    merged.push({ source: STRAVA_CSV, result: { ok: true, format: "csv", activities: fromRows } });
  }
  return merged;
}
