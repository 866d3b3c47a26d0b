/**
 * A FIT session's missing totals come from its records (never from one record), and a session
 * that contradicts itself trusts its records and warns. FIT files are built with
 * fit-file-parser's encoder.
 */
import { FitBaseType, FitEncoder, type FitEncoderField } from "fit-file-parser/encoder";
import { describe, expect, it } from "vitest";
import { importFit } from "./fit.js";

const T0 = new Date("2026-10-04T07:00:00Z");

const u32 = (number: number, value: number): FitEncoderField => ({
  number,
  size: 4,
  baseType: FitBaseType.Uint32,
  value,
});
const u16 = (number: number, value: number): FitEncoderField => ({
  number,
  size: 2,
  baseType: FitBaseType.Uint16,
  value,
});
const u8 = (number: number, value: number): FitEncoderField => ({
  number,
  size: 1,
  baseType: FitBaseType.Uint8,
  value,
});
const en = (number: number, value: number): FitEncoderField => ({
  number,
  size: 1,
  baseType: FitBaseType.Enum,
  value,
});

const at = (seconds: number) => FitEncoder.toFitTimestamp(new Date(T0.getTime() + seconds * 1000));

interface Session {
  readonly endS: number;
  readonly timerS: number;
  readonly elapsedS?: number;
  readonly hr?: { avg: number; max: number };
}

/** An activity file: records with heart rates every `stepS` up to `lastS`, then one session. */
function fitActivity(records: { s: number; hr: number }[], session: Session): Uint8Array {
  const encoder = new FitEncoder();
  encoder.writeMessage(0, [en(0, 4), u16(1, 1), u16(2, 1), u32(4, at(0))]);
  for (const record of records) {
    encoder.writeMessage(20, [u32(253, at(record.s)), u8(3, record.hr)], 1);
  }
  const fields = [
    u32(253, at(session.endS)),
    u32(2, at(0)),
    u32(8, session.timerS * 1000),
    en(5, 2), // cycling
    en(6, 6), // indoor cycling
  ];
  if (session.elapsedS !== undefined) fields.push(u32(7, session.elapsedS * 1000));
  if (session.hr) fields.push(u8(16, session.hr.avg), u8(17, session.hr.max));
  encoder.writeMessage(18, fields, 2);
  return encoder.close();
}

function rising(lastS: number, stepS = 10): { s: number; hr: number }[] {
  const records: { s: number; hr: number }[] = [];
  for (let s = 0; s < lastS; s += stepS) records.push({ s, hr: s === 0 ? 70 : 120 + (s % 45) });
  records.push({ s: lastS, hr: 164 });
  return records;
}

function only(bytes: Uint8Array) {
  const result = importFit(bytes);
  if (!result.ok) throw new Error(result.error);
  expect(result.activities).toHaveLength(1);
  return result.activities[0] as NonNullable<(typeof result.activities)[0]>;
}

describe("a FIT session's totals", () => {
  it("fills elapsed time and heart rate from the session's records, not from the first one", () => {
    const records = rising(1797);
    const activity = only(fitActivity(records, { endS: 1797, timerS: 1790 }));
    expect(activity.elapsedS).toBe(1797);
    expect(activity.movingS).toBe(1790);
    const beats = records.map((r) => r.hr);
    expect(activity.avgHr).toBe(Math.round(beats.reduce((a, b) => a + b, 0) / beats.length));
    expect(activity.maxHr).toBe(164);
    expect(activity.avgHr).not.toBe(70);
  });

  it("never takes a heart rate from one record", () => {
    const activity = only(fitActivity([{ s: 0, hr: 70 }], { endS: 600, timerS: 600 }));
    expect(activity.avgHr).toBeNull();
    expect(activity.maxHr).toBeNull();
    expect(activity.elapsedS).toBe(600);
  });

  it("keeps the session's own totals when it has them", () => {
    const activity = only(
      fitActivity(rising(1800), {
        endS: 1800,
        timerS: 1700,
        elapsedS: 1800,
        hr: { avg: 150, max: 170 },
      }),
    );
    expect(activity).toMatchObject({ elapsedS: 1800, movingS: 1700, avgHr: 150, maxHr: 170 });
    expect(activity.warnings).toEqual([]);
  });

  it("trusts the records when the session's elapsed time is shorter than its timer time, and warns", () => {
    const activity = only(fitActivity(rising(2759), { endS: 2759, timerS: 2760, elapsedS: 1632 }));
    expect(activity.elapsedS).toBe(2759);
    expect(activity.movingS).toBeLessThanOrEqual(activity.elapsedS as number);
    expect(activity.warnings.join(" ")).toMatch(
      /elapsed time \(1632 s\).*timer time \(2760 s\).*2759 s/,
    );
  });
});
