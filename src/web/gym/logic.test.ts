import { describe, expect, it } from "vitest";
import { readSet } from "../../core/progression/verdict.js";
import type { Prescription } from "../../core/protocol/plan-types.js";
import type { GymSetup } from "../shared/outbox/types.js";
import {
  alternatives,
  DOSE_REPS,
  inDose,
  loadStep,
  missingInSet,
  needWords,
  nextOpenCard,
  parseLoad,
  startBand,
  startLoad,
  stepLoad,
  targetWords,
  tempoWords,
  usesBand,
} from "./logic.js";
import { summarize } from "./summary-logic.js";

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

  it("a set logged in kilograms reads in pounds on the 5 lb step after a switch", () => {
    const [line] = summarize(
      [{ exercise: "quarter-squat", load: { value: 6, unit: "kg" }, reps: 9, rir: 2 }],
      [squat],
      { ...kg, units: "lb" },
    );
    expect(line?.did).toBe("9 reps at 15 lb, 2 left in the tank");
    expect(line?.next).toBe("Next time 15 lb again: right in the dose.");
  });

  it("says what changes next time with the core's progression", () => {
    const [heavier] = summarize(
      [{ exercise: "quarter-squat", load: { value: 22, unit: "kg" }, reps: 10, rir: 3 }],
      [squat],
      kg,
    );
    expect(heavier?.did).toBe("10 reps at 22 kg, 3 left in the tank");
    expect(heavier?.next).toBe("Next time 24 kg: that was light, so go up.");
    const [same] = summarize(
      [{ exercise: "quarter-squat", load: { value: 22, unit: "kg" }, reps: 9, rir: 2 }],
      [squat],
      kg,
    );
    expect(same?.next).toBe("Next time 22 kg again: right in the dose.");
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

const bandRow: Prescription = {
  ...squat,
  id: "band-row",
  name: "Band row",
  muscles: ["upper-pull"],
  equipment: ["band"],
  load: null,
  band: "medium",
};

describe("one verdict for a set", () => {
  it("reads each set through the core's readSet, as the check-in and the plan do", () => {
    const sets = [
      { exercise: "quarter-squat", load: { value: 22, unit: "kg" as const }, reps: 12, rir: 0 },
      { exercise: "calf-raise", load: null, reps: 12, rir: 0 },
      { exercise: "quarter-squat", load: { value: 22, unit: "kg" as const }, reps: 9, rir: 2 },
    ];
    const lines = summarize(sets, [squat], kg);
    lines.forEach((line, index) => {
      const set = sets[index];
      if (!set) throw new Error("no set");
      expect(line.verdict).toBe(readSet(set).words);
    });
    // 12 reps with 0 left is taken to failure, never "right where it should be".
    for (const line of lines.slice(0, 2)) {
      expect(line.verdict).toMatch(/taken to failure/);
      expect(line.next).not.toMatch(/right/);
    }
    expect(lines[1]?.next).toBe("Next time the same.");
    expect(lines[2]?.verdict).toMatch(/right in the dose/);
  });

  it("keeps a coarse dumbbell load and says why, as the plan does (no see-saw)", () => {
    const lb: GymSetup = { ...kg, units: "lb" };
    const bench: Prescription = { ...squat, id: "dumbbell-bench-press", name: "Bench press" };
    // 10 reps with 2 left at 45 lb: 50 lb is 11 % heavier, too big a step to land at 8 to 10.
    const [line] = summarize(
      [{ exercise: bench.id, load: { value: 45, unit: "lb" }, reps: 10, rir: 2 }],
      [bench],
      lb,
    );
    expect(line?.next).toMatch(/^Next time 45 lb again\. The next load up, 50 lb, is 11 % heavier/);
    expect(line?.direction).toBe("same");
  });

  it("never drops a barbell load below the empty bar", () => {
    const deadlift: Prescription = {
      ...squat,
      id: "romanian-deadlift",
      name: "Romanian deadlift",
      equipment: ["barbell"],
    };
    const [line] = summarize(
      [{ exercise: deadlift.id, load: { value: 20, unit: "kg" }, reps: 6, rir: 0 }],
      [deadlift],
      kg,
    );
    expect(line?.direction).toBe("lighter");
    expect(line?.next).toMatch(/^Next time 20 kg, the empty bar/);
  });

  it("walks the band ladder, then the slow tempo", () => {
    const band = (b: "medium" | "extra-heavy" | undefined, reps: number, rir: number) =>
      summarize(
        [{ exercise: "band-row", load: null, reps, rir, ...(b ? { band: b } : {}) }],
        [bandRow],
        kg,
      )[0];
    expect(band("medium", 10, 3)?.next).toBe("Next time the heavy band.");
    expect(band("medium", 10, 3)?.did).toBe("10 reps on the medium band, 3 left in the tank");
    expect(band("extra-heavy", 12, 4)?.next).toMatch(/same band, slower: 3 seconds/);
    expect(band("medium", 6, 1)?.next).toMatch(/^Next time the light band/);
    expect(band("medium", 9, 2)?.next).toBe("Next time the medium band again: right in the dose.");
    expect(band(undefined, 10, 3)?.next).toMatch(/stronger band/);
  });
});

describe("the card reads the prescription", () => {
  it("says the dose it is given, the 8 with 3 left after a sore day too", () => {
    expect(targetWords(squat)).toBe("8 to 10 reps, stop with 1 or 2 left in the tank");
    expect(targetWords({ reps: { min: 8, max: 8 }, rir: { min: 3, max: 3 } })).toBe(
      "8 reps, stop with 3 left in the tank",
    );
  });

  it("shows the band and the slow tempo", () => {
    expect(usesBand(bandRow)).toBe(true);
    expect(usesBand(squat)).toBe(false);
    expect(needWords(bandRow, kg)).toBe("Medium band");
    expect(needWords({ ...bandRow, band: "extra-heavy", tempo: "slow" }, kg)).toBe(
      "Extra heavy band, 3 s down",
    );
    const { band: _none, ...noBand } = bandRow;
    expect(needWords(noBand, kg)).toBe("Your band");
    expect(needWords(squat, kg)).toBe("22 kg suggested");
    expect(tempoWords({ tempo: "slow" })).toMatch(/3 s down/);
    expect(tempoWords({})).toBeNull();
  });

  it("presets the band picker to the band logged, else the plan's band", () => {
    expect(startBand(bandRow, undefined)).toBe("medium");
    expect(
      startBand(bandRow, { exercise: "band-row", load: null, reps: 9, rir: 2, band: "heavy" }),
    ).toBe("heavy");
    expect(startBand(squat, undefined)).toBeNull();
  });
});
