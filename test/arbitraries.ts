/**
 * fast-check arbitraries for valid Capacity inputs (the profile and log contracts of the README's "Files").
 * Everything generated here passes `validateProfile` / `validateTrainingLog`. No assertions.
 */
import fc from "fast-check";
import { CATALOG } from "../src/core/exercise/catalog.js";
import { BANDS, EQUIPMENT, INJURIES, LOAD_EQUIPMENT } from "../src/core/exercise/types.js";
import type { Checkin, LoggedWorkout, TrainingLog } from "../src/core/log/training-log.js";
import {
  MAX_SESSION_MINUTES,
  MIN_SESSION_MINUTES,
  type Profile,
  RACE_DISTANCES,
  RUN_KINDS,
  type RunKind,
} from "../src/core/profile/profile.js";
import {
  type DayNumber,
  formatLocalDate,
  parseLocalDate,
  WEEKDAYS,
  type Weekday,
} from "../src/core/units/local-date.js";
import { WEIGHT_UNITS } from "../src/core/units/weight.js";

const dayOf = (text: string): DayNumber => parseLocalDate(text) as DayNumber;

/** The span of dates the arbitraries draw from. */
export const FIRST_DAY = dayOf("2000-01-01");
export const LAST_DAY = dayOf("2040-12-31");

/** A local day as a day number, within [FIRST_DAY, LAST_DAY]. */
export const dayArb: fc.Arbitrary<DayNumber> = fc.integer({ min: FIRST_DAY, max: LAST_DAY });

/** A `from` date (`YYYY-MM-DD`), as the CLI's `--from` takes it. */
export const fromArb: fc.Arbitrary<string> = dayArb.map(formatLocalDate);

/** A number of planned weeks for fast properties (the CLI allows 1 to 104). */
export const weeksArb: fc.Arbitrary<number> = fc.integer({ min: 1, max: 12 });

const runKindArb: fc.Arbitrary<RunKind> = fc.constantFrom(...RUN_KINDS);
const weekdayArb: fc.Arbitrary<Weekday> = fc.constantFrom(...WEEKDAYS);

const uniformWeek = (kind: RunKind): Profile["runWeek"] => ({
  mon: kind,
  tue: kind,
  wed: kind,
  thu: kind,
  fri: kind,
  sat: kind,
  sun: kind,
});

/** Any run week, with the corner cases (all long, all quality, ...) drawn often. */
export const runWeekArb: fc.Arbitrary<Profile["runWeek"]> = fc.oneof(
  {
    weight: 6,
    arbitrary: fc.record({
      mon: runKindArb,
      tue: runKindArb,
      wed: runKindArb,
      thu: runKindArb,
      fri: runKindArb,
      sat: runKindArb,
      sun: runKindArb,
    }),
  },
  { weight: 1, arbitrary: fc.constantFrom(...RUN_KINDS).map(uniformWeek) },
  {
    // Mostly one kind with one or two other days: long runs every other day, a single free day, ...
    weight: 2,
    arbitrary: fc
      .tuple(runKindArb, fc.dictionary(weekdayArb, runKindArb, { maxKeys: 2 }))
      .map(([kind, others]) => ({ ...uniformWeek(kind), ...others })),
  },
);

const NON_BODYWEIGHT = EQUIPMENT.filter((item) => item !== "bodyweight");

/** Any equipment list: a subset of the items, with "bodyweight" listed or not. */
export const equipmentArb: fc.Arbitrary<Profile["equipment"]> = fc
  .tuple(fc.shuffledSubarray([...NON_BODYWEIGHT]), fc.boolean(), fc.nat())
  .map(([items, withBodyweight, at]) => {
    if (!withBodyweight) return items;
    const copy: Profile["equipment"] = [...items];
    copy.splice(at % (items.length + 1), 0, "bodyweight");
    return copy;
  });

/** Session minutes 8 to 180, with short budgets (where sessions get cut) drawn often. */
export const sessionMinutesArb: fc.Arbitrary<number> = fc.oneof(
  fc.integer({ min: MIN_SESSION_MINUTES, max: 30 }),
  fc.integer({ min: MIN_SESSION_MINUTES, max: MAX_SESSION_MINUTES }),
  fc.constantFrom(MIN_SESSION_MINUTES, 10, 12, 13, MAX_SESSION_MINUTES),
);

const incrementArb: fc.Arbitrary<number> = fc.oneof(
  fc.constantFrom(0.5, 1, 1.25, 2, 2.5, 4, 5, 10, 20, 100),
  fc.double({ min: 0.1, max: 100, noNaN: true, noDefaultInfinity: true }),
);

export const incrementsArb: fc.Arbitrary<NonNullable<Profile["increments"]>> = fc.record(
  Object.fromEntries(LOAD_EQUIPMENT.map((item) => [item, incrementArb])) as Record<
    (typeof LOAD_EQUIPMENT)[number],
    fc.Arbitrary<number>
  >,
  { requiredKeys: [] },
);

export const raceDistanceArb = fc.constantFrom(...RACE_DISTANCES);

const TIME_ZONES = ["UTC", "Europe/Berlin", "America/New_York", "Asia/Kolkata", "Pacific/Auckland"];

