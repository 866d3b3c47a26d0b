// `npm run bench` (HTTP part): autocannon on loopback against real server processes. Every
// figure is a ratio to a bare Fastify app running in its own process, measured in the same run.
// Goals (issue 12): GET /api/health ≥ 0.5× bare; GET /api/plan with 1,000 workouts and 3,000
// activities ≥ 0.5× bare from the cache, ≥ 0.15× uncached, and uncached within 1.5× of the
// same with no history. Uncached: each request asks for another `from` (64 days from today,
// more than an athlete's cached plans), so every one reads the store and plans.
import { spawn } from "node:child_process";
import { randomUUID } from "node:crypto";
import { once } from "node:events";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import autocannon from "autocannon";
import pg from "pg";
import { machineLoad, ratioLine } from "./report.js";

/** What Chrome and Safari send: the plan then goes compressed, as it does to the web app. */
const BROWSER_ENCODINGS = "gzip, deflate, br, zstd";
const SECONDS = Number(process.env.BENCH_SECONDS ?? 4);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 10);
const PG_ADMIN =
  process.env.CAPACITY_TEST_PG_ADMIN_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";

async function start(script, args = []) {
  const child = spawn(process.execPath, [new URL(script, import.meta.url).pathname, ...args], {
    stdio: ["ignore", "pipe", "inherit"],
  });
  let output = "";
  while (!output.includes("\n")) {
    const [chunk] = await once(child.stdout, "data");
    output += chunk;
  }
  return { child, fields: output.trim().split(" ") };
}

async function stop(server) {
  server.child.kill("SIGTERM");
  await once(server.child, "exit");
}

function cannon(options) {
  return new Promise((resolve, reject) => {
    autocannon({ connections: CONNECTIONS, duration: SECONDS, ...options }, (error, result) =>
      error ? reject(error) : resolve(result),
    );
  });
}

async function measure(name, options) {
  const result = await cannon(options);
  const errors = result.non2xx + result.errors;
  const rps = result.requests.average;
  console.log(
    `  ${name.padEnd(44)} ${rps.toFixed(0).padStart(6)} req/s  p99 ${String(result.latency.p99).padStart(4)} ms  ${result.requests.total} requests${errors ? `  ${errors} ERRORS` : ""}`,
  );
  return { rps, total: result.requests.total };
}

/**
 * Requests that each ask for another `from` (today and the 63 days after it, as the week screen
 * asks for the coming weeks): never served from the plan cache.
 */
function uncached(base, cookie) {
  let i = 0;
  const first = Date.now();
  return {
    url: `${base}/api/plan`,
    headers: { cookie },
    requests: [
      {
        setupRequest: (request) => {
          const from = new Date(first + (i++ % 64) * 86_400_000).toISOString().slice(0, 10);
          return { ...request, path: `/api/plan?from=${from}` };
        },
      },
    ],
  };
}

async function bench(label, target) {
  const bare = await start("./bare.js");
  const app = await start("./serve.js", [JSON.stringify(target)]);
  const [bareBase] = bare.fields;
  const [base, emptyCookie, fullCookie] = app.fields;
  try {
    console.log(
      `http, ${label} (${machineLoad()}; ${CONNECTIONS} connections, ${SECONDS} s each):`,
    );
    const yard = await measure("bare Fastify, own process: GET /", { url: `${bareBase}/` });
    const health = await measure("GET /api/health", { url: `${base}/api/health` });
    const plan = `${base}/api/plan`;
    const cachedEmpty = await measure("GET /api/plan cached, no history", {
      url: plan,
      headers: { cookie: emptyCookie },
    });
    const cachedFull = await measure("GET /api/plan cached, 1,000 w + 3,000 a", {
      url: plan,
      headers: { cookie: fullCookie },
    });
    // As a phone's browser asks: it always takes compressed answers.
    const cachedBrowser = await measure("GET /api/plan cached, full, Accept-Encoding br", {
      url: plan,
      headers: { cookie: fullCookie, "accept-encoding": BROWSER_ENCODINGS },
    });
    const uncachedEmpty = await measure(
      "GET /api/plan uncached, no history",
      uncached(base, emptyCookie),
    );
    const uncachedFull = await measure(
      "GET /api/plan uncached, 1,000 w + 3,000 a",
      uncached(base, fullCookie),
    );
    const write = await measure("POST /api/workouts", {
      url: `${base}/api/workouts`,
      method: "POST",
      headers: { cookie: emptyCookie, "content-type": "application/json" },
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
    });
    const runs = (a, b) => `${a.total} and ${b.total} requests`;
    console.log(ratioLine("health / bare", health.rps / yard.rps, 0.5, false, runs(health, yard)));
    console.log(
      ratioLine(
        "plan cached, full history / bare",
        cachedFull.rps / yard.rps,
        0.5,
        false,
        runs(cachedFull, yard),
      ),
    );
    console.log(
      ratioLine(
        "plan cached, full history, as a browser asks / bare",
        cachedBrowser.rps / yard.rps,
        0.5,
        false,
        runs(cachedBrowser, yard),
      ),
    );
    console.log(
      ratioLine(
        "plan cached, no history / bare",
        cachedEmpty.rps / yard.rps,
        0.5,
        false,
        runs(cachedEmpty, yard),
      ),
    );
    console.log(
      ratioLine(
        "plan uncached, full history / bare",
        uncachedFull.rps / yard.rps,
        0.15,
        false,
        runs(uncachedFull, yard),
      ),
    );
    console.log(
      ratioLine(
        "plan uncached: time with full history / with none",
        uncachedEmpty.rps / uncachedFull.rps,
        1.5,
        true,
        runs(uncachedFull, uncachedEmpty),
      ),
    );
    console.log(
      ratioLine("POST /api/workouts / bare", write.rps / yard.rps, null, false, runs(write, yard)),
    );
  } finally {
    await stop(app);
    await stop(bare);
  }
}

const dir = mkdtempSync(join(tmpdir(), "capacity-bench-"));
try {
  await bench("SQLite", { kind: "sqlite", file: join(dir, "bench.sqlite") });
} finally {
  rmSync(dir, { recursive: true, force: true });
}

if (process.env.BENCH_POSTGRES === "1") {
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
}
