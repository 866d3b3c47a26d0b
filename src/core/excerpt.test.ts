import { describe, expect, it } from "vitest";
import { EXCERPT_CHARS, excerpt } from "./excerpt.js";
import { validateWorkout } from "./log/training-log.js";
import { validateProfile } from "./profile/validate-profile.js";
import { STRONG_COLUMNS } from "./strength-import/export.js";
import { readStrengthCsv } from "./strength-import/read.js";

/** Room for the field, the rule and an excerpt: far below what a huge value would take. */
const MESSAGE_BOUND = 300;
const HUGE = "x".repeat(1_000_000);

describe("excerpt", () => {
  it("quotes a short value whole", () => {
    expect(excerpt("2026-02-30")).toBe('"2026-02-30"');
    expect(excerpt(42)).toBe("42");
    expect(excerpt(null)).toBe("null");
  });

  it("keeps the start of a huge string and marks the cut", () => {
    const text = excerpt(HUGE);
    expect(text.length).toBeLessThanOrEqual(EXCERPT_CHARS);
    expect(text.startsWith('"xxx')).toBe(true);
    expect(text.endsWith("…")).toBe(true);
  });

  it("stays short for huge arrays, many keys and deep nesting", () => {
    let deep: unknown = 1;
    for (let level = 0; level < 100_000; level++) deep = [deep];
    const many = Object.fromEntries(Array.from({ length: 10_000 }, (_, i) => [`k${i}`, HUGE]));
    for (const value of [Array.from({ length: 100_000 }, (_, i) => i), many, deep]) {
      expect(excerpt(value).length).toBeLessThanOrEqual(EXCERPT_CHARS);
    }
  });
});

describe("messages that name a user's value", () => {
  it("the log's date and exercise checks quote an excerpt only", () => {
    const badDate = validateWorkout({ date: `2026-02-30${HUGE}`, sets: [] });
    const badExercise = validateWorkout({
      date: "2026-06-01",
      sets: [{ exercise: `no-such-${HUGE}`.slice(0, 80), load: null, reps: 5, rir: 2 }],
    });
    for (const result of [badDate, badExercise]) {
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.error.message.length).toBeLessThan(MESSAGE_BOUND);
    }
  });

  it("the profile's time zone check quotes an excerpt only", () => {
    const result = validateProfile({ timezone: `Europe/${HUGE}` });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.message.length).toBeLessThan(MESSAGE_BOUND);
  });

  it("a lifting-app CSV with a huge start cell is refused with an excerpt of it", () => {
    const row = `${HUGE},Capacity,,Squat,1,100,5,0,0,,,8,kg`;
    const result = readStrengthCsv(`${STRONG_COLUMNS.join(",")}\n${row}\n`, "kg");
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error).toMatch(/^has a start that is not a date on line 2: "xxx/);
      expect(result.error.length).toBeLessThan(MESSAGE_BOUND);
      expect(result.error).toContain("…");
    }
  });
});
