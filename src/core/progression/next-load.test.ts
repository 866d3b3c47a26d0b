import { describe, expect, it } from "vitest";
import { DEFAULT_INCREMENTS, incrementFor } from "./increments.js";
import { directionFrom, MAX_SORE_CUT, nextLoad, predictedPossible, soreCut } from "./next-load.js";

describe("directionFrom: reps + RIR = reps the athlete could have done", () => {
  it.each([
    // [reps, rir, expected]: reps + RIR
    [10, 2, "heavier"], // 12 ≥ 12: too light
    [10, 5, "heavier"], // 15
    [7, 5, "heavier"], // 12: the sum counts, not the reps alone
    [12, 0, "heavier"], // 12
    [10, 1, "same"], // 11: the dose
    [9, 2, "same"], // 11
    [8, 2, "same"], // 10
    [9, 0, "same"], // 9 (upper edge of "lighter" is 8)
    [8, 1, "same"], // 9
    [8, 0, "lighter"], // 8 ≤ 8: too heavy
    [6, 0, "lighter"], // 6
    [7, 1, "lighter"], // 8
    [1, 0, "lighter"], // 1
  ] as const)("%i reps with %i left → %s", (reps, rir, expected) => {
    expect(directionFrom(reps, rir)).toBe(expected);
  });
});

