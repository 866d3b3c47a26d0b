/**
 * Operations: `GET /metrics` (only with METRICS=true), request ids, and a SIGTERM during an
 * activity import that loses nothing acknowledged (the real server process).
 */
import { existsSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import yazl from "yazl";
import { argon2Hasher, cryptoIds } from "../../src/adapters/crypto.js";
import { buildApp } from "../../src/adapters/http/app.js";
import type { ImportJob } from "../../src/app/import-jobs.js";
import type { Account, ActivityView, Items, Workout } from "../../src/contract/index.js";
import { testStore } from "../support/database.js";
import {
  fetchJson,
  json,
  killServerProcesses,
  PASSWORD,
  SERVER_JS,
  signUp,
  startServerProcess,
  testApp,
  testClock,
  uniqueEmail,
  workoutBody,
} from "../support/http.js";

const cleanups: (() => Promise<void>)[] = [];
afterAll(async () => {
  await killServerProcesses();
  for (const cleanup of cleanups.reverse()) await cleanup();
}, 60_000);

describe("metrics", () => {
  it("are off by default", async () => {
    const t = await testApp();
    cleanups.push(() => t.dispose());
    expect((await json(t.app, "GET", "/metrics")).status).toBe(404);
  });

  it("count requests by route and status, latency, import jobs and database errors", async () => {
    const made = await testStore();
    cleanups.push(() => made.dispose());
    const app = await buildApp(
      {
        store: made.store,
        hasher: argon2Hasher,
        ids: cryptoIds,
        clock: testClock(),
        logInDays: 30,
      },
      {
        logLevel: "silent",
        trustProxy: false,
        bodyLimitBytes: 1_048_576,
        authRateLimit: 1000,
        metrics: true,
      },
    );
    cleanups.push(() => app.close());
    const cookie = await signUp(app);
    const workout = workoutBody();
    expect((await json<Workout>(app, "POST", "/api/workouts", cookie, workout)).status).toBe(201);
    expect((await json<Workout>(app, "GET", `/api/workouts/${workout.id}`, cookie)).status).toBe(
      200,
    );
    const metrics = await app.inject({ method: "GET", url: "/metrics" });
    expect(metrics.statusCode).toBe(200);
    expect(metrics.headers["content-type"]).toContain("text/plain");
    const text = metrics.body;
    expect(text).toMatch(
      /capacity_http_requests_total\{method="POST",route="\/api\/workouts",status="201"\} 1/,
    );
    expect(text).toContain('route="/api/workouts/:id"');
    expect(text).toContain("capacity_http_request_duration_seconds_bucket");
    expect(text).toContain("capacity_import_jobs_running 0");
    expect(text).toContain("capacity_database_errors_total 0");
  });
});

describe("request ids", () => {
  it("each answer carries one, different for each request", async () => {
    const t = await testApp();
    cleanups.push(() => t.dispose());
    const a = await json(t.app, "GET", "/api/health");
    const b = await json(t.app, "GET", "/api/health");
    expect(a.headers["x-request-id"]).toMatch(/^[0-9a-f-]{36}$/);
    expect(a.headers["x-request-id"]).not.toBe(b.headers["x-request-id"]);
  });
});

describe("SIGTERM", () => {
  it("ends the server within its grace time, keeping every acknowledged write", async () => {
    if (!existsSync(SERVER_JS)) throw new Error(`${SERVER_JS} is missing: run npm run build`);
    const dataDir = await mkdtemp(join(tmpdir(), "capacity-sigterm-"));
    cleanups.push(() => rm(dataDir, { recursive: true, force: true }));
    const env = { CAPACITY_DATA_DIR: dataDir, SHUTDOWN_GRACE_MS: "5000" };
    const server = await startServerProcess(env);
    const email = uniqueEmail("sigterm");
    const signup = await fetchJson<Account>(server.url, "POST", "/api/auth/signup", null, {
      email,
      password: PASSWORD,
      name: "Ana",
    });
    expect(signup.status).toBe(201);
    const cookie = signup.cookie;
    // Writes in flight when the signal comes: each either answered 201 (and kept) or refused.
    const acknowledged: string[] = [];
    const writes = Array.from({ length: 20 }, async () => {
      const body = workoutBody("2026-11-24", 3);
      try {
        const answer = await fetchJson<Workout>(server.url, "POST", "/api/workouts", cookie, body);
        if (answer.status === 201) acknowledged.push(String(body.id));
      } catch {
        // The connection closed before an answer: not acknowledged.
      }
    });
    await new Promise((resolve) => setTimeout(resolve, 30));
    const exited = new Promise<number | null>((resolve) => server.child.once("exit", resolve));
    server.child.kill("SIGTERM");
    await Promise.all(writes);
    expect(await exited).toBe(0);

    const again = await startServerProcess(env);
    const login = await fetchJson<Account>(again.url, "POST", "/api/auth/login", null, {
      email,
      password: PASSWORD,
    });
    const stored = await fetchJson<Items<Workout>>(again.url, "GET", "/api/workouts", login.cookie);
    const ids = stored.body.items.map((w: { id: string }) => w.id);
    for (const id of acknowledged) expect(ids).toContain(id);
    await again.kill();
  }, 60_000);
});

/** A short GPX run (a point every five minutes), one a day from 2021 on. */
function dailyRun(day: number): string {
  const t0 = Date.parse("2021-01-01T07:00:00Z") + day * 86_400_000;
  const points = Array.from({ length: 7 }, (_, i) => {
    const time = new Date(t0 + i * 300_000).toISOString();
    const lat = (48 + (i * 300 * 3.3) / 111_320).toFixed(6);
    return `<trkpt lat="${lat}" lon="2.000000"><ele>100</ele><time>${time}</time></trkpt>`;
  }).join("");
  return `<?xml version="1.0" encoding="UTF-8"?><gpx version="1.1" creator="Capacity test" xmlns="http://www.topografix.com/GPX/1/1"><trk><type>running</type><trkseg>${points}</trkseg></trk></gpx>`;
}

function zipOf(entries: readonly (readonly [string, string])[]): Promise<Buffer> {
  const file = new yazl.ZipFile();
  for (const [name, data] of entries) file.addBuffer(Buffer.from(data), name);
  file.end();
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    file.outputStream.on("data", (chunk: Buffer) => chunks.push(chunk));
    file.outputStream.on("end", () => resolve(Buffer.concat(chunks)));
    file.outputStream.on("error", reject);
  });
}

