/**
 * A database that cannot write answers 503 with Retry-After and a clear message, health says
 * so, and the service resumes by itself when the cause goes, with every acknowledged write kept.
 * SQLite: a full database (max_page_count at its current size, as a full disk looks to SQLite).
 * PostgreSQL (npm run test:pg): the server made unreachable through a TCP relay, then back.
 */
import { randomUUID } from "node:crypto";
import { connect, createServer, type Server, type Socket } from "node:net";
import { sql } from "kysely";
import { afterAll, describe, expect, it } from "vitest";
import { argon2Hasher, cryptoIds } from "../../src/adapters/crypto.js";
import { openDatabase } from "../../src/adapters/db/database.js";
import { createStore } from "../../src/adapters/db/store.js";
import { buildApp } from "../../src/adapters/http/app.js";
import type { Account, ErrorBody, Items, Workout } from "../../src/contract/index.js";
import { testDatabaseKind, testStore } from "../support/database.js";
import {
  type JsonResponse,
  json,
  PASSWORD,
  problem,
  signUp,
  type TestApp,
  testApp,
  testClock,
  uniqueEmail,
  workoutBody,
} from "../support/http.js";

const disposers: (() => Promise<void>)[] = [];
afterAll(async () => {
  for (const dispose of disposers.reverse()) await dispose();
});

/** \`GET /api/health\`: "ok", or "unavailable" with the error that says why. */
interface Health {
  readonly status: string;
  readonly error?: ErrorBody["error"];
}

function expectUnavailable(answer: JsonResponse) {
  expect(answer.status).toBe(503);
  expect(answer.headers["retry-after"]).toMatch(/^\d+$/);
  expect(problem(answer).kind).toBe("unavailable");
}

describe.runIf(testDatabaseKind() === "sqlite")("a full SQLite database", () => {
  it("answers 503 on writes and log-in, health 503, then recovers with nothing lost", async () => {
    const t: TestApp = await testApp();
    disposers.push(() => t.dispose());
    const email = uniqueEmail();
    const cookie = await signUp(t.app, email);
    const acknowledged: string[] = [];
    const first = workoutBody("2026-11-20", 3);
    expect((await json<Workout>(t.app, "POST", "/api/workouts", cookie, first)).status).toBe(201);
    acknowledged.push(String(first.id));

    // No page may be added from here on, as on a full disk.
    await sql`pragma max_page_count = 1`.execute(t.db);
    let refused = null;
    for (let i = 0; i < 200 && refused === null; i++) {
      const body = workoutBody("2026-11-21", 10);
      const answer = await json<Workout>(t.app, "POST", "/api/workouts", cookie, body);
      if (answer.status === 201) acknowledged.push(String(body.id));
      else refused = answer;
    }
    if (refused === null) throw new Error("the database never filled up");
    expectUnavailable(refused);
    expect(problem(refused).message).toContain("full");

    const health = await json<Health>(t.app, "GET", "/api/health");
    expect(health.status).toBe(503);
    expect(health.body.error?.message).toContain("full");
    // Reads still work.
    expect((await json<Items<Workout>>(t.app, "GET", "/api/workouts", cookie)).status).toBe(200);

    await sql`pragma max_page_count = 1073741823`.execute(t.db);
    const after = workoutBody("2026-11-22", 2);
    expect((await json<Workout>(t.app, "POST", "/api/workouts", cookie, after)).status).toBe(201);
    acknowledged.push(String(after.id));
    expect((await json(t.app, "GET", "/api/health")).status).toBe(200);
    const login = await json<Account>(t.app, "POST", "/api/auth/login", null, {
      email,
      password: PASSWORD,
    });
    expect(login.status).toBe(200);

    const stored = (
      await json<Items<Workout>>(t.app, "GET", "/api/workouts", cookie)
    ).body.items.map((w: { id: string }) => w.id);
    expect(stored.sort()).toEqual([...acknowledged].sort());
  });

  it("a log-in that cannot store its session answers 503, not 500", async () => {
    const t: TestApp = await testApp();
    disposers.push(() => t.dispose());
    const email = uniqueEmail();
    await signUp(t.app, email);
    await sql`pragma max_page_count = 1`.execute(t.db);
    let answer = null;
    for (let i = 0; i < 300; i++) {
      answer = await json<Account>(t.app, "POST", "/api/auth/login", null, {
        email,
        password: PASSWORD,
      });
      if (answer.status !== 200) break;
    }
    if (answer === null) throw new Error("no log-in");
    expectUnavailable(answer);
  });
});

