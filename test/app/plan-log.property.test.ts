/**
 * The plan from the bounded read (app/plan-log.ts) is the plan from the whole log: random logs
 * are stored, then planned from `workouts.list` + `checkins.list` and from `planLog`. Runs on
 * the database testStore() gives (SQLite, or PostgreSQL with CAPACITY_TEST_DATABASE=postgres).
 */
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { planLog, toTrainingLog } from "../../src/app/plan-log.js";
import type { Store } from "../../src/app/ports.js";
import { CATALOG } from "../../src/core/exercise/catalog.js";
import type { LoggedWorkout, TrainingLog } from "../../src/core/log/training-log.js";
import type { Profile } from "../../src/core/profile/profile.js";
import { planWeeks } from "../../src/core/protocol/plan.js";
import type { Plan } from "../../src/core/protocol/plan-types.js";
import { type DayNumber, parseLocalDate } from "../../src/core/units/local-date.js";
import { logWithDays, type PlanCase, planCaseArb } from "../arbitraries.js";
import { testStore } from "../support/database.js";

const RUNS = Number(process.env.RUNS ?? 60);
const T0 = 1_780_272_000_000;

let t: Awaited<ReturnType<typeof testStore>>;
let store: Store;
let owners = 0;

beforeAll(async () => {
  t = await testStore();
  store = t.store;
});

afterAll(async () => {
  await t.dispose();
});

const dayOf = (text: string) => parseLocalDate(text) as DayNumber;

/**
 * A long history around `from`: several logs of the arbitraries (years before, the weeks just
 * before, the planned weeks and after), their exercises folded onto a few ids so that one
 * exercise has many days, more than the bounded read keeps before its window.
 */
function historyNear(from: DayNumber, weeks: number): fc.Arbitrary<TrainingLog> {
  const spans = fc.oneof(
    fc.constant({ min: from - 900, max: from - 40 }),
    fc.constant({ min: from - 70, max: from }),
    fc.constant({ min: from - 35, max: from - 25 }),
    fc.constant({ min: from - 14, max: from + weeks * 7 + 14 }),
  );
  const part = spans.chain((span) => logWithDays(fc.integer(span)));
  return fc
    .tuple(
      fc.array(part, { minLength: 1, maxLength: 6 }),
      fc.shuffledSubarray(
        CATALOG.map((exercise) => exercise.id),
        { minLength: 1, maxLength: 6 },
      ),
      fc.boolean(),
    )
    .map(([parts, pool, fold]) => {
      const index = new Map(CATALOG.map((exercise, i) => [exercise.id, i]));
      const sessions: LoggedWorkout[] = parts.flatMap((log) =>
        (log.workouts ?? []).map((session) => ({
          date: session.date,
          sets: session.sets.map((set) =>
            fold
              ? { ...set, exercise: pool[(index.get(set.exercise) ?? 0) % pool.length] as string }
              : set,
          ),
        })),
      );
      return { workouts: sessions, checkins: parts.flatMap((log) => log.checkins ?? []) };
    });
}

/** Stores the log for a new account, in one transaction; returns the account's id. */
async function stored(log: TrainingLog): Promise<string> {
  owners += 1;
  const ownerId = `owner-${owners}`;
  await store.transaction(async (repos) => {
    const created = await repos.users.create({
      id: ownerId,
      email: `${ownerId}@example.com`,
      name: ownerId,
      passwordHash: "hash",
      createdAt: T0,
      passwordChangedAt: T0,
      dataVersion: 0,
    });
    if (created === "email-taken") throw new Error(`${ownerId} exists`);
    for (const [i, session] of (log.workouts ?? []).entries()) {
      await repos.workouts.insert(ownerId, {
        id: `w-${i}`,
        date: session.date,
        sets: session.sets,
        createdAt: T0 + i,
        updatedAt: T0 + i,
      });
    }
    for (const [i, checkin] of (log.checkins ?? []).entries()) {
      await repos.checkins.upsert(ownerId, { id: `c-${i}`, ...checkin, createdAt: T0 + i });
    }
  });
  return ownerId;
}

