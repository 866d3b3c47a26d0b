/**
 * parseXmlTime and parseNumber read the shapes GPX and TCX files hold at every point
 * (`…T09:42:23Z`, `46.5212345`) with their own arithmetic, for speed. They must read every
 * text exactly as before, when they handed those to Date.parse and Number(): `previous` and
 * `previousNumber` below are those versions, verbatim.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseNumber, parseXmlTime } from "./xml.js";

const DATE_TIME =
  /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2}):(\d{2})(?:[.,](\d+))?\s*(Z|[+-]\d{2}(?::?\d{2})?)?$/i;

function previous(text: string): { ms: number; zoned: boolean } | null {
  if ((text.length === 20 || text.length === 24) && text.charCodeAt(text.length - 1) === 90) {
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

const pad = (value: number, width: number) => String(value).padStart(width, "0");

describe("parseXmlTime reads as before", () => {
  it("every date and time of the common shapes, leap days, month ends and out-of-range fields", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 9999 }),
        fc.integer({ min: 0, max: 13 }),
        fc.integer({ min: 0, max: 32 }),
        fc.integer({ min: 0, max: 25 }),
        fc.integer({ min: 0, max: 61 }),
        fc.integer({ min: 0, max: 61 }),
        fc.option(fc.integer({ min: 0, max: 999 })),
        (year, month, day, hour, minute, second, millis) => {
          const text = `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}T${pad(hour, 2)}:${pad(minute, 2)}:${pad(second, 2)}${millis === null ? "" : `.${pad(millis, 3)}`}Z`;
          expect(parseXmlTime(text)).toEqual(previous(text));
        },
      ),
      { numRuns: 20_000 },
    );
  });

  it("the edges and the odd shapes", () => {
    for (const text of [
      "1970-01-01T00:00:00Z",
      "1969-12-31T23:59:59Z",
      "2000-02-29T23:59:59.999Z",
      "1900-02-29T00:00:00Z",
      "2100-02-29T00:00:00Z",
      "2019-04-31T00:00:00Z",
      "2019-06-15T24:00:00Z",
      "2019-06-15T09:60:00Z",
      "2019-06-15T09:42:60Z",
      "1901-12-13T20:45:52Z",
      "9999-12-31T23:59:59Z",
      "2019-06-15t09:42:23Z",
      "2019-06-15 09:42:23Z",
      "2019-06-15T09:42:23,000Z",
      "2019-06-15T09:42:23.0Z ",
      "2019-6-15T09:42:23.00Z",
      "+02019-06-15T09:42:2Z",
      "2019-06-15T09:42:23+02:00",
      "2019-06-15T09:42:23",
      "２０１９-06-15T09:42:23Z",
    ]) {
      expect(parseXmlTime(text), text).toEqual(previous(text));
    }
  });

  it("the common shapes with one character changed", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: Date.UTC(1960, 0, 1), max: Date.UTC(2100, 0, 1) }),
        fc.boolean(),
        fc.nat(23),
        fc.constantFrom(..."0123456789-:.TtZz +x/\u0660"),
        (ms, fraction, at, char) => {
          const iso = new Date(ms).toISOString();
          const shaped = fraction ? iso : iso.replace(/\.\d{3}Z$/, "Z");
          const text = shaped.slice(0, at) + char + shaped.slice(at + 1);
          expect(parseXmlTime(text)).toEqual(previous(text));
        },
      ),
      { numRuns: 20_000 },
    );
  });

  it("any text at all", () => {
    fc.assert(
      fc.property(fc.string({ minLength: 18, maxLength: 26 }), (text) => {
        expect(parseXmlTime(text)).toEqual(previous(text));
      }),
      { numRuns: 5000 },
    );
  });
});

/** parseNumber as it was, when it handed every text to Number(). */
function previousNumber(text: string | null | undefined): number | null {
  if (text === null || text === undefined || text === "") return null;
  const value = Number(text);
  if (!Number.isFinite(value) || (value === 0 && text.trim() === "")) return null;
  return value;
}

describe("parseNumber reads as before", () => {
  it("decimals of every shape, signs, zeros and long ones", () => {
    const decimal = fc
      .tuple(
        fc.constantFrom("", "-", "+", " "),
        fc.stringMatching(/^[0-9]{0,17}$/),
        fc.constantFrom("", "."),
        fc.stringMatching(/^[0-9]{0,17}$/),
        fc.constantFrom("", " ", "e3", "x"),
      )
      .map((parts) => parts.join(""));
    fc.assert(
      fc.property(decimal, (text) => {
        expect(Object.is(parseNumber(text), previousNumber(text)), text).toBe(true);
      }),
      { numRuns: 30_000 },
    );
  });

  it("the numbers devices write, and odd texts", () => {
    for (const value of [46.5212345, 6.6312345, 432.4, 0.1, 0.3, 1e-7, 123456789012345]) {
      for (const text of [String(value), value.toFixed(7), value.toFixed(1), `-${value}`]) {
        expect(parseNumber(text), text).toBe(previousNumber(text));
      }
    }
    for (const text of [
      "-0",
      "0",
      "00.000",
      ".5",
      "5.",
      ".",
      "-",
      "-.",
      "1.2.3",
      "١٢",
      "NaN",
      "Infinity",
    ]) {
      expect(Object.is(parseNumber(text), previousNumber(text)), text).toBe(true);
    }
  });
});