describe("SIGTERM during an activity import", () => {
  /** Enough files for several stored batches (500 activities each), so the signal comes mid-import. */
  const RUNS = 2_000;

  it("keeps every activity the job reported stored, and the job ends failed, not running", async () => {
    if (!existsSync(SERVER_JS)) throw new Error(`${SERVER_JS} is missing: run npm run build`);
    const dataDir = await mkdtemp(join(tmpdir(), "capacity-sigterm-import-"));
    cleanups.push(() => rm(dataDir, { recursive: true, force: true }));
    const env = { CAPACITY_DATA_DIR: dataDir, SHUTDOWN_GRACE_MS: "20000" };
    const server = await startServerProcess(env);
    const email = uniqueEmail("sigterm-import");
    const signup = await fetchJson(server.url, "POST", "/api/auth/signup", null, {
      email,
      password: PASSWORD,
      name: "Ana",
    });
    expect(signup.status).toBe(201);
    const cookie = signup.cookie ?? "";
    const archive = await zipOf(
      Array.from({ length: RUNS }, (_, day) => [`runs/${day}.gpx`, dailyRun(day)] as const),
    );
    const form = new FormData();
    form.append("file", new Blob([new Uint8Array(archive)]), "runs.zip");
    const uploaded = await fetch(`${server.url}/api/activities/import`, {
      method: "POST",
      headers: { cookie },
      body: form,
    });
    expect(uploaded.status).toBe(202);
    const job = (await uploaded.json()) as { id: string };

    // What the job has said it stored: acknowledged. The signal comes once it has said some.
    let acknowledged = 0;
    let status = "running";
    while (acknowledged === 0 && status === "running") {
      const polled = await fetchJson<ImportJob>(
        server.url,
        "GET",
        `/api/activities/imports/${job.id}`,
        cookie,
      );
      expect(polled.status).toBe(200);
      acknowledged = polled.body.counts.imported;
      status = polled.body.status;
    }
    expect(status, "the import ended before the signal: make it longer").toBe("running");
    const exited = new Promise<number | null>((resolve) => server.child.once("exit", resolve));
    server.child.kill("SIGTERM");
    expect(await exited).toBe(0);

    // The stopped server's last word on the job (nobody can ask it any more).
    const ended = server
      .stdout()
      .split("\n")
      .filter((line) => line.startsWith("{"))
      .map((line) => JSON.parse(line) as Record<string, unknown>)
      .find((entry) => entry.jobId === job.id);
    if (!ended) throw new Error(`no log line for the job:\n${server.stdout().slice(-2000)}`);
    expect(ended.msg).toBe("import job ended by the server stopping");
    expect(["failed", "done"]).toContain(ended.status);
    const reported = (ended.counts as { imported: number }).imported;
    expect(reported).toBeGreaterThanOrEqual(acknowledged);

    const again = await startServerProcess(env);
    const login = await fetchJson(again.url, "POST", "/api/auth/login", null, {
      email,
      password: PASSWORD,
    });
    const stored = await fetchJson<Items<ActivityView>>(
      again.url,
      "GET",
      "/api/activities",
      login.cookie,
    );
    expect(stored.status).toBe(200);
    // Every activity the job reported stored is there, and none twice (one run a day).
    const starts: string[] = stored.body.items.map((a) => a.start);
    expect(starts.length).toBeGreaterThanOrEqual(reported);
    expect(new Set(starts).size).toBe(starts.length);
    // The job is not left running: a new server knows nothing of it, and the slot is free.
    const gone = await fetchJson(
      again.url,
      "GET",
      `/api/activities/imports/${job.id}`,
      login.cookie,
    );
    expect(gone.status).toBe(404);
    await again.kill();
  }, 120_000);
});
