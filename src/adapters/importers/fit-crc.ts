/**
 * The FIT CRC-16, checked by us: fit-file-parser only checks CRCs when `force` is off, and
 * then it refuses the whole file on the first mismatch, so the importer runs it with
 * `force: true` and does the checks here (docs/importers.md).
 *
 * Algorithm: Garmin, "FIT Protocol" document (FIT SDK, section "CRC"), the published
 * nibble-table function `FitCRC_Get16(crc, byte)`. It is CRC-16/ARC: reflected polynomial
 * 0x8005 (0xA001), initial value 0, no final XOR; the check value of "123456789" is 0xBB3D.
 * Per the protocol, a 14-byte header carries the CRC of its first 12 bytes (0x0000 means
 * "not computed"), and the 2 bytes after the data hold the CRC of header + data, so the CRC
 * over header + data + those 2 bytes is 0.
 */
const CRC_TABLE: readonly number[] = [
  0x0000, 0xcc01, 0xd801, 0x1400, 0xf001, 0x3c00, 0x2800, 0xe401, 0xa001, 0x6c00, 0x7800, 0xb401,
  0x5000, 0x9c01, 0x8801, 0x4400,
];

/** One step of `FitCRC_Get16`: the CRC after `byte`, lower nibble first, then upper. */
export function fitCrcStep(crc: number, byte: number): number {
  let tmp = CRC_TABLE[crc & 0xf] as number;
  let next = (crc >> 4) & 0x0fff;
  next = next ^ tmp ^ (CRC_TABLE[byte & 0xf] as number);
  tmp = CRC_TABLE[next & 0xf] as number;
  next = (next >> 4) & 0x0fff;
  return next ^ tmp ^ (CRC_TABLE[(byte >> 4) & 0xf] as number);
}

/** FIT CRC-16 of bytes[start, end). */
export function fitCrc16(bytes: Uint8Array, start = 0, end = bytes.length, initial = 0): number {
  let crc = initial;
  for (let i = start; i < end; i++) crc = fitCrcStep(crc, bytes[i] as number);
  return crc;
}

/** `ok`; `not-set` (a 14-byte header whose CRC field is 0); `none` (a 12-byte header has no CRC); `mismatch`. */
export type HeaderCrcStatus = "ok" | "not-set" | "none" | "mismatch";
/** `ok`; `mismatch`; `missing` (the file ends before its 2 CRC bytes). */
export type FileCrcStatus = "ok" | "mismatch" | "missing";

export interface FitCrcCheck {
  readonly header: HeaderCrcStatus;
  readonly file: FileCrcStatus;
  /** The CRC the file holds, and the one we computed (null when missing). */
  readonly fileCrcStored: number | null;
  readonly fileCrcComputed: number;
}

/**
 * Checks the header CRC and the file CRC of the FIT file whose header starts at `offset`
 * (one of several chained in `bytes`). The caller has checked that the header is there.
 */
export function checkFitCrc(bytes: Uint8Array, offset = 0): FitCrcCheck {
  const headerLength = bytes[offset] as number;
  let header: HeaderCrcStatus = "none";
  if (headerLength >= 14) {
    const stored = (bytes[offset + 12] as number) | ((bytes[offset + 13] as number) << 8);
    if (stored === 0) header = "not-set";
    else header = stored === fitCrc16(bytes, offset, offset + 12) ? "ok" : "mismatch";
  }
  const dataSize = readUint32Le(bytes, offset + 4);
  const crcOffset = offset + headerLength + dataSize;
  const computed = fitCrc16(bytes, offset, Math.min(crcOffset, bytes.length));
  if (crcOffset + 2 > bytes.length) {
    return { header, file: "missing", fileCrcStored: null, fileCrcComputed: computed };
  }
  const stored = (bytes[crcOffset] as number) | ((bytes[crcOffset + 1] as number) << 8);
  return {
    header,
    file: stored === computed ? "ok" : "mismatch",
    fileCrcStored: stored,
    fileCrcComputed: computed,
  };
}

export function readUint32Le(bytes: Uint8Array, offset: number): number {
  return (
    ((bytes[offset] as number) |
      ((bytes[offset + 1] as number) << 8) |
      ((bytes[offset + 2] as number) << 16)) +
    (bytes[offset + 3] as number) * 0x1000000
  );
}
