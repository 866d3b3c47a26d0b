import yauzl from "yauzl";
import type { Activity, FileImport } from "../../core/running/activity.js";
import { byteSize } from "./bytes.js";
import { detectFormat, readHead } from "./detect.js";
import {
  type ImportBytesOptions,
  MAX_GUNZIPPED_BYTES,
  type ParsedBytes,
  parseBytes,
} from "./import-file.js";
import { parseStravaCsv, type StravaRow } from "./strava-csv.js";

/** One entry's outcome; `source` is the entry's path inside the archive. */
export interface ArchiveEntryResult {
  readonly source: string;
  readonly result: FileImport;
}

/** Zip-bomb limits (docs/importers.md). Tests may lower them. */
export interface ArchiveOptions {
  /** The name the archive is reported under (the source the person gave); default its path. */
  readonly name?: string;
  /** At most this many entries (folders included), else the archive is refused. */
  readonly maxEntries?: number;
  /**
   * Each entry at most this many bytes uncompressed; a `.gz` entry's content at most this and
   * `MAX_GUNZIPPED_BYTES` (128 MB).
   */
  readonly maxEntryBytes?: number;
  /** All entries together at most this many bytes uncompressed, gzip content included. */
  readonly maxTotalBytes?: number;
  /** Refuse an entry (or a `.gz` entry's content) compressed more than this ratio… */
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
   * Parses one entry's bytes (default: `parseBytes` in this thread). It may run elsewhere
   * (read-sources' worker threads): it is handed the bytes and never used with them again.
   */
  readonly parse?: (
    bytes: Uint8Array,
    source: string,
    options: ImportBytesOptions,
  ) => Promise<ParsedBytes> | ParsedBytes;
  /** Entries read but whose results are not given out yet, at most (default 8)… */
  readonly maxPending?: number;
  /** …and their bytes at most (default 64 MB; a larger entry is read alone). */
  readonly maxPendingBytes?: number;
}

type Limits = Required<Omit<ArchiveOptions, "name" | "onEntryCount" | "onEntryDone">>;

const MB = 1024 * 1024;
export const ARCHIVE_LIMITS: Limits = {
  maxEntries: 100_000,
  maxEntryBytes: 200 * MB,
  // Ten years of one-hour runs as 1 Hz TCX with heart rate is about 9 GB: room for that.
  maxTotalBytes: 20 * 1024 * MB,
  maxRatio: 100,
  ratioFromBytes: 1 * MB,
};

/** Names a file could have in an export; other unrecognised content is skipped silently. */
const ACTIVITY_NAME = /\.(fit|gpx|tcx)(\.gz)?$/i;
/** Strava's activities.csv, at the root of its export or in a folder (`export_1/activities.csv`). */
const STRAVA_CSV = /(^|\/)activities\.csv$/i;
/** Activities from activities.csv may fill in a file's sport when they start this close. */
const SAME_START_MS = 120_000;

/**
 * What an operating system adds to an archive it makes: a Mac's resource forks (`__MACOSX/`,
 * `._name`) and Finder data (`.DS_Store`), Windows's thumbnails (`Thumbs.db`). Never an
 * activity, and no failure either: skipped silently.
 */
export function isOsDebris(name: string): boolean {
  const parts = name.split("/").filter(Boolean);
  const base = parts.at(-1) ?? "";
  return (
    parts[0] === "__MACOSX" ||
    base.startsWith("._") ||
    base === ".DS_Store" ||
    base.toLowerCase() === "thumbs.db"
  );
}

class EntryRefusal extends Error {}

/**
 * Imports every activity in a zip archive read from disk (docs/importers.md): a Strava bulk
 * export (`activities.csv` plus `activities/` files, at the root or in a folder) or any folder
 * of FIT, GPX and TCX files, gzip-compressed or not. Entries are streamed one at a time with
 * yauzl (never the whole archive in memory) and never written to disk. A failure in one entry
 * never stops the others: it becomes that entry's result. Rejects only when the file is not a
 * readable zip archive (saying so when it looks cut short) or holds more entries than allowed.
 *
 * - Folders are skipped, and so are entries whose content is no activity format and whose name
 *   is not an activity file's (photos, other CSVs of a Strava export).
 * - An archive that gives nothing at all (empty, only folders, only photos) is one failed
 *   result under the archive's name: it holds no FIT, GPX or TCX file nor activities.csv.
 * - Entry names with `..` or an absolute path are refused (a result with an error).
 * - Zip bombs: an entry over `maxEntryBytes` uncompressed, a total over `maxTotalBytes`, or an
 *   entry over `ratioFromBytes` compressed more than `maxRatio`:1 is refused; sizes are checked
 *   both as declared and as actually inflated. A `.gz` entry's content is held to the same
 *   ratio (its inflated size to the gzip bytes), to at most 128 MB, and counts toward the total.
 * - Strava's `activities.csv` (any one named so, its file paths read from its folder): rows
 *   without a file become activities (format `csv`, source the csv's entry); a row with a file
 *   gives its sport to the file's activity whose sport is `other` (see sportTarget: in a file of
 *   several, only one starting within 120 s of the row, never in a multisport file); a row
 *   whose file is missing from the archive, or failed, is imported from the row with a warning
 *   (a failed file's failure stays reported).
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
  /** Whether it is one of the archive's own entries (told to onEntryDone), not a nested zip's. */
  readonly counts: boolean;
  readonly results: Promise<readonly ArchiveEntryResult[]>;
  settled: boolean;
}

