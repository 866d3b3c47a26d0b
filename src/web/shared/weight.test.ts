import { describe, expect, it } from "vitest";
import { inRunnerUnit, weightStep, weightText } from "./weight.js";

const kg = (value: number) => ({ value, unit: "kg" as const });
const lb = (value: number) => ({ value, unit: "lb" as const });

describe("loads in the runner's unit, on their step", () => {
  it("6 kg of dumbbells reads 15 lb in 5 lb steps, never 13.2 lb", () => {
    expect(weightText(kg(6), { units: "lb" }, ["dumbbells"])).toBe("15 lb");
    expect(weightText(kg(6), { units: "lb" }, ["dumbbells"])).not.toMatch(/13\.2/);
  });

  it("uses the runner's own increments when the profile has them", () => {
    expect(weightText(kg(6), { units: "lb", increments: { dumbbells: 2.5 } }, ["dumbbells"])).toBe(
      "12.5 lb",
    );
  });

  it("pounds to kilograms on the barbell's 2.5 kg step", () => {
    // 135 lb = 61.23 kg → 62.5 is 1.27 away, 60 is 1.23 away: 60.
    expect(inRunnerUnit(lb(135), { units: "kg" }, ["barbell", "rack"])).toEqual(kg(60));
  });

  it("a load in the runner's unit is shown as it is, without float noise", () => {
    expect(weightText(kg(22.000000000000004), { units: "kg" }, ["dumbbells"])).toBe("22 kg");
    expect(weightText(lb(17.5), { units: "lb" }, ["dumbbells"])).toBe("17.5 lb");
  });

  it("a light load never rounds down to nothing", () => {
    // 1 kg = 2.205 lb; the 5 lb step would round it to 0: what it weighs, as the planner does.
    expect(inRunnerUnit(kg(1), { units: "lb" }, ["dumbbells"]).value).toBe(2.205);
  });

  it("without equipment, the smallest step the runner has", () => {
    expect(weightStep({ units: "kg" })).toBe(2);
    expect(weightStep({ units: "lb" })).toBe(5);
    expect(weightStep({ units: "kg", increments: { dumbbells: 1 } })).toBe(1);
    expect(weightText(kg(6), { units: "lb" })).toBe("15 lb");
  });

  it("without a setup, the load as it came", () => {
    expect(weightText(kg(6))).toBe("6 kg");
  });
});
