/**
 * Small builders for scenario tests: concrete profiles, logs and days, written out where used.
 * No assertions here: a builder only makes input.
 */
import type { StoredActivity, User } from "../src/app/ports.js";
import type {
  Checkin,
  LoggedSet,
  LoggedWorkout,
  TrainingLog,
} from "../src/core/log/training-log.js";
import type { Profile, RunKind } from "../src/core/profile/profile.js";
import type { Activity, DatedActivity } from "../src/core/running/activity.js";
import type { Weekday } from "../src/core/units/local-date.js";
import { type DayNumber, parseLocalDate } from "../src/core/units/local-date.js";
import type { Weight } from "../src/core/units/weight.js";

/** `day("2026-12-01")` → its DayNumber; a date that does not exist is a mistake in the test. */
export function day(date: string): DayNumber {
  const parsed = parseLocalDate(date);
  if (parsed === null) throw new Error(`not a date: ${date}`);
  return parsed;
}

export type RunWeek = Record<Weekday, RunKind>;

/**
 * A run week written out Monday first: `runWeek("rest quality easy quality rest long easy")`.
 * Tests may as well pass the object literal; this keeps a week on one readable line.
 */
export function runWeek(days: string): RunWeek {
  const kinds = days.trim().split(/\s+/) as RunKind[];
  if (kinds.length !== 7) throw new Error(`a run week has 7 days: ${days}`);
  const [mon, tue, wed, thu, fri, sat, sun] = kinds as [
    RunKind,
    RunKind,
    RunKind,
    RunKind,
    RunKind,
    RunKind,
    RunKind,
  ];
  return { mon, tue, wed, thu, fri, sat, sun };
}

/**
 * A runner of 46 in Dec 2026 (born 1980), kg, dumbbells and a bike at home, 60 minutes
 * (room for the whole session), weeks from Monday, in UTC. Every field can be overridden.
 */
export function aProfile(overrides: Partial<Profile> = {}): Profile {
  return {
    name: "Ana",
    birthYear: 1980,
    units: "kg",
    equipment: ["bodyweight", "dumbbells", "bike"],
    sessionMinutes: 60,
    weekStart: "mon",
    runWeek: runWeek("rest quality easy quality rest long easy"),
    timezone: "UTC",
    ...overrides,
  };
}

export const kg = (value: number): Weight => ({ value, unit: "kg" });
export const lb = (value: number): Weight => ({ value, unit: "lb" });

/** One logged set: `aSet("quarter-squat", kg(40), 10, 2)`; `null` load for bodyweight. */
export function aSet(exercise: string, load: Weight | null, reps: number, rir: number): LoggedSet {
  return { exercise, load, reps, rir };
}

/** One workout: `aWorkout("2026-11-24", aSet(...))`. */
export function aWorkout(date: string, ...sets: LoggedSet[]): LoggedWorkout {
  return { date, sets };
}

export function aCheckin(date: string, soreness: number, hurtRun = false): Checkin {
  return { date, soreness, hurtRun };
}

/** `aLog([aWorkout(...)], [aCheckin(...)])`. */
export function aLog(workouts: LoggedWorkout[] = [], checkins: Checkin[] = []): TrainingLog {
  return { workouts, checkins };
}

/**
 * A run starting at `start` (an ISO instant) that knows nothing else: every measure null, no
 * warnings. Write out the fields a test reads: `anActivity(start, { movingS: 2700 })`.
 */
export function anActivity(start: string, overrides: Partial<Activity> = {}): Activity {
  return {
    sport: "run",
    start,
    elapsedS: null,
    movingS: null,
    distanceM: null,
    avgHr: null,
    maxHr: null,
    ascentM: null,
    sourceName: null,
    warnings: [],
    ...overrides,
  };
}

/**
 * `aDatedActivity("2026-12-01", { movingS: 2700 })`: `anActivity` started at 07:00 UTC on that
 * day, dated that day; not stored (id null) unless an id is given.
 */
export function aDatedActivity(
  date: string,
  overrides: Partial<Activity> = {},
  id: string | null = null,
): DatedActivity {
  return { id, day: day(date), activity: anActivity(`${date}T07:00:00.000Z`, overrides) };
}

/** `anActivity` as a store keeps it: from `${id}.fit`, created at 0, unless overridden. */
export function aStoredActivity(
  id: string,
  start: string,
  overrides: Partial<StoredActivity> = {},
): StoredActivity {
  return {
    ...anActivity(start),
    id,
    format: "fit",
    source: `${id}.fit`,
    createdAt: 0,
    ...overrides,
  };
}

/** A stored account "u1" (no real password hash: use cases that log in need a real one). */
export function aUser(overrides: Partial<User> = {}): User {
  return {
    id: "u1",
    email: "a@example.com",
    name: "A",
    passwordHash: "h",
    createdAt: 0,
    passwordChangedAt: 0,
    dataVersion: 0,
    ...overrides,
  };
}

/** The README's example profile, verbatim: the contract. */
export const README_PROFILE = {
  name: "Ana",
  birthYear: 1971,
  units: "kg",
  equipment: ["bodyweight", "dumbbells", "bike"],
  sessionMinutes: 35,
  weekStart: "mon",
  runWeek: {
    mon: "rest",
    tue: "quality",
    wed: "easy",
    thu: "quality",
    fri: "rest",
    sat: "long",
    sun: "easy",
  },
  preferredDays: ["tue"],
  injuries: ["achilles"],
  race: { date: "2027-04-18", distance: "marathon" },
  timezone: "Europe/Berlin",
  increments: { dumbbells: 2, barbell: 2.5 },
} as const;
