import { describe, expect, it } from "vitest";
import { lastBefore, lastWords, latestSets } from "./last-sets.js";

const squat = (value: number, reps: number, rir: number) => ({
  exercise: "goblet-squat",
  load: { value, unit: "kg" as const },
  reps,
  rir,
});

describe("last time's sets", () => {
  const workouts = [
    { date: "2026-11-02", sets: [squat(10, 10, 3)] },
    {
      date: "2026-11-09",
      sets: [squat(12, 9, 2), { exercise: "plank", load: null, reps: 30, rir: 5 }],
    },
  ];

  it("finds the latest set of each exercise before the day", () => {
    const sets = latestSets(workouts);
    expect(lastBefore(sets, "goblet-squat", "2026-11-12")).toMatchObject({
      date: "2026-11-09",
      reps: 9,
    });
    expect(lastBefore(sets, "goblet-squat", "2026-11-09")).toMatchObject({
      date: "2026-11-02",
      reps: 10,
    });
    expect(lastBefore(sets, "goblet-squat", "2026-11-01")).toBeUndefined();
    expect(lastBefore(sets, "lunge", "2026-11-12")).toBeUndefined();
  });

  it("reads as load × reps @ reps left, in the runner's unit", () => {
    const sets = latestSets(workouts);
    const last = lastBefore(sets, "goblet-squat", "2026-12-01");
    if (!last) throw new Error("no last set");
    expect(lastWords(last, "kg")).toBe("12 kg × 9 @ 2 in the tank");
    expect(lastWords(last, "lb")).toBe("26.5 lb × 9 @ 2 in the tank");
    const plank = lastBefore(sets, "plank", "2026-12-01");
    if (!plank) throw new Error("no plank");
    expect(lastWords(plank, "kg")).toBe("30 reps @ 5+ in the tank");
  });
});
