/** `capacity plan --from` is today for the command line: the days before it are history. */
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Plan } from "../../src/core/protocol/plan-types.js";
import { ROOT, runCli } from "../support/cli.js";

const MARATHONER = join(ROOT, "examples/marathoner.json");
let dir = "";
let logFile = "";

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "capacity-plan-today-"));
  logFile = join(dir, "log.json");
  const sets = [{ exercise: "quarter-squat", load: { value: 22, unit: "kg" }, reps: 9, rir: 2 }];
  await writeFile(logFile, JSON.stringify({ sessions: [{ date: "2026-12-01", sets }] }));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

const cli = (argv: string[]) => runCli(argv);

describe("capacity plan --from a Thursday", () => {
  it("JSON: Monday to Wednesday are past and hold only the done session, with what was lifted", async () => {
    const { code, out } = await cli([
      "plan",
      "--profile",
      MARATHONER,
      "--log",
      logFile,
      "--from",
      "2026-12-03",
      "--json",
    ]);
    expect(code).toBe(0);
    const week = (JSON.parse(out) as Plan).weeks[0];
    expect(week?.days.filter((d) => d.past).map((d) => d.date)).toEqual([
      "2026-11-30",
      "2026-12-01",
      "2026-12-02",
    ]);
    expect(week?.sessions.map((s) => [s.date, s.done])).toEqual([
      ["2026-12-01", true],
      ["2026-12-03", false],
    ]);
    expect(week?.sessions[0]?.logged[0]?.sets).toEqual([
      { load: { value: 22, unit: "kg" }, reps: 9, rir: 2 },
    ]);
    expect(week).toMatchObject({ target: 2, done: 1, owed: 1, missed: 0 });
  });

  it("text: past days are marked and the done session says what was lifted", async () => {
    const { code, out } = await cli([
      "plan",
      "--profile",
      MARATHONER,
      "--log",
      logFile,
      "--from",
      "2026-12-03",
    ]);
    expect(code).toBe(0);
    expect(out).toMatch(/Mon 30 Nov +rest +· past/);
    expect(out).toContain("  Lifted:\n    Quarter squat: 22 kg × 9, 2 left");
  });
});
