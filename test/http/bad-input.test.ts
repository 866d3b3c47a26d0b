/**
 * Bad input on every route that takes a body or a query: 400 with
 * {"error":{"kind","message","field"}} naming the field, and nothing written (every row of
 * every table is compared before and after).
 */
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ImportSummary } from "../../src/app/data-transfer.js";
import type { Checkin, Swap, Workout } from "../../src/contract/index.js";
import type { Profile } from "../../src/core/profile/profile.js";
import {
  appRoutes,
  databaseRows,
  exampleProfile,
  json,
  PASSWORD,
  problem,
  signUp,
  type TestApp,
  testApp,
  uniqueEmail,
  workoutBody,
} from "../support/http.js";

const BODY_LIMIT = 4096;

let t: TestApp;
let cookie = "";
let email = "";
let workoutId = "";

beforeAll(async () => {
  t = await testApp({ bodyLimitBytes: BODY_LIMIT });
  email = uniqueEmail();
  cookie = await signUp(t.app, email);
  expect((await json<Profile>(t.app, "PUT", "/api/profile", cookie, exampleProfile())).status).toBe(
    200,
  );
  const workout = workoutBody("2026-11-24", 2);
  workoutId = String(workout.id);
  expect((await json<Workout>(t.app, "POST", "/api/workouts", cookie, workout)).status).toBe(201);
  const checkin = { date: "2026-11-25", soreness: 2, hurtRun: false };
  expect((await json<Checkin>(t.app, "POST", "/api/checkins", cookie, checkin)).status).toBe(201);
  const swapped = { ...swap, date: "2026-12-03" };
  expect((await json<Swap>(t.app, "POST", "/api/plan/swaps", cookie, swapped)).status).toBe(201);
});

afterAll(async () => {
  await t?.dispose();
});

/** A raw body: sent as is, with its own content type. */
interface Raw {
  readonly raw: string;
  readonly type: string;
}

interface Case {
  readonly name: string;
  readonly method: "GET" | "POST" | "PUT" | "PATCH";
  /** `:workout` stands for the stored workout's id. */
  readonly url: string;
  readonly body?: unknown;
  /** The field the error names; null when the problem has no field (bad JSON, too large). */
  readonly field: string | null;
  readonly kind?: string;
}

// ---- Valid bodies; each case breaks one thing. ----

const set = { exercise: "quarter-squat", load: { value: 20, unit: "kg" }, reps: 10, rir: 2 };
const workout = (sets: unknown[] = [set], extra: object = {}) => ({
  id: randomUUID(),
  date: "2026-11-26",
  sets,
  ...extra,
});
const withSet = (change: object) => workout([{ ...set, ...change }]);
const checkin = { date: "2026-11-26", soreness: 3, hurtRun: false };
const signup = () => ({ email: uniqueEmail(), password: PASSWORD, name: "Ana" });
const login = () => ({ email, password: PASSWORD });
const password = { current: PASSWORD, next: "another good passphrase" };
const move = { from: "2026-12-03", to: "2026-12-06" };
const swap = {
  date: "2026-12-01",
  exercise: "romanian-deadlift",
  with: "single-leg-romanian-deadlift",
};
const profile = (change: Record<string, unknown> = {}) => ({ ...exampleProfile(), ...change });
const activity = (start = "2026-11-09T07:00:00.000Z") => ({
  id: randomUUID(),
  sport: "run",
  start,
  elapsedS: 3600,
  movingS: 3540,
  distanceM: 10_000,
  avgHr: 140,
  maxHr: 168,
  ascentM: null,
  sourceName: "Test Watch",
  format: "gpx",
  source: "run.gpx",
  warnings: [],
  createdAt: "2026-11-10T08:00:00.000Z",
});
const exportDoc = (change: Record<string, unknown> = {}) => ({
  format: "capacity-export",
  version: 1,
  exportedAt: "2026-11-30T09:00:00.000Z",
  account: { email: "old@example.com", name: "Ana" },
  profile: exampleProfile(),
  workouts: [
    {
      id: randomUUID(),
      date: "2026-11-10",
      sets: [set],
      createdAt: "2026-11-10T18:00:00.000Z",
      updatedAt: "2026-11-10T18:00:00.000Z",
    },
  ],
  checkins: [
    {
      id: randomUUID(),
      date: "2026-11-11",
      soreness: 1,
      hurtRun: false,
      createdAt: "2026-11-11T08:00:00.000Z",
    },
  ],
  planChanges: [
    {
      id: randomUUID(),
      kind: "move",
      from: "2026-12-10",
      to: "2026-12-13",
      createdAt: "2026-11-12T08:00:00.000Z",
    },
  ],
  activities: [activity()],
  ...change,
});
/** The parts of an export document that a case spoils (it holds one workout and one check-in). */
interface Spoilable {
  workouts: [Fields & { sets: unknown[] }, ...Fields[]];
  checkins: [Fields];
  planChanges: [Fields];
  activities: [Fields, ...Fields[]];
  profile: Fields & { runWeek: Fields };
}
type Fields = Record<string, unknown>;
const importWith = (spoil: (doc: Spoilable) => void) => {
  const doc = exportDoc();
  spoil(doc as unknown as Spoilable);
  return doc;
};

