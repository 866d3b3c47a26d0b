/**
 * Two server processes (`node dist/server.js`) on different ports against one PostgreSQL
 * database serve the same users: a session made on one works on the other, a workout logged on
 * one is read on the other. With REDIS_URL the auth rate limit is counted across both.
 * Only meaningful on PostgreSQL (CAPACITY_TEST_DATABASE=postgres).
 */
import { existsSync } from "node:fs";
import { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Account, Items, Workout } from "../../src/contract/index.js";
import type { Profile } from "../../src/core/profile/profile.js";
import type { Plan } from "../../src/core/protocol/plan-types.js";
import { testDatabaseKind, testStore } from "../support/database.js";
import {
  exampleProfile,
  fetchJson,
  killServerProcesses,
  PASSWORD,
  present,
  problem,
  SERVER_JS,
  startServerProcess,
  uniqueEmail,
  weekOf,
  workoutBody,
} from "../support/http.js";

const REDIS_URL = process.env.CAPACITY_TEST_REDIS_URL || "redis://127.0.0.1:6379";
const NAMESPACE = "capacity-rate-limit:";

describe.runIf(testDatabaseKind() === "postgres")("two servers on one PostgreSQL", () => {
  let databaseUrl = "";
  let disposeDatabase: (() => Promise<void>) | null = null;
  let redis: Redis | null = null;

  /** Deletes the rate-limit counters (only keys of the servers' namespace). */
  async function clearCounters(): Promise<void> {
    if (!redis) return;
    let cursor = "0";
    do {
      const [next, keys] = await redis.scan(cursor, "MATCH", `${NAMESPACE}*`, "COUNT", 100);
      cursor = next;
      if (keys.length) await redis.del(...keys);
    } while (cursor !== "0");
  }

  beforeAll(async () => {
    if (!existsSync(SERVER_JS)) throw new Error(`${SERVER_JS} is missing: run npm run build first`);
    const made = await testStore();
    disposeDatabase = made.dispose;
    await made.store.close();
    databaseUrl = String(made.url);
  }, 60_000);

  afterAll(async () => {
    await killServerProcesses();
    try {
      await clearCounters();
    } finally {
      redis?.disconnect();
      await disposeDatabase?.();
    }
  }, 60_000);

  it("a session made on A works on B; a workout logged on B is read on A; logout on B ends it on A", async () => {
    const env = { DATABASE_URL: databaseUrl };
    const [a, b] = await Promise.all([startServerProcess(env), startServerProcess(env)]);
    expect(a.port).not.toBe(b.port);

    const email = uniqueEmail("two-servers");
    const signup = await fetchJson<Account>(a.url, "POST", "/api/auth/signup", null, {
      email,
      password: PASSWORD,
      name: "Ana",
    });
    expect(signup.status, signup.text).toBe(201);
    const cookie = String(signup.cookie);

    const me = await fetchJson<Account>(b.url, "GET", "/api/me", cookie);
    expect(me.status, me.text).toBe(200);
    expect(me.body).toEqual(signup.body);

    // Each process keeps computed plans in memory: a write on one must show on the other.
    const profile = await fetchJson<Profile>(
      a.url,
      "PUT",
      "/api/profile",
      cookie,
      exampleProfile(),
    );
    expect(profile.status, profile.text).toBe(200);
    const plan = "/api/plan?from=2026-11-30&weeks=2";
    const squatLoad = async (url: string) => {
      const response = await fetchJson<Plan>(url, "GET", plan, cookie);
      expect(response.status, response.text).toBe(200);
      const session = present(weekOf(response.body).sessions[0]);
      return present(session.exercises.find((e) => e.id === "quarter-squat")).load;
    };
    expect(await squatLoad(a.url)).toBeNull();
    expect(await squatLoad(b.url)).toBeNull();
    expect(await squatLoad(a.url)).toBeNull();

    const body = workoutBody("2026-11-24", 3);
    body.sets = [{ exercise: "quarter-squat", load: { value: 20, unit: "kg" }, reps: 10, rir: 3 }];
    const logged = await fetchJson<Workout>(b.url, "POST", "/api/workouts", cookie, body);
    expect(logged.status, logged.text).toBe(201);
    const read = await fetchJson<Workout>(a.url, "GET", `/api/workouts/${body.id}`, cookie);
    expect(read.status, read.text).toBe(200);
    expect(read.body).toEqual(logged.body);
    expect(await squatLoad(a.url)).toEqual({ value: 22, unit: "kg" });
    expect(await squatLoad(b.url)).toEqual({ value: 22, unit: "kg" });
    // And back: deleted on A, gone from B's plan.
    const other = workoutBody("2026-11-25", 1);
    other.sets = [{ exercise: "glute-bridge", load: null, reps: 10, rir: 2 }];
    expect((await fetchJson<Workout>(a.url, "POST", "/api/workouts", cookie, other)).status).toBe(
      201,
    );
    expect((await fetchJson(a.url, "DELETE", `/api/workouts/${body.id}`, cookie)).status).toBe(204);
    expect(await squatLoad(b.url)).toBeNull();
    expect((await fetchJson(b.url, "DELETE", `/api/workouts/${other.id}`, cookie)).status).toBe(
      204,
    );
    expect(await squatLoad(a.url)).toBeNull();
    expect((await fetchJson<Workout>(b.url, "POST", "/api/workouts", cookie, body)).status).toBe(
      201,
    );
    expect(await squatLoad(a.url)).toEqual({ value: 22, unit: "kg" });
    // The same retry on the other server is stored once.
    const retry = await fetchJson<Workout>(a.url, "POST", "/api/workouts", cookie, body);
    expect(retry.status).toBe(200);
    expect(
      (await fetchJson<Items<Workout>>(b.url, "GET", "/api/workouts", cookie)).body.items,
    ).toHaveLength(1);

    // A log-in on B, then log-out on B: that session is over on A too; the first one is not.
    const login = await fetchJson<Account>(b.url, "POST", "/api/auth/login", null, {
      email,
      password: PASSWORD,
    });
    expect(login.status).toBe(200);
    const second = String(login.cookie);
    expect((await fetchJson<Account>(a.url, "GET", "/api/me", second)).status).toBe(200);
    expect((await fetchJson(b.url, "POST", "/api/auth/logout", second)).status).toBe(204);
    expect((await fetchJson<Account>(a.url, "GET", "/api/me", second)).status).toBe(401);
    expect((await fetchJson<Account>(a.url, "GET", "/api/me", cookie)).status).toBe(200);

    await Promise.all([a.kill("SIGTERM"), b.kill("SIGTERM")]);
  }, 60_000);

  it("with REDIS_URL, log-in attempts are counted across both servers", async () => {
    redis = new Redis(REDIS_URL, { maxRetriesPerRequest: 1 });
    await clearCounters();
    const env = { DATABASE_URL: databaseUrl, REDIS_URL, AUTH_RATE_LIMIT: "3" };
    const [a, b] = await Promise.all([startServerProcess(env), startServerProcess(env)]);

    const attempt = (url: string) =>
      fetchJson<Account>(url, "POST", "/api/auth/login", null, {
        email: uniqueEmail("nobody"),
        password: "not the password",
      });
    const onA = [];
    for (let i = 0; i < 3; i++) onA.push((await attempt(a.url)).status);
    expect(onA).toEqual([401, 401, 401]);
    const fourth = await attempt(b.url);
    expect(fourth.status, fourth.text).toBe(429);
    expect(problem(fourth)).toMatchObject({ kind: "rate-limited", field: null });
    expect((await attempt(a.url)).status).toBe(429);

    const keys = await redis.keys(`${NAMESPACE}*`);
    expect(keys.length).toBeGreaterThan(0);

    await Promise.all([a.kill("SIGTERM"), b.kill("SIGTERM")]);
    await clearCounters();
  }, 60_000);
});
