/**
 * The repository contract: one suite, run on whichever database testStore() gives
 * (SQLite by default, PostgreSQL with CAPACITY_TEST_DATABASE=postgres).
 */
import type { Kysely } from "kysely";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Schema } from "../../src/adapters/db/schema.js";
import type {
  Store,
  StoredActivity,
  StoredCheckin,
  StoredPlanChange,
  StoredWorkout,
  User,
} from "../../src/app/ports.js";
import type { LoggedSet } from "../../src/core/log/training-log.js";
import { KG_PER_LB } from "../../src/core/units/weight.js";
import { aStoredActivity } from "../builders.js";
import { testDatabaseKind, testStore } from "../support/database.js";

/** 2026-06-01T00:00:00Z: instants well past 2^32 ms, so a bigint that came back wrong shows. */
const T0 = 1_780_272_000_000;
const HOUR = 3_600_000;

let t: Awaited<ReturnType<typeof testStore>>;
let store: Store;
let db: Kysely<Schema>;

beforeEach(async () => {
  t = await testStore();
  store = t.store;
  db = t.db;
});

afterEach(async () => {
  await t.dispose();
});

function user(name: string, overrides: Partial<User> = {}): User {
  return {
    id: `user-${name}`,
    email: `${name}@example.com`,
    name,
    passwordHash: `hash-of-${name}`,
    createdAt: T0,
    passwordChangedAt: T0,
    dataVersion: 0,
    ...overrides,
  };
}

async function signUp(name: string): Promise<User> {
  const created = await store.users.create(user(name));
  if (created === "email-taken") throw new Error(`${name} is taken`);
  return created;
}

const squat = (value: number, unit: "kg" | "lb", reps = 8, rir = 2): LoggedSet => ({
  exercise: "goblet-squat",
  load: { value, unit },
  reps,
  rir,
});
const stepUp: LoggedSet = { exercise: "step-up", load: null, reps: 12, rir: 3 };

function workout(id: string, date: string, sets: LoggedSet[], createdAt = T0): StoredWorkout {
  return { id, date, sets, createdAt, updatedAt: createdAt };
}

function checkin(id: string, date: string, soreness: number, hurtRun = false): StoredCheckin {
  return { id, date, soreness, hurtRun, createdAt: T0 };
}

