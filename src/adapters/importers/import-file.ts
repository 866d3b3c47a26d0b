import type { FileImport } from "../../core/running/activity.js";
import { byteSize } from "./bytes.js";
import { detectFormat } from "./detect.js";
import { importFit } from "./fit.js";
import { importGpx } from "./gpx.js";
import { gunzipLimited } from "./gzip.js";
import { parseStravaCsv } from "./strava-csv.js";
import { importTcx } from "./tcx.js";

const MB = 1024 * 1024;

/**
 * The largest file a `.gz` may inflate to (docs/importers.md), and the largest single activity
 * file. Real files are far smaller: Garmin Connect's TCX, the largest format, holds about
 * 2.5 MB per hour at one point a second (the corpus's `6782987395.tcx`: 3.5 MB for 83 minutes),
 * so a 24-hour ultra is about 60 MB and 128 MB leaves twice that (a 48-hour race). 64 MB would
 * refuse a 26-hour TCX. A FIT file is ten times smaller still.
 */
export const MAX_GUNZIPPED_BYTES = 128 * MB;

/** A gzip layer inflating more than this many times its size is a bomb (as in archives)… */
export const MAX_GZIP_RATIO = 100;
/** …when it inflates to more than this. */
export const GZIP_RATIO_FROM_BYTES = 1 * MB;

export interface ImportBytesOptions {
  /** Refuse a gzip file that inflates to more than this many bytes. */
  readonly maxGunzippedBytes?: number;
  /** Refuse a gzip file inflating more than this ratio (default 100)… */
  readonly maxRatio?: number;
  /** …to more than this many bytes (default 1 MB). */
  readonly ratioFromBytes?: number;
  /**
   * Inside an archive: what is left of its limit on all entries together, and that limit (for
   * the message). A gzip entry inflating past what is left is refused.
   */
  readonly archiveTotal?: { readonly leftBytes: number; readonly maxBytes: number };
}

/** One file parsed: its results, and how large its gzip layer inflated. */
export interface ParsedBytes {
  /**
   * One result, except for a Strava `activities.csv` on its own: its activities (or why there
   * are none), then one failed result per row it could not import or left out.
   */
  readonly results: readonly [FileImport, ...FileImport[]];
  /** The bytes the gzip layer inflated to (an archive counts them toward its total); else 0. */
  readonly inflatedBytes: number;
}

/**
 * One file's activities, whatever its format: told from the content, never the name
 * (docs/importers.md, "Detection and gzip"). A `.gz` is inflated (within a size limit and the ratio limit of archives: a lone
 * file is checked as an archive entry is) and its content told the same way. Never throws:
 * anything unreadable is a failed result with a sentence a person can act on. `source` (a path
 * or an archive entry's name) only serves the messages.
 */
export function parseBytes(
  bytes: Uint8Array,
  source: string,
  options: ImportBytesOptions = {},
): ParsedBytes {
  const format = detectFormat(bytes);
  if (format !== "gzip")
    return { results: importPlain(bytes, source, format, false), inflatedBytes: 0 };
  const inflated = gunzip(bytes, source, options);
  if (!inflated.ok) {
    return { results: [{ ok: false, format: null, error: inflated.error }], inflatedBytes: 0 };
  }
  return {
    results: importPlain(inflated.bytes, source, detectFormat(inflated.bytes), true),
    inflatedBytes: inflated.bytes.length,
  };
}

/**
 * {@link parseBytes}' first result: for any file but a lone `activities.csv`, its only one. A
 * lone `activities.csv`'s left-out rows are only in `parseBytes`.
 */
export function importBytes(
  bytes: Uint8Array,
  source: string,
  options: ImportBytesOptions = {},
): FileImport {
  return parseBytes(bytes, source, options).results[0];
}

type Inflated = { ok: true; bytes: Uint8Array } | { ok: false; error: string };

