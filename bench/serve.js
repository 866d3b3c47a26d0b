// A server for `npm run bench` only: the real app on a fresh database, with two athletes: one
// with no history, one with 1,000 workouts (about ten years) and 3,000 imported runs, written
// straight through the store. Prints "ADDRESS COOKIE_EMPTY COOKIE_FULL".
import { readFileSync } from "node:fs";
import { argon2Hasher, cryptoIds } from "../dist/adapters/crypto.js";
import { openDatabase } from "../dist/adapters/db/database.js";
import { migrateToLatest } from "../dist/adapters/db/migrator.js";
import { createStore } from "../dist/adapters/db/store.js";
import { buildApp } from "../dist/adapters/http/app.js";
import { systemClock } from "../dist/app/ports.js";

const target = JSON.parse(process.argv[2]);
const database = openDatabase(target);
await migrateToLatest(database.db);
const store = createStore(database);
const app = await buildApp(
  { store, hasher: argon2Hasher, ids: cryptoIds, clock: systemClock, logInDays: 30 },
  { logLevel: "silent", trustProxy: false, bodyLimitBytes: 1_048_576, authRateLimit: 1_000_000 },
);
const profile = JSON.parse(
  readFileSync(new URL("../examples/marathoner.json", import.meta.url), "utf8"),
);

async function athlete(name) {
  const signup = await app.inject({
    method: "POST",
    url: "/api/auth/signup",
    payload: { email: `${name}@example.com`, password: "benchmark password", name },
  });
  const cookie = signup.headers["set-cookie"].toString().split(";")[0];
  await app.inject({ method: "PUT", url: "/api/profile", headers: { cookie }, payload: profile });
  const user = await store.users.byEmail(`${name}@example.com`);
  return { cookie, id: user.id };
}

const EXERCISES = [
  "quarter-squat",
  "romanian-deadlift",
  "lateral-band-walk",
  "glute-bridge",
  "one-arm-dumbbell-row",
  "dumbbell-floor-press",
  "clamshell",
];
const DAY = 86_400_000;
const today = Date.now();
const empty = await athlete("empty");
const full = await athlete("full");
await store.transaction(async (repos) => {
  for (let i = 0; i < 1000; i++) {
    const at = today - (1 + Math.floor(i * 3.5)) * DAY;
    await repos.workouts.insert(full.id, {
      id: `w-${i}`,
      date: new Date(at).toISOString().slice(0, 10),
      sets: EXERCISES.map((exercise, j) => ({
        exercise,
        load: j === 2 || j === 6 ? null : { value: 10 + (i % 20), unit: "kg" },
        reps: 9,
        rir: 2,
      })),
      createdAt: at,
      updatedAt: at,
    });
  }
});
const activities = Array.from({ length: 3000 }, (_, i) => {
  const start = today - i * 1.2 * DAY - 7 * 3_600_000;
  const minutes = i % 7 === 0 ? 95 : 40 + (i % 4) * 5;
  return {
    id: `a-${i}`,
    sport: "run",
    start: new Date(start).toISOString(),
    elapsedS: minutes * 60 + 60,
    movingS: minutes * 60,
    distanceM: minutes * 180,
    avgHr: i % 5 === 0 ? 158 : 138,
    maxHr: 175,
    ascentM: 40,
    sourceName: "Bench watch",
    warnings: [],
    format: "fit",
    source: `bench/${i}.fit`,
    createdAt: today,
  };
});
for (let i = 0; i < activities.length; i += 500)
  await store.activities.insertNew(full.id, activities.slice(i, i + 500));

const address = await app.listen({ port: 0, host: "127.0.0.1" });
process.stdout.write(`${address} ${empty.cookie} ${full.cookie}\n`);
process.on("SIGTERM", () =>
  app
    .close()
    .then(() => store.close())
    .then(() => process.exit(0)),
);
