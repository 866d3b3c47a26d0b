import { mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Plan } from "../../src/core/protocol/plan-types.js";
import { type CliOutcome, runCli as cli } from "../support/cli.js";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));
const MARATHONER = join(ROOT, "examples/marathoner.json");

function planOf(outcome: CliOutcome): Plan {
  expect(outcome.err).toBe("");
  expect(outcome.code).toBe(0);
  return JSON.parse(outcome.out) as Plan;
}

/** A usage problem: exit 2, nothing on stdout, exactly one line on stderr, no stack trace. */
function expectUsageError(outcome: CliOutcome): string {
  expect(outcome.code).toBe(2);
  expect(outcome.out).toBe("");
  expect(outcome.err).not.toContain("    at ");
  expect(outcome.err).not.toMatch(/Error:|\bstack\b/);
  const line = outcome.err.replace(/\n$/, "");
  expect(line).not.toBe("");
  expect(line).not.toContain("\n");
  return line;
}

let tmp = "";
let marathoner: Record<string, unknown> = {};

async function writeJson(name: string, value: unknown): Promise<string> {
  const path = join(tmp, name);
  await writeFile(path, JSON.stringify(value));
  return path;
}

beforeAll(async () => {
  tmp = await mkdtemp(join(tmpdir(), "capacity-cli-plan-"));
  marathoner = JSON.parse(await readFile(MARATHONER, "utf8")) as Record<string, unknown>;
});

afterAll(async () => {
  if (tmp) await rm(tmp, { recursive: true, force: true });
});

describe("capacity plan --json", () => {
  it("plans the week holding --from, starting on the profile's weekStart, with two sessions on exact days", async () => {
    const plan = planOf(
      await cli(["plan", "--profile", MARATHONER, "--from", "2026-11-30", "--json"]),
    );
    expect(plan.weeks).toHaveLength(1);
    const week = plan.weeks[0];
    expect(week?.start).toBe("2026-11-30");
    expect(week?.phase).toBe("base");
    expect(week?.relaxed).toEqual([]);
    // Ana: mon rest, tue quality, wed easy, thu quality, fri rest, sat long, sun easy.
    // Keep hard days hard: after both quality runs, Tue 1 Dec and Thu 3 Dec (48 h apart);
    // Fri is the day before the long run, so it is closed.
    expect(week?.sessions.map((session) => session.date)).toEqual(["2026-12-01", "2026-12-03"]);
    for (const session of week?.sessions ?? []) {
      expect(session.kind).toBe("full");
      // born 1971, planned in 2026: 55 < 60 → default 8-minute warm-up, and Ana has a bike
      expect(session.warmup).toEqual({ minutes: 8, activity: "bike" });
      for (const exercise of session.exercises) {
        expect(exercise.sets).toBe(1);
        expect(exercise.reps).toEqual({ min: 8, max: 10 });
        expect(exercise.rir).toEqual({ min: 1, max: 2 });
        expect(exercise.load).toBeNull();
      }
    }
    expect(plan.feedback).toEqual([]);
    expect(plan.adjustments).toEqual([]);
  });

  it("any day of the week gives the same week", async () => {
    const plan = planOf(
      await cli(["plan", "--profile", MARATHONER, "--from", "2026-12-06", "--json"]),
    );
    expect(plan.weeks[0]?.start).toBe("2026-11-30");
  });

  it("--weeks 3 gives 3 consecutive weeks", async () => {
    const plan = planOf(
      await cli([
        "plan",
        "--profile",
        MARATHONER,
        "--from",
        "2026-11-30",
        "--weeks",
        "3",
        "--json",
      ]),
    );
    expect(plan.weeks.map((week) => week.start)).toEqual([
      "2026-11-30",
      "2026-12-07",
      "2026-12-14",
    ]);
  });

  it("loads follow the log: 20 kg × 10 reps with 4 left → 22 kg", async () => {
    // e1RM 20 × (1 + 14/30) = 29.33; target 29.33 / 1.35 = 21.73; +10 % cap 22; round to 2 → 22,
    // where 30 × (29.33 / 22 − 1) = 10 reps + RIR keep the dose (no see-saw)
    const log = await writeJson("log-ok.json", {
      sessions: [
        {
          date: "2026-11-24",
          sets: [{ exercise: "quarter-squat", load: { value: 20, unit: "kg" }, reps: 10, rir: 4 }],
        },
      ],
    });
    const plan = planOf(
      await cli(["plan", "--profile", MARATHONER, "--log", log, "--from", "2026-11-30", "--json"]),
    );
    const squat = plan.weeks[0]?.sessions[0]?.exercises.find((e) => e.id === "quarter-squat");
    expect(squat?.load).toEqual({ value: 22, unit: "kg" });
  });

  it("a log's workouts under `workouts` plan the same as under their older name `sessions`", async () => {
    const workouts = [
      {
        date: "2026-11-24",
        // 10 with 4 left: enough in the tank for 22 kg to keep the dose (no see-saw).
        sets: [{ exercise: "quarter-squat", load: { value: 20, unit: "kg" }, reps: 10, rir: 4 }],
      },
    ];
    const args = (log: string) =>
      cli(["plan", "--profile", MARATHONER, "--log", log, "--from", "2026-11-30", "--json"]);
    const byNewName = await args(await writeJson("log-workouts.json", { workouts }));
    const byOldName = await args(await writeJson("log-sessions.json", { sessions: workouts }));
    expect(byNewName.code).toBe(0);
    expect(byNewName.out).toBe(byOldName.out);
    const squat = planOf(byNewName).weeks[0]?.sessions[0]?.exercises.find(
      (e) => e.id === "quarter-squat",
    );
    expect(squat?.load).toEqual({ value: 22, unit: "kg" });
  });
});

