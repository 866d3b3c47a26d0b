// `npm run bench` (HTTP part): autocannon on loopback against a real server process, on SQLite
// and on PostgreSQL. Goal (docs/API.md, "Performance"): GET /api/plan at least 40 % of the bare route's
// requests/s on SQLite, p99 under 25 ms at 50 connections.
import { spawn } from "node:child_process";
import { randomUUID } from "node:crypto";
import { once } from "node:events";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import autocannon from "autocannon";
import pg from "pg";

const SECONDS = Number(process.env.BENCH_SECONDS ?? 5);
const CONNECTIONS = 50;
const PG_ADMIN =
  process.env.CAPACITY_TEST_PG_ADMIN_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";
const profile = JSON.parse(
  readFileSync(new URL("../examples/marathoner.json", import.meta.url), "utf8"),
);

async function startServer(target) {
  const child = spawn(
    process.execPath,
    [new URL("./serve.js", import.meta.url).pathname, JSON.stringify(target)],
    {
      stdio: ["ignore", "pipe", "inherit"],
    },
  );
  const [line] = await once(child.stdout, "data");
  return { child, base: String(line).trim() };
}

async function call(base, method, path, cookie, body) {
  const response = await fetch(`${base}${path}`, {
    method,
    headers: {
      ...(body ? { "content-type": "application/json" } : {}),
      ...(cookie ? { cookie } : {}),
    },
    body: body ? JSON.stringify(body) : undefined,
  });
  if (!response.ok)
    throw new Error(`${method} ${path}: ${response.status} ${await response.text()}`);
  return response;
}

/** An athlete with three months of workouts (two a week, seven exercises each) and check-ins. */
async function seed(base) {
  const signup = await call(base, "POST", "/api/auth/signup", null, {
    email: `bench-${randomUUID()}@example.com`,
    password: "benchmark password",
    name: "Bench",
  });
  const cookie = signup.headers.get("set-cookie").split(";")[0];
  await call(base, "PUT", "/api/profile", cookie, profile);
  const exercises = [
    "quarter-squat",
    "romanian-deadlift",
    "lateral-band-walk",
    "glute-bridge",
    "one-arm-dumbbell-row",
    "dumbbell-floor-press",
    "clamshell",
  ];
  const start = Date.parse("2026-08-25T00:00:00Z");
  for (let week = 0; week < 13; week++) {
    for (const offset of [1, 3]) {
      const date = new Date(start + (week * 7 + offset) * 86_400_000).toISOString().slice(0, 10);
      const sets = exercises.map((exercise, i) => ({
        exercise,
        load: i === 2 || i === 6 ? null : { value: 10 + week, unit: "kg" },
        reps: 9,
        rir: 2,
      }));
      await call(base, "POST", "/api/workouts", cookie, { id: randomUUID(), date, sets });
    }
  }
  const plan = await (await call(base, "GET", "/api/plan?from=2026-11-30", cookie)).json();
  await call(base, "POST", "/bench/remember-plan", null, plan);
  return cookie;
}

function run(options) {
  return new Promise((resolve, reject) => {
    autocannon({ connections: CONNECTIONS, duration: SECONDS, ...options }, (error, result) =>
      error ? reject(error) : resolve(result),
    );
  });
}

function line(name, result) {
  const rps = result.requests.average;
  const p99 = result.latency.p99;
  const errors = result.non2xx + result.errors;
  console.log(
    `  ${name.padEnd(34)} ${rps.toFixed(0).padStart(7)} req/s   p99 ${String(p99).padStart(4)} ms${errors ? `   ${errors} errors` : ""}`,
  );
  return { rps, p99 };
}

async function bench(label, target) {
  const server = await startServer(target);
  try {
    const cookie = await seed(server.base);
    console.log(`${label} (${CONNECTIONS} connections, ${SECONDS} s each):`);
    const bare = line(
      "GET bare plan from memory",
      await run({ url: `${server.base}/bench/bare-plan` }),
    );
    const plan = line(
      "GET /api/plan",
      await run({ url: `${server.base}/api/plan?from=2026-11-30`, headers: { cookie } }),
    );
    line(
      "POST /api/workouts",
      await run({
        url: `${server.base}/api/workouts`,
        method: "POST",
        headers: { cookie, "content-type": "application/json" },
        requests: [
          {
            setupRequest: (request) => ({
              ...request,
              body: JSON.stringify({
                id: randomUUID(),
                date: "2026-11-24",
                sets: [
                  { exercise: "quarter-squat", load: { value: 20, unit: "kg" }, reps: 9, rir: 2 },
                ],
              }),
            }),
          },
        ],
      }),
    );
    const ratio = plan.rps / bare.rps;
    console.log(
      `  plan / bare: ${(ratio * 100).toFixed(0)} % (goal ≥ 40 %), plan p99 ${plan.p99} ms (goal < 25 ms) ${ratio >= 0.4 && plan.p99 < 25 ? "OK" : "MISSED"}`,
    );
  } finally {
    server.child.kill("SIGTERM");
    await once(server.child, "exit");
  }
}

const dir = mkdtempSync(join(tmpdir(), "capacity-bench-"));
try {
  await bench("SQLite", { kind: "sqlite", file: join(dir, "bench.sqlite") });
} finally {
  rmSync(dir, { recursive: true, force: true });
}

const name = `capacity_bench_${randomUUID().replaceAll("-", "").slice(0, 12)}`;
const admin = new pg.Client({ connectionString: PG_ADMIN });
await admin.connect();
await admin.query(`CREATE DATABASE ${name}`);
try {
  const url = new URL(PG_ADMIN);
  url.pathname = `/${name}`;
  await bench("PostgreSQL", { kind: "postgres", url: url.toString() });
} finally {
  await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await admin.end();
}
