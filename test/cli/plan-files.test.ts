/**
 * `capacity plan --fit DIR` and `--ics FILE`: every workout written for the example profiles
 * decodes with fit-file-parser to the session's steps, with a correct file CRC; the calendar
 * file parses with ical.js.
 */
import { mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import FitParser from "fit-file-parser";
import ICAL from "ical.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { FIT_EXERCISES, workoutSteps } from "../../src/adapters/fit-workout.js";
import { checkFitCrc } from "../../src/adapters/importers/fit-crc.js";
import type { Plan, PlannedSession } from "../../src/core/protocol/plan-types.js";
import { ROOT, runCli } from "../support/cli.js";

let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "capacity-plan-files-"));
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

const cli = (argv: string[]) => runCli(argv);

/** A log with a loaded set of every loaded exercise of the first plan, so loads appear. */
async function logFor(profile: string): Promise<string> {
  const first = await cli(["plan", "--profile", profile, "--from", "2026-11-23", "--json"]);
  const plan = JSON.parse(first.out) as Plan;
  const session = plan.weeks[0]?.sessions[0] as PlannedSession;
  const sets = session.exercises.map((exercise) => ({
    exercise: exercise.id,
    load: exercise.equipment.some((item) => item !== "bodyweight" && item !== "band")
      ? { value: 20, unit: "kg" }
      : null,
    reps: 10,
    rir: 2,
  }));
  const path = join(dir, `${profile.split("/").at(-1)}.log.json`);
  await writeFile(path, JSON.stringify({ sessions: [{ date: "2026-11-24", sets }] }));
  return path;
}

describe("capacity plan --fit", () => {
  for (const name of ["marathoner", "gym-runner", "bodyweight-78"]) {
    it(`writes a workout per session for ${name} that decodes to its steps`, async () => {
      const profile = join(ROOT, "examples", `${name}.json`);
      const log = await logFor(profile);
      const out = join(dir, name);
      const result = await cli([
        "plan",
        "--profile",
        profile,
        "--log",
        log,
        "--from",
        "2026-11-30",
        "--fit",
        out,
        "--json",
      ]);
      expect(result.err).toBe("");
      expect(result.code).toBe(0);
      const plan = JSON.parse(result.out) as Plan;
      expect(plan.weeks).toHaveLength(8);
      const sessions = plan.weeks.flatMap((week) => week.sessions).filter((s) => !s.done);
      expect((await readdir(out)).sort()).toEqual(
        sessions.map((session) => `capacity-${session.date}.fit`).sort(),
      );
      let loaded = 0;
      for (const session of sessions) {
        const bytes = new Uint8Array(await readFile(join(out, `capacity-${session.date}.fit`)));
        expect(checkFitCrc(bytes)).toMatchObject({ header: "ok", file: "ok" });
        const decoded = await new FitParser({ force: false, mode: "list" }).parseAsync(
          Buffer.from(bytes),
        );
        expect(decoded.file_ids?.[0]).toMatchObject({ type: "workout" });
        const workout = (decoded.messages as Record<string, Record<string, unknown>[]>)
          .workout?.[0];
        expect(workout).toMatchObject({ sport: "training", sub_sport: "strength_training" });
        const steps = (decoded.messages as Record<string, Record<string, unknown>[]>)
          .workout_step as Record<string, unknown>[];
        const expected = workoutSteps(session);
        expect(workout?.num_valid_steps).toBe(expected.length);
        expect(steps).toHaveLength(1 + session.exercises.reduce((n, e) => n + e.sets, 0));
        expect(steps[0]).toMatchObject({
          duration_type: "time",
          duration_value: session.warmup.minutes * 60 * 1000,
          intensity: "warmup",
        });
        for (const [i, step] of steps.entries()) {
          const want = expected[i];
          expect(step.wkt_step_name).toBe(want?.name);
          if (i === 0) continue;
          const exercise = session.exercises.find((e) => e.name === want?.name);
          expect(step).toMatchObject({
            duration_type: "reps",
            duration_value: exercise?.reps.max,
            intensity: "active",
          });
          const fit = FIT_EXERCISES[exercise?.id ?? ""];
          if (fit?.[1] !== undefined) expect(step.exercise_name).toBe(fit[1]);
          if (exercise?.load) {
            loaded++;
            const kg =
              exercise.load.unit === "kg" ? exercise.load.value : exercise.load.value * 0.45359237;
            expect(step.exercise_weight).toBeCloseTo(kg, 2);
          } else {
            expect(step.exercise_weight).toBeUndefined();
          }
        }
      }
      if (name !== "bodyweight-78") expect(loaded).toBeGreaterThan(0);
    });
  }

  it("writes an iCalendar file that ical.js reads, with 8 weeks of sessions", async () => {
    const path = join(dir, "plan.ics");
    const result = await cli([
      "plan",
      "--profile",
      join(ROOT, "examples/marathoner.json"),
      "--from",
      "2026-11-30",
      "--ics",
      path,
      "--app-url",
      "https://capacity.example.org",
    ]);
    expect(result.err).toBe("");
    expect(result.code).toBe(0);
    expect(result.out).toMatch(/^Wrote \d+ calendar events to /);
    const text = await readFile(path, "utf8");
    expect(text.endsWith("\r\n")).toBe(true);
    const events = new ICAL.Component(ICAL.parse(text)).getAllSubcomponents("vevent");
    expect(events.length).toBeGreaterThanOrEqual(16);
    const urls = events.map((event) => event.getFirstPropertyValue("url")).filter(Boolean);
    expect(urls[0]).toBe("https://capacity.example.org/checkin");
  });

  it("refuses a folder it cannot make and a bad app URL, with exit code 2", async () => {
    const file = join(dir, "a-file");
    await writeFile(file, "x");
    const blocked = await cli([
      "plan",
      "--profile",
      join(ROOT, "examples/marathoner.json"),
      "--fit",
      join(file, "sub"),
    ]);
    expect(blocked.code).toBe(2);
    expect(blocked.err).toMatch(/cannot write the folder .*a-file/);
    const url = await cli([
      "plan",
      "--profile",
      join(ROOT, "examples/marathoner.json"),
      "--ics",
      join(dir, "x.ics"),
      "--app-url",
      "capacity.local",
    ]);
    expect(url.code).toBe(2);
    expect(url.err).toContain("--app-url");
  });
});
