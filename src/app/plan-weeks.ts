import { excerpt } from "../core/excerpt.js";
import { EMPTY_LOG, type TrainingLog, validateTrainingLog } from "../core/log/training-log.js";
import { validateProfile } from "../core/profile/validate-profile.js";
import { MAX_WEEKS, planWeeks } from "../core/protocol/plan.js";
import type { Plan } from "../core/protocol/plan-types.js";
import { err, type InvalidInput, invalid, ok, type Result } from "../core/result.js";
import { parseLocalDate } from "../core/units/local-date.js";
import type { Clock } from "./ports.js";
import { todayIn } from "./today.js";

export interface PlanQuery {
  /** Untrusted documents, as parsed from JSON. */
  readonly profile: unknown;
  readonly log?: unknown;
  /** `YYYY-MM-DD`; default: today in the profile's time zone. */
  readonly from?: string;
  readonly weeks?: number;
}

export interface PlanProblem extends InvalidInput {
  /** Which document the field belongs to. */
  readonly source: "profile" | "log" | "from" | "weeks";
}

/** Use case: validate the inputs and plan. Every failure names the document and field. */
export function planFromDocuments(query: PlanQuery, clock: Clock): Result<Plan, PlanProblem> {
  const profile = validateProfile(query.profile);
  if (!profile.ok) return err({ ...profile.error, source: "profile" });
  let log: TrainingLog = EMPTY_LOG;
  if (query.log !== undefined) {
    const checked = validateTrainingLog(query.log);
    if (!checked.ok) return err({ ...checked.error, source: "log" });
    log = checked.value;
  }
  const weeks = query.weeks ?? 1;
  if (!Number.isInteger(weeks) || weeks < 1 || weeks > MAX_WEEKS) {
    return err({
      ...invalid(
        "weeks",
        `${weeks} is not accepted; expected a whole number from 1 to ${MAX_WEEKS}`,
      ),
      source: "weeks",
    });
  }
  let from = todayIn(profile.value.timezone ?? "UTC", clock);
  if (query.from !== undefined) {
    const day = parseLocalDate(query.from);
    if (day === null) {
      return err({
        ...invalid(
          "from",
          `${excerpt(query.from)} is not accepted; expected a real date as YYYY-MM-DD`,
        ),
        source: "from",
      });
    }
    from = day;
  }
  return ok(planWeeks({ profile: profile.value, log, from, weeks }));
}
