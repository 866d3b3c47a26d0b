/**
 * The FIT container, read by us before fit-file-parser decodes anything (docs/importers.md): the parser
 * reads only the first of several FIT files chained in one, refuses a file whose header
 * claims more data than it holds ("File data exceeds input length": cut-short files and the
 * Strava Android app's files), and checks no CRC with `force`. Here we split the chain,
 * check each header and CRC, and walk the record structure (only the sizes that definition
 * messages declare) to find where the readable data ends, so that the parser gets a
 * well-formed prefix of every part.
 */
import { checkFitCrc, type FitCrcCheck, readUint32Le } from "./fit-crc.js";

export interface FitPart {
  /** 1-based position in the chain. */
  readonly index: number;
  /** Byte offset of this part's header in the whole file. */
  readonly offset: number;
  readonly headerLength: number;
  /** The data size the header declares. */
  readonly declaredDataSize: number;
  /** The bytes to hand to the parser: this part's header (data size patched when we cut) and readable data. */
  readonly bytes: Uint8Array;
  readonly crc: FitCrcCheck;
  /** Why the data was cut short of the declared size, with the byte offset (in the whole file) of the break. */
  readonly cut: { readonly reason: string; readonly atByte: number } | null;
  /** Damaged stretches skipped inside the data (the stream read on after each). */
  readonly skipped: { readonly stretches: number; readonly bytes: number } | null;
}

export type FitContainer =
  | { readonly ok: true; readonly parts: readonly FitPart[]; readonly trailingBytes: number }
  | { readonly ok: false; readonly error: string };

const SIGNATURE = [0x2e, 0x46, 0x49, 0x54]; // ".FIT"

/**
 * Splits `bytes` into its chained FIT files and checks each header; refuses a corrupt header.
 *
 * Over 80 lines: one loop over the chained files, each header check a guard that ends it with its
 * own message; split, the offset and the parts would travel through every piece.
 */
export function readFitContainer(bytes: Uint8Array): FitContainer {
  if (bytes.length === 0) return { ok: false, error: "The file is empty." };
  const parts: FitPart[] = [];
  let offset = 0;
  while (offset < bytes.length) {
    const where =
      parts.length === 0 ? "" : ` of FIT file ${parts.length + 1} chained at byte ${offset}`;
    const remaining = bytes.length - offset;
    if (parts.length > 0 && remaining < 12) {
      // A few stray bytes after a complete file (padding) are not another file.
      return { ok: true, parts, trailingBytes: remaining };
    }
    const headerProblem = checkHeader(bytes, offset);
    if (headerProblem !== null) {
      return {
        ok: false,
        error:
          parts.length === 0
            ? `Not a readable FIT file: its header is corrupt (${headerProblem}).`
            : `The file is damaged: the header${where} is corrupt (${headerProblem}).`,
      };
    }
    const headerLength = bytes[offset] as number;
    const declaredDataSize = readUint32Le(bytes, offset + 4);
    const crc = checkFitCrc(bytes, offset);
    if (crc.header === "mismatch") {
      return {
        ok: false,
        error: `The file is damaged: the header${where || " of the FIT file"} does not match its CRC.`,
      };
    }
    const dataStart = offset + headerLength;
    const declaredEnd = dataStart + declaredDataSize;
    const availableEnd = Math.min(declaredEnd, bytes.length);
    const walk = walkRecords(bytes, dataStart, availableEnd);
    let cut: FitPart["cut"] = null;
    if (walk.end < declaredEnd) {
      const reason =
        walk.problem ??
        (declaredEnd > bytes.length
          ? `the file ends at byte ${bytes.length}, before the ${declaredEnd + 2} bytes its header declares`
          : `the record at byte ${walk.end} runs past the end of the data`);
      cut = { reason, atByte: walk.end };
    }
    const dataEnd = walk.end;
    const skippedBytes = walk.skipped.reduce((sum, [from, to]) => sum + (to - from), 0);
    let partBytes: Uint8Array;
    if (dataEnd === declaredEnd && walk.skipped.length === 0) {
      partBytes = bytes.subarray(offset, dataEnd);
    } else {
      const kept = walk.ranges.reduce((sum, [from, to]) => sum + (to - from), 0);
      const copy = new Uint8Array(headerLength + kept);
      copy.set(bytes.subarray(offset, dataStart));
      let at = headerLength;
      for (const [from, to] of walk.ranges) {
        copy.set(bytes.subarray(from, to), at);
        at += to - from;
      }
      writeUint32Le(copy, 4, kept);
      if (headerLength >= 14) {
        // The parser does not check this CRC with `force`; zero means "not computed".
        copy[12] = 0;
        copy[13] = 0;
      }
      partBytes = copy;
    }
    parts.push({
      index: parts.length + 1,
      offset,
      headerLength,
      declaredDataSize,
      bytes: partBytes,
      crc,
      cut,
      skipped:
        walk.skipped.length === 0 ? null : { stretches: walk.skipped.length, bytes: skippedBytes },
    });
    if (cut !== null) return { ok: true, parts, trailingBytes: 0 };
    offset = declaredEnd + 2;
  }
  return { ok: true, parts, trailingBytes: 0 };
}