/** A Strava activities.csv read from the archive. */
interface StravaCsvEntry {
  /** Its entry name, the source of the activities made from its rows. */
  readonly name: string;
  /** The folder its file paths are read from: "" at the root, else ending in "/". */
  readonly folder: string;
  readonly rows: readonly StravaRow[];
}

/**
 * {@link importArchive} as a stream: the same results in the same order, given out as they are
 * ready. Entries are read one after the other in this thread while earlier ones are parsed
 * (by `reading.parse`, on worker threads in read-sources), at most `maxPending` entries and
 * `maxPendingBytes` ahead. A result that a later `activities.csv` could still change (a file
 * whose activities are all `other`) is held to the end, and so is everything after it, to keep
 * the order; a failed file is given out, and its row still imported at the end. When nothing at
 * all came out, one failed result says the archive holds nothing to import. Throws, before
 * giving anything, when the file is not a readable zip archive (saying when it looks cut short)
 * or holds more entries than allowed.
 *
 * Over 80 lines: the archive's limits (entries, sizes, ratio, zips inside) and its queue of results
 * are one state that every entry reads and changes; its steps are the inner functions below.
 */
export async function* readArchive(
  path: string,
  options: ArchiveOptions = {},
  reading: ArchiveReading = {},
): AsyncGenerator<ArchiveEntryResult> {
  const { name: archiveName = path, ...limitOptions } = options;
  const limits: Limits = { ...ARCHIVE_LIMITS, ...limitOptions };
  const parse = reading.parse ?? parseBytes;
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
    throw new Error(await unreadable(path, archiveName, error as Error));
  }
  if (zip.entryCount > limits.maxEntries) {
    zip.close();
    throw new Error(
      `"${archiveName}" holds ${zip.entryCount} entries, more than the ${limits.maxEntries} allowed: refused.`,
    );
  }

  options.onEntryCount?.(zip.entryCount);
  const pending: Pending[] = [];
  let pendingBytes = 0;
  /** Results given out or held so far. */
  let counted = 0;
  /** Results activities.csv may still change, and all after them, in order, until the end. */
  const held: ArchiveEntryResult[] = [];
  /** Sources of the results already given out: read, or failed (activities.csv still uses those). */
  const given = new Set<string>();
  const givenFailed = new Set<string>();
  const stravaCsvs: StravaCsvEntry[] = [];
  /** Uncompressed bytes of the entries read, and of the gzip content of those parsed. */
  let totalBytes = 0;
  /** The most that gzip entries being parsed may still add to `totalBytes`. */
  let reservedBytes = 0;
  const gzipCap = Math.min(MAX_GUNZIPPED_BYTES, limits.maxEntryBytes);

  /** The archive's entries and those of the zips inside it, held to `maxEntries` together. */
  let entriesSeen = zip.entryCount;
  /** Zip archives read inside the archive (one level deep). */
  let nestedZips = 0;

  const add = (results: Promise<readonly ArchiveEntryResult[]>, bytes = 0, counts = true) => {
    const entry: Pending = { bytes, counts, results, settled: false };
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
  const now = (results: readonly ArchiveEntryResult[], counts = true) =>
    add(Promise.resolve(results), 0, counts);
  const refusal = (name: string, error: string): ArchiveEntryResult => ({
    source: name,
    result: { ok: false, format: null, error },
  });
  const giveOut = (result: ArchiveEntryResult) => {
    if (result.result.ok) given.add(result.source);
    else givenFailed.add(result.source);
  };
  /** The oldest pending entry's results: given out, or held. */
  async function* release(): AsyncGenerator<ArchiveEntryResult> {
    const entry = pending.shift() as Pending;
    pendingBytes -= entry.bytes;
    const results = await entry.results;
    if (entry.counts) options.onEntryDone?.();
    for (const result of results) {
      counted++;
      if (held.length > 0 || mayTakeSport(result)) held.push(result);
      else {
        giveOut(result);
        yield result;
      }
    }
  }

  /** Gives out what is ready, and waits while too much is read ahead. */
  async function* settle(): AsyncGenerator<ArchiveEntryResult> {
    while (pending[0]?.settled) yield* release();
    while (
      pending.length > 0 &&
      (pending.length >= maxPending || pendingBytes >= maxPendingBytes)
    ) {
      yield* release();
    }
  }

  try {
    try {
      for await (const entry of zip.eachEntry()) {
        const name = entryName(entry);
        if (name.endsWith("/") || isOsDebris(name)) {
          now([]);
        } else {
          const nested = await readOne(zip, entry, name, null);
          if (nested !== null) yield* readNested(nested, name);
        }
        yield* settle();
      }
      while (pending.length > 0) yield* release();
    } catch (error) {
      // What was read before the damage comes first, as it would have.
      while (pending.length > 0) yield* release();
      const damaged = refusal(
        archiveName,
        `The archive is damaged: reading stopped after ${counted} entries: ${(error as Error).message}`,
      );
      counted++;
      if (held.length > 0) held.push(damaged);
      else {
        giveOut(damaged);
        yield damaged;
      }
    }
  } finally {
    zip.close();
  }
  const last = stravaCsvs.length === 0 ? held : mergeStrava(held, stravaCsvs, given, givenFailed);
  yield* last;
  if (counted === 0 && last.length === 0) {
    const inZips =
      nestedZips === 0
        ? ""
        : `, nor ${nestedZips === 1 ? "does the zip archive" : `do the ${nestedZips} zip archives`} inside it`;
    yield refusal(
      archiveName,
      stravaCsvs.length === 0
        ? `"${archiveName}" holds no FIT, GPX or TCX file and no Strava activities.csv${inZips}: nothing to import.`
        : `"${archiveName}" holds no FIT, GPX or TCX file, and its activities.csv lists no activity: nothing to import.`,
    );
  }

  /**
   * The entries of a zip archive inside the archive (Garmin's full export keeps its FIT files in
   * `DI_CONNECT/DI-Connect-Uploaded-Files/UploadedFiles_0-_Part1.zip`): read from its bytes,
   * already held to `maxEntryBytes`, entry by entry as the archive's own, under the same limits
   * (its entries count toward `maxEntries`, their bytes toward `maxTotalBytes`). Sources are
   * "outer.zip/entry". A damaged nested zip is one failed result; the archive goes on.
   */
  async function* readNested(bytes: Uint8Array, name: string): AsyncGenerator<ArchiveEntryResult> {
    nestedZips++;
    let inner: yauzl.ZipFile;
    try {
      inner = await yauzl.fromBufferPromise(
        Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength),
        { lazyEntries: true, decodeStrings: false, validateEntrySizes: true },
      );
    } catch (error) {
      now([
        refusal(
          name,
          `"${name}" is a zip archive inside the archive, but not a readable one (${(error as Error).message}): not imported.`,
        ),
      ]);
      return;
    }
    if (entriesSeen + inner.entryCount > limits.maxEntries) {
      inner.close();
      now([
        refusal(
          name,
          `"${name}" holds ${inner.entryCount} entries: with those read before, more than the ${limits.maxEntries} an archive may hold: refused.`,
        ),
      ]);
      return;
    }
    entriesSeen += inner.entryCount;
    const entries = inner.eachEntry();
    let read = 0;
    try {
      for (;;) {
        let next: IteratorResult<yauzl.Entry>;
        try {
          next = await entries.next();
        } catch (error) {
          now(
            [
              refusal(
                name,
                `The zip archive "${name}" inside the archive is damaged: reading it stopped after ${read} entries (${(error as Error).message}).`,
              ),
            ],
            false,
          );
          break;
        }
        if (next.done) break;
        read++;
        const innerName = entryName(next.value);
        if (!innerName.endsWith("/") && !isOsDebris(innerName)) {
          await readOne(inner, next.value, innerName, name);
        }
        yield* settle();
      }
    } finally {
      inner.close();
    }
    now([]); // the nested zip itself, done: for progress
  }

  /**
   * Reads one entry of the archive (`inside` null) or of a zip inside it (`inside` its name: the
   * source is then "inside/name") and queues its results. Gives back the bytes of an entry of
   * the archive that is itself a zip, to be read by readNested; a zip deeper down is refused.
   *
   * Over 80 lines: one entry's read, where each limit (name, size, ratio, a zip inside) must stop
   * the same stream and say why in the same result.
   */
  async function readOne(
    from: yauzl.ZipFile,
    entry: yauzl.Entry,
    entryPath: string,
    inside: string | null,
  ): Promise<Uint8Array | null> {
    const name = inside === null ? entryPath : `${inside}/${entryPath}`;
    const counts = inside === null;
    const now = (results: readonly ArchiveEntryResult[]) =>
      add(Promise.resolve(results), 0, counts);
    const unsafe = unsafeName(entryPath);
    if (unsafe) {
      now([refusal(name, unsafe)]);
      return null;
    }
    let bytes: Uint8Array;
    try {
      const read = await readEntry(from, entry, limits, totalBytes + reservedBytes, (head) =>
        unrelated(head, name),
      );
      if (read === null) {
        now([]);
        return null;
      }
      bytes = read;
    } catch (error) {
      now([
        refusal(
          name,
          error instanceof EntryRefusal
            ? error.message
            : `The entry could not be read from the archive: ${(error as Error).message}`,
        ),
      ]);
      return null;
    }
    totalBytes += bytes.length;
    const format = detectFormat(bytes);
    if (format === "zip") {
      if (inside === null) return bytes;
      now([
        refusal(
          name,
          `"${name}" is a zip archive inside a zip inside the archive: only one level of zips in an archive is read, so it was not. Take "${inside}" out of the archive and import it on its own.`,
        ),
      ]);
      return null;
    }
    if (STRAVA_CSV.test(name) && format === "csv") {
      const parsed = parseStravaCsv(bytes, name);
      if (!parsed.ok) now([refusal(name, parsed.error)]);
      else {
        const folder = name.slice(0, name.lastIndexOf("/") + 1);
        stravaCsvs.push({ name, folder, rows: parsed.rows });
        now(parsed.problems.map((problem) => refusal(name, problem)));
      }
      return null;
    }
    const activityContent = format === "fit" || format === "gpx" || format === "tcx";
    if (!activityContent && format !== "gzip" && !ACTIVITY_NAME.test(name)) {
      now([]);
      return null;
    }
    if (format === "csv") {
      now([refusal(name, `"${name}" is a CSV file: not imported.`)]);
      return null;
    }
    const size = bytes.length;
    // A gzip entry's content counts toward the total: while it is parsed (elsewhere, maybe),
    // the most it may inflate to is reserved, so that entries parsed at once never pass it.
    let reserved = 0;
    let archiveTotal: ImportBytesOptions["archiveTotal"];
    if (format === "gzip") {
      const leftBytes = Math.max(0, limits.maxTotalBytes - totalBytes - reservedBytes);
      reserved = Math.min(
        gzipCap,
        Math.max(limits.ratioFromBytes, size * limits.maxRatio),
        leftBytes,
      );
      reservedBytes += reserved;
      archiveTotal = { leftBytes, maxBytes: limits.maxTotalBytes };
    }
    const parseOptions: ImportBytesOptions = {
      maxGunzippedBytes: gzipCap,
      maxRatio: limits.maxRatio,
      ratioFromBytes: limits.ratioFromBytes,
      ...(archiveTotal ? { archiveTotal } : {}),
    };
    const parsed = Promise.resolve(parse(bytes, name, parseOptions)).finally(() => {
      reservedBytes -= reserved;
    });
    add(
      parsed.then(({ results, inflatedBytes }): ArchiveEntryResult[] => {
        totalBytes += inflatedBytes;
        const [result] = results;
        // A gzip-compressed entry that holds no activity format and is not named like one
        // (e.g. a compressed log): skipped like any other unrelated file.
        if (
          results.length === 1 &&
          !result.ok &&
          result.format === null &&
          format === "gzip" &&
          !ACTIVITY_NAME.test(name) &&
          /(not an activity file|is empty)/.test(result.error)
        ) {
          return [];
        }
        return results.map((one) => ({ source: name, result: one }));
      }),
      size,
      counts,
    );
    return null;
  }
}

