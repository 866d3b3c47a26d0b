import { TextDecoder } from "node:util";
import { SaxesParser } from "saxes";

/**
 * Safe, streaming XML reading for the GPX and TCX importers (docs/importers.md).
 *
 * - One pass with saxes, no DOM: the visitor sees elements as they open and close, and gets the
 *   text of the leaf elements it asks for. Bytes are decoded and fed in 64 KiB chunks, so a large
 *   file never exists twice in memory as one big string.
 * - Entities are never expanded. saxes knows only the five predefined ones and character
 *   references; we refuse any DOCTYPE with an internal subset (where ENTITY declarations live:
 *   "billion laughs", external entities) or an external identifier (SYSTEM / PUBLIC), as soon as
 *   the DOCTYPE ends. A reference to an undeclared entity is malformed XML, refused as well.
 * - A byte-order mark and whitespace before `<?xml` are trimmed (Polar Flow writes such files;
 *   strict XML parsers reject them).
 * - Elements nested more than {@link MAX_DEPTH} deep are refused as soon as the next one opens:
 *   saxes keeps every open element, so a file of millions of nested elements would otherwise
 *   cost gigabytes of memory and minutes before failing. Real GPX and TCX nest 7 to 9 deep.
 * - Malformed XML throws {@link XmlRefusal}, whose message is the reason shown to the runner.
 */

/** Why an XML file was refused: its message is meant for the runner. */
export class XmlRefusal extends Error {
  override readonly name = "XmlRefusal";
}

export interface XmlVisitor {
  /**
   * An element opened. `name` is its local name (any namespace prefix removed: `ns3:hr` and
   * `gpxtpx:hr` are both `hr`); `depth` is 1 for the root. Return true to receive the element's
   * own text (not its children's) in {@link close}.
   */
  open(name: string, attributes: Readonly<Record<string, string>>, depth: number): boolean;
  /** An element closed; `text` is its trimmed text when {@link open} asked for it, else null. */
  close(name: string, text: string | null, depth: number): void;
}

const CHUNK_BYTES = 1 << 16;
/** Deeper nesting is refused (the deepest GPX or TCX of the corpus nests 9 deep). */
export const MAX_DEPTH = 64;
/** Leaf values (a time, a number, a device name) are short; longer text is cut, never buffered. */
const MAX_TEXT_CHARS = 1024;

export function localName(name: string): string {
  const colon = name.indexOf(":");
  return colon < 0 ? name : name.slice(colon + 1);
}

/** Parses `bytes` as XML and walks it with `visitor`. Throws {@link XmlRefusal}. */
export function parseXml(bytes: Uint8Array, visitor: XmlVisitor): void {
  const { decoder, offset } = decoderFor(bytes);
  const parser = new SaxesParser({ xmlns: false, position: false });
  let depth = 0;
  let captureDepth = -1;
  let text = "";

  parser.on("doctype", (doctype) => {
    if (doctype.includes("[")) {
      throw new XmlRefusal(
        "XML with a DOCTYPE internal subset (entity declarations) is refused: entities are never expanded",
      );
    }
    if (/\b(SYSTEM|PUBLIC)\b/.test(doctype)) {
      throw new XmlRefusal("XML that refers to an external DTD is refused");
    }
  });
  /** The local names of the open elements: saxes closes the element it last opened. */
  const names: string[] = [];
  parser.on("opentag", (tag) => {
    if (depth >= MAX_DEPTH) {
      throw new XmlRefusal(`malformed XML: elements nested more than ${MAX_DEPTH} deep`);
    }
    depth += 1;
    const name = localName(tag.name);
    names.push(name);
    if (visitor.open(name, tag.attributes, depth)) {
      captureDepth = depth;
      text = "";
    }
  });
  const onText = (chunk: string) => {
    if (depth === captureDepth && text.length < MAX_TEXT_CHARS) {
      text += chunk.slice(0, MAX_TEXT_CHARS - text.length);
    }
  };
  parser.on("text", onText);
  parser.on("cdata", onText);
  parser.on("closetag", () => {
    const captured = depth === captureDepth;
    if (captured) captureDepth = -1;
    visitor.close(names.pop() as string, captured ? text.trim() : null, depth);
    depth -= 1;
  });

  try {
    let started = false;
    for (let at = offset; at < bytes.length; at += CHUNK_BYTES) {
      const end = Math.min(at + CHUNK_BYTES, bytes.length);
      let chunk = decoder.decode(bytes.subarray(at, end), { stream: end < bytes.length });
      if (!started) {
        chunk = chunk.replace(/^[\uFEFF\s]+/, "");
        if (chunk === "") continue;
        started = true;
      }
      parser.write(chunk);
    }
    const rest = decoder.decode();
    if (rest !== "") parser.write(rest);
    if (!started) throw new XmlRefusal("the file is empty");
    parser.close();
  } catch (error) {
    if (error instanceof XmlRefusal) throw error;
    if (error instanceof Error && !(error instanceof TypeError || error instanceof RangeError)) {
      throw new XmlRefusal(`malformed XML: ${error.message}`);
    }
    throw error;
  }
}

