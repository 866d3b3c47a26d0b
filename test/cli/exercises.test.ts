import { describe, expect, it } from "vitest";
import { CATALOG } from "../../src/core/exercise/catalog.js";
import { type CliOutcome, runCli as cli } from "../support/cli.js";

interface Listed {
  id: string;
  name: string;
  muscles: string[];
  ways: { equipment: string[]; loaded: boolean; implements?: number }[];
  loaded: boolean;
  cues: string[];
  easier: string[];
  harder: string[];
  loads: string[];
}

async function listed(argv: string[]): Promise<Listed[]> {
  const outcome = await cli(["exercises", ...argv, "--json"]);
  expect(outcome.err).toBe("");
  expect(outcome.code).toBe(0);
  return (JSON.parse(outcome.out) as { exercises: Listed[] }).exercises;
}

function expectUsageError(outcome: CliOutcome): string {
  expect(outcome.code).toBe(2);
  expect(outcome.out).toBe("");
  expect(outcome.err).not.toContain("    at ");
  const line = outcome.err.replace(/\n$/, "");
  expect(line).not.toContain("\n");
  return line;
}

describe("capacity exercises --json", () => {
  it("lists the whole catalogue with the contract's fields", async () => {
    const exercises = await listed([]);
    expect(exercises.map((e) => e.id)).toEqual(CATALOG.map((e) => e.id));
    expect(exercises.length).toBeGreaterThanOrEqual(40);
    for (const exercise of exercises) {
      expect(Object.keys(exercise).sort()).toEqual(
        ["cues", "easier", "harder", "id", "loaded", "loads", "muscles", "name", "ways"].sort(),
      );
      expect(typeof exercise.id).toBe("string");
      expect(typeof exercise.name).toBe("string");
      expect(typeof exercise.loaded).toBe("boolean");
      expect(exercise.muscles.length).toBeGreaterThan(0);
      expect(exercise.ways.length).toBeGreaterThan(0);
      expect(exercise.cues.length).toBeGreaterThanOrEqual(2);
      expect(exercise.cues.length).toBeLessThanOrEqual(4);
      for (const list of [exercise.easier, exercise.harder, exercise.loads]) {
        expect(Array.isArray(list)).toBe(true);
      }
      expect(exercise.loaded).toBe(exercise.ways.some((way) => way.loaded));
    }
  });

  it("--muscle calves lists only, and all, the exercises that work the calves", async () => {
    const exercises = await listed(["--muscle", "calves"]);
    expect(exercises.length).toBeGreaterThan(0);
    for (const exercise of exercises) expect(exercise.muscles).toContain("calves");
    const expected = CATALOG.filter((e) => e.muscles.includes("calves")).map((e) => e.id);
    expect(exercises.map((e) => e.id)).toEqual(expected);
  });

  it("--equipment: space-separated, comma list and repeated flag give the same set", async () => {
    const spaced = await listed(["--equipment", "dumbbells", "band"]);
    const commas = await listed(["--equipment", "dumbbells,band"]);
    const repeated = await listed(["--equipment", "dumbbells", "--equipment", "band"]);
    expect(spaced.length).toBeGreaterThan(0);
    expect(commas).toEqual(spaced);
    expect(repeated).toEqual(spaced);
  });

  it("--equipment dumbbells band: every listed way needs only those items and bodyweight", async () => {
    const kit = new Set(["bodyweight", "dumbbells", "band"]);
    const exercises = await listed(["--equipment", "dumbbells", "band"]);
    for (const exercise of exercises) {
      for (const way of exercise.ways) {
        for (const item of way.equipment) expect(kit, `${exercise.id}: ${item}`).toContain(item);
      }
    }
    // ... and nothing doable with that kit is left out.
    const doable = CATALOG.filter((e) =>
      e.ways.some((way) => way.equipment.every((item) => kit.has(item))),
    );
    expect(exercises.map((e) => e.id)).toEqual(doable.map((e) => e.id));
    // Bodyweight always counts: a bodyweight-only exercise is there.
    expect(exercises.some((e) => e.ways.some((way) => way.equipment.join() === "bodyweight"))).toBe(
      true,
    );
  });

  it("--equipment bodyweight lists only bodyweight ways, none loaded", async () => {
    const exercises = await listed(["--equipment", "bodyweight"]);
    expect(exercises.length).toBeGreaterThan(0);
    for (const exercise of exercises) {
      expect(exercise.loaded).toBe(false);
      for (const way of exercise.ways) expect(way.equipment).toEqual(["bodyweight"]);
    }
  });

  it("--muscle and --equipment combine", async () => {
    const exercises = await listed(["--equipment", "dumbbells", "band", "--muscle", "calves"]);
    expect(exercises.length).toBeGreaterThan(0);
    for (const exercise of exercises) {
      expect(exercise.muscles).toContain("calves");
      for (const way of exercise.ways) {
        for (const item of way.equipment)
          expect(["bodyweight", "dumbbells", "band"]).toContain(item);
      }
    }
  });
});

describe("capacity exercises (text)", () => {
  it("prints names, ids and a count", async () => {
    const outcome = await cli(["exercises", "--muscle", "calves"]);
    expect(outcome.code).toBe(0);
    expect(outcome.err).toBe("");
    const calves = CATALOG.filter((e) => e.muscles.includes("calves"));
    for (const exercise of calves) {
      expect(outcome.out).toContain(exercise.id);
      expect(outcome.out).toContain(exercise.name);
    }
    expect(outcome.out).toContain(`${calves.length} exercises.`);
  });
});

describe("capacity exercises: bad input → exit 2", () => {
  it("an unknown muscle names --muscle and lists the muscles", async () => {
    const line = expectUsageError(await cli(["exercises", "--muscle", "toes"]));
    expect(line).toContain("--muscle");
    expect(line).toContain('"toes"');
    expect(line).toMatch(/gluteals, quadriceps, hamstrings, calves, hip-stabilizers/);
  });

  it.each([
    [["--equipment", "sofa"]],
    [["--equipment", "dumbbells", "sofa"]],
    [["--equipment", "dumbbells,sofa"]],
  ])("unknown equipment %j names --equipment and lists the items", async (argv) => {
    const line = expectUsageError(await cli(["exercises", ...argv]));
    expect(line).toContain("--equipment");
    expect(line).toContain('"sofa"');
    expect(line).toMatch(/bodyweight, band, dumbbells/);
  });

  it("a stray word without --equipment", async () => {
    expectUsageError(await cli(["exercises", "calves"]));
  });

  it("an unknown flag", async () => {
    const line = expectUsageError(await cli(["exercises", "--colour", "red"]));
    expect(line).toContain("--colour");
  });
});