function checkHeader(bytes: Uint8Array, offset: number): string | null {
  const remaining = bytes.length - offset;
  if (remaining < 12) return `${remaining} bytes, a FIT header needs at least 12`;
  const headerLength = bytes[offset] as number;
  if (headerLength !== 12 && headerLength !== 14) {
    return `header size ${headerLength}, FIT headers are 12 or 14 bytes`;
  }
  if (remaining < headerLength) return `${remaining} bytes, the header declares ${headerLength}`;
  for (let i = 0; i < 4; i++) {
    if (bytes[offset + 8 + i] !== SIGNATURE[i]) {
      const found = String.fromCharCode(...bytes.subarray(offset + 8, offset + 12)).replace(
        /[^\x20-\x7e]/g,
        "?",
      );
      return `"${found}" where ".FIT" is expected`;
    }
  }
  return null;
}

interface Walk {
  /** Offset just after the last complete, well-formed record. */
  readonly end: number;
  /** Why the walk stopped before `end` was reached (null: the data ran out mid-record, or no problem). */
  readonly problem: string | null;
  /** The well-formed records, as byte ranges [start, end) (several after damaged data was skipped). */
  readonly ranges: ReadonlyArray<readonly [number, number]>;
  /** Damaged stretches skipped to resynchronise, as [start, end). */
  readonly skipped: ReadonlyArray<readonly [number, number]>;
}

/** Records that, reading cleanly after a candidate point, make it the resynchronisation point at once. */
const RESYNC_RECORDS = 64;
/** Fewer clean records than this after a candidate point, and we do not resume there. */
const MIN_RESYNC_RECORDS = 4;
/** How far past a damaged record we look for the stream to resume. */
const RESYNC_WINDOW = 512;
/** Beyond this many damaged stretches, the file is too damaged to resynchronise. */
const MAX_RESYNCS = 200;

/** A local message type's data size, and its size under a compressed-timestamp header. */
interface LocalSize {
  readonly size: number;
  readonly compressed: number;
}
type Sizes = ReadonlyMap<number, LocalSize>;
type Step =
  | { readonly length: number; readonly local: number; readonly defines: LocalSize | null }
  | string
  | null;

/**
 * One record at `pos`: its length (and, for a definition, the local type and size it
 * defines); a string when it is not well-formed; null when it runs past `end`.
 */
function step(bytes: Uint8Array, pos: number, end: number, sizes: Sizes): Step {
  const header = bytes[pos] as number;
  if ((header & 0x80) !== 0) {
    // Compressed timestamp header: local message type in bits 5-6.
    const local = sizes.get((header >> 5) & 0x03);
    if (local === undefined) return undefinedLocal(pos);
    return pos + 1 + local.compressed > end
      ? null
      : { length: 1 + local.compressed, local: -1, defines: null };
  }
  if ((header & 0x40) !== 0) {
    if (pos + 6 > end) return null;
    if ((header & 0x10) !== 0 || bytes[pos + 1] !== 0 || (bytes[pos + 2] as number) > 1) {
      return `a malformed definition message at byte ${pos}`;
    }
    const fieldCount = bytes[pos + 5] as number;
    let length = 6 + fieldCount * 3;
    if (pos + length > end) return null;
    let size = 0;
    for (let i = 0; i < fieldCount; i++) size += bytes[pos + 6 + i * 3 + 1] as number;
    // fit-file-parser reads no bytes for a timestamp field (253) defined first when the
    // message comes under a compressed-timestamp header: we follow it, as it decodes.
    const skipped = fieldCount > 0 && bytes[pos + 6] === 253 ? (bytes[pos + 7] as number) : 0;
    if ((header & 0x20) !== 0) {
      if (pos + length + 1 > end) return null;
      const developerCount = bytes[pos + length] as number;
      const developerStart = pos + length + 1;
      length += 1 + developerCount * 3;
      if (pos + length > end) return null;
      for (let i = 0; i < developerCount; i++) size += bytes[developerStart + i * 3 + 1] as number;
    }
    return { length, local: header & 0x0f, defines: { size, compressed: size - skipped } };
  }
  // Bits 4-5 of a data message header are reserved (bit 5 flags developer data in definitions only).
  if ((header & 0x30) !== 0) return `a malformed record header at byte ${pos}`;
  const local = sizes.get(header & 0x0f);
  if (local === undefined) return undefinedLocal(pos);
  return pos + 1 + local.size > end ? null : { length: 1 + local.size, local: -1, defines: null };
}

