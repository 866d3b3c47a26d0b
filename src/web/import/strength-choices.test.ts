import { describe, expect, it } from "vitest";
import { choicesOf, SKIP } from "./strength-choices.js";

const items = [
  { name: "Face Pull", sets: 10, sources: ["hevy.csv"] },
  { name: "Chest Dip", sets: 3, sources: ["hevy.csv"] },
  { name: "Crunch (Machine)", sets: 4, sources: ["hevy.csv"] },
];

describe("the review's choices", () => {
  it("sends a catalogue id for a mapped name, null for a skipped one, nothing for the rest", () => {
    expect(
      choicesOf(items, { "Face Pull": "band-pull-apart", "Chest Dip": SKIP, Other: "x" }),
    ).toEqual([
      { name: "Face Pull", exercise: "band-pull-apart" },
      { name: "Chest Dip", exercise: null },
    ]);
  });

  it("sends nothing while no name is chosen", () => {
    expect(choicesOf(items, { "Face Pull": "" })).toEqual([]);
  });
});
