import type { FileImport } from "../../core/running/activity.js";
import { detectFormat } from "./detect.js";
import { importFit } from "./fit.js";
import { importGpx } from "./gpx.js";
import { gunzipLimited } from "./gzip.js";
import { parseStravaCsv } from "./strava-csv.js";
import { importTcx } from "./tcx.js";

/** The largest file a `.gz` may inflate to (issue 5, point 8): the archive's entry limit. */
export const MAX_GUNZIPPED_BYTES = 200 * 1024 * 1024;

export interface ImportBytesOptions {
  /** Refuse a gzip file that inflates to more than this many bytes. */
  readonly maxGunzippedBytes?: number;
}

/**
 * One file's activities, whatever its format: told from the content, never the name (issue 5,
 * point 1). A `.gz` is inflated (with a size limit) and its content told the same way. Never
 * throws: anything unreadable is `{ ok: false, error }` with a sentence a person can act on.
 * `source` (a path or an archive entry's name) only serves the messages.
 */
export function importBytes(
  bytes: Uint8Array,
  source: string,
  options: ImportBytesOptions = {},
): FileImport {
  const format = detectFormat(bytes);
  if (format !== "gzip") return importPlain(bytes, source, format, false);
  const max = options.maxGunzippedBytes ?? MAX_GUNZIPPED_BYTES;
  const inflated = gunzipLimited(bytes, max);
  if (!inflated.ok) {
    return { ok: false, format: null, error: `${nameOf(source)}: ${inflated.error}.` };
  }
  return importPlain(inflated.bytes, source, detectFormat(inflated.bytes), true);
}

function importPlain(
  bytes: Uint8Array,
  source: string,
  format: ReturnType<typeof detectFormat>,
  gzipped: boolean,
): FileImport {
  try {
    switch (format) {
      case "fit":
        return importFit(bytes);
      case "gpx":
        return importGpx(bytes);
      case "tcx":
        return importTcx(bytes);
      case "csv":
        return importCsv(bytes, source);
      case "zip":
        return {
          ok: false,
          format: null,
          error: gzipped
            ? `${nameOf(source)} is a zip archive compressed with gzip: unzip the gzip first.`
            : `${nameOf(source)} is a zip archive: import it as an archive.`,
        };
      case "gzip":
        return {
          ok: false,
          format: null,
          error: `${nameOf(source)} is gzip-compressed twice: not an activity file.`,
        };
      default:
        return {
          ok: false,
          format: null,
          error: `${nameOf(source)} is not an activity file: its content is not FIT, GPX, TCX or Strava's activities.csv${gzipped ? " (inside gzip)" : ", nor a gzip-compressed one"}.`,
        };
    }
  } catch (error) {
    // The importers do not throw; this is a last guard so one file never stops the others.
    return {
      ok: false,
      format: format === "fit" || format === "gpx" || format === "tcx" ? format : null,
      error: `${nameOf(source)} could not be read: ${(error as Error).message}`,
    };
  }
}

/**
 * A Strava `activities.csv` on its own: the rows without a file (manual entries) become
 * activities; rows naming a file need the whole export archive.
 */
function importCsv(bytes: Uint8Array, source: string): FileImport {
  const parsed = parseStravaCsv(bytes);
  if (!parsed.ok) return { ok: false, format: "csv", error: `${nameOf(source)}: ${parsed.error}` };
  const manual = parsed.rows.filter((row) => row.file === null).map((row) => row.activity);
  const withFile = parsed.rows.length - manual.length;
  if (manual.length === 0) {
    return {
      ok: false,
      format: "csv",
      error:
        withFile > 0
          ? `${nameOf(source)} lists ${withFile} activity files but holds no manual entry: import the whole Strava export archive.`
          : `${nameOf(source)} holds no activity.`,
    };
  }
  return { ok: true, format: "csv", activities: manual };
}

function nameOf(source: string): string {
  return `"${source}"`;
}
