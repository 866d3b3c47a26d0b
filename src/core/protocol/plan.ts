import { exerciseById } from "../exercise/catalog-index.js";
import type { Athlete } from "../exercise/selection.js";
import type { Injury } from "../exercise/types.js";
import { reviewSoreness, type SorenessReview } from "../feedback/soreness.js";
import { buildHistory } from "../log/history.js";
import type { TrainingLog } from "../log/training-log.js";
import type { Profile } from "../profile/profile.js";
import { availableEquipment, preferredDays } from "../profile/profile-meaning.js";
import { timeOffFactor } from "../progression/time-off.js";
import type { DatedActivity } from "../running/activity.js";
import { addTotals, type RunningTotals } from "../running/weekly.js";
import {
  type DayNumber,
  formatLocalDate,
  parseLocalDate,
  startOfWeek,
  WEEKDAYS,
  type Weekday,
  weekdayName,
  weekdayOf,
  yearOf,
} from "../units/local-date.js";
import { type ActualDay, actualDays, NO_RUNNING, releasedDays } from "./actual-days.js";
import { applyMoves, applySwaps, type PlanChanges, swapWithoutSession } from "./changes.js";
import { applyDayLater, dayLaterUnchanged, type VerySore } from "./day-later.js";
import { sessionBudget, warmupActivity } from "./dose.js";
import { buildMenu, type Menu } from "./menu.js";
import { countWeek, type WeekCount } from "./owed.js";
import {
  type Phase,
  phaseOn,
  type RaceDay,
  raceWeekMinDaysBefore,
  recoveryDays,
} from "./phases.js";
import {
  type DayRun,
  type Placement,
  type PlacementCache,
  type PlacementDay,
  type PlacementInput,
  placeSessionsCached,
  reasonsFor,
  SEVEN_DAYS,
} from "./placement.js";
import type {
  DayLater,
  DroppedChange,
  LoggedExercise,
  Plan,
  PlannedActivity,
  PlannedSession,
  PlannedWeek,
} from "./plan-types.js";
import { type Closure, RULES, type RuleId } from "./rules.js";
import { buildSession, type SessionFrame } from "./session.js";
import {
  type SteadySource,
  steadyChangeNote,
  steadyDaysFor,
  steadySource,
  weekShape,
} from "./steady-days.js";

export const SESSIONS_PER_WEEK = 2;
export const MAX_WEEKS = 104;

export interface PlanRequest {
  readonly profile: Profile;
  readonly log: TrainingLog;
  /**
   * The plan's first week is the one holding this day; it is also "today" (for age, time off
   * and what is past) unless `today` says otherwise.
   */
  readonly from: DayNumber;
  /**
   * The athlete's local day now: days before it are history and never hold a newly planned
   * session (protocol section 4). Default: `from` (the command line). The server passes its
   * clock's day, so that a plan asked from another week still knows what is past.
   */
  readonly today?: DayNumber;
  /**
   * The day the athlete began with Capacity (the server passes the account's first day): the
   * days before it owe nothing, so a week joined on a Wednesday counts from the Wednesday and
   * shows no session missed on the Monday. Default: none (the command line's plan owes every day).
   */
  readonly startedOn?: DayNumber;
  readonly weeks: number;
  /** The athlete's own changes to the plan, kept by the server and applied on every plan. */
  readonly changes?: PlanChanges;
  /**
   * Imported activities (docs/protocol.md, section 9): those of the plan's weeks, and of the 8 weeks before them so
   * that each run is classified against the runner's other runs.
   */
  readonly activities?: readonly DatedActivity[];
}

const NO_ACTIVITIES: readonly PlannedActivity[] = Object.freeze([]);
const NO_DAYS: ReadonlySet<DayNumber> = new Set();
const NO_LOGGED: readonly LoggedExercise[] = Object.freeze([]);
const NO_DROPPED: readonly DroppedChange[] = Object.freeze([]);
const PAST: Closure = Object.freeze({ rule: "past", reason: "already past" });
const BEFORE_START: Closure = Object.freeze({
  rule: "past",
  reason: "before you began with Capacity",
});

const DISTANCE_WORDS = {
  "5k": "5k",
  "10k": "10k",
  half: "half marathon",
  marathon: "marathon",
  ultra: "ultra",
};

function raceOf(profile: Profile): RaceDay | null {
  if (!profile.race) return null;
  const day = parseLocalDate(profile.race.date);
  return day === null ? null : { day, distance: profile.race.distance };
}

