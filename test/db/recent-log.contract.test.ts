/**
 * The repository contract of the planner's bounded read (`workouts.recent`, `checkins.since`),
 * on whichever database testStore() gives (SQLite, or PostgreSQL with
 * CAPACITY_TEST_DATABASE=postgres).
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Store, StoredWorkout } from "../../src/app/ports.js";
import type { LoggedSet } from "../../src/core/log/training-log.js";
import { testStore } from "../support/database.js";

const T0 = 1_780_272_000_000;

let t: Awaited<ReturnType<typeof testStore>>;
let store: Store;

beforeEach(async () => {
  t = await testStore();
  store = t.store;
  for (const name of ["ana", "bo"]) {
    await store.users.create({
      id: name,
      email: `${name}@example.com`,
      name,
      passwordHash: "hash",
      createdAt: T0,
      passwordChangedAt: T0,
      dataVersion: 0,
    });
  }
});

afterEach(async () => {
  await t.dispose();
});

const set = (exercise: string, kg: number | null = 20): LoggedSet => ({
  exercise,
  load: kg === null ? null : { value: kg, unit: "kg" },
  reps: 8,
  rir: 2,
});

function workout(id: string, date: string, sets: LoggedSet[], createdAt = T0): StoredWorkout {
  return { id, date, sets, createdAt, updatedAt: createdAt };
}

const dates = (workouts: readonly StoredWorkout[]) => workouts.map((w) => `${w.date} ${w.id}`);

describe("workouts.recent", () => {
  it("gives every workout from `since`, and each exercise's last days before it, whole and in list order", async () => {
    await store.workouts.insert("ana", workout("a1", "2026-01-01", [set("goblet-squat")]));
    await store.workouts.insert("ana", workout("a2", "2026-01-08", [set("goblet-squat")]));
    await store.workouts.insert(
      "ana",
      workout("a3", "2026-01-15", [set("goblet-squat", 22), set("step-up", null)]),
    );
    await store.workouts.insert("ana", workout("a4", "2026-01-15", [set("calf-raise")], T0 + 1));
    await store.workouts.insert("ana", workout("a5", "2026-03-01", [set("goblet-squat")]));
    await store.workouts.insert("bo", workout("b1", "2026-01-20", [set("goblet-squat")]));

    const recent = await store.workouts.recent("ana", { since: "2026-02-01", perExercise: 1 });
    expect(dates(recent)).toEqual(["2026-01-15 a3", "2026-01-15 a4", "2026-03-01 a5"]);
    expect(recent[0]?.sets).toEqual([set("goblet-squat", 22), set("step-up", null)]);

    const two = await store.workouts.recent("ana", { since: "2026-02-01", perExercise: 2 });
    expect(dates(two)).toEqual([
      "2026-01-08 a2",
      "2026-01-15 a3",
      "2026-01-15 a4",
      "2026-03-01 a5",
    ]);
    expect(await store.workouts.recent("bo", { since: "2027-01-01", perExercise: 6 })).toHaveLength(
      1,
    );
    expect(await store.workouts.recent("nobody", { since: "2000-01-01", perExercise: 6 })).toEqual(
      [],
    );
  });

  it("answers each owner and window with its own values when the query's shape repeats", async () => {
    // Two owners with two exercises each: the second read reuses the first's compiled query.
    await store.workouts.insert("ana", workout("a1", "2026-01-01", [set("goblet-squat")]));
    await store.workouts.insert("ana", workout("a2", "2026-01-02", [set("step-up")]));
    await store.workouts.insert("bo", workout("b1", "2026-01-05", [set("calf-raise")]));
    await store.workouts.insert("bo", workout("b2", "2026-01-06", [set("clamshell")]));
    await store.workouts.insert("bo", workout("b3", "2026-02-10", [set("clamshell")]));
    const window = { since: "2026-02-01", perExercise: 1 };
    expect(dates(await store.workouts.recent("ana", window))).toEqual([
      "2026-01-01 a1",
      "2026-01-02 a2",
    ]);
    expect(dates(await store.workouts.recent("bo", window))).toEqual([
      "2026-01-05 b1",
      "2026-01-06 b2",
      "2026-02-10 b3",
    ]);
    expect(
      dates(await store.workouts.recent("bo", { since: "2026-01-06", perExercise: 1 })),
    ).toEqual(["2026-01-05 b1", "2026-01-06 b2", "2026-02-10 b3"]);
    expect(
      dates(await store.workouts.recent("bo", { since: "2026-03-01", perExercise: 1 })),
    ).toEqual(["2026-01-05 b1", "2026-02-10 b3"]);
  });

  it("follows a workout moved to another day", async () => {
    await store.workouts.insert("ana", workout("a1", "2026-01-01", [set("goblet-squat")]));
    await store.workouts.insert("ana", workout("a2", "2026-01-08", [set("goblet-squat")]));
    await store.workouts.replace("ana", workout("a1", "2026-01-20", [set("goblet-squat", 30)]));
    const recent = await store.workouts.recent("ana", { since: "2026-02-01", perExercise: 1 });
    expect(dates(recent)).toEqual(["2026-01-20 a1"]);
    expect(recent[0]?.sets).toEqual([set("goblet-squat", 30)]);
  });
});

describe("checkins.since", () => {
  it("gives the owner's check-ins from a day on, oldest first", async () => {
    for (const [i, date] of ["2026-01-03", "2026-01-01", "2026-01-02"].entries()) {
      await store.checkins.upsert("ana", {
        id: `c${i}`,
        date,
        soreness: i,
        hurtRun: false,
        createdAt: T0,
      });
    }
    await store.checkins.upsert("bo", {
      id: "b",
      date: "2026-01-05",
      soreness: 1,
      hurtRun: true,
      createdAt: T0,
    });
    const since = await store.checkins.since("ana", "2026-01-02");
    expect(since.map((checkin) => checkin.date)).toEqual(["2026-01-02", "2026-01-03"]);
  });
});
