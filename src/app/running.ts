import { err, ok, type Result } from "../core/result.js";
import { REFERENCE_DAYS } from "../core/running/classify.js";
import {
  PROPOSAL_WEEKS,
  proposeRunWeek,
  type RunWeekAnswer,
} from "../core/running/propose-week.js";
import { type WeeklyRunning, weeklyRunning } from "../core/running/weekly.js";
import type { DayNumber, Weekday } from "../core/units/local-date.js";
import { startOfWeek } from "../core/units/local-date.js";
import {
  type DatedStoredActivity,
  datedActivities,
  type PlanDeps,
  storedProfile,
} from "./athlete-plan.js";
import { type AppError, invalidField } from "./errors.js";
import { todayIn } from "./today.js";

/** Ten years of weeks: the longest chart anyone asks for. */
export const MAX_CHART_WEEKS = 520;

/** The athlete's time zone and first day of the week; UTC and Monday before a profile exists. */
async function calendar(
  deps: PlanDeps,
  ownerId: string,
): Promise<{ timezone: string; weekStart: Weekday }> {
  const profile = await storedProfile(deps, ownerId);
  return { timezone: profile?.timezone ?? "UTC", weekStart: profile?.weekStart ?? "mon" };
}

/**
 * Bounds for a range left open: a Date spans 100,000,000 days each side of 1970, and a local
 * day is at most one off its UTC day, so every stored activity falls between them (and the
 * query's instants, a day further out, stay safe integers).
 */
const EARLIEST_DAY = -100_000_002;
const LATEST_DAY = 100_000_001;

/**
 * The stored activities whose local day in the athlete's time zone (UTC before a profile
 * exists) is within [from, to], both included; null leaves that side open. Oldest first.
 */
export async function activitiesBetween(
  deps: PlanDeps,
  ownerId: string,
  from: DayNumber | null,
  to: DayNumber | null,
): Promise<DatedStoredActivity[]> {
  const { timezone } = await calendar(deps, ownerId);
  return datedActivities(deps, ownerId, timezone, {
    first: from ?? EARLIEST_DAY,
    end: (to ?? LATEST_DAY) + 1,
  });
}

/**
 * The run week the last 8 weeks of imported runs suggest, for the runner to accept in the
 * profile. Reads the 8 weeks before those too: each run is classified against the runs of
 * the 8 weeks up to it.
 */
export async function runWeekProposal(deps: PlanDeps, ownerId: string): Promise<RunWeekAnswer> {
  const { timezone, weekStart } = await calendar(deps, ownerId);
  const today = todayIn(timezone, deps.clock);
  const thisWeek = startOfWeek(today, weekStart);
  const activities = await datedActivities(deps, ownerId, timezone, {
    first: thisWeek - PROPOSAL_WEEKS * 7 - REFERENCE_DAYS,
    end: thisWeek,
  });
  return proposeRunWeek(activities, today, weekStart);
}

/** Weekly running distance and time, and imported strength, for the last `weeks` weeks. */
export async function weeklyRunningFor(
  deps: PlanDeps,
  ownerId: string,
  weeks: number,
): Promise<Result<WeeklyRunning[], AppError>> {
  if (!Number.isInteger(weeks) || weeks < 1 || weeks > MAX_CHART_WEEKS) {
    return err(
      invalidField(
        "weeks",
        `${weeks} is not accepted; expected a whole number from 1 to ${MAX_CHART_WEEKS}`,
      ),
    );
  }
  const { timezone, weekStart } = await calendar(deps, ownerId);
  const today = todayIn(timezone, deps.clock);
  const end = startOfWeek(today, weekStart) + 7;
  const activities = await datedActivities(deps, ownerId, timezone, {
    first: end - weeks * 7,
    end,
  });
  return ok(weeklyRunning(activities, today, weekStart, weeks));
}