/** Why a day can never hold a session, whatever else gives way (rule 2 and the season). */
function closure(
  day: DayNumber,
  phase: Phase,
  runOn: (day: DayNumber) => DayRun,
  race: RaceDay | null,
): Closure | null {
  if (phase === "recovery" && race) {
    return {
      rule: "recovery",
      reason: `recovery after your ${DISTANCE_WORDS[race.distance]}: no strength for ${recoveryDays(race.distance)} days`,
    };
  }
  if (runOn(day) === "race") return { rule: "not-before-long-or-race", reason: "race day" };
  if (runOn(day + 1) === "race")
    return { rule: "not-before-long-or-race", reason: "the day before your race" };
  if (runOn(day + 1) === "long")
    return { rule: "not-before-long-or-race", reason: "the day before your long run" };
  if (phase === "race-week" && race && race.day - day < raceWeekMinDaysBefore(race.distance)) {
    return {
      rule: "race-week",
      reason: `fewer than ${raceWeekMinDaysBefore(race.distance)} days before your race`,
    };
  }
  return null;
}

function placeWhy(
  day: DayNumber,
  input: Pick<PlacementInput, "runOn" | "preferred">,
  relaxed: readonly RuleId[],
): string {
  const reasons = reasonsFor(day, input).map((reason) => reason.text);
  const name = weekdayName(day);
  const text = reasons.length
    ? `${name}: ${reasons.join("; ")}.`
    : `${name}: the best day this week's runs leave.`;
  const broken: string[] = [];
  if (relaxed.includes("not-before-quality") && input.runOn(day + 1) === "quality") {
    broken.push(
      "It is the day before a quality run, because no better day was left: keep it light on the legs.",
    );
  }
  return broken.length ? `${text} ${broken.join(" ")}` : text;
}

/** Everything a plan needs that does not change from week to week, worked out once. */
export interface PlanContext {
  readonly request: PlanRequest;
  readonly race: RaceDay | null;
  /**
   * What the rules read: the hardest imported run of a day; else easy on a planned long or
   * quality day that runs done on other days of its week made up for; else the run week.
   */
  readonly runOn: (day: DayNumber) => DayRun;
  /** The run week (with the race day), whatever really happened. */
  readonly plannedOn: (day: DayNumber) => DayRun;
  /** What the imported activities say of each day that has any. */
  readonly actual: ReadonlyMap<DayNumber, ActualDay>;
  readonly athlete: Athlete;
  readonly preferred: ReadonlySet<Weekday>;
  readonly frame: SessionFrame;
  readonly review: SorenessReview;
  readonly menu: Menu;
  readonly loggedDays: readonly DayNumber[];
  /** Days with imported strength work and no logged workout: they count like logged sessions. */
  readonly importedStrength: readonly DayNumber[];
  /** Logged and imported strength days together, in order: what placement works around. */
  readonly strengthDays: readonly DayNumber[];
  readonly lastLogged: DayNumber | null;
  readonly daysOff: number;
  /** The athlete's day now: earlier days are history. */
  readonly today: DayNumber;
  /** The last logged session when its check-in said soreness 7 or more (the day-later rule). */
  readonly verySore: VerySore | null;
  /** What was logged, by day (sessions of one day merged), for done sessions. */
  readonly loggedOn: ReadonlyMap<DayNumber, readonly LoggedExercise[]>;
  readonly checkinOn: ReadonlyMap<DayNumber, { soreness: number; hurtRun: boolean }>;
}

function loggedExercises(
  sets: readonly {
    exercise: string;
    load: LoggedExercise["sets"][number]["load"];
    reps: number;
    rir: number;
  }[],
): LoggedExercise[] {
  const byId = new Map<
    string,
    { id: string; name: string; sets: LoggedExercise["sets"][number][] }
  >();
  for (const set of sets) {
    let entry = byId.get(set.exercise);
    if (!entry) {
      entry = {
        id: set.exercise,
        name: exerciseById(set.exercise)?.name ?? set.exercise,
        sets: [],
      };
      byId.set(set.exercise, entry);
    }
    entry.sets.push({ load: set.load, reps: set.reps, rir: set.rir });
  }
  return [...byId.values()];
}

