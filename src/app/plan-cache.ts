import { ok, type Result } from "../core/result.js";
import { formatLocalDate } from "../core/units/local-date.js";
import { athletePlanWithZone, type PlanDeps } from "./athlete-plan.js";
import type { AppError } from "./errors.js";
import type { User } from "./ports.js";
import { todayIn } from "./today.js";

interface Entry {
  readonly version: number;
  readonly timezone: string;
  /** Plan JSON by `from|today|weeks` (from resolved to a date; today splits every week). */
  readonly plans: Map<string, string>;
}

/**
 * Computed plans of recently active athletes, as JSON, in this process's memory. An entry
 * holds while the account's data version (read with the session, raised by every write in
 * any process) is the one it was computed at; so several servers never serve a stale plan.
 */
export class PlanCache {
  private readonly entries = new Map<string, Entry>();

  constructor(
    private readonly maxAthletes = 2000,
    private readonly maxPlansPerAthlete = 16,
  ) {}

  async plan(
    deps: PlanDeps,
    user: User,
    query: { from?: string; weeks?: number },
  ): Promise<Result<string, AppError>> {
    const entry = this.entries.get(user.id);
    const weeks = query.weeks ?? 1;
    if (entry && entry.version === user.dataVersion) {
      const hit = entry.plans.get(this.key(query.from, weeks, entry.timezone, deps));
      if (hit !== undefined) {
        // Refresh its place: Map keeps insertion order, the oldest goes first.
        this.entries.delete(user.id);
        this.entries.set(user.id, entry);
        return ok(hit);
      }
    }
    const result = await athletePlanWithZone(deps, user.id, query);
    if (!result.ok) return result;
    const json = JSON.stringify(result.value.plan);
    const fresh =
      entry && entry.version === user.dataVersion && entry.timezone === result.value.timezone
        ? entry
        : {
            version: user.dataVersion,
            timezone: result.value.timezone,
            plans: new Map<string, string>(),
          };
    if (fresh.plans.size >= this.maxPlansPerAthlete) fresh.plans.clear();
    fresh.plans.set(this.key(query.from, weeks, fresh.timezone, deps), json);
    this.entries.delete(user.id);
    this.entries.set(user.id, fresh);
    if (this.entries.size > this.maxAthletes) {
      const oldest = this.entries.keys().next().value;
      if (oldest !== undefined) this.entries.delete(oldest);
    }
    return ok(json);
  }

  private key(from: string | undefined, weeks: number, timezone: string, deps: PlanDeps): string {
    const today = formatLocalDate(todayIn(timezone, deps.clock));
    return `${from ?? today}|${today}|${weeks}`;
  }
}
