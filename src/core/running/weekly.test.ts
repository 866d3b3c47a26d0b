import { describe, expect, it } from "vitest";
import { aDatedActivity, day } from "../../../test/builders.js";
import type { Activity, DatedActivity } from "./activity.js";
import { weeklyRunning } from "./weekly.js";

/** A run of 45 minutes (50 elapsed) and 8 km unless overridden. */
const activity = (date: string, overrides: Partial<Activity> = {}): DatedActivity =>
  aDatedActivity(date, { elapsedS: 3000, movingS: 2700, distanceM: 8000, ...overrides });

describe("weeklyRunning", () => {
  // Today: Wednesday 2026-11-25; weeks from Monday: this week starts 2026-11-23.
  const today = day("2026-11-25");

  it("weeks with nothing are zeros, oldest first, the last one this week", () => {
    expect(weeklyRunning([], today, "mon", 3)).toEqual([
      { start: "2026-11-09", runs: 0, distanceM: 0, movingS: 0, strength: 0 },
      { start: "2026-11-16", runs: 0, distanceM: 0, movingS: 0, strength: 0 },
      { start: "2026-11-23", runs: 0, distanceM: 0, movingS: 0, strength: 0 },
    ]);
  });

  it("adds the runs' distance and timer time, counts strength, leaves other sports out", () => {
    const items = [
      activity("2026-11-16"),
      activity("2026-11-22", { distanceM: 21_100, movingS: 7200 }),
      activity("2026-11-18", { sport: "strength", distanceM: null, movingS: 2400 }),
      activity("2026-11-19", { sport: "ride", distanceM: 40_000, movingS: 5400 }),
      activity("2026-11-24", { movingS: null, elapsedS: 1800, distanceM: null }),
      // Before the first week and after this week: not counted.
      activity("2026-11-08"),
      activity("2026-11-30"),
    ];
    expect(weeklyRunning(items, today, "mon", 3)).toEqual([
      { start: "2026-11-09", runs: 0, distanceM: 0, movingS: 0, strength: 0 },
      { start: "2026-11-16", runs: 2, distanceM: 29_100, movingS: 9900, strength: 1 },
      // A run without timer time counts its elapsed time; without a distance, none.
      { start: "2026-11-23", runs: 1, distanceM: 0, movingS: 1800, strength: 0 },
    ]);
  });

  it("aligns the weeks to weekStart", () => {
    // Weeks from Sunday: 2026-11-22 (a Sunday) opens this week.
    const result = weeklyRunning([activity("2026-11-22")], today, "sun", 2);
    expect(result.map((week) => [week.start, week.runs])).toEqual([
      ["2026-11-15", 0],
      ["2026-11-22", 1],
    ]);
  });
});