// Over 80 lines: everything a plan reads once, built in the order it depends on itself (runs,
// history, soreness review, menu); each line is a value the walk needs.
export function preparePlan(request: PlanRequest): PlanContext {
  const { profile, log, from } = request;
  const race = raceOf(profile);
  // Indexed by day number modulo 7 (0 is a Thursday): this lookup is on the hottest path.
  const byDay = [3, 4, 5, 6, 0, 1, 2].map((index) => profile.runWeek[WEEKDAYS[index] as Weekday]);
  const plannedOn = (day: DayNumber): DayRun =>
    race && day === race.day ? "race" : (byDay[((day % 7) + 7) % 7] as DayRun);
  const actual = actualDays(request.activities ?? []);
  // Planned long and quality days that a run done on another day of their week made up for.
  const released =
    actual.size === 0
      ? NO_DAYS
      : releasedDays(actual, plannedOn, (day) => startOfWeek(day, profile.weekStart));
  // Without activities the rules read the run week itself: the hot path stays one lookup.
  const runOn =
    actual.size === 0
      ? plannedOn
      : (day: DayNumber): DayRun =>
          race && day === race.day
            ? "race"
            : (actual.get(day)?.effort ?? (released.has(day) ? "easy" : plannedOn(day)));
  const equipment = availableEquipment(profile);
  const athlete = { equipment, injuries: new Set<Injury>(profile.injuries ?? []) };
  const budget = sessionBudget(profile.sessionMinutes, yearOf(from) - profile.birthYear);
  const frame = {
    warmupMinutes: budget.warmupMinutes,
    warmupActivity: warmupActivity(equipment),
    fits: budget.exercises,
    askedMinutes: profile.sessionMinutes,
  };
  const history = buildHistory(log);
  const review = reviewSoreness(history, from);
  const loggedDays = history.workouts.map((session) => session.day);
  const logged = new Set(loggedDays);
  const importedStrength = [...actual]
    .filter(([day, info]) => info.strength && !logged.has(day))
    .map(([day]) => day)
    .sort((a, b) => a - b);
  const strengthDays = importedStrength.length
    ? [...loggedDays, ...importedStrength].sort((a, b) => a - b)
    : loggedDays;
  const today = request.today ?? from;
  const lastLogged = loggedDays.filter((day) => day < from).at(-1) ?? null;
  const daysOff = lastLogged === null ? 0 : from - lastLogged;
  const menu = buildMenu({
    athlete,
    history,
    cuts: review.cuts,
    load: {
      unit: profile.units,
      increments: profile.increments,
      timeOff: { factor: timeOffFactor(daysOff), days: daysOff },
      ...(profile.barWeight !== undefined ? { barWeight: profile.barWeight } : {}),
    },
  });
  return {
    request,
    race,
    runOn,
    plannedOn,
    actual,
    athlete,
    preferred: preferredDays(profile),
    frame,
    review,
    menu,
    loggedDays,
    importedStrength,
    strengthDays,
    lastLogged,
    daysOff,
    today,
    verySore:
      review.delayAfter !== null && review.verySore
        ? { session: review.delayAfter, ...review.verySore }
        : null,
    loggedOn: new Map(
      history.workouts.map((workout) => [workout.day, loggedExercises(workout.sets)]),
    ),
    checkinOn: new Map(
      history.checkins.map((checkin) => [
        checkin.day,
        { soreness: checkin.soreness, hurtRun: checkin.hurtRun },
      ]),
    ),
  };
}

/** One week's placement, before sessions are filled in. */
export interface WeekPlacement {
  /** Weeks from the one holding `from` (negative for weeks walked before it, from today's). */
  readonly index: number;
  readonly start: DayNumber;
  /** The week's days; a day before today is closed with the rule `past`. */
  readonly days: readonly PlacementDay[];
  /** The same days as if none were past: what the week holds when planned whole. */
  readonly wholeDays: readonly PlacementDay[];
  readonly input: PlacementInput;
  /** Logged and imported strength days of the week: placement works around both. */
  readonly fixed: readonly DayNumber[];
  /** The logged ones: they become sessions marked done. */
  readonly logged: readonly DayNumber[];
  /** The imported ones: they count, but are no PlannedSession. */
  readonly imported: readonly DayNumber[];
  /** The planner's own choice, before the day-later rule and the athlete's moves. */
  readonly chosen: Placement;
  readonly placement: Placement;
  readonly count: WeekCount;
  readonly dayLater: DayLater | null;
  readonly dropped: readonly DroppedChange[];
  readonly notes: readonly string[];
}

