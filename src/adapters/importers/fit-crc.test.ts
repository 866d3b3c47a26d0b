import { describe, expect, it } from "vitest";
import { readFitContainer } from "./fit-container.js";
import { checkFitCrc, fitCrc16 } from "./fit-crc.js";

const ascii = (text: string) => new TextEncoder().encode(text);

/** CRC-16/ARC bit by bit (reflected polynomial 0xA001), independent of the FIT nibble table. */
function crc16ArcBitwise(bytes: Uint8Array): number {
  let crc = 0;
  for (const byte of bytes) {
    crc ^= byte;
    for (let bit = 0; bit < 8; bit++) crc = crc & 1 ? (crc >>> 1) ^ 0xa001 : crc >>> 1;
  }
  return crc;
}

/**
 * A minimal valid FIT file: 14-byte header, a definition of file_id (global 0) with one
 * field (type, 1 byte, enum), one data message saying "activity" (4), and the file CRC.
 */
function tinyFit(): Uint8Array {
  const data = [0x40, 0, 0, 0, 0, 1, 0, 1, 0, 0x00, 4];
  const header = [14, 0x10, 0x08, 0x08, data.length, 0, 0, 0, ...ascii(".FIT")];
  const headerCrc = fitCrc16(new Uint8Array(header));
  const body = new Uint8Array([...header, headerCrc & 0xff, headerCrc >> 8, ...data]);
  const fileCrc = fitCrc16(body);
  return new Uint8Array([...body, fileCrc & 0xff, fileCrc >> 8]);
}

describe("FIT CRC-16 (FIT protocol, FitCRC_Get16)", () => {
  it("gives the CRC-16/ARC check value 0xBB3D for the ASCII digits 123456789", () => {
    expect(fitCrc16(ascii("123456789"))).toBe(0xbb3d);
  });

  it("is 0 for no bytes, and 0xC0C1 for the single byte 0x01 (table entry arithmetic)", () => {
    expect(fitCrc16(new Uint8Array())).toBe(0);
    // Low nibble 1: 0 ^ 0 ^ 0xCC01 = 0xCC01; high nibble 0: (0xCC01 >> 4) ^ table[1] ^ table[0] = 0x0CC0 ^ 0xCC01 = 0xC0C1.
    expect(fitCrc16(new Uint8Array([0x01]))).toBe(0xc0c1);
  });

  it("agrees with a bit-by-bit CRC-16/ARC on every byte value and on longer strings", () => {
    for (let b = 0; b < 256; b++) {
      expect(fitCrc16(new Uint8Array([b]))).toBe(crc16ArcBitwise(new Uint8Array([b])));
    }
    const text = ascii("Capacity imports the run history, byte for byte.");
    expect(fitCrc16(text)).toBe(crc16ArcBitwise(text));
  });

  it("reads a well-formed file as ok, and its CRC over data plus CRC bytes is 0", () => {
    const file = tinyFit();
    expect(checkFitCrc(file)).toMatchObject({ header: "ok", file: "ok" });
    expect(fitCrc16(file)).toBe(0);
  });

  it("detects one corrupted data byte in the file CRC", () => {
    const file = tinyFit();
    file[24] = 2; // "activity" (4) becomes "settings" (2)
    const check = checkFitCrc(file);
    expect(check.header).toBe("ok");
    expect(check.file).toBe("mismatch");
    expect(check.fileCrcComputed).not.toBe(check.fileCrcStored);
  });

  it("detects a corrupted header byte in the header CRC, and reads 0 as 'not set'", () => {
    const file = tinyFit();
    file[2] = 0x09;
    expect(checkFitCrc(file).header).toBe("mismatch");
    const notSet = tinyFit();
    notSet[12] = 0;
    notSet[13] = 0;
    expect(checkFitCrc(notSet).header).toBe("not-set");
  });

  it("reports a missing file CRC when the file ends early", () => {
    expect(checkFitCrc(tinyFit().subarray(0, 26)).file).toBe("missing");
  });

  it("checks each of several chained FIT files on its own", () => {
    const first = tinyFit();
    const second = tinyFit();
    second[second.length - 1] = (second.at(-1) as number) ^ 0xff;
    const chained = new Uint8Array([...first, ...second]);
    const container = readFitContainer(chained);
    expect(container.ok).toBe(true);
    if (!container.ok) return;
    expect(container.parts.map((p) => [p.offset, p.crc.file])).toEqual([
      [0, "ok"],
      [first.length, "mismatch"],
    ]);
  });

  it("refuses a chained file whose header is corrupt", () => {
    const second = tinyFit();
    second[9] = "G".charCodeAt(0);
    const container = readFitContainer(new Uint8Array([...tinyFit(), ...second]));
    expect(container).toEqual({
      ok: false,
      error: `The file is damaged: the header of FIT file 2 chained at byte 27 is corrupt (".GIT" where ".FIT" is expected).`,
    });
  });
});
