import { open } from "node:fs/promises";
import { TextDecoder } from "node:util";
import { localName, xmlRootName } from "./xml.js";

/** The formats an uploaded file can hold, told from its bytes. */
export type DetectedFormat = "fit" | "gpx" | "tcx" | "zip" | "gzip" | "csv";

/**
 * The format of a file from its content, never its name (docs/importers.md): Strava exports hold
 * `.gpx.gz` next to `.fit.gz`, and people rename files.
 * - FIT: the ".FIT" signature at byte 8 of the header (whatever the header's other fields say:
 *   a corrupt header is the FIT importer's to report).
 * - zip: "PK\x03\x04" (or "PK\x05\x06", an empty archive). gzip: 1f 8b.
 * - XML: the root element, `<gpx>` or `<TrainingCenterDatabase>`, under any namespace prefix.
 * - CSV: a header line: at least two comma-separated column names, none of them a number.
 * Anything else is null.
 */
export function detectFormat(bytes: Uint8Array): DetectedFormat | null {
  if (
    bytes.length >= 12 &&
    bytes[8] === 0x2e && // .
    bytes[9] === 0x46 && // F
    bytes[10] === 0x49 && // I
    bytes[11] === 0x54 // T
  ) {
    return "fit";
  }
  if (bytes[0] === 0x50 && bytes[1] === 0x4b) {
    if ((bytes[2] === 0x03 && bytes[3] === 0x04) || (bytes[2] === 0x05 && bytes[3] === 0x06)) {
      return "zip";
    }
  }
  if (bytes[0] === 0x1f && bytes[1] === 0x8b) return "gzip";
  const root = xmlRootName(bytes);
  if (root !== null) {
    const name = localName(root);
    if (name === "gpx") return "gpx";
    if (name === "TrainingCenterDatabase") return "tcx";
    return null;
  }
  return isCsvHeader(bytes) ? "csv" : null;
}

/**
 * The first `length` bytes of the file at `path` (fewer if it is shorter). The default, 4, is
 * enough for {@link detectFormat} to tell a zip, and too few for it to take a zip whose bytes 8-11
 * read ".FIT" for FIT. Throws as `open` does (a missing or unreadable file).
 */
export async function readHead(path: string, length = 4): Promise<Uint8Array> {
  const handle = await open(path, "r");
  try {
    const head = new Uint8Array(length);
    const { bytesRead } = await handle.read(head, 0, length, 0);
    return head.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}

const CSV_SCAN_BYTES = 1 << 16;

function isCsvHeader(bytes: Uint8Array): boolean {
  const head = bytes.subarray(0, CSV_SCAN_BYTES);
  const newline = head.indexOf(0x0a);
  if (newline < 0 && bytes.length > CSV_SCAN_BYTES) return false;
  const line = new TextDecoder("utf-8", { fatal: false })
    .decode(head.subarray(0, newline < 0 ? head.length : newline))
    .replace(/^\uFEFF/, "")
    .replace(/\r$/, "");
  // biome-ignore lint/suspicious/noControlCharactersInRegex: binary data is not a CSV header
  if (line.includes("\uFFFD") || /[\u0000-\u0008\u000B-\u001F]/.test(line)) return false;
  if (/^\s*[<{[]/.test(line)) return false;
  const columns = line.split(",").map((column) =>
    column
      .trim()
      .replace(/^"(.*)"$/, "$1")
      .trim(),
  );
  if (columns.length < 2) return false;
  return (
    columns.every(
      (column) => column === "" || (/\p{L}/u.test(column) && !Number.isFinite(Number(column))),
    ) && columns.some((column) => column !== "")
  );
}
