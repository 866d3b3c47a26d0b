// `npm run bench` (bounded work): `/api/health` latency while one account restores the largest
// document the API takes (100,000 workouts) and another exports 20,000 workouts, against a real
// server process on a fresh SQLite file, asked by a monitor in its own process (health-probe.js).
// Goal: health answers within 200 ms throughout.
// BENCH_RESTORE_WORKOUTS and BENCH_EXPORT_WORKOUTS change the sizes.
import { spawn } from "node:child_process";
import { randomUUID } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { machineLoad, mark } from "./report.js";

const RESTORED = Number(process.env.BENCH_RESTORE_WORKOUTS ?? 100_000);
const EXPORTED = Number(process.env.BENCH_EXPORT_WORKOUTS ?? 20_000);
const GOAL_MS = 200;
const SERVER = new URL("../dist/server.js", import.meta.url).pathname;
const PROBE = new URL("./health-probe.js", import.meta.url).pathname;

/** A restore document of `count` workouts, ten a day from 2016 on (as test/support/big-export.ts). */
function restoreDocument(count) {
  const at = "2026-01-01T10:00:00.000Z";
  const start = Date.parse("2016-01-04T00:00:00Z");
  return JSON.stringify({
    format: "capacity-export",
    version: 1,
    exportedAt: at,
    account: { email: "bench@example.com", name: "Bench" },
    profile: null,
    workouts: Array.from({ length: count }, (_, i) => ({
      id: randomUUID(),
      date: new Date(start + Math.floor(i / 10) * 86_400_000).toISOString().slice(0, 10),
      sets: [
        { exercise: "quarter-squat", load: { value: 40, unit: "kg" }, reps: 10, rir: 2 },
        { exercise: "calf-raise", load: null, reps: 12, rir: 1 },
      ],
      createdAt: at,
      updatedAt: at,
    })),
    checkins: [],
    planChanges: [],
    activities: [],
  });
}

async function startServer(dataDir) {
  const child = spawn(process.execPath, [SERVER], {
    env: { ...process.env, CAPACITY_DATA_DIR: dataDir, PORT: "0", HOST: "127.0.0.1" },
    stdio: ["ignore", "pipe", "inherit"],
  });
  let output = "";
  const port = await new Promise((resolve, reject) => {
    child.stdout.setEncoding("utf8");
    child.stdout.on("data", (chunk) => {
      output += chunk;
      const match = /Capacity is running on https?:\/\/[^\s:]+:(\d+)/.exec(output);
      if (match) resolve(Number(match[1]));
    });
    child.once("exit", (code) => reject(new Error(`the server exited (${code}):\n${output}`)));
  });
  return { child, base: `http://127.0.0.1:${port}` };
}

async function signUp(base, name) {
  const answer = await fetch(`${base}/api/auth/signup`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({
      email: `${name}-${randomUUID()}@example.com`,
      password: "benchmark password",
      name,
    }),
  });
  if (answer.status !== 201) throw new Error(`sign-up answered ${answer.status}`);
  return answer.headers.getSetCookie()[0].split(";")[0];
}

async function restore(base, cookie, body) {
  const answer = await fetch(`${base}/api/import`, {
    method: "POST",
    headers: { cookie, "content-type": "application/json" },
    body,
  });
  const text = await answer.text();
  if (answer.status !== 200)
    throw new Error(`restore answered ${answer.status}: ${text.slice(0, 300)}`);
}

const dataDir = mkdtempSync(join(tmpdir(), "capacity-bench-heavy-"));
const server = await startServer(dataDir);
try {
  const restorer = await signUp(server.base, "restorer");
  const exporter = await signUp(server.base, "exporter");
  await restore(server.base, exporter, restoreDocument(EXPORTED));
  const document = restoreDocument(RESTORED);

  // The monitor runs in its own process: this one is busy sending 27 MB and reading the export.
  const probe = spawn(process.execPath, [PROBE, server.base], {
    stdio: ["pipe", "pipe", "inherit"],
  });
  let probed = "";
  probe.stdout.setEncoding("utf8");
  probe.stdout.on("data", (chunk) => {
    probed += chunk;
  });
  const probeEnded = new Promise((resolve) => probe.once("exit", resolve));
  // Its first answers before the heavy requests start: it is running when they do.
  await new Promise((resolve) => setTimeout(resolve, 200));
  const started = performance.now();
  const [, exportBytes] = await Promise.all([
    restore(server.base, restorer, document),
    fetch(`${server.base}/api/export`, { headers: { cookie: exporter } }).then(async (answer) => {
      const bytes = (await answer.arrayBuffer()).byteLength;
      if (answer.status !== 200) throw new Error(`export answered ${answer.status}`);
      return bytes;
    }),
  ]);
  const seconds = (performance.now() - started) / 1000;
  probe.stdin.end();
  await probeEnded;
  const latencies = JSON.parse(probed);
  latencies.sort((a, b) => a - b);
  const worst = latencies.at(-1) ?? 0;
  const p99 = latencies[Math.floor(latencies.length * 0.99)] ?? worst;
  console.log(`Bounded work (${machineLoad()})`);
  console.log(
    `  restore of ${RESTORED} workouts (${(Buffer.byteLength(document) / 1_048_576).toFixed(1)} MB) beside an export of ${EXPORTED} (${(exportBytes / 1_048_576).toFixed(1)} MB): ${seconds.toFixed(1)} s`,
  );
  console.log(
    `  GET /api/health meanwhile: ${latencies.length} answers, p99 ${p99.toFixed(0)} ms, worst ${worst.toFixed(0)} ms (goal ≤ ${GOAL_MS} ms) ${mark(worst, GOAL_MS, true)}`,
  );
} finally {
  server.child.kill("SIGTERM");
  await new Promise((resolve) => server.child.once("exit", resolve));
  rmSync(dataDir, { recursive: true, force: true });
}
