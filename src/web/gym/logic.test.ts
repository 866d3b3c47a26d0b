import { describe, expect, it } from "vitest";
import type { Prescription } from "../../core/protocol/plan-types.js";
import type { GymSetup } from "../shared/outbox/types.js";
import {
  alternatives,
  DOSE_REPS,
  inDose,
  loadStep,
  missingInSet,
  nextOpenCard,
  parseLoad,
  startLoad,
  stepLoad,
  summarize,
} from "./logic.js";

const kg: GymSetup = {
  units: "kg",
  increments: {},
  equipment: ["dumbbells", "band"],
  injuries: [],
};

const squat: Prescription = {
  id: "quarter-squat",
  name: "Quarter squat",
  muscles: ["quadriceps", "gluteals"],
  equipment: ["dumbbells"],
  sets: 1,
  reps: { min: 8, max: 10 },
  rir: { min: 1, max: 2 },
  load: { value: 22, unit: "kg" },
  why: "",
  cues: [],
  implements: 2,
};

describe("gym mode's arithmetic", () => {
  it("steps in the athlete's increment for the equipment (protocol section 6, profile override)", () => {
    expect(loadStep(["dumbbells"], kg)).toBe(2);
    expect(loadStep(["barbell", "rack"], kg)).toBe(2.5);
    expect(loadStep(["dumbbells"], { ...kg, increments: { dumbbells: 1 } })).toBe(1);
    expect(loadStep(["kettlebell"], { ...kg, units: "lb" })).toBe(10);
    expect(loadStep(["bodyweight"], kg)).toBeNull();
    expect(loadStep(["band"], kg)).toBeNull();
    expect(stepLoad(22, 2, "up")).toBe(24);
    expect(stepLoad(23, 2, "up")).toBe(24);
    expect(stepLoad(2, 2, "down")).toBe(0);
    expect(stepLoad(0, 2, "down")).toBe(0);
    expect(stepLoad(0, 2.5, "up")).toBe(2.5);
  });

  it("starts at the suggested load, or at 0 when there is none", () => {
    expect(startLoad(squat, kg)).toBe(22);
    expect(startLoad({ ...squat, load: null }, kg)).toBe(0);
    expect(startLoad(squat, { ...kg, units: "lb" })).toBe(50); // 22 kg ≈ 48.5 lb → 5 lb steps
  });

  it("reads typed loads, commas too", () => {
    expect(parseLoad("22,5")).toBe(22.5);
    expect(parseLoad(" 40 ")).toBe(40);
    expect(parseLoad("")).toBeNull();
    expect(parseLoad("-2")).toBeNull();
    expect(parseLoad("abc")).toBeNull();
  });

  it("offers swaps of the same main muscle that the equipment allows, not already in the session", () => {
    const options = alternatives(squat, ["quarter-squat", "split-squat"], kg);
    expect(options.length).toBeGreaterThan(0);
    expect(options.map((option) => option.id)).not.toContain("split-squat");
    expect(options.map((option) => option.id)).not.toContain("leg-press");
    for (const option of options) {
      expect(
        option.equipment.every((item) => ["bodyweight", "dumbbells", "band"].includes(item)),
      ).toBe(true);
    }
  });

  it("says what changes next time with the core's progression", () => {
    const [heavier] = summarize(
      [{ exercise: "quarter-squat", load: { value: 22, unit: "kg" }, reps: 10, rir: 3 }],
      [squat],
      kg,
    );
    expect(heavier?.did).toBe("10 reps at 22 kg, 3 left in the tank");
    expect(heavier?.next).toMatch(/^Next time 24 kg/);
    const [same] = summarize(
      [{ exercise: "quarter-squat", load: { value: 22, unit: "kg" }, reps: 9, rir: 2 }],
      [squat],
      kg,
    );
    expect(same?.next).toMatch(/^Next time 22 kg again/);
    const [bodyweight] = summarize(
      [{ exercise: "calf-raise", load: null, reps: 12, rir: 5 }],
      [],
      kg,
    );
    expect(bodyweight?.did).toBe("12 reps, 5 or more left in the tank");
    expect(bodyweight?.next).toMatch(/harder variant/);
  });
});

describe("the open card", () => {
  const calf: Prescription = { ...squat, id: "calf-raise", name: "Calf raise" };
  const plank: Prescription = { ...squat, id: "plank", name: "Plank" };
  const cards = [squat, calf, plank];
  const set = (exercise: string) => ({ exercise, load: null, reps: 9, rir: 2 });

  it("is the first card without a set, going round after the one just logged", () => {
    expect(nextOpenCard(cards, [], -1)).toBe(0);
    expect(nextOpenCard(cards, [set("quarter-squat")], 0)).toBe(1);
    expect(nextOpenCard(cards, [set("plank")], 2)).toBe(0);
    expect(nextOpenCard(cards, [set("calf-raise"), set("plank")], 2)).toBe(0);
  });

  it("is none once every card has its set", () => {
    expect(
      nextOpenCard(
        cards,
        cards.map((card) => set(card.id)),
        1,
      ),
    ).toBe(-1);
  });
});

describe("the reps buttons", () => {
  it("are the core's dose, 8 to 10 (protocol section 2)", () => {
    expect(DOSE_REPS).toEqual([8, 9, 10]);
    expect([7, 8, 10, 11].map(inDose)).toEqual([false, true, true, false]);
  });
});

describe("a set before it is logged", () => {
  it("names what is still missing, the load first", () => {
    expect(missingInSet(2, "kg", 0, 9, 2)).toMatch(/load you lifted first.*2 kg steps/);
    expect(missingInSet(null, "kg", 0, 9, 2)).toBeNull();
    expect(missingInSet(2, "kg", 20, null, 2)).toBe("Tap how many reps you did.");
    expect(missingInSet(2, "kg", 20, 101, 2)).toBe("Tap how many reps you did.");
    expect(missingInSet(2, "kg", 20, 9, null)).toBe("Tap how many more you could have done.");
    expect(missingInSet(2, "kg", 20, 9, 2)).toBeNull();
  });
});
