import { describe, expect, it } from "vitest";
import { convertWeight, formatWeight, KG_PER_LB, tidy, weight } from "./weight.js";

describe("convertWeight", () => {
  it("uses the legal pound: 1 lb = 0.45359237 kg exactly", () => {
    expect(KG_PER_LB).toBe(0.45359237);
    expect(convertWeight(weight(1, "lb"), "kg")).toEqual({ value: 0.45359237, unit: "kg" });
  });

  it("converts kg to lb by dividing by 0.45359237", () => {
    // 1 kg / 0.45359237 = 2.20462262... lb
    const oneKg = convertWeight(weight(1, "kg"), "lb");
    expect(oneKg.unit).toBe("lb");
    expect(oneKg.value).toBeCloseTo(2.2046226218, 9);
    // 20 kg / 0.45359237 = 44.0924524... lb
    expect(convertWeight(weight(20, "kg"), "lb").value).toBeCloseTo(44.0924524, 6);
  });

  it("converts lb to kg", () => {
    // 45 lb × 0.45359237 = 20.41165665 kg
    expect(convertWeight(weight(45, "lb"), "kg").value).toBeCloseTo(20.41165665, 8);
    // 100 lb × 0.45359237 = 45.359237 kg
    expect(convertWeight(weight(100, "lb"), "kg").value).toBeCloseTo(45.359237, 9);
  });

  it("leaves a weight already in the unit untouched", () => {
    const load = weight(22, "kg");
    expect(convertWeight(load, "kg")).toBe(load);
  });

  it("round-trips within float precision", () => {
    for (const value of [0, 2, 22.5, 100, 225]) {
      const back = convertWeight(convertWeight(weight(value, "kg"), "lb"), "kg");
      expect(back.value).toBeCloseTo(value, 9);
      expect(tidy(back.value)).toBe(value);
    }
  });
});

describe("tidy and formatWeight", () => {
  it("removes float noise to three decimals", () => {
    // 0.1 + 0.2 = 0.30000000000000004 in binary floating point.
    expect(tidy(0.1 + 0.2)).toBe(0.3);
    expect(tidy(22.000000000000004)).toBe(22);
    // 0.45359237 → 0.454 (three decimals).
    expect(tidy(KG_PER_LB)).toBe(0.454);
  });

  it("prints value and unit as people write them", () => {
    expect(formatWeight(weight(22, "kg"))).toBe("22 kg");
    expect(formatWeight(weight(42.5, "kg"))).toBe("42.5 kg");
    expect(formatWeight(weight(0.1 + 0.2, "lb"))).toBe("0.3 lb");
    // 20 kg in lb: 44.0924524... → 44.092
    expect(formatWeight(convertWeight(weight(20, "kg"), "lb"))).toBe("44.092 lb");
  });
});