describe("capacity plan (text)", () => {
  it("prints the week at a glance and every exercise by name", async () => {
    const args = ["plan", "--profile", MARATHONER, "--from", "2026-11-30"];
    const text = await cli(args);
    expect(text.code).toBe(0);
    expect(text.err).toBe("");
    expect(text.out).toContain("Ana");
    expect(text.out).toContain("Week of Mon 30 Nov");
    for (const day of [
      "Mon 30 Nov",
      "Tue 1 Dec",
      "Wed 2 Dec",
      "Thu 3 Dec",
      "Fri 4 Dec",
      "Sat 5 Dec",
      "Sun 6 Dec",
    ]) {
      expect(text.out).toContain(day);
    }
    expect(text.out).toContain("quality run");
    expect(text.out).toContain("long run");
    expect(text.out.match(/STRENGTH/g)).toHaveLength(2);
    const plan = planOf(await cli([...args, "--json"]));
    const names = plan.weeks.flatMap((week) =>
      week.sessions.flatMap((s) => s.exercises.map((e) => e.name)),
    );
    expect(names.length).toBeGreaterThan(0);
    for (const name of names) expect(text.out).toContain(name);
    expect(text.out).toContain("Quarter squat");
  });
});

describe("--from defaults to today in the profile's time zone", () => {
  it("the clock's day in Europe/Berlin: Thu 26 Nov 2026 → week of Mon 23 Nov", async () => {
    // 2026-11-26T10:00Z is 11:00 in Berlin, a Thursday; the week starts on Monday 23 Nov.
    const plan = planOf(await cli(["plan", "--profile", MARATHONER, "--json"]));
    expect(plan.weeks[0]?.start).toBe("2026-11-23");
  });

  it("near midnight UTC, Auckland is already in the next week and Los Angeles is not", async () => {
    // 2026-11-29T23:30Z: Auckland (UTC+13 in summer) → Mon 30 Nov 12:30 → week of 30 Nov;
    // Los Angeles (UTC-8) → Sun 29 Nov 15:30 → week of Mon 23 Nov; UTC → Sun 29 Nov too.
    const now = "2026-11-29T23:30:00Z";
    const auckland = await writeJson("auckland.json", {
      ...marathoner,
      timezone: "Pacific/Auckland",
    });
    const angeles = await writeJson("angeles.json", {
      ...marathoner,
      timezone: "America/Los_Angeles",
    });
    const { timezone: _zone, ...utcProfile } = marathoner;
    const utc = await writeJson("utc.json", utcProfile);
    expect(
      planOf(await cli(["plan", "--profile", auckland, "--json"], { now })).weeks[0]?.start,
    ).toBe("2026-11-30");
    expect(
      planOf(await cli(["plan", "--profile", angeles, "--json"], { now })).weeks[0]?.start,
    ).toBe("2026-11-23");
    expect(planOf(await cli(["plan", "--profile", utc, "--json"], { now })).weeks[0]?.start).toBe(
      "2026-11-23",
    );
  });
});

