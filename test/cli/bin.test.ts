import { readdir } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { Plan } from "../../src/core/protocol/plan-types.js";
import { ROOT, runCli, spawnCli } from "../support/cli.js";

/** Spawns `node bin/capacity.js ...` in the project folder, as a user's shell would. */
const capacity = (args: string[]) => spawnCli(args, { timeoutMs: 20_000 });

describe("the capacity bin", () => {
  it("plans the gym runner as JSON, exit 0", async () => {
    const outcome = await capacity([
      "plan",
      "--profile",
      "examples/gym-runner.json",
      "--from",
      "2026-11-30",
      "--json",
    ]);
    expect(outcome.err).toBe("");
    expect(outcome.code).toBe(0);
    const plan = JSON.parse(outcome.out) as Plan;
    expect(plan.weeks[0]?.start).toBe("2026-11-30");
    expect(plan.weeks[0]?.sessions.length).toBe(2);
  }, 30_000);

  it("a missing profile: exit 2, one line, no stack trace", async () => {
    const outcome = await capacity(["plan", "--profile", "nope.json"]);
    expect(outcome.code).toBe(2);
    expect(outcome.out).toBe("");
    expect(outcome.err).toContain("nope.json");
    expect(outcome.err).not.toContain("    at ");
    expect(outcome.err.trimEnd()).not.toContain("\n");
  }, 30_000);
});

describe("the examples", () => {
  it("every file in examples/ validates and plans 52 weeks", async () => {
    const files = (await readdir(join(ROOT, "examples"))).filter((file) => file.endsWith(".json"));
    expect(files.length).toBeGreaterThanOrEqual(3);
    for (const file of files) {
      const profile = join(ROOT, "examples", file);
      const outcome = await runCli([
        "plan",
        "--profile",
        profile,
        "--from",
        "2026-11-30",
        "--weeks",
        "52",
        "--json",
      ]);
      expect(outcome.err, file).toBe("");
      expect(outcome.code, file).toBe(0);
      const plan = JSON.parse(outcome.out) as Plan;
      expect(plan.weeks, file).toHaveLength(52);
      // Text output for the same year does not throw either.
      const text = await runCli([
        "plan",
        "--profile",
        profile,
        "--from",
        "2026-11-30",
        "--weeks",
        "52",
      ]);
      expect(text.code, file).toBe(0);
    }
  });

  it("bodyweight-78 (born 1948, 78 in 2026) gets only bodyweight or band work and a 10-minute warm-up", async () => {
    const profile = join(ROOT, "examples/bodyweight-78.json");
    const outcome = await runCli([
      "plan",
      "--profile",
      profile,
      "--from",
      "2026-11-30",
      "--weeks",
      "52",
      "--json",
    ]);
    expect(outcome.code).toBe(0);
    const plan = JSON.parse(outcome.out) as Plan;
    const sessions = plan.weeks.flatMap((week) => week.sessions);
    expect(sessions.length).toBeGreaterThan(0);
    for (const session of sessions) {
      // 2026 - 1948 = 78 ≥ 60 → 10 minutes; no bike in his equipment
      expect(session.warmup.minutes, session.date).toBe(10);
      expect(session.warmup.activity, session.date).not.toBe("bike");
      // 10 + 2.5 × exercises must fit his 30 minutes → at most 8 exercises
      expect(session.minutes, session.date).toBeLessThanOrEqual(30);
      for (const exercise of session.exercises) {
        expect(exercise.load, exercise.id).toBeNull();
        for (const item of exercise.equipment) {
          expect(["bodyweight", "band"], `${session.date} ${exercise.id}`).toContain(item);
        }
      }
    }
  });
});