describe("nextLoad", () => {
  it("same load when the set was in the dose", () => {
    // 10 + 1 = 11 → same; e1RM 40 × (1 + 11/30) = 54.67, load unchanged
    const next = nextLoad(40, 10, 1, 2.5);
    expect(next.direction).toBe("same");
    expect(next.load).toBe(40);
    expect(next.e1rm).toBeCloseTo(54.667, 3);
    // 8 + 1 = 9 → same
    expect(nextLoad(40, 8, 1, 2.5).load).toBe(40);
  });

  it("heavier, aimed at 9 @ 1.5: 40 kg barbell, 10 reps with 2 left", () => {
    // e1RM = 40 × (1 + 12/30) = 56; target 56 / 1.35 = 41.48;
    // within +10 % (44) → round to 2.5: 41.48 is 1.48 over 40, 1.02 under 42.5 → 42.5
    const next = nextLoad(40, 10, 2, 2.5);
    expect(next.direction).toBe("heavier");
    expect(next.e1rm).toBeCloseTo(56, 9);
    expect(next.load).toBe(42.5);
  });

  it("heavier, capped at +10 %: 100 kg barbell, 10 reps with 5 or more left", () => {
    // e1RM = 100 × (1 + 15/30) = 150; target 150 / 1.35 = 111.1; cap 100 × 1.1 = 110
    // → 110 is already a multiple of 2.5 → 110
    expect(nextLoad(100, 10, 5, 2.5).load).toBe(110);
  });

  it("heavier: one increment wins over the percentage when the heavier load keeps the dose", () => {
    // 10 kg dumbbells, 10 reps with 5 left: e1RM = 10 × 1.5 = 15; target 11.1; cap 11 → round
    // to 2 → 10, so one increment up: 12 (+20 %). At 12: 30 × (15 / 12 − 1) = 7.5 < 9 → kept.
    // 12 reps with 5 left: e1RM = 10 × (1 + 17/30) = 15.67; at 12: 30 × (15.67/12 − 1) = 9.17 ≥ 9 → 12
    expect(nextLoad(10, 12, 5, 2).load).toBe(12);
    expect(nextLoad(10, 10, 5, 2).load).toBe(10);
  });

  it("no see-saw: a 45 → 50 lb dumbbell is kept until the heavier one keeps the dose", () => {
    // 45 lb, 10 reps with 2 left: e1RM = 45 × 1.4 = 63; at 50: 30 × (63/50 − 1) = 7.8 < 9 → keep
    const kept = nextLoad(45, 10, 2, 5);
    expect(kept.direction).toBe("heavier");
    expect(kept.load).toBe(45);
    // 30 × (1.3 × 50/45 − 1) = 13.33 → 14 reps + RIR earn the 50: 11 % heavier
    expect(kept.held).toEqual({ next: 50, percent: 11, possibleNeeded: 14 });
    // 10 reps with 4 left: e1RM = 45 × 1.4667 = 66; at 50: 30 × (66/50 − 1) = 9.6 → 50
    expect(nextLoad(45, 10, 4, 5)).toMatchObject({ load: 50, held: null });
  });

  it("no see-saw: a lighter decision right after a heavier one goes back to the load before", () => {
    // 24 kg after 22, 8 reps to failure: back to 22
    expect(nextLoad(24, 8, 0, 2, 22)).toMatchObject({ load: 22, back: true });
    // 26 kg after 22, 5 reps to failure: the computed step (26 × 35/30 / 1.35 = 22.5, floor
    // 22.1 → 22) and the load before agree; after 24 it is 24, not a second guess
    expect(nextLoad(26, 5, 0, 2, 24)).toMatchObject({ load: 24, back: true });
    // no previous, or a previous that was heavier (the last step was down): the usual step
    expect(nextLoad(24, 8, 0, 2, null)).toMatchObject({ load: 22, back: false });
    expect(nextLoad(24, 8, 0, 2, 26)).toMatchObject({ load: 22, back: false });
  });

  it("lighter, aimed at 9 @ 1.5: 100 kg, 5 reps to failure", () => {
    // e1RM = 100 × (1 + 5/30) = 116.67; target 116.67 / 1.35 = 86.42; floor -15 % = 85
    // → round to 2.5: 85 vs 87.5: 1.42 vs 1.08 → 87.5 (one increment down would be 97.5)
    const next = nextLoad(100, 5, 0, 2.5);
    expect(next.direction).toBe("lighter");
    expect(next.e1rm).toBeCloseTo(116.667, 3);
    expect(next.load).toBe(87.5);
  });

  it("lighter, limited to -15 %: 100 kg, 1 rep to failure", () => {
    // e1RM = 100 × 31/30 = 103.33; target 76.54; floor 100 × 0.85 = 85 → 85
    expect(nextLoad(100, 1, 0, 2.5).load).toBe(85);
  });

  it("lighter: 100 kg, 8 reps with none left (the edge)", () => {
    // e1RM = 100 × 38/30 = 126.67; target 93.83 → round to 2.5: 92.5 vs 95: 1.33 vs 1.17 → 95
    expect(nextLoad(100, 8, 0, 2.5).load).toBe(95);
  });

  it("lighter: at least one increment down (10 kg dumbbells, 8 reps to failure)", () => {
    // e1RM = 10 × 38/30 = 12.67; target 9.38; floor 8.5 → round to 2 → 10 (0.62 vs 1.38)
    // → 10 is no change, so one increment down: 10 - 2 = 8
    const next = nextLoad(10, 8, 0, 2);
    expect(next.direction).toBe("lighter");
    expect(next.load).toBe(8);
  });

  it("lighter never goes below one increment", () => {
    // 2 kg dumbbells, 4 reps to failure: e1RM = 2 × 34/30 = 2.27; target 1.68; floor 1.7
    // → round to 2 → 2; one step down would be 0 → but the lightest load is one increment: 2
    const next = nextLoad(2, 4, 0, 2);
    expect(next.direction).toBe("lighter");
    expect(next.load).toBe(2);
    // 4 kg kettlebell, 5 reps to failure: target 4 × 35/30 / 1.35 = 3.46 → round to 4 → 4
    // → one step down 0 → floor of one increment → 4
    expect(nextLoad(4, 5, 0, 4).load).toBe(4);
    // 5 kg, 6 reps to failure, step 2.5: target 5 × 36/30 / 1.35 = 4.44, floor 4.25 → round → 5
    // → one step down: 2.5 (still one increment, allowed)
    expect(nextLoad(5, 6, 0, 2.5).load).toBe(2.5);
  });

  it("the result is always on the increment grid and moves in the decided direction", () => {
    const wrong: string[] = [];
    for (const increment of [2, 2.5, 4, 5, 10]) {
      for (let steps = 1; steps <= 40; steps++) {
        const last = steps * increment;
        for (let reps = 1; reps <= 15; reps++) {
          for (let rir = 0; rir <= 5; rir++) {
            const { direction, load, held, e1rm } = nextLoad(last, reps, rir, increment);
            const ratio = load / increment;
            const problems = [
              Math.abs(ratio - Math.round(ratio)) > 1e-9 && "off the grid",
              direction === "heavier" && load <= last && !held && "not heavier",
              direction === "heavier" && held && load !== last && "held but changed",
              direction === "heavier" &&
                load > last &&
                predictedPossible(e1rm, load) < 9 - 1e-9 &&
                "heavier than the dose allows",
              direction === "same" && load !== last && "changed",
              direction === "lighter" && load < increment && "below one increment",
              direction === "lighter" && last > increment && load >= last && "not lighter",
            ].filter(Boolean);
            if (problems.length) {
              wrong.push(`${last}/${increment} ${reps}@${rir} → ${load}: ${problems.join(", ")}`);
            }
          }
        }
      }
    }
    expect(wrong).toEqual([]);
  });
});

/**
 * Protocol section 6: "limit the step to +10 % / -15 % of the last load", and only "one
 * increment wins over the percentage limit". Rounding to the increment must therefore stay
 * inside the limit: a step larger than both the percentage and one increment breaks the rule.
 */
