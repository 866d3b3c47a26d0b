import { describe, expect, it } from "vitest";
import { barbellHelp, implementHelp, loadHelpWords } from "./plates.js";

describe("the plate helper", () => {
  it("splits a barbell load per side on a 20 kg bar, largest plates first", () => {
    expect(barbellHelp(62.5, "kg", 2.5)).toEqual({
      kind: "plates",
      bar: 20,
      unit: "kg",
      perSide: [20, 1.25],
      shortPerSide: 0,
    });
    expect(loadHelpWords(barbellHelp(62.5, "kg", 2.5))).toBe("Per side: 20 + 1.25 kg (bar 20 kg)");
  });

  it("uses a 45 lb bar and pound plates", () => {
    expect(loadHelpWords(barbellHelp(135, "lb", 5))).toBe("Per side: 45 lb (bar 45 lb)");
    expect(loadHelpWords(barbellHelp(100, "lb", 5))).toBe("Per side: 25 + 2.5 lb (bar 45 lb)");
  });

  it("uses no plate lighter than half the runner's step and says what is short", () => {
    // A 5 kg step: the lightest plate used is 2.5 kg; 21 kg leaves 0.5 kg a side unmade.
    expect(loadHelpWords(barbellHelp(21, "kg", 5))).toBe(
      "Just the bar (20 kg): no plate makes 0.5 kg a side",
    );
    expect(loadHelpWords(barbellHelp(27, "kg", 5))).toBe(
      "Per side: 2.5 kg (bar 20 kg, 1 kg short a side)",
    );
    expect(barbellHelp(27, "kg", 5)).toMatchObject({ perSide: [2.5], shortPerSide: 1 });
  });

  it("says when the load is the bar or lighter than it", () => {
    expect(loadHelpWords(barbellHelp(20, "kg", 2.5))).toBe("Just the bar (20 kg)");
    expect(loadHelpWords(barbellHelp(15, "kg", 2.5))).toBe("Lighter than the 20 kg bar");
  });

  it("gives dumbbells per hand, on the runner's step", () => {
    expect(loadHelpWords(implementHelp(12, "kg", 2, "dumbbell", 2))).toBe(
      "One 12 kg dumbbell in each hand",
    );
    expect(loadHelpWords(implementHelp(26, "lb", 5, "dumbbell", 1))).toBe(
      "One 25 lb dumbbell: the nearest to 26 lb on your 5 lb steps",
    );
    // A load kept from before a change of step is not named as if it were on the rack.
    expect(loadHelpWords(implementHelp(22.5, "kg", 2, "dumbbell", 2))).toBe(
      "One 22 kg dumbbell in each hand: the nearest to 22.5 kg on your 2 kg steps",
    );
    expect(loadHelpWords(implementHelp(22, "kg", 2, "dumbbell", 2))).toBe(
      "One 22 kg dumbbell in each hand",
    );
    expect(loadHelpWords(implementHelp(16, "kg", 4, "kettlebell", 2))).toBe(
      "One 16 kg kettlebell in each hand",
    );
  });
});
