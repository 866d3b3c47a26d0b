import type { DatedActivity } from "../running/activity.js";
import { classifyRuns, hardest, type RunEffort } from "../running/classify.js";
import { addRun, type RunningTotals } from "../running/weekly.js";
import type { DayNumber } from "../units/local-date.js";
import type { PlannedActivity } from "./plan-types.js";

/** What the imported activities say happened on one day (issue 5, "the plan sees what really happened"). */
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