const NO_NUMBERS: readonly DayNumber[] = Object.freeze([]);

/**
 * Session days (sorted, unique) within `[first, end)` of sorted lists. Each list is read from
 * its end, since the walk only asks about days near the week it has reached.
 */
function daysWithin(
  lists: readonly (readonly DayNumber[])[],
  first: DayNumber,
  end: DayNumber,
): readonly DayNumber[] {
  let found: DayNumber[] | null = null;
  for (const list of lists) {
    for (let i = list.length - 1; i >= 0; i--) {
      const day = list[i] as DayNumber;
      if (day < first) break;
      if (day >= end) continue;
      if (!found) found = [day];
      else if (!found.includes(day)) found.push(day);
    }
  }
  return found ? found.sort((a, b) => a - b) : NO_NUMBERS;
}

/**
 * Places the sessions week after week; each week sees where the previous one ended. The walk
 * starts at today's week when the request's first week is later (within the plan's reach), so
 * that a week asked for alone sees the sessions planned before it.
 *
 * Over 80 lines: one loop carries the walk's state from week to week (the last session, the race
 * week, a pending sore day, the steady days); on the planner's hot path.
 */
export function* walkWeeks(context: PlanContext): Generator<WeekPlacement> {
  const { request, race, runOn, strengthDays, today } = context;
  // A first day after today is a clock out of step: it must not close days still to come.
  const startedOn =
    request.startedOn !== undefined && request.startedOn <= today ? request.startedOn : null;
  const weekStart = request.profile.weekStart;
  const firstStart = startOfWeek(request.from, weekStart);
  const todayStart = startOfWeek(today, weekStart);
  const lead =
    todayStart < firstStart && firstStart - todayStart <= MAX_WEEKS * 7
      ? (firstStart - todayStart) / 7
      : 0;
  const walkStart = firstStart - lead * 7;
  let previous: DayNumber | null = strengthDays.filter((day) => day < walkStart).at(-1) ?? null;
  let raceWeekUsed = race
    ? strengthDays.filter((day) => day < walkStart && day >= race.day - 7 && day <= race.day).length
    : 0;
  let pendingSore: VerySore | null = context.verySore;
  const planned: DayNumber[] = [];
  let source: SteadySource | null = null;
  const cache: PlacementCache = new Map();

  for (let index = -lead; index < request.weeks; index++) {
    const start = firstStart + index * 7;
    const allDays = weekDaysFrom(context, start);
    const shape = weekShape(allDays, { runOn });
    // What a week owes is counted from the day the athlete began (protocol section 4): the
    // days before it are closed in the whole week too, so they neither hold nor owe a session.
    const wholeDays =
      startedOn !== null && start < startedOn
        ? allDays.map((day) => (day.day < startedOn ? { ...day, closed: BEFORE_START } : day))
        : allDays;
    const split = start < today;
    const over = start + 7 <= today;
    const days = split
      ? wholeDays.map((day) => (day.day < today ? { ...day, closed: PAST } : day))
      : wholeDays;
    const inWeek = (day: DayNumber) => day >= start && day < start + 7;
    const fixed = strengthDays.filter(inWeek);
    const logged = context.importedStrength.length ? context.loggedDays.filter(inWeek) : fixed;
    const imported = context.importedStrength.filter(inWeek);
    const before = daysWithin([planned, strengthDays], start - (SEVEN_DAYS - 1), start);
    const after = daysWithin([strengthDays], start + 7, start + 7 + SEVEN_DAYS - 1);
    const around = after.length ? [...before, ...after] : before;
    const raceWeekLeft = Math.max(
      0,
      1 - raceWeekUsed - fixed.filter((day) => wholeDays[day - start]?.raceWeek).length,
    );
    const wanted = Math.max(0, SESSIONS_PER_WEEK - fixed.length);
    const whole: PlacementInput = {
      days: wholeDays,
      runOn,
      previous,
      fixed,
      wanted,
      raceWeekLeft,
      preferred: context.preferred,
      avoid: NO_DAYS,
      // Right before a race and right after it, fewer sessions beat crowded ones.
      relax: !wholeDays.some((day) => day.phase === "race-week" || day.phase === "recovery"),
      ...(around.length ? { around } : {}),
      ...withSteady(steadyDaysFor(source, start, shape)),
    };
    const wholePlacement = placeSessionsCached(whole, cache);
    const target = Math.min(
      SESSIONS_PER_WEEK,
      fixed.length + wholePlacement.days.length,
      joinedWeekHolds(context, {
        start,
        startedOn,
        whole,
        wholePlacement,
        around,
        fixed,
        previous,
        cache,
      }),
    );
    // A week split by today places what it still owes on the days left, relaxing no rule its
    // whole week would not have relaxed: a missed session is never crowded in.
    // It also keeps clear of the next week's own days: catching up must not cost the next
    // week its rhythm.
    const nextDays = split && !over ? nextWeekDays(context, start + 7, fixed, previous, cache) : [];
    const input: PlacementInput = split
      ? {
          ...whole,
          days,
          wanted: Math.max(0, target - fixed.length),
          relaxable: wholePlacement.relaxed,
          ...(around.length || nextDays.length
            ? { around: [...around, ...nextDays].sort((a, b) => a - b) }
            : {}),
        }
      : whole;
    const chosen = split ? placeSessionsCached(input, cache) : wholePlacement;
    const notes: string[] = [];
    if (
      startedOn !== null &&
      start < startedOn &&
      startedOn < start + 7 &&
      target < SESSIONS_PER_WEEK
    ) {
      notes.push(
        `You began on ${weekdayName(startedOn)}: this week counts from that day, and its days from then hold ${target === 1 ? "1 session" : "no session"} under every rule.`,
      );
    }
    let placement = chosen;
    let dayLater: DayLater | null = null;
    let soreDrop = false;

    if (pendingSore !== null) {
      const result = applyDayLater(placement, input, pendingSore);
      if (result) {
        placement = result.placement;
        dayLater = result.outcome;
        soreDrop = result.droppedDay !== null;
        if (result.outcome.note) notes.push(result.outcome.note);
        pendingSore = null;
      }
    }
    const moved = applyMoves(placement, input, request.changes?.moves ?? []);
    placement = moved.placement;
    notes.push(...moved.notes);
    const steadyNote = steadyChangeNote(source, start, shape, days, input, chosen.days);
    if (steadyNote) notes.push(steadyNote);
    const count = countWeek({
      target,
      done: fixed.length,
      placed: placement.days.length,
      start,
      today,
      soreDrop,
    });

    yield {
      index,
      start,
      days,
      wholeDays,
      input,
      fixed,
      logged,
      imported,
      chosen,
      placement,
      count,
      dayLater,
      dropped: moved.dropped.length ? moved.dropped : NO_DROPPED,
      notes,
    };
    const sessionDays = [...placement.days, ...fixed].sort((a, b) => a - b);
    planned.push(...placement.days);
    if (sessionDays.length) previous = sessionDays.at(-1) as DayNumber;
    raceWeekUsed += sessionDays.filter((day) => days[day - start]?.raceWeek).length;
    source = split ? null : steadySource(start, shape, days, [...chosen.days, ...fixed]);
  }
}

