import { describe, expect, it } from "vitest";
import {
  DOSE,
  defaultWarmupMinutes,
  MINUTES_PER_EXERCISE,
  sessionBudget,
  sessionMinutesNeeded,
  WARMUP,
  warmupActivity,
} from "./dose.js";

describe("the dose (protocol section 2)", () => {
  it("one set of 8 to 10 with 1 to 2 reps in reserve", () => {
    expect(DOSE).toEqual({ sets: 1, reps: { min: 8, max: 10 }, rir: { min: 1, max: 2 } });
  });

  it("a warm-up of 5 to 10 minutes, 8 by default, 10 from 60", () => {
    expect(WARMUP.minMinutes).toBe(5);
    expect(WARMUP.maxMinutes).toBe(10);
    expect(defaultWarmupMinutes(20)).toBe(8);
    expect(defaultWarmupMinutes(59)).toBe(8);
    expect(defaultWarmupMinutes(60)).toBe(10);
    expect(defaultWarmupMinutes(78)).toBe(10);
  });

  it("the warm-up is on a bike when there is one", () => {
    expect(warmupActivity(new Set(["bodyweight", "bike"]))).toBe("bike");
    expect(warmupActivity(new Set(["bodyweight", "dumbbells"]))).not.toBe("bike");
    expect(warmupActivity(new Set(["bodyweight"]))).toMatch(/walk|jog/);
  });
});

describe("sessionBudget: warm-up + 2.5 min per exercise must fit sessionMinutes", () => {
  it("8 minutes (the smallest budget): warm-up 5 + 1 exercise", () => {
    // default 8 + 2.5 = 10.5 > 8 → warm-up shortens to max(5, floor(8 - 2.5) = 5) = 5
    // → exercises: floor((8 - 5) / 2.5) = floor(1.2) = 1; 5 + 2.5 = 7.5 ≤ 8
    expect(sessionBudget(8, 30)).toEqual({ warmupMinutes: 5, exercises: 1 });
  });

  it("10 minutes at age 60: warm-up 7, 1 exercise", () => {
    // default 10 + 2.5 = 12.5 > 10 → max(5, floor(10 - 2.5) = 7) = 7
    // → floor((10 - 7) / 2.5) = floor(1.2) = 1; 7 + 2.5 = 9.5 ≤ 10
    expect(sessionBudget(10, 60)).toEqual({ warmupMinutes: 7, exercises: 1 });
  });

  it("10 minutes at 30: warm-up 7, 1 exercise", () => {
    // 8 + 2.5 = 10.5 > 10 → floor(7.5) = 7 → floor(3 / 2.5) = 1
    expect(sessionBudget(10, 30)).toEqual({ warmupMinutes: 7, exercises: 1 });
  });

  it("11 minutes at 30: the full 8-minute warm-up and 1 exercise", () => {
    // 8 + 2.5 = 10.5 ≤ 11 → warm-up stays 8; floor((11 - 8) / 2.5) = floor(1.2) = 1
    expect(sessionBudget(11, 30)).toEqual({ warmupMinutes: 8, exercises: 1 });
  });

  it("13 minutes: 8 + 2 exercises", () => {
    // floor((13 - 8) / 2.5) = 2; 8 + 5 = 13
    expect(sessionBudget(13, 45)).toEqual({ warmupMinutes: 8, exercises: 2 });
  });

  it("35 minutes: 8 + 10 exercises fit", () => {
    // floor((35 - 8) / 2.5) = floor(10.8) = 10; 8 + 25 = 33 ≤ 35
    const budget = sessionBudget(35, 55);
    expect(budget).toEqual({ warmupMinutes: 8, exercises: 10 });
    expect(sessionMinutesNeeded(budget.warmupMinutes, budget.exercises)).toBe(33);
  });

  it("35 minutes at 78: 10 + 10 exercises fit exactly", () => {
    // floor((35 - 10) / 2.5) = 10; 10 + 25 = 35
    expect(sessionBudget(35, 78)).toEqual({ warmupMinutes: 10, exercises: 10 });
  });

  it("180 minutes (the largest budget)", () => {
    // floor((180 - 8) / 2.5) = floor(68.8) = 68; the session builder takes what it needs
    expect(sessionBudget(180, 30)).toEqual({ warmupMinutes: 8, exercises: 68 });
    // floor((180 - 10) / 2.5) = 68
    expect(sessionBudget(180, 70)).toEqual({ warmupMinutes: 10, exercises: 68 });
  });

  it("for every budget from 8 to 180 minutes and any age: it fits, and the warm-up only gives way when it must", () => {
    const wrong: string[] = [];
    for (let minutes = 8; minutes <= 180; minutes++) {
      for (const age of [18, 45, 59, 60, 78, 95]) {
        const { warmupMinutes, exercises } = sessionBudget(minutes, age);
        const full = defaultWarmupMinutes(age);
        const problems = [
          (warmupMinutes < 5 || warmupMinutes > 10) && "warm-up outside 5-10",
          exercises < 1 && "no exercise",
          warmupMinutes + MINUTES_PER_EXERCISE * exercises > minutes && "does not fit",
          full + MINUTES_PER_EXERCISE <= minutes &&
            warmupMinutes !== full &&
            "warm-up cut needlessly",
          warmupMinutes + MINUTES_PER_EXERCISE * (exercises + 1) <= minutes && "room left",
        ].filter(Boolean);
        if (problems.length) wrong.push(`${minutes} min at ${age}: ${problems.join(", ")}`);
      }
    }
    expect(wrong).toEqual([]);
  });
});

describe("sessionMinutesNeeded", () => {
  it("warm-up + 2.5 × exercises", () => {
    // 8 + 2.5 × 6 = 23
    expect(sessionMinutesNeeded(8, 6)).toBe(23);
    // 10 + 2.5 × 7 = 27.5
    expect(sessionMinutesNeeded(10, 7)).toBe(27.5);
  });
});
