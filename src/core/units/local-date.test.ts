import { describe, expect, it } from "vitest";
import {
  formatLocalDate,
  parseLocalDate,
  startOfWeek,
  WEEKDAYS,
  type Weekday,
  weekdayName,
  weekdayOf,
  yearOf,
} from "./local-date.js";

/** Parses a date the test knows to be valid. */
function day(text: string): number {
  const parsed = parseLocalDate(text);
  if (parsed === null) throw new Error(`test date ${text} should parse`);
  return parsed;
}

describe("parseLocalDate", () => {
  it("counts days since 1970-01-01", () => {
    expect(parseLocalDate("1970-01-01")).toBe(0);
    expect(parseLocalDate("1970-01-02")).toBe(1);
    // 1970 has 365 days, so 1971-01-01 is day 365.
    expect(parseLocalDate("1971-01-01")).toBe(365);
    expect(parseLocalDate("1969-12-31")).toBe(-1);
  });

  it("knows leap years: divisible by 4, except centuries, except every 400 years", () => {
    // 2024 is divisible by 4: leap.
    expect(parseLocalDate("2024-02-29")).not.toBeNull();
    // 2026 is not divisible by 4: no 29 February.
    expect(parseLocalDate("2026-02-29")).toBeNull();
    // 2000 is divisible by 400: leap.
    expect(parseLocalDate("2000-02-29")).not.toBeNull();
    // 1900 is a century not divisible by 400: not leap.
    expect(parseLocalDate("1900-02-29")).toBeNull();
    // 2100 likewise.
    expect(parseLocalDate("2100-02-29")).toBeNull();
    // 2024-02-28 → 2024-03-01 is 2 days in a leap year (28 Feb, 29 Feb, 1 Mar).
    expect(day("2024-03-01") - day("2024-02-28")).toBe(2);
    // ... and 1 day in 2026.
    expect(day("2026-03-01") - day("2026-02-28")).toBe(1);
    // A leap year has 366 days, a common year 365.
    expect(day("2025-01-01") - day("2024-01-01")).toBe(366);
    expect(day("2027-01-01") - day("2026-01-01")).toBe(365);
  });

  it("refuses impossible dates such as 2026-02-30", () => {
    for (const text of [
      "2026-02-30",
      "2027-02-30",
      "2026-04-31",
      "2026-13-01",
      "2026-00-10",
      "2026-01-00",
      "2026-01-32",
    ]) {
      expect(parseLocalDate(text), text).toBeNull();
    }
  });

  it("refuses anything that is not YYYY-MM-DD", () => {
    for (const text of [
      "",
      "2026-1-05",
      "26-01-05",
      "2026/01/05",
      "2026-01-05T00:00",
      " 2026-01-05",
      "tomorrow",
    ]) {
      expect(parseLocalDate(text), text).toBeNull();
    }
  });

  it("round-trips through formatLocalDate", () => {
    for (const text of [
      "1970-01-01",
      "1999-12-31",
      "2000-02-29",
      "2026-11-30",
      "2027-04-18",
      "1948-06-01",
    ]) {
      expect(formatLocalDate(day(text))).toBe(text);
    }
    // Day 0 is 1970-01-01; day 59 is 1 March 1970 (31 days of January + 28 of February).
    expect(formatLocalDate(0)).toBe("1970-01-01");
    expect(formatLocalDate(59)).toBe("1970-03-01");
  });
});

describe("weekdayOf", () => {
  it("1970-01-01 was a Thursday", () => {
    expect(weekdayOf(0)).toBe("thu");
    expect(weekdayName(0)).toBe("Thursday");
  });

  it("walks the week forwards and backwards", () => {
    // Day 0 is Thursday, so day 4 is Monday and day -1 is Wednesday.
    expect(weekdayOf(1)).toBe("fri");
    expect(weekdayOf(4)).toBe("mon");
    expect(weekdayOf(-1)).toBe("wed");
    expect(weekdayOf(-4)).toBe("sun");
    expect(weekdayOf(7)).toBe("thu");
  });

  it("matches the calendar for known dates", () => {
    expect(weekdayOf(day("2026-11-30"))).toBe("mon");
    expect(weekdayOf(day("2026-11-26"))).toBe("thu");
    expect(weekdayOf(day("2027-04-18"))).toBe("sun");
    expect(weekdayOf(day("2000-01-01"))).toBe("sat");
    expect(weekdayOf(day("2024-02-29"))).toBe("thu");
  });
});

describe("startOfWeek", () => {
  // 2026-11-26 is a Thursday. The week holding it starts on the last weekStart on or before it.
  const thursday = day("2026-11-26");
  const expected: Record<Weekday, string> = {
    mon: "2026-11-23", // Thursday - 3 days
    tue: "2026-11-24", // - 2
    wed: "2026-11-25", // - 1
    thu: "2026-11-26", // the day itself
    fri: "2026-11-20", // - 6
    sat: "2026-11-21", // - 5
    sun: "2026-11-22", // - 4
  };

  it.each(WEEKDAYS)("for a week starting on %s", (weekStart) => {
    const start = startOfWeek(thursday, weekStart);
    expect(formatLocalDate(start)).toBe(expected[weekStart]);
    expect(weekdayOf(start)).toBe(weekStart);
    expect(thursday - start).toBeGreaterThanOrEqual(0);
    expect(thursday - start).toBeLessThan(7);
  });

  it("every day of a week maps to the same start, for every weekStart", () => {
    for (const weekStart of WEEKDAYS) {
      const start = startOfWeek(day("2026-11-30"), weekStart);
      for (let offset = 0; offset < 7; offset++) {
        expect(startOfWeek(start + offset, weekStart)).toBe(start);
      }
      // The day after the week belongs to the next week, 7 days later.
      expect(startOfWeek(start + 7, weekStart)).toBe(start + 7);
    }
  });

  it("works before 1970 (negative day numbers)", () => {
    // 1969-12-29 was a Monday (Thursday 1970-01-01 minus 3 days).
    expect(formatLocalDate(startOfWeek(0, "mon"))).toBe("1969-12-29");
    expect(formatLocalDate(startOfWeek(-1, "sun"))).toBe("1969-12-28");
  });
});

describe("yearOf", () => {
  it("gives the calendar year", () => {
    expect(yearOf(day("2026-01-01"))).toBe(2026);
    expect(yearOf(day("2025-12-31"))).toBe(2025);
    expect(yearOf(0)).toBe(1970);
  });
});
