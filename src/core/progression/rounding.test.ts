import { describe, expect, it } from "vitest";
import { roundDownToStep, roundToStep, stepAbove, stepBelow } from "./rounding.js";

describe("roundToStep: nearest multiple of the increment", () => {
  it("rounds to the nearer multiple", () => {
    // 41.48 lies between 40 and 42.5: 1.48 above 40, 1.02 below 42.5 → 42.5
    expect(roundToStep(41.48, 2.5)).toBe(42.5);
    // 40.9 is 0.9 above 40 and 1.6 below 42.5 → 40
    expect(roundToStep(40.9, 2.5)).toBe(40);
    // 9.383 between 8 and 10: 1.383 vs 0.617 → 10
    expect(roundToStep(9.383, 2)).toBe(10);
    // 47 between 45 and 50 (machine, 5): 2 vs 3 → 45
    expect(roundToStep(47, 5)).toBe(45);
  });

  it("an exact tie goes to the lighter load", () => {
    // 41.25 is 1.25 from both 40 and 42.5 → 40
    expect(roundToStep(41.25, 2.5)).toBe(40);
    // 11 is 1 from both 10 and 12 → 10
    expect(roundToStep(11, 2)).toBe(10);
    // 47.5 is 2.5 from both 45 and 50 → 45
    expect(roundToStep(47.5, 5)).toBe(45);
    // 15 is 5 from 10 and 20 (lb kettlebell) → 10
    expect(roundToStep(15, 10)).toBe(10);
    // 6 is 2 from 4 and 8 (kg kettlebell) → 4
    expect(roundToStep(6, 4)).toBe(4);
  });

  it("keeps values already on the grid, despite float noise", () => {
    expect(roundToStep(42.5, 2.5)).toBe(42.5);
    // 0.1 + 0.2 = 0.30000000000000004, a multiple of 0.1 for people
    expect(roundToStep(0.1 + 0.2, 0.1)).toBe(0.3);
    // 22.000000000000004 → 22
    expect(roundToStep(22.000000000000004, 2)).toBe(22);
    // 0.7 / 0.1 = 6.999999999999999 in floats; still 0.7
    expect(roundToStep(0.7, 0.1)).toBe(0.7);
  });

  it("rounds small values to zero or one step", () => {
    // 0.9 is closer to 0 than to 2
    expect(roundToStep(0.9, 2)).toBe(0);
    // 1.1 is closer to 2
    expect(roundToStep(1.1, 2)).toBe(2);
  });
});

describe("roundDownToStep", () => {
  it("takes the multiple at or below", () => {
    // 40 × 0.9 = 36 → 35 (barbell 2.5)
    expect(roundDownToStep(36, 2.5)).toBe(35);
    // 24 × 0.9 = 21.6 → 20 (dumbbells 2)
    expect(roundDownToStep(21.6, 2)).toBe(20);
    expect(roundDownToStep(20, 2)).toBe(20);
    // 0.3 / 0.1 = 2.9999999999999996 in floats; still 0.3 for people
    expect(roundDownToStep(0.3, 0.1)).toBe(0.3);
  });
});

describe("stepAbove and stepBelow", () => {
  it("one increment up or down from a load on the grid", () => {
    // 10 + 2 = 12, 10 - 2 = 8
    expect(stepAbove(10, 2)).toBe(12);
    expect(stepBelow(10, 2)).toBe(8);
    // 40 + 2.5 = 42.5, 40 - 2.5 = 37.5
    expect(stepAbove(40, 2.5)).toBe(42.5);
    expect(stepBelow(40, 2.5)).toBe(37.5);
  });

  it("the next multiple strictly above or below a load off the grid", () => {
    // 11 with step 2: multiples 10 and 12
    expect(stepAbove(11, 2)).toBe(12);
    expect(stepBelow(11, 2)).toBe(10);
    // 41 with step 2.5: multiples 40 and 42.5
    expect(stepAbove(41, 2.5)).toBe(42.5);
    expect(stepBelow(41, 2.5)).toBe(40);
  });

  it("is not fooled by float noise", () => {
    // 0.3 is a multiple of 0.1: above 0.4, below 0.2
    expect(stepAbove(0.1 + 0.2, 0.1)).toBe(0.4);
    expect(stepBelow(0.1 + 0.2, 0.1)).toBe(0.2);
  });
});
