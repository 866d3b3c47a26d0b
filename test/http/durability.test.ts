/**
 * Once the API has answered 201, the workout is on disk: the real server (`node dist/server.js`,
 * built by `npm test`'s pretest) is killed with SIGKILL right after the answer and started
 * again on the same data, and every set is there. SQLite in a temp data folder, or the test
 * PostgreSQL database with CAPACITY_TEST_DATABASE=postgres.
 */
import { existsSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Account, Items, Workout } from "../../src/contract/index.js";
import { testDatabaseKind, testStore } from "../support/database.js";
import {
  fetchJson,
  killServerProcesses,
  PASSWORD,
  SERVER_JS,
  type ServerProcess,
  startServerProcess,
  uniqueEmail,
  workoutBody,
} from "../support/http.js";

let dataDir = "";
let env: Record<string, string> = {};
let disposeDatabase: (() => Promise<void>) | null = null;

beforeAll(async () => {
  if (!existsSync(SERVER_JS)) throw new Error(`${SERVER_JS} is missing: run npm run build first`);
  dataDir = await mkdtemp(join(tmpdir(), "capacity-durability-"));
  env = { CAPACITY_DATA_DIR: dataDir };
  if (testDatabaseKind() === "postgres") {
    // A fresh, migrated database: the server refuses to start with pending migrations.
    const made = await testStore();
    disposeDatabase = made.dispose;
    await made.store.close();
    env.DATABASE_URL = String(made.url);
  }
}, 60_000);

afterAll(async () => {
  await killServerProcesses();
  await disposeDatabase?.();
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
}, 60_000);

async function signUp(server: ServerProcess): Promise<string> {
  const response = await fetchJson<Account>(server.url, "POST", "/api/auth/signup", null, {
    email: uniqueEmail("durable"),
    password: PASSWORD,
    name: "Ana",
  });
  expect(response.status, response.text).toBe(201);
  expect(response.cookie).not.toBeNull();
  return String(response.cookie);
}

/** POSTs a workout; the moment the status line arrives, runs `then` (before reading the body). */
async function postWorkout(
  server: ServerProcess,
  cookie: string,
  body: unknown,
  then: (status: number) => void,
): Promise<number> {
  const response = await fetch(`${server.url}/api/workouts`, {
    method: "POST",
    headers: { cookie, "content-type": "application/json" },
    body: JSON.stringify(body),
  });
  then(response.status);
  // The body may be cut off by the kill; only the status line counts.
  await response.text().catch(() => "");
  return response.status;
}

describe(`durability on ${testDatabaseKind()}`, () => {
  it("a workout answered with 201 keeps all its sets through a SIGKILL", async () => {
    const first = await startServerProcess(env);
    const cookie = await signUp(first);
    const body = workoutBody("2026-11-24", 3);
    const status = await postWorkout(first, cookie, body, (code) => {
      if (code === 201) first.child.kill("SIGKILL");
    });
    expect(status).toBe(201);
    await first.kill("SIGKILL");
    expect(first.child.signalCode).toBe("SIGKILL");

    const second = await startServerProcess(env);
    try {
      const stored = await fetchJson<Workout>(
        second.url,
        "GET",
        `/api/workouts/${body.id}`,
        cookie,
      );
      expect(stored.status, stored.text).toBe(200);
      expect(stored.body).toMatchObject({ id: body.id, date: body.date, sets: body.sets });
      expect(stored.body.sets).toHaveLength(3);
    } finally {
      await second.kill("SIGTERM");
    }
  }, 60_000);

  it("20 workouts posted at once, killed right after the last 201: all 20 are there", async () => {
    const first = await startServerProcess(env);
    const cookie = await signUp(first);
    const bodies = Array.from({ length: 20 }, (_, i) =>
      workoutBody(`2026-11-${String(i + 1).padStart(2, "0")}`, 3),
    );
    let created = 0;
    const statuses = await Promise.all(
      bodies.map((body) =>
        postWorkout(first, cookie, body, (code) => {
          if (code === 201) created++;
          if (created === bodies.length) first.child.kill("SIGKILL");
        }),
      ),
    );
    expect(statuses).toEqual(bodies.map(() => 201));
    await first.kill("SIGKILL");
    expect(first.child.signalCode).toBe("SIGKILL");

    const second = await startServerProcess(env);
    try {
      const list = await fetchJson<Items<Workout>>(second.url, "GET", "/api/workouts", cookie);
      expect(list.status, list.text).toBe(200);
      expect(list.body.items).toHaveLength(20);
      const byId = new Map(list.body.items.map((item: { id: string }) => [item.id, item]));
      for (const body of bodies) {
        expect(byId.get(String(body.id)), String(body.id)).toMatchObject({
          date: body.date,
          sets: body.sets,
        });
      }
    } finally {
      await second.kill("SIGTERM");
    }
  }, 60_000);
});