/** A valid profile whose race (when it has one) falls on a day `raceDay` draws. */
export function profileWithRace(raceDay: fc.Arbitrary<DayNumber>): fc.Arbitrary<Profile> {
  return fc.record(
    {
      name: fc.string({ minLength: 1, maxLength: 30 }),
      birthYear: fc.integer({ min: 1930, max: 2010 }),
      units: fc.constantFrom(...WEIGHT_UNITS),
      equipment: equipmentArb,
      sessionMinutes: sessionMinutesArb,
      weekStart: weekdayArb,
      runWeek: runWeekArb,
      preferredDays: fc.shuffledSubarray([...WEEKDAYS]),
      injuries: fc.shuffledSubarray([...INJURIES], { maxLength: 4 }),
      race: fc.record({ date: raceDay.map(formatLocalDate), distance: raceDistanceArb }),
      timezone: fc.constantFrom(...TIME_ZONES),
      increments: incrementsArb,
      barWeight: fc.constantFrom(7.5, 10, 15, 20, 25, 35, 45),
    },
    {
      requiredKeys: [
        "name",
        "birthYear",
        "units",
        "equipment",
        "sessionMinutes",
        "weekStart",
        "runWeek",
      ],
    },
  );
}

/** Any valid profile (race, when there is one, anywhere in the arbitraries' date span). */
export const profileArb: fc.Arbitrary<Profile> = profileWithRace(dayArb);

/**
 * A valid profile for a plan of `weeks` weeks from `from`: its race, when there is one, falls
 * before, within or after the planned weeks (so recovery, taper and race week all show up).
 */
export function profileNear(from: DayNumber, weeks: number): fc.Arbitrary<Profile> {
  return profileWithRace(fc.integer({ min: from - 50, max: from + weeks * 7 + 50 }));
}

const loadArb = fc.record({
  value: fc.oneof(
    { weight: 4, arbitrary: fc.integer({ min: 1, max: 300 }) },
    { weight: 2, arbitrary: fc.constantFrom(0.5, 1, 2, 2.5, 4, 5, 7.5, 1000) },
    {
      weight: 1,
      arbitrary: fc.double({ min: 0.01, max: 1000, noNaN: true, noDefaultInfinity: true }),
    },
  ),
  unit: fc.constantFrom(...WEIGHT_UNITS),
});

export const loggedSetArb = fc.record(
  {
    exercise: fc.constantFrom(...CATALOG.map((exercise) => exercise.id)),
    load: fc.option(loadArb, { nil: null }),
    reps: fc.integer({ min: 1, max: 20 }),
    rir: fc.integer({ min: 0, max: 5 }),
    band: fc.constantFrom(...BANDS),
  },
  { requiredKeys: ["exercise", "load", "reps", "rir"] },
);

/** A valid training log whose workouts fall on days `workoutDay` draws; check-ins mostly follow them. */
export function logWithDays(workoutDay: fc.Arbitrary<DayNumber>): fc.Arbitrary<TrainingLog> {
  const checkinArb = (day: DayNumber): fc.Arbitrary<Checkin> =>
    fc.record({
      date: fc.integer({ min: day + 1, max: day + 2 }).map(formatLocalDate),
      soreness: fc.integer({ min: 0, max: 10 }),
      hurtRun: fc.boolean(),
    });
  const workoutArb = workoutDay.chain((day) =>
    fc.tuple(
      fc.record({
        date: fc.constant(formatLocalDate(day)),
        sets: fc.array(loggedSetArb, { minLength: 1, maxLength: 6 }),
      }) as fc.Arbitrary<LoggedWorkout>,
      fc.option(checkinArb(day), { nil: null, freq: 2 }),
    ),
  );
  return fc
    .tuple(fc.array(workoutArb, { maxLength: 8 }), workoutDay.chain(checkinArb), fc.boolean())
    .map(([entries, stray, withStray]) => {
      const workouts = entries.map(([workout]) => workout);
      const checkins = entries.flatMap(([, checkin]) => (checkin ? [checkin] : []));
      if (withStray) checkins.push(stray);
      return { workouts, checkins };
    });
}

/** Any valid training log (sessions anywhere in the arbitraries' date span). */
export const logArb: fc.Arbitrary<TrainingLog> = logWithDays(dayArb);

/** A log of the past as seen on `from`: sessions from 10 weeks before up to `from` itself. */
export function logBefore(from: DayNumber): fc.Arbitrary<TrainingLog> {
  return logWithDays(fc.integer({ min: from - 70, max: from }));
}

export interface PlanCase {
  readonly profile: Profile;
  readonly from: string;
  readonly weeks: number;
}

/** A profile, a `from` date and 1 to 12 weeks, the race placed around the planned weeks. */
export const planCaseArb: fc.Arbitrary<PlanCase> = fc
  .tuple(fromArb, weeksArb)
  .chain(([from, weeks]) =>
    profileNear(dayOf(from), weeks).map((profile) => ({ profile, from, weeks })),
  );

/** A plan case with a log of the past (sessions up to `from`). */
export const planCaseWithLogArb: fc.Arbitrary<PlanCase & { readonly log: TrainingLog }> =
  planCaseArb.chain((planCase) =>
    logBefore(dayOf(planCase.from)).map((log) => ({ ...planCase, log })),
  );
