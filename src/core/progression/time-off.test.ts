import { describe, expect, it } from "vitest";
import type { ExerciseWay } from "../exercise/types.js";
import type { DatedSet } from "../log/history.js";
import { type LoadContext, prescribeLoad } from "./prescribe-load.js";
import { timeOffFactor } from "./time-off.js";

describe("timeOffFactor: from the last logged session to the first day planned", () => {
  it("under 2 weeks: no change", () => {
    expect(timeOffFactor(0)).toBe(1);
    expect(timeOffFactor(7)).toBe(1);
    // 13 days < 2 × 7 = 14
    expect(timeOffFactor(13)).toBe(1);
  });

  it("2 to 4 weeks: -10 %", () => {
    // 2 weeks = 14 days: 1 - 0.10 = 0.9
    expect(timeOffFactor(14)).toBe(0.9);
    expect(timeOffFactor(21)).toBe(0.9);
    // 4 weeks = 28 days is still "2 to 4 weeks"
    expect(timeOffFactor(28)).toBe(0.9);
  });

  it("more than 4 weeks: -20 %", () => {
    // 29 days > 28: 1 - 0.20 = 0.8
    expect(timeOffFactor(29)).toBe(0.8);
    expect(timeOffFactor(60)).toBe(0.8);
    expect(timeOffFactor(365)).toBe(0.8);
  });

  it("applied to a load", () => {
    // 3 weeks off after 20 kg: 20 × 0.9 = 18 kg
    expect(20 * timeOffFactor(21)).toBeCloseTo(18, 9);
    // 6 weeks off after 50 kg: 50 × 0.8 = 40 kg
    expect(50 * timeOffFactor(42)).toBeCloseTo(40, 9);
  });
});

describe("time off in the prescribed load (dumbbells, kg, increment 2)", () => {
  const dumbbells: ExerciseWay = { equipment: ["dumbbells"], implements: 2 };
  const lastSet = (value: number, reps: number, rir: number): DatedSet => ({
    day: 0,
    set: { exercise: "quarter-squat", load: { value, unit: "kg" }, reps, rir },
    sets: 1,
  });
  const context = (factor: number, days: number): LoadContext => ({
    unit: "kg",
    increments: undefined,
    timeOff: { factor, days },
    cut: null,
    hold: false,
  });

  it("3 weeks off after a set in the dose: 20 kg × 0.9 = 18 kg, listed as an adjustment", () => {
    // 10 reps with 1 left: 11 → same load (20); time off: 20 × 0.9 = 18 → on the grid of 2
    const decision = prescribeLoad(dumbbells, lastSet(20, 10, 1), context(0.9, 21));
    expect(decision.load).toEqual({ value: 18, unit: "kg" });
    expect(decision.adjustedFrom).toEqual({ value: 20, unit: "kg" });
    expect(decision.adjustmentReason).toMatch(/3 weeks/);
    expect(decision.adjustmentReason).toMatch(/10 %/);
  });

  it("6 weeks off: 20 kg × 0.8 = 16 kg", () => {
    const decision = prescribeLoad(dumbbells, lastSet(20, 10, 1), context(0.8, 42));
    expect(decision.load).toEqual({ value: 16, unit: "kg" });
    expect(decision.adjustmentReason).toMatch(/6 weeks/);
    expect(decision.adjustmentReason).toMatch(/20 %/);
  });

  it("no time off: the load follows progression only", () => {
    const decision = prescribeLoad(dumbbells, lastSet(20, 10, 1), context(1, 5));
    expect(decision.load).toEqual({ value: 20, unit: "kg" });
    expect(decision.adjustedFrom).toBeNull();
  });

  it("time off never raises a load that progression already lowered further", () => {
    // 5 reps to failure at 20: e1RM 20 × 35/30 = 23.33; target 17.28 → round to 2 → 18
    // (1.28 vs 0.72); time off 20 × 0.9 = 18 is not lower → 18, no time-off adjustment
    const decision = prescribeLoad(dumbbells, lastSet(20, 5, 0), context(0.9, 21));
    expect(decision.load).toEqual({ value: 18, unit: "kg" });
    expect(decision.adjustedFrom).toBeNull();
  });
});
