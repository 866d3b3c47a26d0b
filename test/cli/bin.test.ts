import { execFile } from "node:child_process";
import { existsSync } from "node:fs";
import { readdir } from "node:fs/promises";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { run } from "../../src/cli/main.js";
import type { Plan } from "../../src/core/protocol/plan-types.js";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));
const COMPILED = join(ROOT, "dist/cli/main.js");

interface Outcome {
  readonly code: number;
  readonly out: string;
  readonly err: string;
}

/** Spawns `node bin/capacity.js ...` in the project folder, as a user's shell would. */
function capacity(args: string[]): Promise<Outcome> {
  // bin/capacity.js imports dist/: without a build the test must fail, and say why.
  expect(
    existsSync(COMPILED),
    `${COMPILED} is missing: run \`npm run build\` first (\`npm test\` builds it in pretest)`,
  ).toBe(true);
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ["bin/capacity.js", ...args],
      { cwd: ROOT, encoding: "utf8", timeout: 20_000 },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === "number" ? error.code : -1) : 0;
        resolve({ code, out: stdout, err: stderr });
      },
    );
  });
}

/** In-process run with a fixed clock, for the example checks. */
async function cli(argv: string[]): Promise<Outcome> {
  let out = "";
  let err = "";
  const code = await run(argv, {
    out: (text) => {
      out += text;
    },
    err: (text) => {
      err += text;
    },
    clock: { now: () => new Date("2026-11-26T10:00:00Z") },
    isTty: false,
  });
  return { code, out, err };
}

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
      const outcome = await cli([
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
      const text = await cli([
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
    const outcome = await cli([
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