/** The decoder for the file's encoding (byte-order mark, else the XML declaration, else UTF-8). */
function decoderFor(bytes: Uint8Array): { decoder: TextDecoder; offset: number } {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return { decoder: new TextDecoder("utf-8"), offset: 3 };
  }
  if (bytes[0] === 0xff && bytes[1] === 0xfe) {
    return { decoder: new TextDecoder("utf-16le"), offset: 2 };
  }
  if (bytes[0] === 0xfe && bytes[1] === 0xff) {
    return { decoder: new TextDecoder("utf-16be"), offset: 2 };
  }
  const head = new TextDecoder("latin1").decode(bytes.subarray(0, 512));
  const declared = /^\s*<\?xml\b[^>]*?\bencoding\s*=\s*["']([A-Za-z0-9._:-]+)["']/.exec(head)?.[1];
  const label = declared?.toLowerCase() ?? "utf-8";
  // A file readable as ASCII up to here is not UTF-16, whatever it claims.
  if (label === "utf-16" || label === "us-ascii" || label === "ascii") {
    return { decoder: new TextDecoder("utf-8"), offset: 0 };
  }
  try {
    return { decoder: new TextDecoder(label), offset: 0 };
  } catch {
    throw new XmlRefusal(`unsupported XML encoding "${declared}"`);
  }
}

/**
 * The name of the root element (with any prefix), read from the first `scanBytes` bytes after
 * the XML declaration, comments, processing instructions and a DOCTYPE; null when the text
 * there does not look like XML. For format detection only: nothing is parsed or expanded.
 */
export function xmlRootName(bytes: Uint8Array, scanBytes = 1 << 16): string | null {
  let decoder: TextDecoder;
  let offset: number;
  try {
    ({ decoder, offset } = decoderFor(bytes));
  } catch {
    return null;
  }
  const text = decoder.decode(bytes.subarray(offset, offset + scanBytes));
  let at = /^[\uFEFF\s]*/.exec(text)?.[0].length ?? 0;
  while (at < text.length) {
    if (text.startsWith("<?", at)) at = after(text, "?>", at);
    else if (text.startsWith("<!--", at)) at = after(text, "-->", at);
    else if (text.startsWith("<!", at)) {
      // A DOCTYPE: skip its internal subset, if any, then the closing ">".
      const close = text.indexOf(">", at);
      const bracket = text.indexOf("[", at);
      const from = bracket >= 0 && (close < 0 || bracket < close) ? text.indexOf("]", bracket) : at;
      at = from < 0 ? 0 : after(text, ">", from);
    } else if (text.startsWith("<", at)) {
      return /^<([A-Za-z_][\w.:-]*)/.exec(text.slice(at, at + 256))?.[1] ?? null;
    } else return null;
    if (at <= 0) return null;
    at += /^\s*/.exec(text.slice(at, at + 4096))?.[0].length ?? 0;
  }
  return null;
}

/** The index just past `needle` found from `from`, or 0 when absent. */
function after(text: string, needle: string, from: number): number {
  const found = text.indexOf(needle, from);
  return found < 0 ? 0 : found + needle.length;
}

export interface XmlTime {
  /** Milliseconds since the Unix epoch. */
  readonly ms: number;
  /** False when the text had no time zone (then read as UTC). */
  readonly zoned: boolean;
}

const DATE_TIME =
  /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2}):(\d{2})(?:[.,](\d+))?\s*(Z|[+-]\d{2}(?::?\d{2})?)?$/i;

/**
 * An xs:dateTime as written in GPX and TCX: `2019-06-15T09:42:23.000Z`, any number of fraction
 * digits (GPSBabel writes seven), an offset such as `+02:00`, or no zone at all (read as UTC).
 */