/** Week days from `start`: runs, phases and closures (rule 2 and the season), nothing past. */
function weekDaysFrom(context: PlanContext, start: DayNumber): PlacementDay[] {
  const { race, runOn } = context;
  const days: PlacementDay[] = [];
  for (let day = start; day < start + 7; day++) {
    const phase = phaseOn(day, race);
    days.push({
      day,
      run: runOn(day),
      phase,
      closed: closure(day, phase, runOn, race),
      raceWeek: phase === "race-week",
    });
  }
  return days;
}

/**
 * The days the week from `start` would choose on its own, after the sessions fixed before it
 * (logged and imported), with nothing planned yet in the week split by today.
 */
/**
 * What the week the athlete began in could still hold on that first day: its days from then,
 * clear of the next week's own days as a week split by today is. Counting the week's target
 * from there, nothing is missed for joining on a Wednesday. Any other week: no limit.
 */
function joinedWeekHolds(
  context: PlanContext,
  week: {
    readonly start: DayNumber;
    readonly startedOn: DayNumber | null;
    readonly whole: PlacementInput;
    readonly wholePlacement: Placement;
    readonly around: readonly DayNumber[];
    readonly fixed: readonly DayNumber[];
    readonly previous: DayNumber | null;
    readonly cache: PlacementCache;
  },
): number {
  const { start, startedOn, whole, wholePlacement, around, fixed, previous, cache } = week;
  if (startedOn === null || startedOn <= start || startedOn >= start + 7) return SESSIONS_PER_WEEK;
  const nextDays = nextWeekDays(context, start + 7, fixed, previous, cache);
  const onFirstDay = placeSessionsCached(
    {
      ...whole,
      wanted: Math.max(
        0,
        Math.min(SESSIONS_PER_WEEK, fixed.length + wholePlacement.days.length) - fixed.length,
      ),
      relaxable: wholePlacement.relaxed,
      ...(around.length || nextDays.length
        ? { around: [...around, ...nextDays].sort((a, b) => a - b) }
        : {}),
    },
    cache,
  );
  return fixed.length + onFirstDay.days.length;
}

