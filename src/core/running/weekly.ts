import { type DayNumber, formatLocalDate, startOfWeek, type Weekday } from "../units/local-date.js";
import type { DatedActivity } from "./activity.js";

/** One week of the running chart (a contract: docs/API.md). */
export interface WeeklyRunning {
  /** The week's first day (the profile's weekStart), YYYY-MM-DD. */
  readonly start: string;
  readonly runs: number;
  readonly distanceM: number;
  /** Timer time of the runs; a run without one counts its elapsed time. */
  readonly movingS: number;
  /** Strength activities (imported from a watch or service, not the logged workouts). */
  readonly strength: number;
}

/** Running totals of a set of activities: only runs count. */
export interface RunningTotals {
  readonly runs: number;
  readonly distanceM: number;
  readonly movingS: number;
}

/** Adds one activity to running totals (a value the file lacks adds nothing). */
export function addRun(totals: RunningTotals, item: DatedActivity): RunningTotals {
  const { activity } = item;
  if (activity.sport !== "run") return totals;
  return {
    runs: totals.runs + 1,
    distanceM: totals.distanceM + (activity.distanceM ?? 0),
    movingS: totals.movingS + (activity.movingS ?? activity.elapsedS ?? 0),
  };
}

/** Adds two running totals (a reducer, as addRun is). */
export function addTotals(totals: RunningTotals, more: RunningTotals): RunningTotals {
  return {
    runs: totals.runs + more.runs,
    distanceM: totals.distanceM + more.distanceM,
    movingS: totals.movingS + more.movingS,
  };
}

/**
 * The last `weeks` weeks of running and imported strength, oldest first, the last one the week
 * holding `today`; weeks with nothing are zeros, so a chart shows the gaps.
 */
export function weeklyRunning(
  activities: readonly DatedActivity[],
  today: DayNumber,
  weekStart: Weekday,
  weeks: number,
): WeeklyRunning[] {
  const first = startOfWeek(today, weekStart) - (weeks - 1) * 7;
  const totals = Array.from({ length: weeks }, () => ({
    runs: 0,
    distanceM: 0,
    movingS: 0,
    strength: 0,
  }));
  for (const item of activities) {
    const week = totals[Math.floor((item.day - first) / 7)];
    if (!week) continue;
    if (item.activity.sport === "strength") week.strength++;
    else Object.assign(week, addRun(week, item));
  }
  return totals.map((week, index) => ({ start: formatLocalDate(first + index * 7), ...week }));
}
