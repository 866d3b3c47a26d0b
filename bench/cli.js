// `npm run bench` (command line): a whole `capacity` process against a bare `node -e ''`, in
// CPU time (user + system, from /usr/bin/time) and wall-clock time. Goals (issue 12):
// `capacity plan --weeks 1` ≤ 2× and `capacity import one.fit --dry-run` ≤ 3× in CPU.
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { encodeRunFit } from "./fit-writer.js";
import { simulateTrack, summarize } from "./import-history.js";
import { machineLoad, median, ratioLine } from "./report.js";

const ROOT = new URL("..", import.meta.url).pathname;
const RUNS = Number(process.env.BENCH_CLI_RUNS ?? 7);
const TIME = "/usr/bin/time";
const dir = mkdtempSync(join(tmpdir(), "capacity-bench-cli-"));

/** One process: wall-clock ms, and CPU ms when /usr/bin/time is there. */
function measure(args, env) {
  const timed = existsSync(TIME);
  const started = process.hrtime.bigint();
  const result = spawnSync(
    timed ? TIME : process.execPath,
    timed ? ["-f", "cpu %U %S", process.execPath, ...args] : args,
    { cwd: ROOT, env: { ...process.env, ...env }, encoding: "utf8" },
  );
  const wall = Number(process.hrtime.bigint() - started) / 1e6;
  if (result.status !== 0 && result.status !== 1)
    throw new Error(`${args.join(" ")} exited ${result.status}: ${result.stderr}`);
  const cpu = /cpu (\d+\.\d+) (\d+\.\d+)\s*$/.exec(result.stderr);
  return { wall, cpu: cpu ? (Number(cpu[1]) + Number(cpu[2])) * 1000 : null };
}

function series(args, env = {}) {
  measure(args, env); // the file cache warm, as for a person who runs it twice
  const runs = Array.from({ length: RUNS }, () => measure(args, env));
  const cpu = runs.every((run) => run.cpu !== null) ? median(runs.map((run) => run.cpu)) : null;
  return { wall: median(runs.map((run) => run.wall)), cpu };
}

try {
  // One hour at 1 Hz, as a watch records an easy run.
  const track = simulateTrack({
    seed: 7,
    points: 3600,
    startMs: Date.parse("2026-10-04T07:00:00Z"),
  });
  const fit = join(dir, "one.fit");
  writeFileSync(fit, encodeRunFit({ track, serial: 3_900_000_007, summary: summarize(track) }));
  const env = { CAPACITY_DATA_DIR: join(dir, "data") };

  const bare = series(["-e", ""]);
  const plan = series([
    "bin/capacity.js",
    "plan",
    "--profile",
    "examples/marathoner.json",
    "--weeks",
    "1",
  ]);
  const importFit = series(["bin/capacity.js", "import", fit, "--dry-run"], env);
  const ms = (value) => (value === null ? "n/a" : `${value.toFixed(0)} ms`);
  console.log(`cli (${machineLoad()}; median of ${RUNS} processes each):`);
  for (const [name, figures] of [
    ["node -e ''", bare],
    ["capacity plan --weeks 1", plan],
    ["capacity import one.fit --dry-run", importFit],
  ]) {
    console.log(
      `  ${name.padEnd(36)} cpu ${ms(figures.cpu).padStart(7)}   wall ${ms(figures.wall)}`,
    );
  }
  const runs = `median of ${RUNS} runs`;
  const basis = bare.cpu !== null ? "cpu" : "wall";
  console.log(ratioLine(`plan / node -e '' (${basis})`, plan[basis] / bare[basis], 2, true, runs));
  console.log(
    ratioLine(
      `import --dry-run / node -e '' (${basis})`,
      importFit[basis] / bare[basis],
      3,
      true,
      runs,
    ),
  );
  console.log(ratioLine("plan / node -e '' (wall)", plan.wall / bare.wall, null, true, runs));
} finally {
  rmSync(dir, { recursive: true, force: true });
}
