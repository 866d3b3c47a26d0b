import { describe, expect, it } from "vitest";
import type { PlannedDay, PlannedWeek } from "./api.js";
import {
  activityNumbers,
  activityTitle,
  bytesText,
  dayRunning,
  durationText,
  kmText,
  startTime,
  weeklyRunningSummary,
  weekRunning,
  wholeWeeks,
} from "./running.js";

const oldDay = {
  date: "2026-11-02",
  weekday: "mon",
  run: "easy",
  phase: "base",
  session: false,
} as unknown as PlannedDay;

describe("the plan's imported runs, read defensively", () => {
  it("are empty for a plan from a server without them", () => {
    expect(dayRunning(oldDay)).toEqual({
      activities: [],
      plannedRun: null,
      importedStrength: false,
    });
    expect(weekRunning({ days: [] } as unknown as PlannedWeek)).toBeNull();
  });

  it("keep the activities the server sends and drop what cannot be shown", () => {
    const day = {
      ...oldDay,
      run: "long",
      plannedRun: "easy",
      importedStrength: true,
      activities: [
        {
          id: "a1",
          sport: "run",
          start: "2026-11-02T06:10:00.000Z",
          movingS: 5400,
          elapsedS: 5600,
          distanceM: 18_250,
          avgHr: 141,
          effort: "long",
        },
        { id: null, sport: "ride", start: "2026-11-02T17:00:00.000Z", effort: "weird" },
        { nonsense: true },
        null,
      ],
    } as unknown as PlannedDay;
    const read = dayRunning(day);
    expect(read.plannedRun).toBe("easy");
    expect(read.importedStrength).toBe(true);
    expect(read.activities).toHaveLength(2);
    expect(read.activities[1]).toMatchObject({
      id: null,
      sport: "ride",
      effort: null,
      distanceM: null,
    });
  });

  it("read the week's totals, zeros for missing numbers", () => {
    const week = { running: { runs: 3, distanceM: 32_400 } } as unknown as PlannedWeek;
    expect(weekRunning(week)).toEqual({ runs: 3, distanceM: 32_400, movingS: 0 });
  });
});

describe("numbers in words", () => {
  it("say distances, durations and sizes as runners read them", () => {
    expect(kmText(10_249)).toBe("10.2 km");
    expect(kmText(0)).toBe("0.0 km");
    expect(kmText(123_456)).toBe("123 km");
    expect(durationText(45 * 60)).toBe("45 min");
    expect(durationText(65 * 60)).toBe("1 h 05 min");
    expect(durationText(2 * 3600)).toBe("2 h");
    expect(bytesText(512)).toBe("512 B");
    expect(bytesText(1536)).toBe("1.5 KB");
    expect(bytesText(40 * 1024 * 1024)).toBe("40.0 MB");
    expect(bytesText(2 * 1024 ** 3)).toBe("2.0 GB");
  });

  it("name an activity by sport and effort", () => {
    expect(activityTitle({ sport: "run", effort: "quality" })).toBe("Run · quality run");
    expect(activityTitle({ sport: "strength", effort: null })).toBe("Strength");
    expect(activityTitle({ sport: "kitesurf" })).toBe("Activity");
    expect(activityNumbers({ distanceM: 5000, movingS: null, elapsedS: 1800 })).toBe(
      "5.0 km · 30 min",
    );
    expect(activityNumbers({ distanceM: 0, movingS: null, elapsedS: null })).toBe("");
  });

  it("show the start in the profile's time zone", () => {
    expect(startTime("2026-11-02T06:10:00.000Z", "Europe/Berlin")).toBe("07:10");
    expect(startTime("not a date", "Europe/Berlin")).toBe("");
  });
});

describe("the running summary's last four weeks", () => {
  const week = (start: string, km: number) => ({
    start,
    runs: km > 0 ? 3 : 0,
    distanceM: km * 1000,
    movingS: km * 360,
    strength: 0,
  });
  // Wednesday 2 December 2026, weeks from Monday: the week of 30 November is still running.
  const weeks = [
    week("2026-11-02", 44.1),
    week("2026-11-09", 44.1),
    week("2026-11-16", 44.1),
    week("2026-11-23", 44.1),
    week("2026-11-30", 0),
  ];

  it("are the last four whole weeks: the week still running is left out", () => {
    expect(wholeWeeks(weeks, "2026-12-02").map((w) => w.start)).toEqual([
      "2026-11-02",
      "2026-11-09",
      "2026-11-16",
      "2026-11-23",
    ]);
    // On the week's first day the week before is whole.
    expect(wholeWeeks(weeks, "2026-11-30")).toHaveLength(4);
    expect(wholeWeeks(weeks, "2026-11-29")).toHaveLength(3);
    const text = weeklyRunningSummary(weeks, "2026-12-02");
    expect(text).toMatch(/^The last four whole weeks: 44\.1 km and 4 h 25 min a week on average\./);
    expect(text).toMatch(/This week so far: 0\.0 km, 0 runs\.$/);
  });

  it("average over fewer weeks when fewer are whole, and say so", () => {
    expect(weeklyRunningSummary(weeks.slice(-2), "2026-12-02")).toMatch(
      /^The last whole week: 44\.1 km/,
    );
    expect(weeklyRunningSummary([week("2026-11-30", 5)], "2026-12-02")).toBe(
      "This week so far: 5.0 km, 3 runs.",
    );
  });
});