/** Inflates a gzip layer within the size, ratio and archive limits, saying which one stopped it. */
function gunzip(bytes: Uint8Array, source: string, options: ImportBytesOptions): Inflated {
  const maxBytes = options.maxGunzippedBytes ?? MAX_GUNZIPPED_BYTES;
  const ratio = options.maxRatio ?? MAX_GZIP_RATIO;
  const ratioBytes = Math.max(
    options.ratioFromBytes ?? GZIP_RATIO_FROM_BYTES,
    bytes.length * ratio,
  );
  const leftBytes = options.archiveTotal?.leftBytes ?? Number.POSITIVE_INFINITY;
  const limit = Math.max(0, Math.min(maxBytes, ratioBytes, leftBytes));
  const inflated = limit === 0 ? null : gunzipLimited(bytes, limit);
  if (inflated?.ok) return inflated;
  if (inflated && !inflated.tooLarge) {
    return { ok: false, error: `${nameOf(source)}: ${inflated.error}.` };
  }
  // Stopped by a limit: the tightest one says why.
  if (limit === leftBytes && options.archiveTotal) {
    return {
      ok: false,
      error: `${nameOf(source)}: with its gzip content, the archive's entries add up to more than ${byteSize(options.archiveTotal.maxBytes)} uncompressed: refused.`,
    };
  }
  if (limit === ratioBytes && ratioBytes < maxBytes) {
    return {
      ok: false,
      error: `${nameOf(source)} inflates to more than ${ratio} times its compressed size (${byteSize(bytes.length)}): refused as a gzip bomb.`,
    };
  }
  return {
    ok: false,
    error: `${nameOf(source)} inflates to more than ${byteSize(maxBytes)}, more than an activity file may be: refused.`,
  };
}

function importPlain(
  bytes: Uint8Array,
  source: string,
  format: ReturnType<typeof detectFormat>,
  gzipped: boolean,
): [FileImport, ...FileImport[]] {
  try {
    switch (format) {
      case "fit":
        return [importFit(bytes)];
      case "gpx":
        return [importGpx(bytes)];
      case "tcx":
        return [importTcx(bytes)];
      case "csv":
        return importCsv(bytes, source);
      case "zip":
        return [
          {
            ok: false,
            format: null,
            error: gzipped
              ? `${nameOf(source)} is a zip archive compressed with gzip: unzip the gzip first.`
              : `${nameOf(source)} is a zip archive: import it as an archive.`,
          },
        ];
      case "gzip":
        return [
          {
            ok: false,
            format: null,
            error: `${nameOf(source)} is gzip-compressed twice: not an activity file.`,
          },
        ];
      default:
        return [
          {
            ok: false,
            format: null,
            error: isBlank(bytes)
              ? `${nameOf(source)} is empty${gzipped ? " (inside gzip)" : ""}.`
              : `${nameOf(source)} is not an activity file: its content is not FIT, GPX, TCX or Strava's activities.csv${gzipped ? " (inside gzip)" : ", nor a gzip-compressed one"}.`,
          },
        ];
    }
  } catch (error) {
    // The importers do not throw; this is a last guard so one file never stops the others.
    return [
      {
        ok: false,
        format: format === "fit" || format === "gpx" || format === "tcx" ? format : null,
        error: `${nameOf(source)} could not be read: ${(error as Error).message}`,
      },
    ];
  }
}

/**
 * A Strava `activities.csv` on its own: the rows without a file (manual entries) become
 * activities. Nothing is dropped without a word: each row that cannot be read is a failed result
 * ("line 6: …"), and so are the rows naming a file, in one result: those need the whole export
 * archive.
 */
function importCsv(bytes: Uint8Array, source: string): [FileImport, ...FileImport[]] {
  const parsed = parseStravaCsv(bytes, source);
  if (!parsed.ok) return [{ ok: false, format: "csv", error: parsed.error }];
  const manual = parsed.rows.filter((row) => row.file === null).map((row) => row.activity);
  const withFile = parsed.rows.filter((row) => row.file !== null);
  const problems: FileImport[] = parsed.problems.map((error) => ({
    ok: false,
    format: "csv",
    error,
  }));
  const [first] = withFile;
  if (first) {
    const rows =
      withFile.length === 1
        ? `line ${first.line} names an activity file ("${first.file}"), not imported from this file alone: import the whole Strava export archive (the zip) to get it.`
        : `${withFile.length} rows name activity files (such as "${first.file}" on line ${first.line}), not imported from this file alone: import the whole Strava export archive (the zip) to get them.`;
    problems.push({ ok: false, format: "csv", error: rows });
  }
  if (manual.length > 0) {
    return [{ ok: true, format: "csv", activities: manual }, ...problems];
  }
  const [problem, ...others] = problems;
  if (problem) return [problem, ...others];
  return [{ ok: false, format: "csv", error: `${nameOf(source)} holds no activity.` }];
}

/** No bytes, or only spaces and line breaks. */
function isBlank(bytes: Uint8Array): boolean {
  for (const byte of bytes) {
    if (byte !== 0x20 && byte !== 0x09 && byte !== 0x0a && byte !== 0x0d) return false;
  }
  return true;
}

function nameOf(source: string): string {
  return `"${source}"`;
}
