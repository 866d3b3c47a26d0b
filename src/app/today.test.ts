import { describe, expect, it } from "vitest";
import { parseLocalDate } from "../core/units/local-date.js";
import { activityDay } from "./today.js";

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