/** An entry's name, read raw (yauzl would stop the archive at a `..`), without leading "./". */
function entryName(entry: yauzl.Entry): string {
  return yauzl
    .getFileNameLowLevel(entry.generalPurposeBitFlag, entry.fileNameRaw, entry.extraFields, false)
    .replace(/^(\.\/)+/, "");
}

/** Why the archive cannot be opened: said plainly when it looks cut short (a partial download). */
async function unreadable(path: string, name: string, error: Error): Promise<string> {
  if (/end of central directory record signature not found/i.test(error.message)) {
    let head: Uint8Array = new Uint8Array();
    try {
      head = await readHead(path);
    } catch {
      // Unreadable: the plain message below.
    }
    // It starts as a zip with files does (a local file header, PK\3\4, not the PK\5\6 that
    // opens an empty archive), but its end (the list of its files) is missing.
    if (detectFormat(head) === "zip" && head[2] === 0x03) {
      return `"${name}" is not a readable zip archive: it looks cut short (an interrupted download?), its end, which lists its files, is missing. Download or copy it again.`;
    }
  }
  return `"${name}" is not a readable zip archive: ${error.message}`;
}

/** Whether activities.csv could give one of this result's activities a sport (sportTarget). */
function mayTakeSport({ result }: ArchiveEntryResult): boolean {
  return result.ok && result.activities.every((activity) => activity.sport === "other");
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
  if (entry.uncompressedSize > limits.maxEntryBytes) {
    throw new EntryRefusal(
      `The entry is ${byteSize(entry.uncompressedSize)} uncompressed, more than the ${byteSize(limits.maxEntryBytes)} allowed: refused.`,
    );
  }
  if (total + entry.uncompressedSize > limits.maxTotalBytes) {
    throw new EntryRefusal(
      `The archive's entries add up to more than ${byteSize(limits.maxTotalBytes)} uncompressed: refused.`,
    );
  }
  const bomb = ratioRefusal(entry.uncompressedSize, entry.compressedSize, limits);
  if (bomb) throw bomb;
}