function nextWeekDays(
  context: PlanContext,
  start: DayNumber,
  fixedBefore: readonly DayNumber[],
  previousBefore: DayNumber | null,
  cache: PlacementCache,
): readonly DayNumber[] {
  const days = weekDaysFrom(context, start);
  const inWeek = (day: DayNumber) => day >= start && day < start + 7;
  const fixed = context.strengthDays.filter(inWeek);
  const previous = fixedBefore.at(-1) ?? previousBefore;
  const around = daysWithin(
    [context.strengthDays],
    start - (SEVEN_DAYS - 1),
    start + 7 + SEVEN_DAYS - 1,
  ).filter((day) => !inWeek(day));
  const placement = placeSessionsCached(
    {
      days,
      runOn: context.runOn,
      previous,
      fixed,
      wanted: Math.max(0, SESSIONS_PER_WEEK - fixed.length),
      raceWeekLeft: days.some((day) => day.raceWeek) ? 1 : 0,
      preferred: context.preferred,
      avoid: NO_DAYS,
      relax: !days.some((day) => day.phase === "race-week" || day.phase === "recovery"),
      ...(around.length ? { around } : {}),
    },
    cache,
  );
  return [...placement.days, ...fixed];
}

function withSteady(steady: ReadonlySet<DayNumber> | undefined): {
  steady?: ReadonlySet<DayNumber>;
} {
  return steady ? { steady } : {};
}

/**
 * Plans every day of `weeks` weeks (protocol sections 3 to 7). Pure: the same request gives the
 * same plan.
 *
 * Over 80 lines: one loop that turns each placed week into the plan's JSON, counting sessions
 * across weeks (the calves slot alternates along them).
 */
export function planWeeks(request: PlanRequest): Plan {
  const context = preparePlan(request);
  const { race, frame, menu, today } = context;
  const weeks: PlannedWeek[] = [];
  const swaps = request.changes?.swaps ?? [];
  let dayLater: DayLater | null = null;
  // Sessions still to do, counted across weeks: the calves slot alternates along them.
  let ordinal = 0;
  for (const week of walkWeeks(context)) {
    if (week.dayLater) dayLater = week.dayLater;
    if (week.index < 0) {
      // A week walked before the one asked for still holds sessions to do: the calves turn
      // counts them, so a week reads the same asked alone or as part of a longer plan.
      ordinal += week.placement.days.length;
      continue;
    }
    const { days, input, logged, imported, placement, count } = week;
    const notes = [...week.notes];
    const dropped = [...week.dropped];
    const sessionDays = [...placement.days, ...logged].sort((a, b) => a - b);
    const sessions: PlannedSession[] = sessionDays.map((day) => {
      const info = days[day - week.start] as PlacementDay;
      const done = logged.includes(day);
      const why = done
        ? `${weekdayName(day)}: done, it is in your log.`
        : placeWhy(day, input, placement.relaxed);
      const session = buildSession(day, info.phase, frame, menu, why, done, done ? 0 : ordinal++);
      if (done) return { ...session, logged: context.loggedOn.get(day) ?? NO_LOGGED };
      const swapped = applySwaps(session, menu, context.athlete, swaps);
      notes.push(...swapped.notes);
      dropped.push(...swapped.dropped);
      return swapped.session;
    });
    for (const swap of swaps) {
      const date = parseLocalDate(swap.date);
      if (date === null || date < today || date < week.start || date >= week.start + 7) continue;
      // A done session's swaps are history; a planned one's were applied or noted above.
      if (sessions.some((session) => session.date === swap.date)) continue;
      const gone = swapWithoutSession(swap);
      notes.push(gone.note);
      dropped.push(gone.dropped);
    }

    if (imported.length) notes.push(importedNote(imported));
    notes.push(...weekNotes(week.wholeDays, placement.relaxed, count.target, race));
    if (count.missedReason && !(week.dayLater?.outcome === "dropped" && count.missed === 1))
      notes.push(count.missedReason);
    if (week.index === 0) notes.push(...menu.notes);
    if (week.index === 0 && context.daysOff >= 14 && context.lastLogged !== null) {
      notes.push(
        `Welcome back: ${Math.floor(context.daysOff / 7)} weeks since your last session, so the loads start lighter.`,
      );
    }
    if (week.index === 0 && frame.fits === 0) notes.push("Your session minutes hold no exercise.");

    weeks.push({
      start: formatLocalDate(week.start),
      phase: days[0]?.phase ?? "base",
      relaxed: placement.relaxed,
      notes,
      sessions,
      days: days.map((day) => {
        const actual = context.actual.get(day.day);
        return {
          date: formatLocalDate(day.day),
          weekday: weekdayOf(day.day),
          run: day.run,
          plannedRun: context.plannedOn(day.day),
          phase: day.phase,
          session: sessionDays.includes(day.day),
          activities: actual?.activities ?? NO_ACTIVITIES,
          importedStrength: actual ? imported.includes(day.day) : false,
          past: day.day < today,
          checkin: context.checkinOn.get(day.day) ?? null,
        };
      }),
      running: weekRunning(context.actual, week.start),
      target: count.target,
      done: count.done,
      owed: count.owed,
      missed: count.missed,
      missedReason: count.missedReason,
      dropped,
    });
  }
  if (dayLater === null && context.verySore) dayLater = dayLaterUnchanged(context.verySore);
  return {
    weeks,
    feedback: context.review.feedback,
    adjustments: menu.adjustments,
    dayLater,
  };
}

