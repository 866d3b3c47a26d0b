/** The log as the progress screen draws it: points per exercise, workouts per week, and words. */
import { estimatedOneRepMax } from "../../core/progression/e1rm.js";
import {
  formatLocalDate,
  parseLocalDate,
  startOfWeek,
  type Weekday,
} from "../../core/units/local-date.js";
import { convertWeight, type WeightUnit } from "../../core/units/weight.js";
import type { Checkin, Workout } from "../shared/api.js";

/** What the series read of a workout: its day and sets (a corrected one on the phone too). */
interface Logged {
  readonly date: string;
  readonly sets: readonly Workout["sets"][number][];
}

import { addDays, shortDate } from "../shared/dates.js";
import { inRunnerUnit, type WeightSetup } from "../shared/weight.js";
import { plural } from "../shared/words.js";

export interface Point {
  readonly date: string;
  /** The first set's load in the athlete's unit, on their step; null for a bodyweight exercise. */
  readonly load: number | null;
  readonly reps: number;
  /** The day's best estimated one-rep max (null without a load). */
  readonly e1rm: number | null;
}

export interface WeekCount {
  readonly start: string;
  /** Days of the week with a logged workout. */
  readonly workouts: number;
}

const round1 = (value: number) => Math.round(value * 10) / 10;

/** One point per workout that holds the exercise, oldest first. */
export function pointsFor(
  workouts: readonly Logged[],
  exercise: string,
  unit: WeightUnit,
  increments?: WeightSetup["increments"],
): Point[] {
  const points: Point[] = [];
  for (const workout of [...workouts].sort((a, b) => a.date.localeCompare(b.date))) {
    const sets = workout.sets.filter((set) => set.exercise === exercise);
    const first = sets[0];
    if (!first) continue;
    const loadOf = (set: (typeof sets)[number]) =>
      set.load ? convertWeight(set.load, unit).value : null;
    const best = sets.reduce<number | null>((top, set) => {
      const load = loadOf(set);
      if (load === null) return top;
      const e1rm = estimatedOneRepMax(load, set.reps, set.rir);
      return top === null || e1rm > top ? e1rm : top;
    }, null);
    // The load as the week and gym mode show it (6 kg is 15 lb, not 13.2); the estimate stays exact.
    const load = first.load ? inRunnerUnit(first.load, { units: unit, increments }).value : null;
    points.push({
      date: workout.date,
      load,
      reps: first.reps,
      e1rm: best === null ? null : round1(best),
    });
  }
  return points;
}

/** The exercises logged, the one done on most days first. */
export function exercisesByDays(workouts: readonly Logged[]): string[] {
  const days = new Map<string, number>();
  for (const workout of workouts) {
    for (const id of new Set(workout.sets.map((set) => set.exercise))) {
      days.set(id, (days.get(id) ?? 0) + 1);
    }
  }
  return [...days.entries()].sort((a, b) => b[1] - a[1]).map(([id]) => id);
}

/** Days with a logged workout in each of the last `count` weeks, oldest first. */
export function workoutsPerWeek(
  workouts: readonly Logged[],
  today: string,
  weekStart: Weekday,
  count: number,
): WeekCount[] {
  const day = parseLocalDate(today);
  const current = day === null ? today : formatLocalDate(startOfWeek(day, weekStart));
  const days = new Set(workouts.map((workout) => workout.date));
  return Array.from({ length: count }, (_, index) => {
    const start = addDays(current, -7 * (count - 1 - index));
    let logged = 0;
    for (let offset = 0; offset < 7; offset++) if (days.has(addDays(start, offset))) logged++;
    return { start, workouts: logged };
  });
}

/** What the exercise chart shows, in a sentence (for screen readers and at a glance). */
export function exerciseSummary(name: string, points: readonly Point[], unit: string): string {
  const first = points[0];
  const last = points[points.length - 1];
  if (!first || !last) return "Log a workout to see your loads here.";
  if (!points.some((point) => point.load !== null)) {
    return `${name} (body weight): ${first.reps} reps on ${shortDate(first.date)}, ${last.reps} reps on ${shortDate(last.date)}.`;
  }
  if (points.length === 1) {
    return `${name}: ${first.load ?? "no"} ${unit} on ${shortDate(first.date)}, estimated max ${first.e1rm ?? "–"} ${unit}.`;
  }
  return `${name}: ${first.load ?? "–"} ${unit} on ${shortDate(first.date)}, ${last.load ?? "–"} ${unit} on ${shortDate(last.date)}; estimated max ${first.e1rm ?? "–"} → ${last.e1rm ?? "–"} ${unit}, over ${plural(points.length, "workout")}.`;
}

/**
 * How often the goal of two a week was reached lately, over whole weeks only: a week still
 * running is not yet missed, and a week before the runner began (`began`, the earlier of the
 * sign-up day and the first logged workout) was never theirs to reach. `perWeek` ends with
 * the current week.
 */
export function workoutsSummary(
  logged: number,
  perWeek: readonly WeekCount[],
  began: string | null = null,
): string {
  if (logged === 0) return "No workouts logged yet. Two a week is the goal.";
  const thisWeek = perWeek[perWeek.length - 1]?.workouts ?? 0;
  const whole = perWeek.slice(0, -1).filter((week) => began === null || week.start >= began);
  const recent = whole.slice(-4);
  if (recent.length === 0) {
    return `Goal: two a week. This week so far: ${thisWeek}. Your weeks are counted here once your first whole week is over.`;
  }
  const kept = recent.filter((week) => week.workouts >= 2).length;
  const first = recent[0];
  if (recent.length === 1 && first) {
    const done = kept
      ? "You reached it in your first whole week"
      : `Your first whole week had ${first.workouts}`;
    return `Goal: two a week. ${done}; this week so far: ${thisWeek}.`;
  }
  return `Goal: two a week. You reached it in ${kept} of the last ${recent.length} weeks; this week so far: ${thisWeek}.`;
}

/** The local day (YYYY-MM-DD) of an instant in a time zone (the phone's when none or unknown). */
export function localDayOf(instant: string, timeZone?: string): string | null {
  const at = new Date(instant);
  if (Number.isNaN(at.getTime())) return null;
  const format = (zone: string | undefined) => {
    const parts = new Intl.DateTimeFormat("en-CA", {
      timeZone: zone,
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
    }).formatToParts(at);
    const get = (type: string) => parts.find((part) => part.type === type)?.value ?? "";
    return `${get("year")}-${get("month")}-${get("day")}`;
  };
  try {
    return format(timeZone || undefined);
  } catch {
    return format(undefined);
  }
}

/** The last check-in and the recent average, against the protocol's "below 4". */
export function sorenessSummary(soreness: readonly Checkin[]): string {
  const last = soreness[soreness.length - 1];
  if (!last) return "No check-ins yet. After a workout, tell us how sore you are the next day.";
  const recent = soreness.slice(-4);
  const average = round1(recent.reduce((sum, c) => sum + c.soreness, 0) / recent.length);
  return `Last check-in ${shortDate(last.date)}: ${last.soreness} of 10. Average of the last ${plural(recent.length, "check-in")}: ${average}. Below 4 is where it should be.`;
}