/** Bytes enough to tell an entry's format: the FIT header, an XML root element, a CSV header. */
const PEEK_BYTES = 64 * 1024;

/**
 * True for an entry that is plainly not for us (a photo or video of a Strava export): its first
 * bytes are no format we read and its name is not an activity file's. Such an entry is skipped
 * after those bytes, whatever its size, rather than read whole or refused for being large.
 */
function unrelated(head: Uint8Array, name: string): boolean {
  return detectFormat(head) === null && !ACTIVITY_NAME.test(name) && !STRAVA_CSV.test(name);
}

/**
 * Inflates one entry into memory, stopping as soon as a limit is passed (declared sizes lie).
 * `skip` sees the first bytes before any size limit applies: when it says so, the entry is left
 * unread and null comes back.
 */
async function readEntry(
  zip: yauzl.ZipFile,
  entry: yauzl.Entry,
  limits: Limits,
  total: number,
  skip: (head: Uint8Array) => boolean,
): Promise<Uint8Array | null> {
  if (entry.isEncrypted()) throw new EntryRefusal("The entry is encrypted: not imported.");
  const stream = await zip.openReadStreamPromise(entry);
  const chunks: Buffer[] = [];
  let size = 0;
  let decided = false;
  const decide = (): boolean => {
    decided = true;
    if (skip(Buffer.concat(chunks, size))) return true;
    checkDeclared(entry, limits, total);
    return false;
  };
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      chunks.push(chunk);
      size += chunk.length;
      if (!decided) {
        if (size < PEEK_BYTES) continue;
        if (decide()) return null;
      }
      if (size > limits.maxEntryBytes) {
        throw new EntryRefusal(
          `The entry inflates to more than ${byteSize(limits.maxEntryBytes)}: refused.`,
        );
      }
      if (total + size > limits.maxTotalBytes) {
        throw new EntryRefusal(
          `The archive's entries add up to more than ${byteSize(limits.maxTotalBytes)} uncompressed: refused.`,
        );
      }
      const bomb = ratioRefusal(size, entry.compressedSize, limits);
      if (bomb) throw bomb;
    }
    if (!decided && decide()) return null;
  } finally {
    stream.destroy();
  }
  const bytes = Buffer.concat(chunks, size);
  return new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