function weekRunning(actual: ReadonlyMap<DayNumber, ActualDay>, start: DayNumber): RunningTotals {
  let totals = NO_RUNNING;
  if (actual.size === 0) return totals;
  for (let day = start; day < start + 7; day++) {
    const running = actual.get(day)?.running;
    if (running) totals = addTotals(totals, running);
  }
  return totals;
}

/** Imported strength work counts toward the two; the athlete should see that it did. */
function importedNote(days: readonly DayNumber[]): string {
  const names = days.map((day) => weekdayName(day));
  const list =
    names.length === 1 ? names[0] : `${names.slice(0, -1).join(", ")} and ${names.at(-1)}`;
  return names.length === 1
    ? `Your strength session of ${list} (imported from your watch) counts toward this week's two.`
    : `Your strength sessions of ${list} (imported from your watch) count toward this week's two.`;
}

function weekNotes(
  days: readonly PlacementDay[],
  relaxed: readonly RuleId[],
  count: number,
  race: RaceDay | null,
): string[] {
  const notes: string[] = [];
  if (relaxed.includes("not-before-quality")) {
    notes.push(
      `Rule relaxed (not-before-quality): ${RULES["not-before-quality"]} Your runs leave no other way to fit two sessions.`,
    );
  }
  if (relaxed.includes("48h-apart")) {
    notes.push(
      `Rule relaxed (48h-apart): two sessions are only 24 hours apart this week, because your runs leave no other days.`,
    );
  }
  const raceDay = days.find((day) => day.run === "race");
  if (raceDay && race)
    notes.push(
      `Race day: your ${DISTANCE_WORDS[race.distance]} on ${weekdayName(raceDay.day)}. Good luck!`,
    );
  const phases = new Set(days.map((day) => day.phase));
  if (phases.has("race-week") && race) {
    notes.push(
      `Race week: at most one short session, at least ${raceWeekMinDaysBefore(race.distance)} days before the race, or none.`,
    );
  }
  if (phases.has("recovery") && race) {
    notes.push(
      `Recovery: no strength for ${recoveryDays(race.distance)} days after the race; let the body absorb it.`,
    );
  }
  if (phases.has("taper"))
    notes.push("Taper: two sessions with about half the exercises, same load and effort.");
  if (count < SESSIONS_PER_WEEK && !phases.has("race-week") && !phases.has("recovery")) {
    const open = days.filter((day) => day.closed === null).length;
    const why =
      open < SESSIONS_PER_WEEK
        ? `only ${open} day${open === 1 ? "" : "s"} this week ${open === 1 ? "is" : "are"} not the day before a long run or a race`
        : "the rules leave no room for more";
    notes.push(
      count === 0
        ? `No strength session this week: ${why}.`
        : `One strength session this week instead of two: ${why}.`,
    );
  }
  return notes;
}
