import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseLocalDate } from "../core/units/local-date.js";
import { activityDay, todayIn } from "./today.js";

describe("todayIn", () => {
  /** Zones with half- and quarter-hour offsets, half-hour DST, and a midnight DST change. */
  const ZONES = [
    "UTC",
    "Europe/Berlin",
    "America/Los_Angeles",
    "Asia/Kathmandu",
    "America/St_Johns",
    "Australia/Lord_Howe",
    "Pacific/Chatham",
    "America/Santiago",
    "Asia/Beirut",
    "Pacific/Kiritimati",
  ];
  const direct = (ms: number, timezone: string) =>
    parseLocalDate(
      new Intl.DateTimeFormat("en-CA", {
        timeZone: timezone,
        year: "numeric",
        month: "2-digit",
        day: "2-digit",
      }).format(ms),
    );

  it("is Intl's day at every instant, across local midnights and DST changes, asked in any order", () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...ZONES),
        fc.integer({ min: Date.parse("2020-01-01"), max: Date.parse("2030-12-31") }),
        // Local midnights are UTC midnight plus a whole number of quarter hours (-14 h to +14 h):
        // each step picks one, then a moment up to two minutes either side of it.
        fc.array(
          fc.tuple(fc.integer({ min: -56, max: 56 }), fc.integer({ min: -120_000, max: 120_000 })),
          { minLength: 1, maxLength: 8 },
        ),
        (timezone, start, steps) => {
          const midnight = start - (start % 86_400_000);
          for (const [quarters, jitter] of steps) {
            const at = midnight + quarters * 900_000 + jitter;
            const clock = { now: () => new Date(at) };
            expect(todayIn(timezone, clock)).toBe(direct(at, timezone));
          }
        },
      ),
      { numRuns: 2000 },
    );
  });

  it("changes at the local midnight itself, to the millisecond", () => {
    // 2026-11-22T23:00:00Z is midnight in Berlin (UTC+1 in November).
    const at = (iso: string) => ({ now: () => new Date(iso) });
    expect(todayIn("Europe/Berlin", at("2026-11-22T22:59:59.999Z"))).toBe(
      parseLocalDate("2026-11-22"),
    );
    expect(todayIn("Europe/Berlin", at("2026-11-22T23:00:00.000Z"))).toBe(
      parseLocalDate("2026-11-23"),
    );
    expect(todayIn("Europe/Berlin", at("2026-11-22T22:59:59.999Z"))).toBe(
      parseLocalDate("2026-11-22"),
    );
  });
});

describe("activityDay", () => {
  it("is the athlete's calendar day, not UTC's", () => {
    // 23:30 UTC on a Sunday is Monday in Berlin and still Sunday in Los Angeles.
    expect(activityDay("2026-11-22T23:30:00.000Z", "Europe/Berlin")).toBe(
      parseLocalDate("2026-11-23"),
    );
    expect(activityDay("2026-11-22T23:30:00.000Z", "America/Los_Angeles")).toBe(
      parseLocalDate("2026-11-22"),
    );
    expect(activityDay("2026-11-22T23:30:00.000Z", "UTC")).toBe(parseLocalDate("2026-11-22"));
  });

  it("gives a day for a year past 9999 instead of throwing", () => {
    const last = parseLocalDate("9999-12-31") ?? Number.NaN;
    expect(activityDay("9999-12-31T23:00:00.000Z", "Europe/Berlin")).toBe(last + 1);
  });

  it("refuses what is not an instant", () => {
    expect(() => activityDay("yesterday", "UTC")).toThrow(/not an instant/);
  });
});