async function rows(table: keyof Schema): Promise<number> {
  const row = await db
    .selectFrom(table)
    .select((eb) => eb.fn.countAll().as("n"))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

describe("the store", () => {
  it("is the database the run asked for and answers a ping", async () => {
    expect(store.kind).toBe(testDatabaseKind());
    await expect(store.ping()).resolves.toBeUndefined();
  });
});

describe("users", () => {
  it("creates a user with its e-mail lower-cased and finds it by id and by e-mail in any case", async () => {
    const created = await store.users.create(user("ann", { email: "Ann.Lee@Example.COM" }));
    const expected = { ...user("ann"), email: "ann.lee@example.com" };
    expect(created).toEqual(expected);
    expect(await store.users.byId("user-ann")).toEqual(expected);
    expect(await store.users.byEmail("ANN.LEE@example.com")).toEqual(expected);
    expect(await store.users.byEmail("ann.lee@example.com")).toEqual(expected);
  });

  it("gives instants back as numbers, exactly", async () => {
    await store.users.create(user("ann", { createdAt: T0 + 1, passwordChangedAt: T0 + 2 }));
    const found = await store.users.byId("user-ann");
    expect(typeof found?.createdAt).toBe("number");
    expect(found?.createdAt).toBe(T0 + 1);
    expect(found?.passwordChangedAt).toBe(T0 + 2);
  });

  it('answers "email-taken" for an e-mail already used, whatever its case, and writes nothing', async () => {
    await signUp("ann");
    const again = await store.users.create(
      user("other", { id: "user-other", email: "ANN@example.com" }),
    );
    expect(again).toBe("email-taken");
    expect(await store.users.byId("user-other")).toBeNull();
    expect(await store.users.count()).toBe(1);
  });

  it("lets only one of two simultaneous sign-ups with the same e-mail through", async () => {
    const results = await Promise.all([
      store.users.create(user("ann", { id: "user-1" })),
      store.users.create(user("ann", { id: "user-2", email: "Ann@example.com" })),
    ]);
    expect(results.filter((r) => r === "email-taken")).toHaveLength(1);
    expect(await store.users.count()).toBe(1);
  });

  it("returns null for an unknown id or e-mail", async () => {
    await signUp("ann");
    expect(await store.users.byId("user-nobody")).toBeNull();
    expect(await store.users.byEmail("nobody@example.com")).toBeNull();
  });

  it("changes a password and when it changed", async () => {
    await signUp("ann");
    await store.users.setPassword("user-ann", "new-hash", T0 + HOUR);
    expect(await store.users.byId("user-ann")).toMatchObject({
      passwordHash: "new-hash",
      passwordChangedAt: T0 + HOUR,
      createdAt: T0,
    });
  });

  it("counts users as a number", async () => {
    expect(await store.users.count()).toBe(0);
    await signUp("ann");
    await signUp("bob");
    expect(await store.users.count()).toBe(2);
  });

  it("deletes a user: true once, false after", async () => {
    await signUp("ann");
    expect(await store.users.delete("user-ann")).toBe(true);
    expect(await store.users.delete("user-ann")).toBe(false);
    expect(await store.users.byId("user-ann")).toBeNull();
    expect(await store.users.count()).toBe(0);
  });

  it("deletes everything a user owns with the user, and nothing of anyone else", async () => {
    for (const name of ["ann", "bob"]) {
      const owner = `user-${name}`;
      await signUp(name);
      await store.logIns.create({
        id: `session-${name}`,
        userId: owner,
        createdAt: T0,
        expiresAt: T0 + HOUR,
      });
      await store.profiles.put(owner, { name }, T0);
      await store.workouts.insert(owner, workout("w1", "2026-06-01", [squat(20, "kg"), stepUp]));
      await store.checkins.upsert(owner, checkin("c1", "2026-06-01", 3));
      await store.planChanges.add(owner, {
        id: "p1",
        kind: "move",
        from: "2026-06-02",
        to: "2026-06-03",
        createdAt: T0,
      });
    }

    expect(await store.users.delete("user-ann")).toBe(true);

    for (const table of ["auth_session", "profile", "workout", "checkin", "plan_change"] as const) {
      expect(await rows(table), table).toBe(1);
    }
    expect(await rows("workout_set")).toBe(2);
    expect(await store.logIns.find("session-ann", T0)).toBeNull();
    expect(await store.profiles.get("user-ann")).toBeNull();
    expect(await store.workouts.list("user-ann")).toEqual([]);
    expect(await store.checkins.list("user-ann")).toEqual([]);
    expect(await store.planChanges.list("user-ann")).toEqual([]);
    expect(await store.workouts.get("user-bob", "w1")).not.toBeNull();
    expect(await store.profiles.get("user-bob")).toEqual({ name: "bob" });
  });
});

describe("users: list and take-over (the local owner, docs/importers.md)", () => {
  const owner = { email: "owner@local.test", passwordHash: "no-password" };
  const next = (name: string, at = T0 + HOUR) => ({
    email: `${name.toUpperCase()}@Example.com`,
    name,
    passwordHash: `hash-of-${name}`,
    passwordChangedAt: at,
  });

  it("lists the oldest accounts first, then by id, up to the limit", async () => {
    expect(await store.users.list(2)).toEqual([]);
    await store.users.create(user("cat", { createdAt: T0 + 2 }));
    await store.users.create(user("bob", { createdAt: T0 }));
    await store.users.create(user("ann", { createdAt: T0 }));
    expect((await store.users.list(2)).map((u) => u.name)).toEqual(["ann", "bob"]);
    const all = await store.users.list(10);
    expect(all.map((u) => u.name)).toEqual(["ann", "bob", "cat"]);
    expect(all[2]).toEqual(user("cat", { createdAt: T0 + 2 }));
  });

  it("gives the matching account the new e-mail (lower-cased), name and password, keeping its id, creation, data and log-ins", async () => {
    await store.users.create(user("owner", { ...owner, id: "user-owner" }));
    await store.profiles.put("user-owner", { kept: true }, T0);
    await store.workouts.insert("user-owner", workout("w1", "2026-06-01", [stepUp]));
    await store.logIns.create({
      id: "s1",
      userId: "user-owner",
      createdAt: T0,
      expiresAt: T0 + HOUR,
    });
    const taken = await store.users.takeOver(owner, next("ann"));
    const expected = {
      id: "user-owner",
      email: "ann@example.com",
      name: "ann",
      passwordHash: "hash-of-ann",
      createdAt: T0,
      passwordChangedAt: T0 + HOUR,
      dataVersion: 2,
    };
    expect(taken).toEqual(expected);
    expect(await store.users.byEmail("ann@example.com")).toEqual(expected);
    expect(await store.users.byEmail(owner.email)).toBeNull();
    expect(await store.users.count()).toBe(1);
    expect(await store.profiles.get("user-owner")).toEqual({ kept: true });
    expect(await store.workouts.list("user-owner")).toHaveLength(1);
    expect((await store.logIns.find("s1", T0))?.user.email).toBe("ann@example.com");
  });

  it("takes over only once: afterwards nothing matches and null comes back", async () => {
    await store.users.create(user("owner", { ...owner, id: "user-owner" }));
    expect(await store.users.takeOver(owner, next("ann"))).not.toBeNull();
    expect(await store.users.takeOver(owner, next("bob"))).toBeNull();
    expect(await store.users.byEmail("bob@example.com")).toBeNull();
    expect((await store.users.byId("user-owner"))?.email).toBe("ann@example.com");
  });

  it("lets only one of two simultaneous take-overs through", async () => {
    await store.users.create(user("owner", { ...owner, id: "user-owner" }));
    const results = await Promise.all([
      store.users.takeOver(owner, next("ann")),
      store.users.takeOver(owner, next("bob")),
    ]);
    expect(results.filter((r) => r === null)).toHaveLength(1);
    expect(await store.users.count()).toBe(1);
  });

  it("matches e-mail and password hash both: a changed hash is not taken over", async () => {
    await store.users.create(user("owner", { ...owner, id: "user-owner" }));
    expect(await store.users.takeOver({ ...owner, passwordHash: "other" }, next("ann"))).toBeNull();
    expect(await store.users.takeOver({ ...owner, email: "x@local.test" }, next("ann"))).toBeNull();
    expect((await store.users.byId("user-owner"))?.email).toBe(owner.email);
  });

  it('answers "email-taken" when another account has the new e-mail, changing nothing, also inside a transaction', async () => {
    await store.users.create(user("owner", { ...owner, id: "user-owner" }));
    await signUp("ann");
    expect(await store.users.takeOver(owner, next("ann"))).toBe("email-taken");
    expect((await store.users.byId("user-owner"))?.email).toBe(owner.email);
    const inside = await store.transaction(async (repos) => {
      const first = await repos.users.takeOver(owner, next("ann"));
      const second = await repos.users.takeOver(owner, next("bob"));
      return [first, second] as const;
    });
    expect(inside[0]).toBe("email-taken");
    expect(inside[1]).toMatchObject({ id: "user-owner", email: "bob@example.com" });
  });

  it("answers null with no account to take over", async () => {
    expect(await store.users.takeOver(owner, next("ann"))).toBeNull();
    expect(await store.users.count()).toBe(0);
  });
});

describe("log-ins", () => {
  const logIn = (id: string, userId: string, expiresAt: number) => ({
    id,
    userId,
    createdAt: T0,
    expiresAt,
  });

  it("finds a log-in and its user until it expires", async () => {
    const ann = await signUp("ann");
    await store.logIns.create(logIn("s1", ann.id, T0 + HOUR));
    const expected = { logIn: logIn("s1", ann.id, T0 + HOUR), user: ann };
    expect(await store.logIns.find("s1", T0)).toEqual(expected);
    expect(await store.logIns.find("s1", T0 + HOUR - 1)).toEqual(expected);
    expect(await store.logIns.find("s1", T0 + HOUR)).toBeNull();
    expect(await store.logIns.find("s1", T0 + 2 * HOUR)).toBeNull();
  });

  it("returns null for an unknown log-in", async () => {
    expect(await store.logIns.find("nope", T0)).toBeNull();
  });

  it("deletes one log-in", async () => {
    const ann = await signUp("ann");
    await store.logIns.create(logIn("s1", ann.id, T0 + HOUR));
    await store.logIns.create(logIn("s2", ann.id, T0 + HOUR));
    await store.logIns.delete("s1");
    expect(await store.logIns.find("s1", T0)).toBeNull();
    expect(await store.logIns.find("s2", T0)).not.toBeNull();
  });

  it("deletes every log-in of one user only", async () => {
    const ann = await signUp("ann");
    const bob = await signUp("bob");
    await store.logIns.create(logIn("a1", ann.id, T0 + HOUR));
    await store.logIns.create(logIn("a2", ann.id, T0 + HOUR));
    await store.logIns.create(logIn("b1", bob.id, T0 + HOUR));
    await store.logIns.deleteForUser(ann.id);
    expect(await store.logIns.find("a1", T0)).toBeNull();
    expect(await store.logIns.find("a2", T0)).toBeNull();
    expect(await store.logIns.find("b1", T0)).not.toBeNull();
  });

  it("deletes the expired log-ins and says how many", async () => {
    const ann = await signUp("ann");
    await store.logIns.create(logIn("old1", ann.id, T0 - 1));
    await store.logIns.create(logIn("old2", ann.id, T0));
    await store.logIns.create(logIn("live", ann.id, T0 + 1));
    expect(await store.logIns.deleteExpired(T0)).toBe(2);
    expect(await store.logIns.deleteExpired(T0)).toBe(0);
    expect(await store.logIns.find("live", T0)).not.toBeNull();
  });

  it("refuses a log-in for a user that does not exist", async () => {
    await expect(store.logIns.create(logIn("s1", "user-ghost", T0 + HOUR))).rejects.toThrow();
  });
});

describe("profiles", () => {
  const profile = { birthYear: 1980, units: "kg", runs: { mon: "rest", sat: "long" } };

  it("is null before the athlete saves one, then the saved document, then the replacement", async () => {
    const ann = await signUp("ann");
    expect(await store.profiles.get(ann.id)).toBeNull();
    await store.profiles.put(ann.id, profile, T0);
    expect(await store.profiles.get(ann.id)).toEqual(profile);
    await store.profiles.put(ann.id, { ...profile, units: "lb" }, T0 + HOUR);
    expect(await store.profiles.get(ann.id)).toEqual({ ...profile, units: "lb" });
    expect(await rows("profile")).toBe(1);
  });

  it("belongs to its owner only", async () => {
    const ann = await signUp("ann");
    const bob = await signUp("bob");
    await store.profiles.put(ann.id, profile, T0);
    expect(await store.profiles.get(bob.id)).toBeNull();
    await store.profiles.put(bob.id, { birthYear: 1990 }, T0);
    expect(await store.profiles.get(ann.id)).toEqual(profile);
    expect(await store.profiles.get(bob.id)).toEqual({ birthYear: 1990 });
  });
});

describe("workouts", () => {
  it("stores a workout with its sets in the order logged and gives it back as logged", async () => {
    const ann = await signUp("ann");
    const w = workout("w1", "2026-06-01", [squat(22.5, "kg"), stepUp, squat(45, "lb", 6, 1)]);
    expect(await store.workouts.insert(ann.id, w)).toBe("inserted");
    expect(await store.workouts.get(ann.id, "w1")).toEqual(w);
  });

  it("keeps the band a set was done with, and no band key on sets without one", async () => {
    const ann = await signUp("ann");
    const band: LoggedSet = {
      exercise: "lateral-band-walk",
      load: null,
      reps: 10,
      rir: 3,
      band: "extra-heavy",
    };
    const w = workout("w1", "2026-06-01", [band, stepUp]);
    await store.workouts.insert(ann.id, w);
    const got = await store.workouts.get(ann.id, "w1");
    expect(got?.sets).toEqual([band, stepUp]);
    expect(got?.sets[1] && "band" in got.sets[1]).toBe(false);
  });

  it("keeps kilograms on disk and gives pounds back exactly as logged", async () => {
    const ann = await signUp("ann");
    const loads = [45, 17.3, 0.1, 225, 102.5];
    await store.workouts.insert(
      ann.id,
      workout(
        "w1",
        "2026-06-01",
        loads.map((v) => squat(v, "lb")),
      ),
    );
    const got = await store.workouts.get(ann.id, "w1");
    expect(got?.sets.map((s) => s.load)).toEqual(loads.map((value) => ({ value, unit: "lb" })));

    const stored = await db
      .selectFrom("workout_set")
      .select(["load_kg", "load_unit"])
      .where("position", "=", 0)
      .executeTakeFirstOrThrow();
    // 45 lb × 0.45359237 kg/lb = 20.41165665 kg
    expect(stored.load_unit).toBe("lb");
    expect(stored.load_kg).toBeCloseTo(20.41165665, 9);
    expect(stored.load_kg).toBeCloseTo(45 * KG_PER_LB, 12);
  });

  it('answers "exists" for an id already stored for this owner and keeps the first', async () => {
    const ann = await signUp("ann");
    const first = workout("w1", "2026-06-01", [squat(20, "kg")]);
    await store.workouts.insert(ann.id, first);
    const second = workout("w1", "2026-06-02", [squat(30, "kg"), stepUp], T0 + HOUR);
    expect(await store.workouts.insert(ann.id, second)).toBe("exists");
    expect(await store.workouts.get(ann.id, "w1")).toEqual(first);
    expect(await rows("workout_set")).toBe(1);
  });

  it("stores one of two simultaneous inserts of the same workout (a retry racing itself)", async () => {
    const ann = await signUp("ann");
    const w = workout("w1", "2026-06-01", [squat(20, "kg"), stepUp]);
    const results = await Promise.all([
      store.workouts.insert(ann.id, w),
      store.workouts.insert(ann.id, w),
      store.workouts.insert(ann.id, w),
    ]);
    expect(results.sort()).toEqual(["exists", "exists", "inserted"]);
    expect(await store.workouts.list(ann.id)).toEqual([w]);
  });

  it("keeps ids per owner: two owners may use the same id", async () => {
    const ann = await signUp("ann");
    const bob = await signUp("bob");
    const annW = workout("w1", "2026-06-01", [squat(20, "kg")]);
    const bobW = workout("w1", "2026-06-03", [stepUp]);
    expect(await store.workouts.insert(ann.id, annW)).toBe("inserted");
    expect(await store.workouts.insert(bob.id, bobW)).toBe("inserted");
    expect(await store.workouts.get(ann.id, "w1")).toEqual(annW);
    expect(await store.workouts.get(bob.id, "w1")).toEqual(bobW);
  });

  it("never shows, replaces or deletes another owner's workout, even with its id", async () => {
    const ann = await signUp("ann");
    const bob = await signUp("bob");
    const annW = workout("w1", "2026-06-01", [squat(20, "kg")]);
    await store.workouts.insert(ann.id, annW);

    expect(await store.workouts.get(bob.id, "w1")).toBeNull();
    expect(await store.workouts.list(bob.id)).toEqual([]);
    expect(await store.workouts.replace(bob.id, workout("w1", "2026-06-09", [stepUp]))).toBe(false);
    expect(await store.workouts.delete(bob.id, "w1")).toBe(false);
    expect(await store.workouts.get(ann.id, "w1")).toEqual(annW);
  });

  it("lists by training day, then creation, then id, each with its own sets", async () => {
    const ann = await signUp("ann");
    const bob = await signUp("bob");
    const late = workout("a", "2026-06-10", [squat(30, "kg")], T0);
    const earlyB = workout("b", "2026-06-01", [stepUp], T0 + 2 * HOUR);
    const earlyA = workout("c", "2026-06-01", [squat(20, "kg"), stepUp], T0 + HOUR);
    const earlyTie = workout("d", "2026-06-01", [squat(25, "lb")], T0 + HOUR);
    for (const w of [late, earlyB, earlyTie, earlyA]) await store.workouts.insert(ann.id, w);
    await store.workouts.insert(bob.id, workout("z", "2026-05-01", [stepUp]));

    expect(await store.workouts.list(ann.id)).toEqual([earlyA, earlyTie, earlyB, late]);
  });

  it("replaces date and sets, keeping createdAt; leaves no old set behind", async () => {
    const ann = await signUp("ann");
    await store.workouts.insert(
      ann.id,
      workout("w1", "2026-06-01", [squat(20, "kg"), squat(20, "kg"), stepUp]),
    );
    const edited: StoredWorkout = {
      id: "w1",
      date: "2026-06-02",
      sets: [squat(50, "lb", 5, 0)],
      createdAt: T0,
      updatedAt: T0 + HOUR,
    };
    expect(await store.workouts.replace(ann.id, { ...edited, createdAt: T0 + 5 * HOUR })).toBe(
      true,
    );
    expect(await store.workouts.get(ann.id, "w1")).toEqual(edited);
    expect(await rows("workout_set")).toBe(1);
  });

  it("replaces nothing that does not exist", async () => {
    const ann = await signUp("ann");
    expect(await store.workouts.replace(ann.id, workout("nope", "2026-06-01", [stepUp]))).toBe(
      false,
    );
    expect(await rows("workout")).toBe(0);
    expect(await rows("workout_set")).toBe(0);
  });

  it("deletes a workout with its sets: true once, false after", async () => {
    const ann = await signUp("ann");
    await store.workouts.insert(ann.id, workout("w1", "2026-06-01", [squat(20, "kg"), stepUp]));
    await store.workouts.insert(ann.id, workout("w2", "2026-06-02", [stepUp]));
    expect(await store.workouts.delete(ann.id, "w1")).toBe(true);
    expect(await store.workouts.delete(ann.id, "w1")).toBe(false);
    expect(await store.workouts.get(ann.id, "w1")).toBeNull();
    expect(await rows("workout_set")).toBe(1);
  });

  it("keeps a workout without sets", async () => {
    const ann = await signUp("ann");
    const empty = workout("w1", "2026-06-01", []);
    expect(await store.workouts.insert(ann.id, empty)).toBe("inserted");
    expect(await store.workouts.get(ann.id, "w1")).toEqual(empty);
    expect(await store.workouts.list(ann.id)).toEqual([empty]);
  });

  it("refuses a workout for an owner that does not exist, writing no set", async () => {
    await expect(
      store.workouts.insert("user-ghost", workout("w1", "2026-06-01", [stepUp])),
    ).rejects.toThrow();
    expect(await rows("workout_set")).toBe(0);
  });
});

describe("check-ins", () => {
  it("stores one check-in per day: a second answer updates it, keeping its id and createdAt", async () => {
    const ann = await signUp("ann");
    const first = checkin("c1", "2026-06-01", 3);
    expect(await store.checkins.upsert(ann.id, first)).toEqual(first);
    const second = { ...checkin("c2", "2026-06-01", 7, true), createdAt: T0 + HOUR };
    const stored = await store.checkins.upsert(ann.id, second);
    expect(stored).toEqual({
      id: "c1",
      date: "2026-06-01",
      soreness: 7,
      hurtRun: true,
      createdAt: T0,
    });
    expect(await store.checkins.list(ann.id)).toEqual([stored]);
  });

  it("lists by day, oldest first, with hurtRun as a boolean", async () => {
    const ann = await signUp("ann");
    const days = [
      checkin("c3", "2026-06-03", 2, true),
      checkin("c1", "2026-06-01", 0),
      checkin("c2", "2026-06-02", 10),
    ];
    for (const c of days) await store.checkins.upsert(ann.id, c);
    const list = await store.checkins.list(ann.id);
    expect(list.map((c) => c.id)).toEqual(["c1", "c2", "c3"]);
    expect(list[2]?.hurtRun).toBe(true);
    expect(list[0]?.hurtRun).toBe(false);
  });

  it("belongs to its owner only, even for the same day and id", async () => {
    const ann = await signUp("ann");
    const bob = await signUp("bob");
    const annC = checkin("c1", "2026-06-01", 3);
    await store.checkins.upsert(ann.id, annC);
    expect(await store.checkins.list(bob.id)).toEqual([]);
    const bobC = checkin("c1", "2026-06-01", 9, true);
    expect(await store.checkins.upsert(bob.id, bobC)).toEqual(bobC);
    expect(await store.checkins.list(ann.id)).toEqual([annC]);
    expect(await store.checkins.list(bob.id)).toEqual([bobC]);
  });
});

describe("plan changes", () => {
  const move = (id: string, createdAt: number): StoredPlanChange => ({
    id,
    kind: "move",
    from: "2026-06-02",
    to: "2026-06-04",
    createdAt,
  });
  const swap = (id: string, createdAt: number): StoredPlanChange => ({
    id,
    kind: "swap",
    date: "2026-06-05",
    exercise: "goblet-squat",
    with: "leg-press",
    createdAt,
  });

  it("lists moves and swaps oldest first, then by id", async () => {
    const ann = await signUp("ann");
    const changes = [
      swap("p3", T0 + HOUR),
      move("p2", T0),
      swap("p1", T0 + HOUR),
      move("p0", T0 + 2 * HOUR),
    ];
    for (const c of changes) await store.planChanges.add(ann.id, c);
    expect(await store.planChanges.list(ann.id)).toEqual([
      move("p2", T0),
      swap("p1", T0 + HOUR),
      swap("p3", T0 + HOUR),
      move("p0", T0 + 2 * HOUR),
    ]);
  });

  it("deletes a change of its owner only: true once, false after", async () => {
    const ann = await signUp("ann");
    const bob = await signUp("bob");
    await store.planChanges.add(ann.id, move("p1", T0));
    await store.planChanges.add(ann.id, swap("p2", T0));
    expect(await store.planChanges.list(bob.id)).toEqual([]);
    expect(await store.planChanges.delete(bob.id, "p1")).toBe(false);
    expect(await store.planChanges.list(ann.id)).toHaveLength(2);
    expect(await store.planChanges.delete(ann.id, "p1")).toBe(true);
    expect(await store.planChanges.delete(ann.id, "p1")).toBe(false);
    expect(await store.planChanges.list(ann.id)).toEqual([swap("p2", T0)]);
  });

  it("keeps ids per owner", async () => {
    const ann = await signUp("ann");
    const bob = await signUp("bob");
    await store.planChanges.add(ann.id, move("p1", T0));
    await store.planChanges.add(bob.id, swap("p1", T0));
    expect(await store.planChanges.list(ann.id)).toEqual([move("p1", T0)]);
    expect(await store.planChanges.list(bob.id)).toEqual([swap("p1", T0)]);
  });
});

describe("transactions", () => {
  it("writes everything the work wrote and returns its value", async () => {
    const result = await store.transaction(async (repos) => {
      const ann = await repos.users.create(user("ann"));
      if (ann === "email-taken") throw new Error("taken");
      await repos.workouts.insert(ann.id, workout("w1", "2026-06-01", [squat(20, "kg"), stepUp]));
      await repos.checkins.upsert(ann.id, checkin("c1", "2026-06-01", 4));
      return "done";
    });
    expect(result).toBe("done");
    expect(await store.workouts.get("user-ann", "w1")).not.toBeNull();
    expect(await store.checkins.list("user-ann")).toHaveLength(1);
  });

  it("writes nothing when the work throws, a workout's sets included", async () => {
    const ann = await signUp("ann");
    const failure = new Error("changed my mind");
    await expect(
      store.transaction(async (repos) => {
        await repos.users.create(user("bob"));
        await repos.profiles.put(ann.id, { birthYear: 1980 }, T0);
        expect(
          await repos.workouts.insert(
            ann.id,
            workout("w1", "2026-06-01", [squat(20, "kg"), stepUp]),
          ),
        ).toBe("inserted");
        expect(
          await repos.workouts.replace(ann.id, workout("w1", "2026-06-02", [stepUp], T0 + HOUR)),
        ).toBe(true);
        // Inside the transaction, its own writes are visible.
        expect(await repos.workouts.get(ann.id, "w1")).not.toBeNull();
        await repos.checkins.upsert(ann.id, checkin("c1", "2026-06-01", 4));
        await repos.planChanges.add(ann.id, move0());
        await repos.logIns.create({
          id: "s",
          userId: ann.id,
          createdAt: T0,
          expiresAt: T0 + HOUR,
        });
        throw failure;
      }),
    ).rejects.toBe(failure);

    expect(await store.users.count()).toBe(1);
    for (const table of [
      "auth_session",
      "profile",
      "workout",
      "workout_set",
      "checkin",
      "plan_change",
    ] as const) {
      expect(await rows(table), table).toBe(0);
    }
  });

  it('keeps working after an "exists" or "email-taken" inside it', async () => {
    const ann = await signUp("ann");
    await store.workouts.insert(ann.id, workout("w1", "2026-06-01", [stepUp]));
    await store.transaction(async (repos) => {
      expect(await repos.users.create(user("ann", { id: "user-x" }))).toBe("email-taken");
      expect(await repos.workouts.insert(ann.id, workout("w1", "2026-06-01", [stepUp]))).toBe(
        "exists",
      );
      expect(await repos.workouts.insert(ann.id, workout("w2", "2026-06-02", [stepUp]))).toBe(
        "inserted",
      );
    });
    expect((await store.workouts.list(ann.id)).map((w) => w.id)).toEqual(["w1", "w2"]);
  });
});

function move0(): StoredPlanChange {
  return { id: "p1", kind: "move", from: "2026-06-02", to: "2026-06-03", createdAt: T0 };
}

describe("the data version (what cached plans are checked against)", () => {
  async function version(id: string): Promise<number> {
    const found = await store.users.byId(id);
    if (!found) throw new Error("user gone");
    return found.dataVersion;
  }

  it("starts at 0 and rises with every write of training data, for its owner only", async () => {
    const ana = await signUp("ana");
    const ben = await signUp("ben");
    expect(await version(ana.id)).toBe(0);
    const steps: [string, () => Promise<unknown>][] = [
      ["profile", () => store.profiles.put(ana.id, { name: "Ana" }, T0)],
      [
        "workout insert",
        () => store.workouts.insert(ana.id, workout("w1", "2026-06-02", [squat(20, "kg")])),
      ],
      [
        "workout replace",
        () => store.workouts.replace(ana.id, workout("w1", "2026-06-03", [squat(22, "kg")])),
      ],
      ["check-in", () => store.checkins.upsert(ana.id, checkin("c1", "2026-06-04", 3))],
      [
        "plan change",
        () =>
          store.planChanges.add(ana.id, {
            id: "m1",
            kind: "move",
            from: "2026-06-02",
            to: "2026-06-04",
            createdAt: T0,
          }),
      ],
      ["plan change delete", () => store.planChanges.delete(ana.id, "m1")],
      ["workout delete", () => store.workouts.delete(ana.id, "w1")],
    ];
    let expected = 0;
    for (const [what, write] of steps) {
      await write();
      expected++;
      expect(await version(ana.id), what).toBe(expected);
    }
    expect(await version(ben.id)).toBe(0);
  });

  it("does not rise for a write that changed nothing", async () => {
    const ana = await signUp("ana");
    await store.workouts.insert(ana.id, workout("w1", "2026-06-02", [squat(20, "kg")]));
    const before = await version(ana.id);
    expect(
      await store.workouts.insert(ana.id, workout("w1", "2026-06-02", [squat(20, "kg")])),
    ).toBe("exists");
    expect(await store.workouts.delete(ana.id, "nope")).toBe(false);
    expect(await store.planChanges.delete(ana.id, "nope")).toBe(false);
    expect(await version(ana.id)).toBe(before);
  });

  it("comes with the log-in's user", async () => {
    const ana = await signUp("ana");
    await store.logIns.create({ id: "s1", userId: ana.id, createdAt: T0, expiresAt: T0 + HOUR });
    await store.profiles.put(ana.id, { name: "Ana" }, T0);
    expect((await store.logIns.find("s1", T0))?.user.dataVersion).toBe(1);
  });
});

describe("activities", () => {
  const iso = (ms: number) => new Date(ms).toISOString();

  function activity(
    id: string,
    startMs: number,
    overrides: Partial<StoredActivity> = {},
  ): StoredActivity {
    return aStoredActivity(id, iso(startMs), {
      elapsedS: 3600,
      format: "gpx",
      source: `${id}.gpx`,
      createdAt: T0,
      ...overrides,
    });
  }

  async function version(id: string): Promise<number> {
    const found = await store.users.byId(id);
    if (!found) throw new Error("user gone");
    return found.dataVersion;
  }

  it("gives every field back as stored, nulls and warnings included", async () => {
    const ana = await signUp("ana");
    const full = activity("a1", T0 + 123, {
      sport: "ride",
      elapsedS: 5432.5,
      movingS: 5000.25,
      distanceM: 42195.7,
      avgHr: 142.5,
      maxHr: 181,
      ascentM: 312.4,
      sourceName: "Garmin fenix 5",
      format: "fit",
      source: "export.zip/activities/123.fit",
      warnings: ["no heart rate in lap 2", 'a "quoted" one'],
      createdAt: T0 + 7,
    });
    const bare = activity("a2", T0 + 2 * 86_400_000, {
      sport: "other",
      elapsedS: null,
      format: "csv",
      source: "activities.csv#4",
    });
    const result = await store.activities.insertNew(ana.id, [full, bare]);
    expect(result).toEqual({ inserted: [full, bare], duplicates: [] });
    const listed = await store.activities.list(ana.id);
    expect(listed).toEqual([full, bare]);
    expect(typeof listed[0]?.createdAt).toBe("number");
  });

  it("lists by start, within a range when asked", async () => {
    const ana = await signUp("ana");
    const late = activity("late", T0 + 10 * HOUR);
    const early = activity("early", T0);
    const middle = activity("middle", T0 + 5 * HOUR);
    await store.activities.insertNew(ana.id, [late, early, middle]);
    expect((await store.activities.list(ana.id)).map((a) => a.id)).toEqual([
      "early",
      "middle",
      "late",
    ]);
    const ranged = await store.activities.list(ana.id, { fromMs: T0 + HOUR, toMs: T0 + 10 * HOUR });
    expect(ranged.map((a) => a.id)).toEqual(["middle", "late"]);
  });

  it("keeps the first copy of a duplicate, within a batch and across batches", async () => {
    const ana = await signUp("ana");
    const first = activity("gpx-1", T0, { format: "gpx" });
    const sameInBatch = activity("fit-1", T0 + 30_000, { format: "fit", elapsedS: 3590 });
    const other = activity("gpx-2", T0 + 3 * HOUR);
    const one = await store.activities.insertNew(ana.id, [first, sameInBatch, other]);
    expect(one).toEqual({ inserted: [first, other], duplicates: [sameInBatch] });

    const again = activity("tcx-1", T0 - 60_000, { format: "tcx" });
    const fresh = activity("tcx-2", T0 + 26 * HOUR);
    const two = await store.activities.insertNew(ana.id, [again, fresh]);
    expect(two).toEqual({ inserted: [fresh], duplicates: [again] });
    expect((await store.activities.list(ana.id)).map((a) => a.id)).toEqual([
      "gpx-1",
      "gpx-2",
      "tcx-2",
    ]);
  });

  it("stores once the same run sent by simultaneous imports for one owner (each its own copy and id)", async () => {
    const ana = await signUp("ana");
    const ben = await signUp("ben");
    // Several rounds: on PostgreSQL an unserialised read-then-insert lets two copies through
    // in most of them.
    for (let round = 0; round < 5; round++) {
      const start = T0 + round * 3 * 86_400_000;
      const copies = (owner: string) =>
        ["fit", "gpx", "tcx", "fit", "gpx"].map((format, i) =>
          activity(`${owner}-${round}-${i}`, start + i * 1000, {
            format: format as StoredActivity["format"],
          }),
        );
      const results = await Promise.all([
        ...copies("ana").map((copy) => store.activities.insertNew(ana.id, [copy])),
        // Another owner's imports go on meanwhile, untouched by Ana's.
        ...copies("ben")
          .slice(0, 2)
          .map((copy) => store.activities.insertNew(ben.id, [copy])),
      ]);
      const anas = results.slice(0, 5);
      expect(anas.flatMap((r) => r.inserted).length, `round ${round}`).toBe(1);
      expect(anas.flatMap((r) => r.duplicates).length, `round ${round}`).toBe(4);
      expect(results.slice(5).flatMap((r) => r.inserted).length, `round ${round}`).toBe(1);
    }
    expect(await store.activities.list(ana.id)).toHaveLength(5);
    expect(await store.activities.list(ben.id)).toHaveLength(5);
    // Raised once per stored run; the copies that stored nothing left it alone.
    expect(await version(ana.id)).toBe(5);
  });

  it("counts an id already stored as a duplicate rather than failing", async () => {
    const ana = await signUp("ana");
    await store.activities.insertNew(ana.id, [activity("a1", T0)]);
    const moved = activity("a1", T0 + 5 * 86_400_000);
    expect(await store.activities.insertNew(ana.id, [moved])).toEqual({
      inserted: [],
      duplicates: [moved],
    });
  });

  it("never shows, matches or deletes another owner's activities", async () => {
    const ana = await signUp("ana");
    const ben = await signUp("ben");
    const anas = activity("a1", T0);
    await store.activities.insertNew(ana.id, [anas]);
    expect(await store.activities.list(ben.id)).toEqual([]);
    expect(await store.activities.delete(ben.id, "a1")).toBe(false);
    // The same run in Ben's account is his own, not a duplicate of Ana's.
    const bens = activity("b1", T0);
    expect(await store.activities.insertNew(ben.id, [bens])).toEqual({
      inserted: [bens],
      duplicates: [],
    });
    expect(await store.activities.list(ana.id)).toEqual([anas]);
    expect(await store.activities.delete(ana.id, "a1")).toBe(true);
    expect(await store.activities.list(ana.id)).toEqual([]);
    expect(await store.activities.list(ben.id)).toEqual([bens]);
  });

  it("goes with its owner's account", async () => {
    const ana = await signUp("ana");
    const ben = await signUp("ben");
    await store.activities.insertNew(ana.id, [activity("a1", T0), activity("a2", T0 + HOUR * 5)]);
    await store.activities.insertNew(ben.id, [activity("b1", T0)]);
    expect(await store.users.delete(ana.id)).toBe(true);
    expect(await rows("activity")).toBe(1);
    expect(await store.activities.list(ben.id)).toHaveLength(1);
  });

  it("raises the data version when something was inserted or deleted, and only then", async () => {
    const ana = await signUp("ana");
    const ben = await signUp("ben");
    await store.activities.insertNew(ana.id, [activity("a1", T0), activity("a2", T0 + 5 * HOUR)]);
    expect(await version(ana.id)).toBe(1);
    await store.activities.insertNew(ana.id, [activity("dup", T0 + 1000)]);
    await store.activities.insertNew(ana.id, []);
    expect(await store.activities.delete(ana.id, "nope")).toBe(false);
    expect(await version(ana.id)).toBe(1);
    expect(await store.activities.delete(ana.id, "a1")).toBe(true);
    expect(await version(ana.id)).toBe(2);
    expect(await version(ben.id)).toBe(0);
  });

  it("rolls back with an enclosing transaction", async () => {
    const ana = await signUp("ana");
    await expect(
      store.transaction(async (repos) => {
        await repos.activities.insertNew(ana.id, [activity("a1", T0)]);
        throw new Error("boom");
      }),
    ).rejects.toThrow("boom");
    expect(await store.activities.list(ana.id)).toEqual([]);
    expect(await version(ana.id)).toBe(0);
  });
});

describe("keyset pages (the export's reads)", () => {
  /** Every page of `limit` items in turn, each after the last of the one before. */
  async function allPages<T>(
    repo: { page(ownerId: string, after: T | null, limit: number): Promise<T[]> },
    ownerId: string,
    limit: number,
  ): Promise<T[][]> {
    const pages: T[][] = [];
    let after: T | null = null;
    for (;;) {
      const page = await repo.page(ownerId, after, limit);
      if (page.length > 0) pages.push(page);
      const last = page.at(-1);
      if (page.length < limit || last === undefined) return pages;
      after = last;
    }
  }

  it("read workouts in list() order, page after page, even across ties of day and creation", async () => {
    const ann = await signUp("ann");
    const bob = await signUp("bob");
    // Many workouts on one day with one creation instant: only the id tells them apart.
    const ids = ["w9", "w1", "w5", "w3", "w7", "w2", "w8", "w4", "w6"];
    for (const [i, id] of ids.entries()) {
      const day = i < 6 ? "2026-06-01" : "2026-06-02";
      await store.workouts.insert(ann.id, workout(id, day, [squat(20 + i, "kg"), stepUp], T0));
    }
    await store.workouts.insert(bob.id, workout("w0", "2026-06-01", [stepUp]));

    const pages = await allPages(store.workouts, ann.id, 2);
    expect(pages.map((page) => page.length)).toEqual([2, 2, 2, 2, 1]);
    expect(pages.flat()).toEqual(await store.workouts.list(ann.id));
  });

  it("read check-ins, plan changes and activities in list() order, page after page", async () => {
    const ann = await signUp("ann");
    const bob = await signUp("bob");
    for (const day of ["05", "01", "03", "02", "04"]) {
      await store.checkins.upsert(ann.id, checkin(`c${day}`, `2026-06-${day}`, 2));
    }
    await store.checkins.upsert(bob.id, checkin("c00", "2026-06-01", 3));
    for (const id of ["p4", "p2", "p5", "p1", "p3"]) {
      await store.planChanges.add(ann.id, {
        id,
        kind: "move",
        from: "2026-06-02",
        to: "2026-06-04",
        createdAt: id < "p3" ? T0 : T0 + HOUR,
      });
    }
    const activities = ["a4", "a2", "a5", "a1", "a3"].map((id, i) =>
      aStoredActivity(id, `2026-06-0${5 - i}T07:00:00Z`, { createdAt: T0 }),
    );
    await store.activities.insertNew(ann.id, activities);

    const checkins = await allPages(store.checkins, ann.id, 2);
    expect(checkins.flat()).toEqual(await store.checkins.list(ann.id));
    expect(checkins.flat().map((c) => c.date)).toHaveLength(5);
    const changes = await allPages(store.planChanges, ann.id, 2);
    expect(changes.flat()).toEqual(await store.planChanges.list(ann.id));
    expect(changes.flat()).toHaveLength(5);
    const stored = await allPages(store.activities, ann.id, 2);
    expect(stored.flat()).toEqual(await store.activities.list(ann.id));
    expect(stored.map((page) => page.length)).toEqual([2, 2, 1]);
  });
});