/**
 * Joins Strava's activities.csv files with the files they name: `results` are those held to the
 * end; `given` and `givenFailed` the sources of those already given out, read or failed
 * (activities.csv cannot change them, but a failed file's row is still imported).
 */
function mergeStrava(
  results: readonly ArchiveEntryResult[],
  csvs: readonly StravaCsvEntry[],
  given: ReadonlySet<string>,
  givenFailed: ReadonlySet<string>,
): ArchiveEntryResult[] {
  const bySource = new Map(results.map((entry, index) => [entry.source, index]));
  const merged = [...results];
  for (const csv of csvs) {
    const fromRows: Activity[] = [];
    const fromRow = (row: StravaRow, why: string) =>
      fromRows.push({ ...row.activity, warnings: [...row.activity.warnings, why] });
    for (const row of csv.rows) {
      if (row.file === null) {
        fromRows.push(row.activity);
        continue;
      }
      const file = `${csv.folder}${row.file.replace(/^(\.\/)+/, "")}`;
      const index = bySource.get(file);
      const found = index === undefined ? undefined : merged[index];
      if (givenFailed.has(file) || (found !== undefined && !found.result.ok)) {
        fromRow(
          row,
          `"${file}" could not be read (reported as failed): imported from ${csv.name} line ${row.line} instead, with only the row's summary`,
        );
        continue;
      }
      // Given out already: activities.csv cannot give it a sport (see mayTakeSport).
      if (found === undefined && given.has(file)) continue;
      if (index === undefined || found === undefined) {
        fromRow(
          row,
          `${csv.name} line ${row.line} names "${row.file}", which is not in the archive: imported from the row`,
        );
        continue;
      }
      const { result } = found;
      if (!result.ok || row.activity.sport === "other") continue;
      const target = sportTarget(result.activities, row.activity.start);
      if (target === null) continue;
      merged[index] = {
        source: found.source,
        result: {
          ...result,
          activities: result.activities.map((activity, at) =>
            at === target
              ? {
                  ...activity,
                  sport: row.activity.sport,
                  warnings: [
                    ...activity.warnings,
                    `the sport (${row.activity.sport}) is taken from ${csv.name} line ${row.line}`,
                  ],
                }
              : activity,
          ),
        },
      };
    }
    if (fromRows.length > 0) {
      merged.push({ source: csv.name, result: { ok: true, format: "csv", activities: fromRows } });
    }
  }
  return merged;
}

/**
 * Which of a file's activities a row of activities.csv gives its sport to, if any, and only when
 * that activity's sport is `other`: the file's only activity; in a file of several that names no
 * sport at all (a GPX of several untyped tracks), the one starting nearest the row's date, within
 * 120 s; in a multisport file (some sessions have a sport), none. A row describes one activity:
 * the "other" sessions of a multisport file are its transitions and the whole race's summary, and
 * a "Swim" or "Run" row must not make them swims, or a 3-hour triathlon a 25 km long run.
 */
function sportTarget(activities: readonly Activity[], rowStart: string): number | null {
  let target: number | null = null;
  if (activities.length === 1) target = 0;
  else if (activities.every((activity) => activity.sport === "other")) {
    const at = Date.parse(rowStart);
    let nearest = Number.POSITIVE_INFINITY;
    for (const [index, activity] of activities.entries()) {
      const gap = Math.abs(Date.parse(activity.start) - at);
      if (gap <= SAME_START_MS && gap < nearest) {
        target = index;
        nearest = gap;
      }
    }
  }
  return target !== null && activities[target]?.sport === "other" ? target : null;
}