describe("bad input: exit 2, one line naming the field and what is accepted", () => {
  it.each(["0", "105", "abc", "-1", "2.5"])("--weeks %s", async (weeks) => {
    const line = expectUsageError(await cli(["plan", "--profile", MARATHONER, "--weeks", weeks]));
    expect(line).toContain("--weeks");
    expect(line).toMatch(/1 to 104/);
  });

  it("--from that is not a real date", async () => {
    const line = expectUsageError(
      await cli(["plan", "--profile", MARATHONER, "--from", "2026-02-30"]),
    );
    expect(line).toContain("--from");
    expect(line).toContain("YYYY-MM-DD");
  });

  it("missing --profile", async () => {
    const line = expectUsageError(await cli(["plan", "--from", "2026-11-30"]));
    expect(line).toContain("--profile");
  });

  it("a profile file that does not exist", async () => {
    const missing = join(tmp, "nope.json");
    const line = expectUsageError(await cli(["plan", "--profile", missing]));
    expect(line).toContain(missing);
    expect(line).toMatch(/no such file/);
  });

  it("a folder instead of a file", async () => {
    const folder = join(tmp, "a-folder");
    await mkdir(folder, { recursive: true });
    const line = expectUsageError(await cli(["plan", "--profile", folder]));
    expect(line).toContain(folder);
    expect(line).toMatch(/folder/);
  });

  it("a file that is not JSON", async () => {
    const path = join(tmp, "broken.json");
    await writeFile(path, '{ "name": "Ana", ');
    const line = expectUsageError(await cli(["plan", "--profile", path]));
    expect(line).toContain(path);
    expect(line).toMatch(/not valid JSON/);
  });

  it("an unknown flag", async () => {
    const line = expectUsageError(await cli(["plan", "--profile", MARATHONER, "--bogus"]));
    expect(line).toContain("--bogus");
  });

  it("an unknown command", async () => {
    const line = expectUsageError(await cli(["plans"]));
    expect(line).toContain("plans");
    expect(line).toMatch(/plan, exercises/);
  });

  it('a profile with "tue": "hard" names runWeek.tue and the accepted values', async () => {
    const runWeek = { ...(marathoner.runWeek as object), tue: "hard" };
    const path = await writeJson("hard.json", { ...marathoner, runWeek });
    const line = expectUsageError(await cli(["plan", "--profile", path]));
    expect(line).toContain("runWeek.tue");
    expect(line).toContain('"hard"');
    expect(line).toContain("rest, easy, quality, long");
  });

  it("a profile with an unknown field", async () => {
    const path = await writeJson("unknown-field.json", { ...marathoner, shoeSize: 42 });
    const line = expectUsageError(await cli(["plan", "--profile", path]));
    expect(line).toContain("shoeSize");
    expect(line).toMatch(/not a known field/);
  });

  it("--log with an unknown exercise names sessions[0].sets[0].exercise", async () => {
    const log = await writeJson("log-bad.json", {
      sessions: [
        {
          date: "2026-11-24",
          sets: [{ exercise: "moonwalk", load: null, reps: 10, rir: 2 }],
        },
      ],
    });
    const line = expectUsageError(await cli(["plan", "--profile", MARATHONER, "--log", log]));
    expect(line).toContain("sessions[0].sets[0].exercise");
    expect(line).toContain("moonwalk");
  });

  it("--log with both `workouts` and `sessions` is refused, naming both", async () => {
    const log = await writeJson("log-both.json", { workouts: [], sessions: [] });
    const line = expectUsageError(await cli(["plan", "--profile", MARATHONER, "--log", log]));
    expect(line).toMatch(/sessions: .*`workouts`.*`sessions`, not both/);
  });

  it("--log that does not exist", async () => {
    const line = expectUsageError(
      await cli(["plan", "--profile", MARATHONER, "--log", join(tmp, "no-log.json")]),
    );
    expect(line).toMatch(/log/);
  });
});

describe("help", () => {
  it("capacity --help lists the commands and every flag", async () => {
    const outcome = await cli(["--help"]);
    expect(outcome.code).toBe(0);
    expect(outcome.err).toBe("");
    for (const word of [
      "plan",
      "exercises",
      "--profile",
      "--log",
      "--from",
      "--weeks",
      "--json",
      "--muscle",
      "--equipment",
      "--help",
    ]) {
      expect(outcome.out).toContain(word);
    }
  });

  it("capacity plan --help explains every flag", async () => {
    const outcome = await cli(["plan", "--help"]);
    expect(outcome.code).toBe(0);
    expect(outcome.err).toBe("");
    for (const flag of ["--profile", "--log", "--from", "--weeks", "--json", "--help"]) {
      expect(outcome.out).toContain(flag);
    }
    expect(outcome.out).toMatch(/1 to 104/);
  });

  it("capacity exercises --help explains every flag", async () => {
    const outcome = await cli(["exercises", "--help"]);
    expect(outcome.code).toBe(0);
    expect(outcome.err).toBe("");
    for (const flag of ["--muscle", "--equipment", "--json", "--help"]) {
      expect(outcome.out).toContain(flag);
    }
  });

  it("capacity help plan is the same as capacity plan --help", async () => {
    expect((await cli(["help", "plan"])).out).toBe((await cli(["plan", "--help"])).out);
  });
});
