import { describe, expect, it } from "vitest";
import type { Checkin, Workout } from "../shared/api.js";
import {
  exerciseSummary,
  exercisesByDays,
  localDayOf,
  pointsFor,
  sorenessSummary,
  workoutsPerWeek,
  workoutsSummary,
} from "./log-series.js";

const workout = (date: string, sets: Workout["sets"]): Workout => ({
  id: date,
  date,
  sets,
  createdAt: `${date}T18:00:00.000Z`,
  updatedAt: `${date}T18:00:00.000Z`,
});
const squat = (value: number, reps: number, rir: number) => ({
  exercise: "quarter-squat",
  load: { value, unit: "kg" as const },
  reps,
  rir,
});

describe("the progress screen's series", () => {
  const log = [
    workout("2026-11-26", [squat(24, 9, 2)]),
    workout("2026-11-23", [squat(22, 10, 2), { exercise: "plank", load: null, reps: 8, rir: 2 }]),
  ];

  it("puts an exercise's loads in date order, in the athlete's unit", () => {
    const points = pointsFor(log, "quarter-squat", "kg");
    expect(points.map((p) => [p.date, p.load])).toEqual([
      ["2026-11-23", 22],
      ["2026-11-26", 24],
    ]);
    // 22 kg is 48.5 lb: shown on the 5 lb step, as the plan would suggest it.
    expect(pointsFor(log, "quarter-squat", "lb")[0]?.load).toBe(50);
    expect(exercisesByDays(log)).toEqual(["quarter-squat", "plank"]);
  });

  it("counts workout days per week from the athlete's first weekday", () => {
    // 2026-11-26 is a Thursday: with weeks from Monday it is in the week of 23 November.
    expect(workoutsPerWeek(log, "2026-11-26", "mon", 2)).toEqual([
      { start: "2026-11-16", workouts: 0 },
      { start: "2026-11-23", workouts: 2 },
    ]);
    expect(workoutsPerWeek(log, "2026-11-26", "sun", 1)).toEqual([
      { start: "2026-11-22", workouts: 2 },
    ]);
  });

  it("says it in words, with the glossary's word for what was logged", () => {
    expect(exerciseSummary("Quarter squat", [], "kg")).toBe(
      "Log a workout to see your loads here.",
    );
    expect(exerciseSummary("Quarter squat", pointsFor(log, "quarter-squat", "kg"), "kg")).toMatch(
      /22 kg .* 24 kg .*over 2 workouts\.$/,
    );
    expect(workoutsSummary(0, [])).toMatch(/^No workouts logged yet/);
    const checkins: Checkin[] = [
      { id: "a", date: "2026-11-24", soreness: 3, hurtRun: false, createdAt: "" },
    ];
    expect(sorenessSummary(checkins)).toMatch(/3 of 10\. Average of the last 1 check-in: 3\./);
  });

  it("counts the goal over whole weeks since the runner began, never the week still running", () => {
    // Wednesday 2 December 2026, signed up on Monday 30 November, one workout today.
    const firstDay = [workout("2026-12-02", [squat(20, 9, 2)])];
    const weeks = workoutsPerWeek(firstDay, "2026-12-02", "mon", 6);
    const text = workoutsSummary(1, weeks, "2026-11-30");
    expect(text).not.toMatch(/0 of the last/);
    expect(text).toBe(
      "Goal: two a week. This week so far: 1. Your weeks are counted here once your first whole week is over.",
    );
    // Three weeks later: the two whole weeks since sign-up count, the weeks before do not.
    const later = [
      ...firstDay,
      workout("2026-12-04", [squat(20, 9, 2)]),
      workout("2026-12-09", [squat(20, 9, 2)]),
      workout("2026-12-17", [squat(20, 9, 2)]),
    ];
    const perWeek = workoutsPerWeek(later, "2026-12-22", "mon", 6);
    expect(workoutsSummary(4, perWeek, "2026-11-30")).toBe(
      "Goal: two a week. You reached it in 1 of the last 3 weeks; this week so far: 0.",
    );
    // Signed up on a Wednesday: that week was not whole, the next one is the first.
    expect(workoutsSummary(4, perWeek.slice(0, -1), "2026-12-02")).toBe(
      "Goal: two a week. Your first whole week had 1; this week so far: 1.",
    );
  });

  it("reads the sign-up day in the runner's time zone", () => {
    expect(localDayOf("2026-11-29T23:30:00.000Z", "Europe/Berlin")).toBe("2026-11-30");
    expect(localDayOf("2026-11-29T23:30:00.000Z", "UTC")).toBe("2026-11-29");
    expect(localDayOf("not a time", "UTC")).toBeNull();
  });
});
