import { CHECKIN_WINDOW_DAYS, FEEDBACK_DAYS } from "../core/feedback/soreness.js";
import type { TrainingLog } from "../core/log/training-log.js";
import type { Weekday } from "../core/units/local-date.js";
import { type DayNumber, formatLocalDate, startOfWeek } from "../core/units/local-date.js";
import type { RecentWindow, Repos, StoredCheckin, StoredWorkout } from "./ports.js";

/**
 * How many training days of each exercise before the window the planner gets. The plan reads
 * one: progression, the ladder and cuts read the last time (`lastDone`), the soreness review the
 * time before a sore session, and slot choice the exercise last done per muscle, which is the
 * last day of that exercise. Six leaves room for rules that look further back along one
 * exercise, such as returning to the load before a heavier one after a lighter decision (two
 * or three entries), at the cost of a few rows.
 */
export const DAYS_PER_EXERCISE = 6;

/**
 * The first day of the part of the log a plan from `from` reads whole:
 * - feedback: a check-in of the last four weeks (FEEDBACK_DAYS) counts for the sessions of
 *   the two days before it (CHECKIN_WINDOW_DAYS);
 * - placement: the first planned week starts up to six days before `from`, and the 48-hour
 *   and two-in-seven rules look back up to seven days before that.
 * Before this day the planner only needs each exercise's last days (DAYS_PER_EXERCISE),
 * which also hold the last workout before `from` (time off) and before the first week, and,
 * per exercise and band, the last day of a set that earned the slow tempo (History.earnedSlow:
 * once earned, however long ago, it holds).
 */
export function planLogStart(from: DayNumber, weekStart: Weekday): DayNumber {
  return Math.min(startOfWeek(from, weekStart) - 7, from - FEEDBACK_DAYS - CHECKIN_WINDOW_DAYS);
}

export function planLogWindow(from: DayNumber, weekStart: Weekday): RecentWindow {
  return { since: formatLocalDate(planLogStart(from, weekStart)), perExercise: DAYS_PER_EXERCISE };
}

/** The log as the core reads it, from stored workouts and check-ins. */
export function toTrainingLog(
  workouts: readonly StoredWorkout[],
  checkins: readonly StoredCheckin[],
): TrainingLog {
  return {
    workouts: workouts.map((workout) => ({ date: workout.date, sets: [...workout.sets] })),
    checkins: checkins.map((checkin) => ({
      date: checkin.date,
      soreness: checkin.soreness,
      hurtRun: checkin.hurtRun,
    })),
  };
}

/**
 * The part of the stored log a plan from `from` reads: a trimmed log that plans exactly as the
 * whole one (a property test compares the two), read with indexes and limits, so the plan's
 * cost does not grow with the athlete's history.
 */
export async function planLog(
  repos: Pick<Repos, "workouts" | "checkins">,
  ownerId: string,
  from: DayNumber,
  weekStart: Weekday,
): Promise<TrainingLog> {
  const window = planLogWindow(from, weekStart);
  const [workouts, checkins] = await Promise.all([
    repos.workouts.recent(ownerId, window),
    repos.checkins.since(ownerId, window.since),
  ]);
  return toTrainingLog(workouts, checkins);
}
