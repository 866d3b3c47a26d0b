import { excerpt } from "../core/excerpt.js";
import { EMPTY_LOG } from "../core/log/empty-log.js";
import type { TrainingLog } from "../core/log/training-log.js";
import type { Profile } from "../core/profile/profile.js";
import { validateProfileQuickly } from "../core/profile/profile-shape.js";
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

/**
 * Use case: validate the inputs and plan. Every failure names the document and field.
 * TypeBox (the schemas and their error words) loads only for a log or a profile of the wrong
 * shape: it costs a plan from the command line more than planning does.
 */
export async function planFromDocuments(
  query: PlanQuery,
  clock: Clock,
): Promise<Result<Plan, PlanProblem>> {
  const profile: Result<Profile, InvalidInput> =
    validateProfileQuickly(query.profile) ??
    (await import("../core/profile/validate-profile.js")).validateProfile(query.profile);
  if (!profile.ok) return err({ ...profile.error, source: "profile" });
  let log: TrainingLog = EMPTY_LOG;
  if (query.log !== undefined) {
    const { validateTrainingLog } = await import("../core/log/training-log.js");
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