/** The routes that take a body, each with a valid one (checked to be accepted at the end). */
const BODY_ROUTES: { method: Case["method"]; url: string; valid: () => Fields }[] = [
  { method: "POST", url: "/api/auth/signup", valid: signup },
  { method: "POST", url: "/api/auth/login", valid: login },
  { method: "POST", url: "/api/auth/password", valid: () => password },
  { method: "PUT", url: "/api/profile", valid: () => profile() },
  { method: "POST", url: "/api/plan/moves", valid: () => move },
  { method: "POST", url: "/api/plan/swaps", valid: () => swap },
  { method: "POST", url: "/api/workouts", valid: () => workout() },
  { method: "PATCH", url: "/api/workouts/:workout", valid: () => ({ date: "2026-11-23" }) },
  { method: "POST", url: "/api/checkins", valid: () => checkin },
  { method: "POST", url: "/api/import", valid: () => exportDoc() },
  {
    method: "POST",
    url: "/api/strength-imports/review",
    valid: () => ({ choices: [{ name: "Zercher Carry", exercise: null }] }),
  },
];

/** The same kinds of breakage for every body route. */
const EVERY_BODY_ROUTE: Case[] = BODY_ROUTES.flatMap(({ method, url, valid }): Case[] => [
  {
    name: "malformed JSON",
    method,
    url,
    body: { raw: '{"date": "2026-11-24", ', type: "application/json" } satisfies Raw,
    field: null,
    kind: "invalid-json",
  },
  {
    name: "an empty JSON body",
    method,
    url,
    body: { raw: "", type: "application/json" } satisfies Raw,
    field: null,
    kind: "invalid-json",
  },
  {
    name: "a __proto__ key (prototype poisoning)",
    method,
    url,
    body: {
      raw: JSON.stringify(valid()).replace(/^\{/, '{"__proto__":{"admin":true},'),
      type: "application/json",
    } satisfies Raw,
    field: null,
    kind: "invalid-json",
  },
  {
    name: "JSON that is not an object",
    method,
    url,
    body: [valid()],
    field: "",
  },
  {
    name: "JSON null",
    method,
    url,
    body: { raw: "null", type: "application/json" } satisfies Raw,
    field: "",
  },
  {
    name: "a body that is not JSON",
    method,
    url,
    body: { raw: JSON.stringify(valid()), type: "text/plain" } satisfies Raw,
    field: "",
  },
  {
    name: "an unknown field",
    method,
    url,
    body: { ...valid(), admin: true },
    field: "admin",
  },
  ...(url === "/api/import"
    ? []
    : [
        {
          name: `a body over the limit (${BODY_LIMIT} bytes)`,
          method,
          url,
          body: { ...valid(), padding: "x".repeat(10 * 1024) },
          field: null,
          kind: "too-large",
        },
      ]),
]);

const ACCOUNT_CASES: Case[] = [
  {
    name: "e-mail not a string",
    method: "POST",
    url: "/api/auth/signup",
    body: { ...signup(), email: 5 },
    field: "email",
  },
  {
    name: "e-mail not an address",
    method: "POST",
    url: "/api/auth/signup",
    body: { ...signup(), email: "ana.example.com" },
    field: "email",
  },
  {
    name: "password of 9 characters",
    method: "POST",
    url: "/api/auth/signup",
    body: { ...signup(), password: "123456789" },
    field: "password",
  },
  {
    name: "password not a string",
    method: "POST",
    url: "/api/auth/signup",
    body: { ...signup(), password: 1234567890 },
    field: "password",
  },
  {
    name: "empty name",
    method: "POST",
    url: "/api/auth/signup",
    body: { ...signup(), name: "" },
    field: "name",
  },
  {
    name: "blank name",
    method: "POST",
    url: "/api/auth/signup",
    body: { ...signup(), name: "   " },
    field: "name",
  },
  {
    name: "missing name",
    method: "POST",
    url: "/api/auth/signup",
    body: { email: uniqueEmail(), password: PASSWORD },
    field: "name",
  },
  {
    name: "login password not a string",
    method: "POST",
    url: "/api/auth/login",
    body: { email, password: 12 },
    field: "password",
  },
  {
    name: "login without password",
    method: "POST",
    url: "/api/auth/login",
    body: { email },
    field: "password",
  },
  {
    name: "new password too short",
    method: "POST",
    url: "/api/auth/password",
    body: { ...password, next: "short" },
    field: "next",
  },
  {
    name: "new password not a string",
    method: "POST",
    url: "/api/auth/password",
    body: { ...password, next: ["a"] },
    field: "next",
  },
  {
    name: "wrong current password",
    method: "POST",
    url: "/api/auth/password",
    body: { ...password, current: "not my password" },
    field: "current",
  },
  {
    name: "missing current password",
    method: "POST",
    url: "/api/auth/password",
    body: { next: password.next },
    field: "current",
  },
];

const PROFILE_CASES: Case[] = [
  {
    name: "run day not in the list",
    method: "PUT",
    url: "/api/profile",
    body: profile({ runWeek: { ...(exampleProfile().runWeek as object), tue: "hard" } }),
    field: "runWeek.tue",
  },
  {
    name: "session minutes as text",
    method: "PUT",
    url: "/api/profile",
    body: profile({ sessionMinutes: "35" }),
    field: "sessionMinutes",
  },
  {
    name: "session minutes out of range",
    method: "PUT",
    url: "/api/profile",
    body: profile({ sessionMinutes: 5 }),
    field: "sessionMinutes",
  },
  {
    name: "unknown unit",
    method: "PUT",
    url: "/api/profile",
    body: profile({ units: "stone" }),
    field: "units",
  },
  {
    name: "unknown equipment",
    method: "PUT",
    url: "/api/profile",
    body: profile({ equipment: ["dumbbells", "jetpack"] }),
    field: "equipment[1]",
  },
  {
    name: "impossible race date",
    method: "PUT",
    url: "/api/profile",
    body: profile({ race: { date: "2027-02-30", distance: "marathon" } }),
    field: "race.date",
  },
  {
    name: "unknown time zone",
    method: "PUT",
    url: "/api/profile",
    body: profile({ timezone: "Mars/Olympus_Mons" }),
    field: "timezone",
  },
  {
    name: "missing run week",
    method: "PUT",
    url: "/api/profile",
    body: (() => {
      const p = profile();
      delete p.runWeek;
      return p;
    })(),
    field: "runWeek",
  },
];

const PLAN_CHANGE_CASES: Case[] = [
  {
    name: "move date not a string",
    method: "POST",
    url: "/api/plan/moves",
    body: { ...move, from: 20261201 },
    field: "from",
  },
  {
    name: "move from an impossible date",
    method: "POST",
    url: "/api/plan/moves",
    body: { ...move, from: "2026-02-30" },
    field: "from",
  },
  {
    name: "move to an impossible date",
    method: "POST",
    url: "/api/plan/moves",
    body: { ...move, to: "2026-02-30" },
    field: "to",
  },
  {
    name: "move to a word",
    method: "POST",
    url: "/api/plan/moves",
    body: { ...move, to: "tomorrow" },
    field: "to",
  },
  {
    name: "move without to",
    method: "POST",
    url: "/api/plan/moves",
    body: { from: move.from },
    field: "to",
  },
  {
    name: "move to another week",
    method: "POST",
    url: "/api/plan/moves",
    body: { from: "2026-12-01", to: "2026-12-09" },
    field: "to",
  },
  {
    name: "swap on an impossible date",
    method: "POST",
    url: "/api/plan/swaps",
    body: { ...swap, date: "2026-02-30" },
    field: "date",
  },
  {
    name: "swap with an unknown exercise",
    method: "POST",
    url: "/api/plan/swaps",
    body: { ...swap, with: "moon-walk" },
    field: "with",
  },
  {
    name: "swap of an unknown exercise",
    method: "POST",
    url: "/api/plan/swaps",
    body: { ...swap, exercise: "moon-walk" },
    field: "exercise",
  },
  {
    name: "swap with an empty exercise",
    method: "POST",
    url: "/api/plan/swaps",
    body: { ...swap, with: "" },
    field: "with",
  },
];

const WORKOUT_CASES: Case[] = [
  {
    name: "reps 0",
    method: "POST",
    url: "/api/workouts",
    body: withSet({ reps: 0 }),
    field: "sets[0].reps",
  },
  {
    name: "reps 101",
    method: "POST",
    url: "/api/workouts",
    body: withSet({ reps: 101 }),
    field: "sets[0].reps",
  },
  {
    name: "reps 9.5",
    method: "POST",
    url: "/api/workouts",
    body: withSet({ reps: 9.5 }),
    field: "sets[0].reps",
  },
  {
    name: "reps as text",
    method: "POST",
    url: "/api/workouts",
    body: withSet({ reps: "10" }),
    field: "sets[0].reps",
  },
  {
    name: "rir -1",
    method: "POST",
    url: "/api/workouts",
    body: withSet({ rir: -1 }),
    field: "sets[0].rir",
  },
  {
    name: "rir 6",
    method: "POST",
    url: "/api/workouts",
    body: withSet({ rir: 6 }),
    field: "sets[0].rir",
  },
  {
    name: "negative load",
    method: "POST",
    url: "/api/workouts",
    body: withSet({ load: { value: -5, unit: "kg" } }),
    field: "sets[0].load.value",
  },
  {
    name: "load over 1000",
    method: "POST",
    url: "/api/workouts",
    body: withSet({ load: { value: 1001, unit: "kg" } }),
    field: "sets[0].load.value",
  },
  {
    name: "load as text",
    method: "POST",
    url: "/api/workouts",
    body: withSet({ load: "20 kg" }),
    field: "sets[0].load",
  },
  {
    name: "unknown unit",
    method: "POST",
    url: "/api/workouts",
    body: withSet({ load: { value: 20, unit: "stone" } }),
    field: "sets[0].load.unit",
  },
  {
    name: "unknown field in a load",
    method: "POST",
    url: "/api/workouts",
    body: withSet({ load: { value: 20, unit: "kg", per: "hand" } }),
    field: "sets[0].load.per",
  },
  {
    name: "unknown field in a set",
    method: "POST",
    url: "/api/workouts",
    body: withSet({ weight: 20 }),
    field: "sets[0].weight",
  },
  {
    name: "missing rir",
    method: "POST",
    url: "/api/workouts",
    body: workout([{ exercise: "quarter-squat", load: null, reps: 10 }]),
    field: "sets[0].rir",
  },
  {
    name: "unknown exercise",
    method: "POST",
    url: "/api/workouts",
    body: withSet({ exercise: "moon-walk" }),
    field: "sets[0].exercise",
  },
  {
    name: "the second set bad",
    method: "POST",
    url: "/api/workouts",
    body: workout([set, { ...set, reps: 0 }]),
    field: "sets[1].reps",
  },
  {
    name: "the second set of an unknown exercise",
    method: "POST",
    url: "/api/workouts",
    body: workout([set, { ...set, exercise: "moon-walk" }]),
    field: "sets[1].exercise",
  },
  {
    name: "date 2026-02-30",
    method: "POST",
    url: "/api/workouts",
    body: workout([set], { date: "2026-02-30" }),
    field: "date",
  },
  {
    name: "date in another format",
    method: "POST",
    url: "/api/workouts",
    body: workout([set], { date: "26/11/2026" }),
    field: "date",
  },
  {
    name: "id not a UUID",
    method: "POST",
    url: "/api/workouts",
    body: workout([set], { id: "workout-1" }),
    field: "id",
  },
  {
    name: "id a number",
    method: "POST",
    url: "/api/workouts",
    body: workout([set], { id: 42 }),
    field: "id",
  },
  { name: "no sets", method: "POST", url: "/api/workouts", body: workout([]), field: "sets" },
  {
    name: "sets not a list",
    method: "POST",
    url: "/api/workouts",
    body: workout([set], { sets: set }),
    field: "sets",
  },
  {
    name: "missing date",
    method: "POST",
    url: "/api/workouts",
    body: { sets: [set] },
    field: "date",
  },
  {
    name: "patch: reps 0",
    method: "PATCH",
    url: "/api/workouts/:workout",
    body: { sets: [{ ...set, reps: 0 }] },
    field: "sets[0].reps",
  },
  {
    name: "patch: rir 6",
    method: "PATCH",
    url: "/api/workouts/:workout",
    body: { sets: [{ ...set, rir: 6 }] },
    field: "sets[0].rir",
  },
  {
    name: "patch: negative load",
    method: "PATCH",
    url: "/api/workouts/:workout",
    body: { sets: [{ ...set, load: { value: -1, unit: "lb" } }] },
    field: "sets[0].load.value",
  },
  {
    name: "patch: unknown exercise",
    method: "PATCH",
    url: "/api/workouts/:workout",
    body: { sets: [{ ...set, exercise: "moon-walk" }] },
    field: "sets[0].exercise",
  },
  {
    name: "patch: date 2026-02-30",
    method: "PATCH",
    url: "/api/workouts/:workout",
    body: { date: "2026-02-30" },
    field: "date",
  },
  {
    name: "patch: a valid date with bad sets",
    method: "PATCH",
    url: "/api/workouts/:workout",
    body: { date: "2026-11-20", sets: [{ ...set, reps: 101 }] },
    field: "sets[0].reps",
  },
  {
    name: "patch: the id cannot change",
    method: "PATCH",
    url: "/api/workouts/:workout",
    body: { id: randomUUID() },
    field: "id",
  },
];

const CHECKIN_CASES: Case[] = [
  {
    name: "soreness 11",
    method: "POST",
    url: "/api/checkins",
    body: { ...checkin, soreness: 11 },
    field: "soreness",
  },
  {
    name: "soreness -1",
    method: "POST",
    url: "/api/checkins",
    body: { ...checkin, soreness: -1 },
    field: "soreness",
  },
  {
    name: "soreness 7.5",
    method: "POST",
    url: "/api/checkins",
    body: { ...checkin, soreness: 7.5 },
    field: "soreness",
  },
  {
    name: "soreness as text",
    method: "POST",
    url: "/api/checkins",
    body: { ...checkin, soreness: "7" },
    field: "soreness",
  },
  {
    name: "hurtRun as text",
    method: "POST",
    url: "/api/checkins",
    body: { ...checkin, hurtRun: "yes" },
    field: "hurtRun",
  },
  {
    name: "missing hurtRun",
    method: "POST",
    url: "/api/checkins",
    body: { date: checkin.date, soreness: 3 },
    field: "hurtRun",
  },
  {
    name: "date 2026-02-30",
    method: "POST",
    url: "/api/checkins",
    body: { ...checkin, date: "2026-02-30" },
    field: "date",
  },
  {
    name: "date 2026-13-01",
    method: "POST",
    url: "/api/checkins",
    body: { ...checkin, date: "2026-13-01" },
    field: "date",
  },
];

const IMPORT_CASES: Case[] = [
  {
    name: "another format",
    method: "POST",
    url: "/api/import",
    body: exportDoc({ format: "strava" }),
    field: "format",
  },
  {
    name: "another version",
    method: "POST",
    url: "/api/import",
    body: exportDoc({ version: 2 }),
    field: "version",
  },
  {
    name: "a workout id not a UUID",
    method: "POST",
    url: "/api/import",
    body: importWith((d) => {
      d.workouts[0].id = "w1";
    }),
    field: "workouts[0].id",
  },
  {
    name: "reps 0 in a workout",
    method: "POST",
    url: "/api/import",
    body: importWith((d) => {
      d.workouts[0].sets[0] = { ...set, reps: 0 };
    }),
    field: "workouts[0].sets[0].reps",
  },
  {
    name: "an unknown exercise",
    method: "POST",
    url: "/api/import",
    body: importWith((d) => {
      d.workouts[0].sets[0] = { ...set, exercise: "moon-walk" };
    }),
    field: "workouts[0].sets[0].exercise",
  },
  {
    name: "a workout on 2026-02-30",
    method: "POST",
    url: "/api/import",
    body: importWith((d) => {
      d.workouts[0].date = "2026-02-30";
    }),
    field: "workouts[0].date",
  },
  {
    name: "a bad second workout after a good one",
    method: "POST",
    url: "/api/import",
    body: importWith((d) => {
      d.workouts.push({ ...d.workouts[0], id: randomUUID(), sets: [{ ...set, rir: 6 }] });
    }),
    field: "workouts[1].sets[0].rir",
  },
  {
    name: "a negative load",
    method: "POST",
    url: "/api/import",
    body: importWith((d) => {
      d.workouts[0].sets[0] = { ...set, load: { value: -2, unit: "kg" } };
    }),
    field: "workouts[0].sets[0].load.value",
  },
  {
    name: "soreness 11",
    method: "POST",
    url: "/api/import",
    body: importWith((d) => {
      d.checkins[0].soreness = 11;
    }),
    field: "checkins[0].soreness",
  },
  {
    name: "a check-in on 2026-02-30",
    method: "POST",
    url: "/api/import",
    body: importWith((d) => {
      d.checkins[0].date = "2026-02-30";
    }),
    field: "checkins[0].date",
  },
  {
    name: "a bad profile",
    method: "POST",
    url: "/api/import",
    body: importWith((d) => {
      d.profile.runWeek = { ...d.profile.runWeek, tue: "hard" };
    }),
    field: "profile.runWeek.tue",
  },
  {
    // Over the 4 KB limit of the other routes, so tried here where the limit is 50 MB.
    name: "201 sets in a workout",
    method: "POST",
    url: "/api/import",
    body: importWith((d) => {
      d.workouts[0].sets = Array.from({ length: 201 }, () => set);
    }),
    field: "workouts[0].sets",
  },
  {
    name: "a created time that is no instant",
    method: "POST",
    url: "/api/import",
    body: importWith((d) => {
      d.workouts[0].createdAt = "yesterday";
    }),
    field: "workouts[0].createdAt",
  },
  {
    name: "a move to an impossible date",
    method: "POST",
    url: "/api/import",
    body: importWith((d) => {
      d.planChanges[0].to = "2026-02-30";
    }),
    field: "planChanges[0].to",
  },
  {
    name: "an unknown kind of plan change",
    method: "POST",
    url: "/api/import",
    body: importWith((d) => {
      d.planChanges[0].kind = "skip";
    }),
    field: "planChanges[0].kind",
  },
  ...(
    [
      ["a sport not in the list", "sport", "swimming", "activities[0].sport"],
      ["a start on 2026-02-30", "start", "2026-02-30T07:00:00Z", "activities[0].start"],
      ["a start at 24:00", "start", "2026-11-09T24:00:00Z", "activities[0].start"],
      ["a start in another format", "start", "Nov 9, 2026, 7:00:00 AM", "activities[0].start"],
      ["a start without a time zone", "start", "2026-11-09T07:00:00", "activities[0].start"],
      ["a negative distance", "distanceM", -1, "activities[0].distanceM"],
      ["a heart rate as text", "avgHr", "140", "activities[0].avgHr"],
      ["a warning not a string", "warnings", [5], "activities[0].warnings[0]"],
      ["a format not in the list", "format", "zip", "activities[0].format"],
      ["a source over 65,535 characters", "source", "x".repeat(65_536), "activities[0].source"],
      ["an activity id not a UUID", "id", "a1", "activities[0].id"],
      [
        "an activity created time that is no instant",
        "createdAt",
        "yesterday",
        "activities[0].createdAt",
      ],
      ["an unknown field in an activity", "speed", 3.2, "activities[0].speed"],
    ] as const
  ).map(
    ([name, key, value, field]): Case => ({
      name,
      method: "POST",
      url: "/api/import",
      body: importWith((d) => {
        d.activities[0][key] = value;
      }),
      field,
    }),
  ),
  {
    name: "an activity without its moving time",
    method: "POST",
    url: "/api/import",
    body: importWith((d) => {
      delete d.activities[0].movingS;
    }),
    field: "activities[0].movingS",
  },
  {
    name: "a bad fourth activity after good ones",
    method: "POST",
    url: "/api/import",
    body: importWith((d) => {
      d.activities.push(
        activity("2026-11-10T07:00:00.000Z"),
        activity("2026-11-11T07:00:00.000Z"),
        activity("2026-11-12T31:00:00.000Z"),
      );
    }),
    field: "activities[3].start",
  },
];

const QUERY_CASES: Case[] = [
  { name: "weeks 0", method: "GET", url: "/api/plan?weeks=0", field: "weeks" },
  { name: "weeks 105", method: "GET", url: "/api/plan?weeks=105", field: "weeks" },
  { name: "weeks as a word", method: "GET", url: "/api/plan?weeks=two", field: "weeks" },
  { name: "from 2026-02-30", method: "GET", url: "/api/plan?from=2026-02-30", field: "from" },
  {
    name: "from in another format",
    method: "GET",
    url: "/api/plan?from=30.11.2026",
    field: "from",
  },
  {
    name: "from given twice",
    method: "GET",
    url: "/api/plan?from=2026-11-30&from=2026-12-07",
    field: "from",
  },
  { name: "an unknown query parameter", method: "GET", url: "/api/plan?week=2", field: "week" },
  {
    name: "an unknown muscle",
    method: "GET",
    url: "/api/exercises?muscle=biceps",
    field: "muscle",
  },
  {
    name: "unknown equipment",
    method: "GET",
    url: "/api/exercises?equipment=band,jetpack",
    field: "equipment",
  },
  {
    name: "an unknown exercise filter",
    method: "GET",
    url: "/api/exercises?colour=red",
    field: "colour",
  },
  { name: "from 2026-02-30", method: "GET", url: "/api/activities?from=2026-02-30", field: "from" },
  { name: "to as a word", method: "GET", url: "/api/activities?to=today", field: "to" },
  {
    name: "to before from",
    method: "GET",
    url: "/api/activities?from=2026-11-30&to=2026-11-01",
    field: "to",
  },
  {
    name: "an unknown activities filter",
    method: "GET",
    url: "/api/activities?sport=run",
    field: "sport",
  },
  { name: "weeks 0", method: "GET", url: "/api/activities/weekly?weeks=0", field: "weeks" },
  { name: "weeks 521", method: "GET", url: "/api/activities/weekly?weeks=521", field: "weeks" },
  {
    name: "weeks as a word",
    method: "GET",
    url: "/api/activities/weekly?weeks=ten",
    field: "weeks",
  },
  {
    name: "an unknown weekly parameter",
    method: "GET",
    url: "/api/activities/weekly?months=2",
    field: "months",
  },
];

/** A multipart body (POST /api/activities/import) with the given parts, raw. */
const BOUNDARY = "----bad-input-boundary";
const multipart = (parts: string, type = `multipart/form-data; boundary=${BOUNDARY}`): Raw => ({
  raw: `${parts}--${BOUNDARY}--\r\n`,
  type,
});
const filePart = (name: string, data: string) =>
  `--${BOUNDARY}\r\nContent-Disposition: form-data; name="file"; filename="${name}"\r\nContent-Type: application/octet-stream\r\n\r\n${data}\r\n`;
const fieldPart = (name: string, value: string) =>
  `--${BOUNDARY}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`;
const UPLOAD = "/api/activities/import";

/** The upload route reads multipart, not JSON: every way of sending no file names `file`. */
const UPLOAD_CASES: Case[] = [
  { name: "a JSON body", method: "POST", url: UPLOAD, body: { file: "run.gpx" }, field: "file" },
  {
    name: "a plain text body",
    method: "POST",
    url: UPLOAD,
    body: { raw: "<gpx/>", type: "text/plain" } satisfies Raw,
    field: "file",
  },
  {
    name: "multipart with fields but no file",
    method: "POST",
    url: UPLOAD,
    body: multipart(fieldPart("note", "my runs")),
    field: "file",
  },
  {
    name: "multipart with no part at all",
    method: "POST",
    url: UPLOAD,
    body: multipart(""),
    field: "file",
  },
  {
    name: "a form's empty file input",
    method: "POST",
    url: UPLOAD,
    body: multipart(filePart("", "")),
    field: "file",
  },
  {
    name: "multipart cut short inside a file",
    method: "POST",
    url: UPLOAD,
    body: {
      raw: filePart("run.gpx", "<gpx>").replace(/\r\n$/, ""),
      type: `multipart/form-data; boundary=${BOUNDARY}`,
    } satisfies Raw,
    field: "file",
  },
  {
    name: "multipart without a boundary",
    method: "POST",
    url: UPLOAD,
    body: multipart(filePart("run.gpx", "<gpx/>"), "multipart/form-data"),
    field: "file",
  },
];

function isRaw(body: unknown): body is Raw {
  return typeof body === "object" && body !== null && "raw" in body && "type" in body;
}

async function send(testCase: Case) {
  const url = testCase.url.replace(":workout", workoutId);
  const body = testCase.body;
  if (isRaw(body)) {
    return json(t.app, testCase.method, url, cookie, body.raw, { "content-type": body.type });
  }
  return json(t.app, testCase.method, url, cookie, body);
}

async function expectRejected(testCase: Case): Promise<void> {
  const before = await databaseRows(t.db);
  const response = await send(testCase);
  expect(response.status, response.text).toBe(400);
  expect(response.headers["content-type"]).toContain("application/json");
  expect(Object.keys(response.body as object).sort()).toEqual(["error"]);
  const error = problem(response);
  expect(Object.keys(error).sort()).toEqual(["field", "kind", "message"]);
  expect(error.kind, error.message).toBe(testCase.kind ?? "invalid");
  expect(typeof error.message).toBe("string");
  expect(error.message.length).toBeGreaterThan(0);
  expect(error.message).not.toMatch(/\n\s+at /);
  if (testCase.field === "") {
    // A problem with the body as a whole names no field.
    expect([null, ""]).toContain(error.field);
  } else {
    expect(error.field).toBe(testCase.field);
  }
  expect(await databaseRows(t.db)).toEqual(before);
}

describe.each([
  ["every body route", EVERY_BODY_ROUTE],
  ["accounts", ACCOUNT_CASES],
  ["profile", PROFILE_CASES],
  ["moves and swaps", PLAN_CHANGE_CASES],
  ["workouts", WORKOUT_CASES],
  ["check-ins", CHECKIN_CASES],
  ["import", IMPORT_CASES],
  ["activity upload", UPLOAD_CASES],
  ["query strings and parameters", QUERY_CASES],
])("bad input: %s", (_group, cases) => {
  it.each(cases.map((c) => [`${c.method} ${c.url}: ${c.name}`, c] as const))(
    "%s → 400, nothing written",
    async (_name, testCase) => {
      await expectRejected(testCase);
    },
  );
});

describe("the cases break one thing each", () => {
  it("covers every route that takes a body", () => {
    const served = appRoutes(t.app).filter((route) => /^(POST|PUT|PATCH) /.test(route));
    // Log-out and the feed's rotation read no body; the activity upload is multipart and the
    // lifting-app import is CSV, each with its own cases (activities.test.ts, strength.test.ts).
    const expected = served.filter(
      (route) =>
        route !== "POST /api/auth/logout" &&
        route !== "POST /api/calendar/rotate" &&
        route !== "POST /api/strength-imports" &&
        route !== `POST ${UPLOAD}`,
    );
    const covered = BODY_ROUTES.map((r) => `${r.method} ${r.url.replace(":workout", ":id")}`);
    expect(covered.sort()).toEqual(expected.sort());
  });

  it.each([
    ["a path parameter over 100 characters", `/api/workouts/${"x".repeat(101)}`],
    ["a broken percent-encoding", "/api/workouts/%E0%A4%A"],
  ])("answers a bad URL (%s) in the API's error shape too", async (_name, url) => {
    const before = await databaseRows(t.db);
    const response = await json(t.app, "GET", url, cookie);
    expect([400, 414], url).toContain(response.status);
    expect(Object.keys(response.body ?? {}), response.text).toEqual(["error"]);
    expect(Object.keys(problem(response)).sort()).toEqual(["field", "kind", "message"]);
    expect(typeof problem(response).kind).toBe("string");
    expect(typeof problem(response).message).toBe("string");
    expect([null, "id"]).toContain(problem(response).field);
    expect(await databaseRows(t.db)).toEqual(before);
  });

  it("an import larger than the other routes' limit is accepted (its own limit is 50 MB)", async () => {
    const other = await signUp(t.app);
    const doc = importWith((d) => {
      const first = d.workouts[0];
      d.workouts.length = 0;
      d.workouts.push(
        ...Array.from({ length: 60 }, (_, i) => ({
          ...first,
          id: randomUUID(),
          date: `2026-${String(7 + Math.floor(i / 28)).padStart(2, "0")}-${String((i % 28) + 1).padStart(2, "0")}`,
        })),
      );
    });
    expect(JSON.stringify(doc).length).toBeGreaterThan(2 * BODY_LIMIT);
    const response = await json<ImportSummary>(t.app, "POST", "/api/import", other, doc);
    expect(response.status, response.text).toBe(200);
    expect(response.body.workouts).toEqual({ added: 60, kept: 0 });
  });

  it("an import over its own limit (50 MB) is refused too", async () => {
    const before = await databaseRows(t.db);
    const doc = exportDoc({ padding: "x".repeat(50 * 1_048_576 + 1) });
    const response = await json<ImportSummary>(
      t.app,
      "POST",
      "/api/import",
      cookie,
      JSON.stringify(doc),
      {
        "content-type": "application/json",
      },
    );
    expect(response.status).toBe(400);
    expect(problem(response)).toMatchObject({ kind: "too-large", field: null });
    expect(await databaseRows(t.db)).toEqual(before);
  });

  it("the valid bodies the cases start from are accepted", async () => {
    for (const route of BODY_ROUTES) {
      if (route.url === "/api/auth/password") continue; // would end the session the others use
      const url = route.url.replace(":workout", workoutId);
      const response = await json(t.app, route.method, url, cookie, route.valid());
      expect(response.status, `${route.method} ${route.url}: ${response.text}`).toBeLessThan(300);
    }
    const changed = await json(t.app, "POST", "/api/auth/password", cookie, password);
    expect(changed.status).toBe(204);
    // The query strings' valid forms.
    const fresh = await signUp(t.app);
    await json<Profile>(t.app, "PUT", "/api/profile", fresh, exampleProfile());
    for (const url of [
      "/api/plan?weeks=104&from=2026-11-30",
      "/api/exercises?muscle=calves&equipment=band",
      "/api/activities?from=2026-11-01&to=2026-11-30",
      "/api/activities/weekly?weeks=520",
    ]) {
      expect((await json(t.app, "GET", url, fresh)).status, url).toBe(200);
    }
    // And the upload's: a file part.
    const gpx =
      '<?xml version="1.0"?><gpx version="1.1" creator="t" xmlns="http://www.topografix.com/GPX/1/1"><trk><trkseg><trkpt lat="48" lon="2"><time>2026-11-20T07:00:00Z</time></trkpt><trkpt lat="48.01" lon="2"><time>2026-11-20T07:10:00Z</time></trkpt></trkseg></trk></gpx>';
    const upload = multipart(filePart("run.gpx", gpx));
    const accepted = await json(t.app, "POST", UPLOAD, fresh, upload.raw, {
      "content-type": upload.type,
    });
    expect(accepted.status, accepted.text).toBe(202);
  });
});