const caseArb = planCaseArb.chain((planCase: PlanCase) =>
  historyNear(dayOf(planCase.from), planCase.weeks).map((log) => ({ ...planCase, log })),
);

describe("the plan from the bounded read of the log", () => {
  it("is the plan from the whole log", async () => {
    await fc.assert(
      fc.asyncProperty(caseArb, async ({ profile, from, weeks, log }) => {
        const ownerId = await stored(log);
        const [workouts, checkins] = await Promise.all([
          store.workouts.list(ownerId),
          store.checkins.list(ownerId),
        ]);
        const whole = toTrainingLog(workouts, checkins);
        const bounded = await planLog(store, ownerId, dayOf(from), profile.weekStart);
        const request = { profile, from: dayOf(from), weeks };
        expect(planWeeks({ ...request, log: bounded })).toEqual(
          planWeeks({ ...request, log: whole }),
        );
      }),
      { numRuns: RUNS },
    );
  });

  it("leaves out what the plan does not read", async () => {
    // Twenty squat days a week apart, long before: only the last six come back, and the
    // check-in of that time stays out.
    const sessions = Array.from({ length: 20 }, (_, i) => ({
      date: `2025-${String(1 + Math.floor(i / 4)).padStart(2, "0")}-${String(1 + (i % 4) * 7).padStart(2, "0")}`,
      sets: [
        { exercise: "goblet-squat", load: { value: 10 + i, unit: "kg" as const }, reps: 8, rir: 2 },
      ],
    }));
    const ownerId = await stored({
      workouts: [
        ...sessions,
        { date: "2026-06-01", sets: [{ exercise: "step-up", load: null, reps: 10, rir: 2 }] },
      ],
      checkins: [
        { date: "2025-01-02", soreness: 8, hurtRun: false },
        { date: "2026-06-02", soreness: 3, hurtRun: false },
      ],
    });
    const bounded = await planLog(store, ownerId, dayOf("2026-06-03"), "mon");
    expect(bounded.workouts?.map((session) => session.date)).toEqual([
      "2025-04-15",
      "2025-04-22",
      "2025-05-01",
      "2025-05-08",
      "2025-05-15",
      "2025-05-22",
      "2026-06-01",
    ]);
    expect(bounded.checkins).toEqual([{ date: "2026-06-02", soreness: 3, hurtRun: false }]);
  });

  /** A stored log planned from the bounded read and from the whole log: the two plans. */
  async function bothWays(
    log: TrainingLog,
    profile: Profile,
    from: string,
    weeks: number,
  ): Promise<{ days: string[]; bounded: Plan; whole: Plan }> {
    const ownerId = await stored(log);
    const start = dayOf(from);
    const read = await planLog(store, ownerId, start, profile.weekStart);
    const whole = toTrainingLog(
      await store.workouts.list(ownerId),
      await store.checkins.list(ownerId),
    );
    const request = { profile, from: start, weeks };
    return {
      days: (read.workouts ?? []).map((session) => session.date),
      bounded: planWeeks({ ...request, log: read }),
      whole: planWeeks({ ...request, log: whole }),
    };
  }

  /** An athlete of the counterexamples below; `weekStart`, equipment and injuries vary. */
  const athlete = (changes: Partial<Profile>): Profile => ({
    name: "Ana",
    birthYear: 1985,
    units: "kg",
    equipment: ["bodyweight"],
    sessionMinutes: 60,
    weekStart: "mon",
    runWeek: {
      mon: "rest",
      tue: "quality",
      wed: "long",
      thu: "long",
      fri: "quality",
      sat: "long",
      sun: "easy",
    },
    injuries: [],
    timezone: "Europe/Berlin",
    ...changes,
  });
  const set = (exercise: string, reps: number, rir: number) => ({
    exercise,
    load: null,
    reps,
    rir,
  });

  it("keeps a slow tempo earned long ago: the day it was earned is read", async () => {
    // Found by the property above: ten easy reps on the last rung earned the slow tempo, then
    // six days of hard sets pushed that day out of the last six; the plan lost "still slow".
    const pushUp = (reps: number, rir: number) => set("feet-elevated-push-up", reps, rir);
    const { days, bounded, whole } = await bothWays(
      {
        workouts: [
          { date: "2018-04-13", sets: [pushUp(10, 3), pushUp(1, 0)] },
          { date: "2018-04-14", sets: [pushUp(1, 0)] },
          { date: "2018-04-15", sets: [pushUp(1, 0)] },
          { date: "2018-04-16", sets: [pushUp(1, 0)] },
          { date: "2018-04-17", sets: [pushUp(1, 0)] },
          { date: "2018-04-18", sets: [pushUp(1, 0)] },
          { date: "2018-10-04", sets: [pushUp(7, 2), pushUp(1, 0)] },
        ],
        checkins: [],
      },
      athlete({ weekStart: "tue", injuries: ["it-band", "knee", "achilles", "hip"] }),
      "2019-11-23",
      4,
    );
    expect(days).toContain("2018-04-13");
    expect(bounded).toEqual(whole);
    expect(JSON.stringify(bounded)).toContain("still slow");
  });

  it("reads the easy set that earned the slow tempo even when it was not the day's first", async () => {
    // Found by the property above: the whole log's "still slow" came from a first set of a day
    // long ago, while the bounded read took a later day whose easy set came second.
    const wallSit = (reps: number, rir: number) => set("wall-sit", reps, rir);
    const { bounded, whole } = await bothWays(
      {
        workouts: [
          { date: "1997-09-10", sets: [wallSit(10, 3), wallSit(1, 0)] },
          { date: "1997-09-11", sets: [wallSit(1, 0)] },
          { date: "1997-09-12", sets: [wallSit(1, 0)] },
          { date: "1997-10-04", sets: [wallSit(1, 0)] },
          { date: "1997-12-13", sets: [wallSit(1, 0)] },
          { date: "1999-04-27", sets: [wallSit(1, 0), wallSit(10, 3), wallSit(1, 0)] },
          { date: "1999-05-20", sets: [wallSit(1, 0)] },
        ],
        checkins: [],
      },
      // Knee and shin injuries keep wall-sit at the top of its ladder.
      athlete({
        weekStart: "fri",
        equipment: ["bike", "step", "dumbbells", "machine"],
        injuries: ["knee", "shin"],
        timezone: "America/New_York",
      }),
      "2000-01-07",
      4,
    );
    expect(bounded).toEqual(whole);
    expect(JSON.stringify(bounded)).toContain("still slow");
  });

  it("breaks a tie between two calf raises of one day by that day, not by how far back it read", async () => {
    // Found by the property above: tibialis and single-leg calf raises done the same last day;
    // which was "last" came from the order the history first met them, two years earlier.
    const one = (exercise: string) => set(exercise, 1, 0);
    const { days, bounded, whole } = await bothWays(
      {
        workouts: [
          { date: "2020-12-12", sets: [one("tibialis-raise")] },
          { date: "2020-12-13", sets: [one("single-leg-calf-raise"), one("tibialis-raise")] },
          { date: "2020-12-14", sets: [one("tibialis-raise")] },
          { date: "2022-08-01", sets: [one("tibialis-raise")] },
          { date: "2022-08-09", sets: [one("tibialis-raise")] },
          { date: "2022-08-12", sets: [one("tibialis-raise")] },
          { date: "2022-08-14", sets: [one("tibialis-raise")] },
          { date: "2022-09-19", sets: [one("single-leg-calf-raise"), one("tibialis-raise")] },
        ],
        checkins: [],
      },
      athlete({ weekStart: "wed", injuries: ["shin", "plantar-fascia"] }),
      "2022-10-10",
      2,
    );
    expect(days).not.toContain("2020-12-12");
    expect(bounded).toEqual(whole);
  });
});