/** A TCP relay to PostgreSQL that the test takes down and brings back. */
async function relay(target: { host: string; port: number }) {
  const sockets = new Set<Socket>();
  let server: Server | null = null;
  let port = 0;
  const start = () =>
    new Promise<void>((resolve, reject) => {
      const s = createServer((client) => {
        sockets.add(client);
        client.once("close", () => sockets.delete(client));
        const upstream = connect(target.port, target.host);
        sockets.add(upstream);
        upstream.once("close", () => sockets.delete(upstream));
        client.pipe(upstream).pipe(client);
        client.on("error", () => upstream.destroy());
        upstream.on("error", () => client.destroy());
      });
      s.once("error", reject);
      s.listen(port, "127.0.0.1", () => {
        port = (s.address() as { port: number }).port;
        server = s;
        resolve();
      });
    });
  const stop = () =>
    new Promise<void>((resolve) => {
      for (const socket of sockets) socket.destroy();
      sockets.clear();
      if (server === null) return resolve();
      server.close(() => resolve());
      server = null;
    });
  await start();
  return { port: () => port, start, stop };
}

describe.runIf(testDatabaseKind() === "postgres")("PostgreSQL going away", () => {
  it("answers 503 while it is down, health 503, then recovers; every acknowledged write kept", async () => {
    const made = await testStore();
    disposers.push(() => made.dispose());
    const url = new URL(made.url ?? "");
    const link = await relay({ host: url.hostname, port: Number(url.port || 5432) });
    disposers.push(() => link.stop());
    url.host = `127.0.0.1:${link.port()}`;
    const database = openDatabase({ kind: "postgres", url: url.href }, { onPoolError: () => {} });
    const store = createStore(database);
    const app = await buildApp(
      { store, hasher: argon2Hasher, ids: cryptoIds, clock: testClock(), logInDays: 30 },
      { logLevel: "silent", trustProxy: false, bodyLimitBytes: 1_048_576, authRateLimit: 1000 },
    );
    disposers.push(async () => {
      await app.close();
      await store.close();
    });
    const cookie = await signUp(app);
    const acknowledged: string[] = [];
    const write = async () => {
      const body = workoutBody("2026-11-24", 2, randomUUID());
      const answer = await json<Workout>(app, "POST", "/api/workouts", cookie, body);
      if (answer.status === 201) acknowledged.push(String(body.id));
      return answer;
    };
    for (let i = 0; i < 5; i++) expect((await write()).status).toBe(201);

    await link.stop();
    const during = await Promise.all([write(), write(), write()]);
    for (const answer of during) expectUnavailable(answer);
    const health = await json<Health>(app, "GET", "/api/health");
    expect(health.status).toBe(503);
    expect(health.body.status).toBe("unavailable");

    await link.start();
    let recovered = false;
    for (let i = 0; i < 50 && !recovered; i++) {
      const answer = await write();
      if (answer.status === 201) recovered = true;
      else {
        expectUnavailable(answer);
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    }
    expect(recovered).toBe(true);
    for (let i = 0; i < 5; i++) expect((await write()).status).toBe(201);
    expect((await json(app, "GET", "/api/health")).status).toBe(200);
    const rows = await made.db.selectFrom("workout").select("id").execute();
    expect(rows.map((row) => row.id).sort()).toEqual([...acknowledged].sort());
  });
});
