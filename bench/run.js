// `npm run bench`: speed goals, measured here rather than asserted in tests.
// Planner goal (docs/ARCHITECTURE.md, "Performance"): 52 weeks for 1,000 random profiles in under one second on one core.

import { EQUIPMENT, INJURIES } from "../dist/core/exercise/types.js";
import { RACE_DISTANCES, RUN_KINDS } from "../dist/core/profile/profile.js";
import { planWeeks } from "../dist/core/protocol/plan.js";
import { parseLocalDate, WEEKDAYS } from "../dist/core/units/local-date.js";

/** mulberry32: a small seeded generator, so every run plans the same profiles. */
function random(seed) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// The contract's own vocabularies, so that the benchmark plans every kind of profile there is.
const RUNS = RUN_KINDS;
const DAYS = WEEKDAYS;
const GEAR = EQUIPMENT.filter((item) => item !== "bodyweight");
const DISTANCES = RACE_DISTANCES;

function profileFrom(next) {
  const pick = (list) => list[Math.floor(next() * list.length)];
  const some = (list, p) => list.filter(() => next() < p);
  const raceDay = parseLocalDate("2027-01-01") + Math.floor(next() * 360);
  const race =
    next() < 0.7
      ? {
          date: new Date(raceDay * 86_400_000).toISOString().slice(0, 10),
          distance: pick(DISTANCES),
        }
      : undefined;
  return {
    name: "Bench",
    birthYear: 1940 + Math.floor(next() * 70),
    units: next() < 0.5 ? "kg" : "lb",
    equipment: ["bodyweight", ...some(GEAR, 0.4)],
    sessionMinutes: 8 + Math.floor(next() * 60),
    weekStart: pick(DAYS),
    runWeek: Object.fromEntries(DAYS.map((day) => [day, pick(RUNS)])),
    preferredDays: some(DAYS, 0.2),
    injuries: some(INJURIES, 0.1),
    ...(race ? { race } : {}),
  };
}

const next = random(42);
const profiles = Array.from({ length: 1000 }, () => profileFrom(next));
const from = parseLocalDate("2026-11-30");

// Warm up the JIT on a few plans first, as a long-running server would be.
for (const profile of profiles.slice(0, 50)) planWeeks({ profile, log: {}, from, weeks: 52 });

// The median of five rounds: one slow round (a busy machine) does not decide the figure.
const rounds = [];
let sessions = 0;
for (let round = 0; round < 5; round++) {
  sessions = 0;
  const started = process.hrtime.bigint();
  for (const profile of profiles) {
    const plan = planWeeks({ profile, log: {}, from, weeks: 52 });
    for (const week of plan.weeks) sessions += week.sessions.length;
  }
  rounds.push(Number(process.hrtime.bigint() - started) / 1e6);
}
const ms = rounds.sort((a, b) => a - b)[2];
console.log(
  `planner: 1,000 profiles × 52 weeks in ${ms.toFixed(0)} ms, median of 5 (${rounds.map((r) => r.toFixed(0)).join(", ")}; ${sessions} sessions; goal < 1000 ms) ${ms < 1000 ? "OK" : "SLOW"}`,
);

// The planner with a 1,000-workout log (about ten years, two a week) against the same with none:
// the log as the command line's --log gives it whole, and as the server's bounded read trims it.
const { planLogStart } = await import("../dist/app/plan-log.js");
const { machineLoad, median: middle, ratioLine } = await import("./report.js");
const EXERCISES = [
  "quarter-squat",
  "romanian-deadlift",
  "calf-raise",
  "lateral-band-walk",
  "glute-bridge",
  "one-arm-dumbbell-row",
  "dumbbell-floor-press",
];
const bigLog = { sessions: [], checkins: [] };
for (let i = 0; i < 1000; i++) {
  const day = from - 1 - Math.floor(i * 3.5);
  const date = new Date(day * 86_400_000).toISOString().slice(0, 10);
  bigLog.sessions.unshift({
    date,
    sets: EXERCISES.map((exercise, j) => ({
      exercise,
      load: j === 3 ? null : { value: 10 + (i % 20), unit: "kg" },
      reps: 8 + (i % 3),
      rir: 1 + (i % 2),
    })),
  });
  if (i % 3 === 0) {
    const next = new Date((day + 1) * 86_400_000).toISOString().slice(0, 10);
    bigLog.checkins.unshift({ date: next, soreness: i % 8, hurtRun: false });
  }
}
const profile = profiles[0];
const since = planLogStart(from, profile.weekStart);
const kept = new Set(
  bigLog.sessions
    .map((session, i) => ({ session, i }))
    .filter(({ session, i }) => {
      const day = parseLocalDate(session.date);
      // The window, and more before it than the read keeps (6 days of each exercise).
      return day >= since || i >= bigLog.sessions.length - 40;
    })
    .map(({ i }) => i),
);
const trimmed = {
  sessions: bigLog.sessions.filter((_, i) => kept.has(i)),
  checkins: bigLog.checkins.filter((checkin) => parseLocalDate(checkin.date) >= since),
};
// Rounds of a few hundred milliseconds each: shorter ones moved the ratio by half from run to run.
const PLANS = 1500;
function timePlans(log) {
  const rounds = [];
  for (let round = 0; round < 5; round++) {
    const started = process.hrtime.bigint();
    for (let i = 0; i < PLANS; i++) planWeeks({ profile, log, from, weeks: 1 });
    rounds.push(Number(process.hrtime.bigint() - started) / 1e6 / PLANS);
  }
  return middle(rounds);
}
timePlans(bigLog);
const empty = timePlans({});
const whole = timePlans(bigLog);
const bounded = timePlans(trimmed);
console.log(`planner, one week (${machineLoad()}; median of 5 rounds of ${PLANS} plans):`);
console.log(
  `  empty log ${empty.toFixed(3)} ms, 1,000 workouts whole ${whole.toFixed(3)} ms, as the server reads them ${bounded.toFixed(3)} ms`,
);
console.log(
  ratioLine("1,000 workouts whole / empty", whole / empty, null, true, `${5 * PLANS} plans each`),
);
console.log(
  ratioLine(
    "1,000 workouts bounded / empty",
    bounded / empty,
    1.5,
    true,
    `${5 * PLANS} plans each`,
  ),
);
