import { describe, expect, it } from "vitest";
import type { RaceDistance } from "../profile/profile.js";
import { parseLocalDate } from "../units/local-date.js";
import {
  type Phase,
  phaseOn,
  type RaceDay,
  raceWeekMinDaysBefore,
  recoveryDays,
  reducedExerciseCount,
} from "./phases.js";

const raceDay = parseLocalDate("2027-04-18") ?? Number.NaN;
const race = (distance: RaceDistance): RaceDay => ({ day: raceDay, distance });

describe("phaseOn: days before the race (race day = 0)", () => {
  it.each([
    [60, "base"],
    [22, "base"], // more than 21
    [21, "peak"], // 21 to 15
    [15, "peak"],
    [14, "taper"], // 14 to 8
    [8, "taper"],
    [7, "race-week"], // 7 to 0
    [4, "race-week"],
    [0, "race-week"], // race day itself
  ] as const)("%i days before → %s", (before, phase) => {
    expect(phaseOn(raceDay - before, race("marathon"))).toBe(phase);
    // The distance does not move the phases before the race.
    expect(phaseOn(raceDay - before, race("5k"))).toBe(phase);
  });

  it("2027-04-18 race: the calendar days of each boundary", () => {
    const on = (date: string): Phase =>
      phaseOn(parseLocalDate(date) ?? Number.NaN, race("marathon"));
    // 2027-03-27 is 22 days before 18 April (4 days of March left + 18 of April)
    expect(on("2027-03-27")).toBe("base");
    expect(on("2027-03-28")).toBe("peak"); // 21
    expect(on("2027-04-04")).toBe("taper"); // 14
    expect(on("2027-04-11")).toBe("race-week"); // 7
    expect(on("2027-04-18")).toBe("race-week"); // 0
    expect(on("2027-04-19")).toBe("recovery"); // 1 after
  });

  it.each([
    // [distance, days of recovery]: none for 7 after a marathon or ultra, 4 after a half, 2 after shorter
    ["marathon", 7],
    ["ultra", 7],
    ["half", 4],
    ["10k", 2],
    ["5k", 2],
  ] as const)("after a %s: recovery for %i days, then base", (distance, days) => {
    expect(recoveryDays(distance)).toBe(days);
    expect(phaseOn(raceDay + 1, race(distance))).toBe("recovery");
    expect(phaseOn(raceDay + days, race(distance))).toBe("recovery");
    expect(phaseOn(raceDay + days + 1, race(distance))).toBe("base");
    expect(phaseOn(raceDay + 100, race(distance))).toBe("base");
  });

  it("without a race every day is base", () => {
    for (const day of [raceDay - 10, raceDay, raceDay + 3]) expect(phaseOn(day, null)).toBe("base");
  });
});

describe("race week", () => {
  it("the one session is at least 4 days before a half, marathon or ultra, 3 before shorter races", () => {
    expect(raceWeekMinDaysBefore("half")).toBe(4);
    expect(raceWeekMinDaysBefore("marathon")).toBe(4);
    expect(raceWeekMinDaysBefore("ultra")).toBe(4);
    expect(raceWeekMinDaysBefore("10k")).toBe(3);
    expect(raceWeekMinDaysBefore("5k")).toBe(3);
  });
});

describe("reducedExerciseCount: about half the exercises in taper and race week", () => {
  it("half, rounded up, at least one", () => {
    // ceil(7 / 2) = 4: 7 → 4 is -43 %
    expect(reducedExerciseCount(7)).toBe(4);
    // ceil(8 / 2) = 4: -50 %
    expect(reducedExerciseCount(8)).toBe(4);
    // ceil(6 / 2) = 3: -50 %
    expect(reducedExerciseCount(6)).toBe(3);
    // ceil(5 / 2) = 3: -40 %
    expect(reducedExerciseCount(5)).toBe(3);
    // ceil(1 / 2) = 1: a one-exercise session stays one exercise
    expect(reducedExerciseCount(1)).toBe(1);
  });

  it("cuts 40 to 60 % of a session of 4 or more exercises", () => {
    for (let full = 4; full <= 20; full++) {
      const cut = 1 - reducedExerciseCount(full) / full;
      expect(cut, `${full} exercises`).toBeGreaterThanOrEqual(0.4);
      expect(cut, `${full} exercises`).toBeLessThanOrEqual(0.6);
    }
  });
});