/** How many records (up to RESYNC_RECORDS; RESYNC_RECORDS when `end` is reached) read cleanly from `pos`. */
function cleanRun(bytes: Uint8Array, pos: number, end: number, sizes: Sizes): number {
  const trial = new Map(sizes);
  let at = pos;
  for (let n = 0; n < RESYNC_RECORDS; n++) {
    if (at === end) return n > 0 ? RESYNC_RECORDS : 0;
    const s = step(bytes, at, end, trial);
    if (s === null || typeof s === "string") return n;
    if (s.defines !== null) trial.set(s.local, s.defines);
    at += s.length;
  }
  return RESYNC_RECORDS;
}

/**
 * Walks the records in [start, end) using only the sizes that definition messages declare.
 * At a record that is not well-formed (a FIT file damaged in transit: the Strava Android
 * app file of the corpus has lost bytes in 19 places), it drops the record before it (which
 * read into the damage) and resumes where RESYNC_RECORDS records read cleanly again. Stops
 * at a record that runs past `end`.
 */
function walkRecords(bytes: Uint8Array, start: number, end: number): Walk {
  let sizes: Map<number, LocalSize> = new Map();
  let sizesBeforeLast = sizes;
  let lastStart = -1;
  let rangeStart = start;
  const ranges: Array<readonly [number, number]> = [];
  const skipped: Array<readonly [number, number]> = [];
  let firstProblem: string | null = null;
  let pos = start;
  while (pos < end) {
    const s = step(bytes, pos, end, sizes);
    if (typeof s === "string") {
      firstProblem ??= s;
      // The previous record read into the damage: drop it and look for the stream to resume.
      const from = lastStart >= rangeStart ? lastStart : pos;
      const base = lastStart >= rangeStart ? sizesBeforeLast : sizes;
      let resume = -1;
      if (skipped.length < MAX_RESYNCS) {
        // Nearest first (a lost byte puts the true next record just before `pos`, an added one
        // just after); the candidate from which the most records read cleanly wins.
        let best = MIN_RESYNC_RECORDS - 1;
        for (let d = 1; d <= RESYNC_WINDOW && best < RESYNC_RECORDS; d++) {
          for (const q of [pos - d, pos + d]) {
            if (q <= from || q >= end) continue;
            const run = cleanRun(bytes, q, end, base);
            if (run > best) {
              best = run;
              resume = q;
              if (run >= RESYNC_RECORDS) break;
            }
          }
        }
      }
      if (from > rangeStart) ranges.push([rangeStart, from]);
      if (resume < 0) return { end: from, problem: firstProblem, ranges, skipped };
      skipped.push([from, resume]);
      sizes = new Map(base);
      sizesBeforeLast = sizes;
      lastStart = -1;
      rangeStart = resume;
      pos = resume;
      continue;
    }
    if (s === null) break;
    lastStart = pos;
    if (s.defines !== null) {
      sizesBeforeLast = sizes;
      sizes = new Map(sizes);
      sizes.set(s.local, s.defines);
    } else {
      sizesBeforeLast = sizes;
    }
    pos += s.length;
  }
  if (pos > rangeStart) ranges.push([rangeStart, pos]);
  // Stopped by a record running past `end`, not by damage (each damaged stretch was skipped).
  return { end: pos, problem: null, ranges, skipped };
}

function undefinedLocal(pos: number): string {
  return `unreadable data at byte ${pos} (a record of a type never defined)`;
}

function writeUint32Le(bytes: Uint8Array, offset: number, value: number): void {
  bytes[offset] = value & 0xff;
  bytes[offset + 1] = (value >>> 8) & 0xff;
  bytes[offset + 2] = (value >>> 16) & 0xff;
  bytes[offset + 3] = (value >>> 24) & 0xff;
}