export function parseXmlTime(text: string): XmlTime | null {
  // Fast path for what nearly every device writes: 2019-06-15T09:42:23Z or ...23.000Z.
  if ((text.length === 20 || text.length === 24) && text.charCodeAt(text.length - 1) === 90) {
    const exact = canonicalUtcMs(text);
    if (exact >= 0) return { ms: exact, zoned: true };
    const ms = Date.parse(text);
    if (!Number.isNaN(ms)) return { ms, zoned: true };
  }
  const match = DATE_TIME.exec(text.trim());
  if (!match) return null;
  const [, year, month, day, hour, minute, second, fraction, zone] = match;
  const mo = Number(month);
  const d = Number(day);
  const h = Number(hour);
  const mi = Number(minute);
  const s = Number(second);
  if (mo < 1 || mo > 12 || d < 1 || d > 31 || h > 24 || mi > 59 || s > 60) return null;
  const fractionMs = fraction ? Math.round(Number(`0.${fraction}`) * 1000) : 0;
  let ms = Date.UTC(Number(year), mo - 1, d, h, mi, s) + fractionMs;
  if (zone && zone.toUpperCase() !== "Z") {
    const sign = zone.startsWith("-") ? -1 : 1;
    const digits = zone.slice(1).replace(":", "");
    const offsetMin = Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2) || "0");
    ms -= sign * offsetMin * 60_000;
  }
  return Number.isFinite(ms) ? { ms, zoned: zone !== undefined } : null;
}

/** Two decimal digits at `at`, or -1. */
function twoDigits(text: string, at: number): number {
  const a = text.charCodeAt(at) - 48;
  const b = text.charCodeAt(at + 1) - 48;
  return a >= 0 && a <= 9 && b >= 0 && b <= 9 ? a * 10 + b : -1;
}

/**
 * `YYYY-MM-DDTHH:MM:SSZ` or `YYYY-MM-DDTHH:MM:SS.sssZ` (1970 or later, a real calendar date,
 * hours 00-23) as epoch milliseconds, exactly what Date.parse gives for it but several times
 * faster (a GPX or TCX file holds one per point); -1 for anything else, which the caller reads
 * the slow way.
 */
function canonicalUtcMs(text: string): number {
  const hi = twoDigits(text, 0);
  const lo = twoDigits(text, 2);
  const month = twoDigits(text, 5);
  const day = twoDigits(text, 8);
  const hour = twoDigits(text, 11);
  const minute = twoDigits(text, 14);
  const second = twoDigits(text, 17);
  if (
    hi < 19 ||
    lo < 0 ||
    month < 1 ||
    month > 12 ||
    day < 1 ||
    hour < 0 ||
    hour > 23 ||
    minute < 0 ||
    minute > 59 ||
    second < 0 ||
    second > 59 ||
    text.charCodeAt(4) !== 45 || // -
    text.charCodeAt(7) !== 45 ||
    text.charCodeAt(10) !== 84 || // T
    text.charCodeAt(13) !== 58 || // :
    text.charCodeAt(16) !== 58
  ) {
    return -1;
  }
  const year = hi * 100 + lo;
  if (year < 1970) return -1;
  let millis = 0;
  if (text.length === 24) {
    const tenths = twoDigits(text, 20);
    const last = text.charCodeAt(22) - 48;
    if (text.charCodeAt(19) !== 46 || tenths < 0 || last < 0 || last > 9) return -1; // .sss
    millis = tenths * 10 + last;
  } else if (text.length !== 20) return -1;
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  const monthDays =
    month === 2
      ? leap
        ? 29
        : 28
      : month === 4 || month === 6 || month === 9 || month === 11
        ? 30
        : 31;
  if (day > monthDays) return -1;
  // Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's days_from_civil).
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  const days = era * 146_097 + doe - 719_468;
  return ((days * 24 + hour) * 60 + minute) * 60_000 + second * 1000 + millis;
}

/** A finite number from an element's text or attribute, else null. */
export function parseNumber(text: string | null | undefined): number | null {
  if (text === null || text === undefined || text === "") return null;
  const simple = simpleDecimal(text);
  if (simple !== null) return simple;
  const value = Number(text); // Number() ignores surrounding whitespace, and reads "  " as 0
  if (!Number.isFinite(value) || (value === 0 && text.trim() === "")) return null;
  return value;
}

const POWERS_OF_TEN = [
  1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15,
];

/**
 * `-?digits[.digits]` with at most 15 digits, as Number() reads it; null for any other text.
 * Faster than Number() on the numbers GPX and TCX hold at every point, and exact: the digits
 * make an integer below 2^53 and the power of ten is exact, so the one division is correctly
 * rounded, as Number() is.
 */
function simpleDecimal(text: string): number | null {
  const length = text.length;
  let at = text.charCodeAt(0) === 45 ? 1 : 0; // -
  let digits = 0;
  let fraction = -1;
  let mantissa = 0;
  for (; at < length; at++) {
    const code = text.charCodeAt(at);
    if (code >= 48 && code <= 57) {
      mantissa = mantissa * 10 + (code - 48);
      digits++;
      if (fraction >= 0) fraction++;
    } else if (code === 46 && fraction < 0)
      fraction = 0; // .
    else return null;
  }
  if (digits === 0 || digits > 15) return null;
  const value = fraction > 0 ? mantissa / (POWERS_OF_TEN[fraction] as number) : mantissa;
  return text.charCodeAt(0) === 45 ? -value : value;
}
