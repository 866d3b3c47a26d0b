import type { DatedActivity } from "../running/activity.js";
import { classifyRuns, hardest, type RunEffort } from "../running/classify.js";
import { addRun, type RunningTotals } from "../running/weekly.js";
import type { DayNumber } from "../units/local-date.js";
import type { DayRun } from "./placement.js";
import type { PlannedActivity } from "./plan-types.js";

/** What the imported activities say happened on one day (docs/protocol.md, section 9). */
export interface ActualDay {
  /** The hardest run of the day: the rules read this one. Null without a run. */
  readonly effort: RunEffort | null;
  readonly activities: readonly PlannedActivity[];
  readonly strength: boolean;
  readonly running: RunningTotals;
}

const NO_DAYS: ReadonlyMap<DayNumber, ActualDay> = new Map();

export const NO_RUNNING: RunningTotals = Object.freeze({ runs: 0, distanceM: 0, movingS: 0 });

/**
 * The imported activities by day, worked out once per plan: each run classified against the
 * runner's other runs (so the caller passes the 8 weeks before the plan as well), every day's
 * activities in the order they started.
 */
export function actualDays(
  activities: readonly DatedActivity[],
): ReadonlyMap<DayNumber, ActualDay> {
  if (activities.length === 0) return NO_DAYS;
  const efforts = classifyRuns(activities);
  const byDay = new Map<DayNumber, DatedActivity[]>();
  for (const item of activities) {
    const list = byDay.get(item.day);
    if (list) list.push(item);
    else byDay.set(item.day, [item]);
  }
  const days = new Map<DayNumber, ActualDay>();
  for (const [day, items] of byDay) {
    items.sort((a, b) => Date.parse(a.activity.start) - Date.parse(b.activity.start));
    const runEfforts = items.map((item) => efforts.get(item)).filter((e) => e !== undefined);
    days.set(day, {
      effort: hardest(runEfforts),
      strength: items.some((item) => item.activity.sport === "strength"),
      running: items.reduce(addRun, NO_RUNNING),
      activities: items.map((item) => ({
        id: item.id,
        sport: item.activity.sport,
        start: item.activity.start,
        movingS: item.activity.movingS,
        elapsedS: item.activity.elapsedS,
        distanceM: item.activity.distanceM,
        avgHr: item.activity.avgHr,
        effort: efforts.get(item) ?? null,
      })),
    });
  }
  return days;
}

/** The run kinds a run done on another day can stand in for. */
const MOVABLE = ["long", "quality"] as const;

/**
 * The planned long and quality days that a week's imports have already made up for
 * (protocol section 9): when a week (from `weekStartOf`) holds at least as many days whose
 * hardest imported run is long as the run week plans long days, its planned long days without
 * an imported run no longer count as long; the same for quality. The rules read them as easy.
 * Days with an imported run read that run anyway; a week holding fewer keeps its planned days.
 */
export function releasedDays(
  actual: ReadonlyMap<DayNumber, ActualDay>,
  plannedOn: (day: DayNumber) => DayRun,
  weekStartOf: (day: DayNumber) => DayNumber,
): ReadonlySet<DayNumber> {
  const released = new Set<DayNumber>();
  const starts = new Set<DayNumber>();
  for (const [day, info] of actual) if (info.effort !== null) starts.add(weekStartOf(day));
  for (const start of starts) {
    for (const kind of MOVABLE) {
      let done = 0;
      let planned = 0;
      const open: DayNumber[] = [];
      for (let day = start; day < start + 7; day++) {
        const effort = actual.get(day)?.effort ?? null;
        if (effort === kind) done++;
        if (plannedOn(day) !== kind) continue;
        planned++;
        if (effort === null) open.push(day);
      }
      if (open.length && done >= planned) for (const day of open) released.add(day);
    }
  }
  return released;
}
