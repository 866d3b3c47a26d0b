import { describe, expect, it } from "vitest";
import { estimatedOneRepMax, targetLoad } from "./e1rm.js";

describe("estimatedOneRepMax (Epley with reps to failure = reps + RIR)", () => {
  it("40 kg × 10 reps with 2 left", () => {
    // 40 × (1 + (10 + 2) / 30) = 40 × 1.4 = 56
    expect(estimatedOneRepMax(40, 10, 2)).toBeCloseTo(56, 9);
  });

  it("100 kg × 8 reps with 1 left", () => {
    // 100 × (1 + 9 / 30) = 100 × 1.3 = 130
    expect(estimatedOneRepMax(100, 8, 1)).toBeCloseTo(130, 9);
  });

  it("one rep to failure is a bit over the load", () => {
    // 60 × (1 + 1 / 30) = 60 × 31/30 = 62
    expect(estimatedOneRepMax(60, 1, 0)).toBeCloseTo(62, 9);
  });

  it("is proportional to the load", () => {
    // 20 × (1 + 15 / 30) = 30, 30 × 1.5 = 45
    expect(estimatedOneRepMax(20, 10, 5)).toBeCloseTo(30, 9);
    expect(estimatedOneRepMax(30, 10, 5)).toBeCloseTo(45, 9);
  });

  it("counts reps and RIR the same: 9 + 1 = 8 + 2 = 10 possible reps", () => {
    // 50 × (1 + 10 / 30) = 66.67 either way
    expect(estimatedOneRepMax(50, 9, 1)).toBeCloseTo(66.6667, 3);
    expect(estimatedOneRepMax(50, 8, 2)).toBeCloseTo(estimatedOneRepMax(50, 9, 1), 9);
  });
});

describe("targetLoad: 9 reps with 1.5 left, e1RM / (1 + 10.5/30)", () => {
  it("divides by 1.35", () => {
    // 1 + 10.5 / 30 = 1.35; 56 / 1.35 = 41.4815
    expect(targetLoad(56)).toBeCloseTo(41.4815, 4);
    // 135 / 1.35 = 100
    expect(targetLoad(135)).toBeCloseTo(100, 9);
  });

  it("is about 74 % of the e1RM", () => {
    // 1 / 1.35 = 0.7407
    expect(targetLoad(100)).toBeCloseTo(74.07, 2);
  });

  it("inverts the estimate for a set of exactly 9 reps with 1.5 left", () => {
    // e1RM of 40 × 9 @ 1.5 = 40 × 1.35 = 54, and 54 / 1.35 = 40 again
    expect(targetLoad(estimatedOneRepMax(40, 9, 1.5))).toBeCloseTo(40, 9);
  });
});