describe("nextLoad keeps the +10 % / -15 % limit after rounding", () => {
  it("20 kg dumbbells, 1 rep to failure: -15 % is 17, so 18, not 16", () => {
    // e1RM = 20 × 31/30 = 20.67; target 15.31; floor 20 × 0.85 = 17
    // → multiples of 2 around 17 are 16 and 18 (a tie); 16 would be -20 % and two increments,
    //   outside the limit, so the only allowed multiple is 18 (-10 %)
    expect(nextLoad(20, 1, 0, 2).load).toBe(18);
  });

  it("25 kg barbell, 4 reps to failure: -15 % is 21.25, so 22.5, not 20", () => {
    // e1RM = 25 × 34/30 = 28.33; target 20.99; floor 25 × 0.85 = 21.25
    // → 20 would be -20 % (two increments of 2.5); 22.5 is -10 % and inside the limit
    expect(nextLoad(25, 4, 0, 2.5).load).toBe(22.5);
  });

  it("40 kg barbell, 10 reps with 5 left: +10 % is 44, so 42.5, not 45", () => {
    // e1RM = 40 × 1.5 = 60; target 60 / 1.35 = 44.44; cap 40 × 1.1 = 44
    // → 45 would be +12.5 % and two increments; 42.5 (+6.25 %) is inside the limit
    expect(nextLoad(40, 10, 5, 2.5).load).toBe(42.5);
  });

  it("never steps further than the limit unless the step is a single increment", () => {
    const wrong: string[] = [];
    for (const increment of [2, 2.5, 4, 5, 10]) {
      for (let steps = 1; steps <= 40; steps++) {
        const last = steps * increment;
        for (let reps = 1; reps <= 15; reps++) {
          for (let rir = 0; rir <= 5; rir++) {
            const { direction, load } = nextLoad(last, reps, rir, increment);
            const up = load - last;
            const down = last - load;
            const tooFarUp = up > Math.max(last * 0.1, increment) + 1e-9;
            const tooFarDown = down > Math.max(last * 0.15, increment) + 1e-9;
            if ((direction === "heavier" && tooFarUp) || (direction === "lighter" && tooFarDown)) {
              wrong.push(`${last}/${increment} ${reps}@${rir} → ${load}`);
            }
          }
        }
      }
    }
    expect(wrong.slice(0, 5)).toEqual([]);
  });
});

describe("increments (protocol section 6 defaults)", () => {
  it("kg and lb defaults", () => {
    expect(DEFAULT_INCREMENTS.kg).toEqual({
      barbell: 2.5,
      dumbbells: 2,
      kettlebell: 4,
      machine: 5,
      "leg-press": 5,
      cable: 5,
    });
    expect(DEFAULT_INCREMENTS.lb).toEqual({
      barbell: 5,
      dumbbells: 5,
      kettlebell: 10,
      machine: 10,
      "leg-press": 10,
      cable: 10,
    });
  });

  it("the profile's increments override the default for that equipment only", () => {
    expect(incrementFor("dumbbells", "kg", { dumbbells: 1 })).toBe(1);
    expect(incrementFor("barbell", "kg", { dumbbells: 1 })).toBe(2.5);
    expect(incrementFor("kettlebell", "lb", undefined)).toBe(10);
  });
});

describe("soreCut (protocol section 7): -10 % rounded, never more than -15 %", () => {
  it.each([
    // [last, increment, expected]
    [6, 2, null], // 4 would be -33 %: no step fits, keep the load
    [8, 2, null], // 6 would be -25 %
    [20, 2, 18], // 18 = -10 %
    [22, 2, 20], // 19.8 → 20 (-9 %)
    [100, 2.5, 90],
    [45, 5, 40], // 40.5 → 40 (-11 %)
    [30, 5, null], // 27 → 25 would be -17 %: more than 15 %, so no increment fits
  ] as const)("%s in steps of %s → %s", (last, increment, expected) => {
    expect(soreCut(last, increment)).toBe(expected);
  });

  it("never cuts more than 15 % nor less than nothing, for every load and increment (property)", () => {
    const wrong: string[] = [];
    for (const increment of [1, 2, 2.5, 4, 5, 10]) {
      for (let steps = 1; steps <= 80; steps++) {
        const last = steps * increment;
        const value = soreCut(last, increment);
        if (value === null) {
          // null only when no multiple of the increment lies in [85 %, 100 %)
          const fits = Math.ceil((last * (1 - MAX_SORE_CUT)) / increment - 1e-9) * increment;
          if (fits < last - 1e-9) wrong.push(`${last}/${increment}: null although ${fits} fits`);
          continue;
        }
        if (value >= last || value < last * (1 - MAX_SORE_CUT) - 1e-9) {
          wrong.push(`${last}/${increment} → ${value}`);
        }
      }
    }
    expect(wrong).toEqual([]);
  });
});
