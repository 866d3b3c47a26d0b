import type { MoveOption } from "../contract/index.js";
import { excerpt } from "../core/excerpt.js";
import type { Profile } from "../core/profile/profile.js";
import { validateProfile } from "../core/profile/validate-profile.js";
import type { ExerciseSwap, SessionMove } from "../core/protocol/changes.js";
import { MAX_WEEKS, type PlanRequest, planWeeks } from "../core/protocol/plan.js";
import { checkMove, checkSwap } from "../core/protocol/plan-checks.js";
import type { Plan } from "../core/protocol/plan-types.js";
import { err, ok, type Result } from "../core/result.js";
import type { DatedActivity } from "../core/running/activity.js";
import { REFERENCE_DAYS } from "../core/running/classify.js";
import {
  type DayNumber,
  formatLocalDate,
  MS_PER_DAY,
  parseLocalDate,
  startOfWeek,
} from "../core/units/local-date.js";
import { type AppError, invalidField, notFound } from "./errors.js";
import { planLog } from "./plan-log.js";
import type { Clock, Ids, Repos, StoredActivity, StoredPlanChange } from "./ports.js";
import { activityDay, todayIn } from "./today.js";

export interface PlanDeps {
  readonly repos: Repos;
  readonly ids: Ids;
  readonly clock: Clock;
}

const NO_PROFILE: AppError = {
  kind: "no-profile",
  message: "Set your profile first (PUT /api/profile): the plan is built around your run week.",
};

export async function storedProfile(deps: PlanDeps, ownerId: string): Promise<Profile | null> {
  const stored = await deps.repos.profiles.get(ownerId);
  if (stored === null) return null;
  const checked = validateProfile(stored);
  // Profiles are validated before they are stored; one that no longer passes is a bug to see.
  if (!checked.ok)
    throw new Error(
      `stored profile of ${ownerId} is invalid: ${checked.error.field} ${checked.error.message}`,
    );
  return checked.value;
}

export async function saveProfile(
  deps: PlanDeps,
  ownerId: string,
  input: unknown,
): Promise<Result<Profile, AppError>> {
  const checked = validateProfile(input);
  if (!checked.ok) return err(invalidField(checked.error.field, checked.error.message));
  await deps.repos.profiles.put(ownerId, checked.value, deps.clock.now().getTime());
  return ok(checked.value);
}

function splitChanges(changes: readonly StoredPlanChange[]): {
  moves: SessionMove[];
  swaps: ExerciseSwap[];
} {
  const moves: SessionMove[] = [];
  const swaps: ExerciseSwap[] = [];
  for (const change of changes) {
    if (change.kind === "move") moves.push({ id: change.id, from: change.from, to: change.to });
    else
      swaps.push({
        id: change.id,
        date: change.date,
        exercise: change.exercise,
        with: change.with,
      });
  }
  return { moves, swaps };
}

async function planRequest(
  deps: PlanDeps,
  ownerId: string,
  from: DayNumber | null,
  weeks: number,
): Promise<Result<PlanRequest, AppError>> {
  const profile = await storedProfile(deps, ownerId);
  if (!profile) return err(NO_PROFILE);
  return ok(
    await requestFrom(
      deps,
      ownerId,
      profile,
      from ?? todayIn(profile.timezone ?? "UTC", deps.clock),
      weeks,
    ),
  );
}

/** The request with the part of the log a plan from `from` reads (app/plan-log.ts). */
async function requestFrom(
  deps: PlanDeps,
  ownerId: string,
  profile: Profile,
  from: DayNumber,
  weeks: number,
): Promise<PlanRequest> {
  const [log, changes, user] = await Promise.all([
    planLog(deps.repos, ownerId, from, profile.weekStart),
    deps.repos.planChanges.list(ownerId),
    deps.repos.users.byId(ownerId),
  ]);
  // Today is the server's clock in the athlete's zone, whatever week is asked for: the days
  // before it are history (protocol section 4).
  const zone = profile.timezone ?? "UTC";
  const today = todayIn(zone, deps.clock);
  // The account's first day, in the same zone: the week joined owes only its days from then.
  const startedOn = user ? todayIn(zone, { now: () => new Date(user.createdAt) }) : null;
  return {
    profile,
    log,
    from,
    today,
    weeks,
    changes: splitChanges(changes),
    ...(startedOn !== null ? { startedOn } : {}),
  };
}

/** The plan from everything stored: profile, workouts, check-ins, and the athlete's moves and swaps. */
export async function athletePlan(
  deps: PlanDeps,
  ownerId: string,
  query: { from?: string; weeks?: number },
): Promise<Result<Plan, AppError>> {
  const result = await athletePlanWithZone(deps, ownerId, query);
  return result.ok ? ok(result.value.plan) : result;
}

/** The plan, with the time zone that decided "today" when no `from` was given (for caching). */
export async function athletePlanWithZone(
  deps: PlanDeps,
  ownerId: string,
  query: { from?: string; weeks?: number },
): Promise<Result<{ plan: Plan; timezone: string }, AppError>> {
  let from: DayNumber | null = null;
  if (query.from !== undefined) {
    from = parseLocalDate(query.from);
    if (from === null)
      return err(
        invalidField("from", `${excerpt(query.from)} is not a real date; expected YYYY-MM-DD`),
      );
  }
  const weeks = query.weeks ?? 1;
  if (!Number.isInteger(weeks) || weeks < 1 || weeks > MAX_WEEKS) {
    return err(
      invalidField(
        "weeks",
        `${weeks} is not accepted; expected a whole number from 1 to ${MAX_WEEKS}`,
      ),
    );
  }
  const request = await planRequest(deps, ownerId, from, weeks);
  if (!request.ok) return request;
  const withRuns = await withActivities(deps, ownerId, request.value);
  return ok({ plan: planWeeks(withRuns), timezone: request.value.profile.timezone ?? "UTC" });
}

/**
 * The stored activities whose local day (in `timezone`) falls in [first, end), each with that
 * day. The query reads a day more on each side, since local days run up to 14 hours ahead
 * of UTC and 12 behind, then keeps the days asked for.
 */
/** A stored activity on the athlete's local day: its id is the stored one. */
export interface DatedStoredActivity extends DatedActivity {
  readonly id: string;
  readonly activity: StoredActivity;
}

export async function datedActivities(
  deps: Pick<PlanDeps, "repos">,
  ownerId: string,
  timezone: string,
  range: { readonly first: DayNumber; readonly end: DayNumber },
): Promise<DatedStoredActivity[]> {
  const stored = await deps.repos.activities.list(ownerId, {
    fromMs: (range.first - 1) * MS_PER_DAY,
    toMs: (range.end + 1) * MS_PER_DAY,
  });
  const dated: DatedStoredActivity[] = [];
  for (const activity of stored) {
    const day = activityDay(activity.start, timezone);
    if (day >= range.first && day < range.end) dated.push({ id: activity.id, day, activity });
  }
  return dated;
}

/**
 * Adds the stored activities the plan reads: those of its weeks, and of the 8 weeks before
 * them (the reference of classify.ts), against which each run is classified.
 */
async function withActivities(
  deps: PlanDeps,
  ownerId: string,
  request: PlanRequest,
): Promise<PlanRequest> {
  const first = startOfWeek(request.from, request.profile.weekStart) - REFERENCE_DAYS;
  const end = startOfWeek(request.from, request.profile.weekStart) + request.weeks * 7;
  const activities = await datedActivities(deps, ownerId, request.profile.timezone ?? "UTC", {
    first,
    end,
  });
  return activities.length ? { ...request, activities } : request;
}

/**
 * A request that reaches the week of `date`: from today's week (so the 48-hour rule sees the
 * sessions planned before it), or from that week when it is already past.
 */
async function requestReaching(
  deps: PlanDeps,
  ownerId: string,
  date: DayNumber,
): Promise<Result<PlanRequest, AppError>> {
  const profile = await storedProfile(deps, ownerId);
  if (!profile) return err(NO_PROFILE);
  const weekStart = profile.weekStart;
  const todayDay = todayIn(profile.timezone ?? "UTC", deps.clock);
  const today = startOfWeek(todayDay, weekStart);
  const target = startOfWeek(date, weekStart);
  const weeks = Math.floor((target - today) / 7) + 1;
  if (weeks > MAX_WEEKS) return err(invalidField("date", `is more than ${MAX_WEEKS} weeks ahead`));
  // The log is read for the request's own `from`, so a past week gets the log it needs.
  const request =
    weeks < 1
      ? await requestFrom(deps, ownerId, profile, target, 1)
      : await requestFrom(deps, ownerId, profile, todayDay, weeks);
  // Moves and swaps are checked against the plan the athlete sees, imported runs included.
  return ok(await withActivities(deps, ownerId, request));
}

export async function moveSession(
  deps: PlanDeps,
  ownerId: string,
  input: { from: string; to: string },
): Promise<Result<StoredPlanChange, AppError>> {
  const from = parseLocalDate(input.from);
  if (from === null)
    return err(
      invalidField("from", `${excerpt(input.from)} is not a real date; expected YYYY-MM-DD`),
    );
  if (parseLocalDate(input.to) === null) {
    return err(invalidField("to", `${excerpt(input.to)} is not a real date; expected YYYY-MM-DD`));
  }
  if (input.to === input.from) {
    return err(invalidField("to", "is the day the session is on: a move goes to another day"));
  }
  const request = await requestReaching(deps, ownerId, from);
  if (!request.ok) return request;
  const problem = checkMove(request.value, input);
  if (problem?.kind === "rule") {
    const field = problem.rule === "past" && from < (request.value.today ?? from) ? "from" : "to";
    return err({ kind: "rule", rule: problem.rule, message: problem.message, field });
  }
  if (problem?.kind === "other-week") return err(invalidField("to", problem.message));
  if (problem) return err({ kind: "conflict", field: "from", message: problem.message });
  const change: StoredPlanChange = {
    id: deps.ids.uuid(),
    kind: "move",
    from: input.from,
    to: input.to,
    createdAt: deps.clock.now().getTime(),
  };
  await deps.repos.planChanges.add(ownerId, change);
  return ok(change);
}

/** For each other day of the session's week: may the session on `from` go there, and if not, why. */
export async function moveOptions(
  deps: PlanDeps,
  ownerId: string,
  fromText: string,
): Promise<Result<MoveOption[], AppError>> {
  const from = parseLocalDate(fromText);
  if (from === null)
    return err(
      invalidField("from", `${excerpt(fromText)} is not a real date; expected YYYY-MM-DD`),
    );
  const request = await requestReaching(deps, ownerId, from);
  if (!request.ok) return request;
  const first = startOfWeek(from, request.value.profile.weekStart);
  const today = request.value.today ?? request.value.from;
  const options: MoveOption[] = [];
  for (let day = first; day < first + 7; day++) {
    if (day === from) continue;
    const to = formatLocalDate(day);
    const problem = checkMove(request.value, { from: fromText, to });
    if (problem?.kind === "no-session")
      return err({ kind: "conflict", field: "from", message: problem.message });
    options.push({
      date: to,
      allowed: problem === null,
      rule: problem?.kind === "rule" ? problem.rule : null,
      reason: problem ? problem.message : null,
      past: day < today,
    });
  }
  return ok(options);
}

export async function swapExercise(
  deps: PlanDeps,
  ownerId: string,
  input: { date: string; exercise: string; with: string },
): Promise<Result<StoredPlanChange, AppError>> {
  const date = parseLocalDate(input.date);
  if (date === null)
    return err(
      invalidField("date", `${excerpt(input.date)} is not a real date; expected YYYY-MM-DD`),
    );
  const request = await requestReaching(deps, ownerId, date);
  if (!request.ok) return request;
  const problem = checkSwap(request.value, input);
  if (problem?.kind === "unknown-exercise")
    return err(invalidField(problem.field, problem.message));
  if (problem) return err({ kind: "conflict", field: "with", message: problem.message });
  const change: StoredPlanChange = {
    id: deps.ids.uuid(),
    kind: "swap",
    date: input.date,
    exercise: input.exercise,
    with: input.with,
    createdAt: deps.clock.now().getTime(),
  };
  await deps.repos.planChanges.add(ownerId, change);
  return ok(change);
}

export async function listChanges(deps: PlanDeps, ownerId: string, kind: StoredPlanChange["kind"]) {
  return (await deps.repos.planChanges.list(ownerId)).filter((change) => change.kind === kind);
}

/**
 * Where a kept move or swap stands in today's plan: `active` (applied, or in a week the plan
 * has not reached yet), `dropped` (a later change made it unfit; `reason` says why, as the
 * week's note does), or `past` (its day is before today: history, no longer shaping the plan).
 */
export interface ChangeState {
  readonly state: "active" | "dropped" | "past";
  readonly reason: string | null;
}

const ACTIVE: ChangeState = { state: "active", reason: null };

/** The kept changes of one kind, each with its state in the plan from today's week on. */
export async function listChangesWithState(
  deps: PlanDeps,
  ownerId: string,
  kind: StoredPlanChange["kind"],
): Promise<{ change: StoredPlanChange; state: ChangeState }[]> {
  const changes = await listChanges(deps, ownerId, kind);
  if (changes.length === 0) return [];
  const base = await planRequest(deps, ownerId, null, 1);
  // Without a profile there is no plan to apply them to: they wait, as kept.
  if (!base.ok) return changes.map((change) => ({ change, state: ACTIVE }));
  const today = base.value.from;
  const weekStart = base.value.profile.weekStart;
  const dayOf = (change: StoredPlanChange) =>
    parseLocalDate(change.kind === "move" ? change.from : change.date) ?? today;
  const pastOf = (change: StoredPlanChange) =>
    change.kind === "move"
      ? Math.min(dayOf(change), parseLocalDate(change.to) ?? today) < today
      : dayOf(change) < today;
  const last = Math.max(...changes.map(dayOf));
  const weeks = Math.min(
    MAX_WEEKS,
    Math.floor((startOfWeek(last, weekStart) - startOfWeek(today, weekStart)) / 7) + 1,
  );
  const dropped = new Map<string, string>();
  if (weeks >= 1) {
    const plan = planWeeks(await withActivities(deps, ownerId, { ...base.value, weeks }));
    for (const week of plan.weeks)
      for (const item of week.dropped) if (item.id) dropped.set(item.id, item.reason);
  }
  return changes.map((change) => {
    if (pastOf(change)) return { change, state: { state: "past", reason: null } };
    const reason = dropped.get(change.id);
    return { change, state: reason === undefined ? ACTIVE : { state: "dropped", reason } };
  });
}

export async function undoChange(
  deps: PlanDeps,
  ownerId: string,
  kind: StoredPlanChange["kind"],
  id: string,
): Promise<Result<true, AppError>> {
  const changes = await deps.repos.planChanges.list(ownerId);
  if (!changes.some((change) => change.id === id && change.kind === kind)) {
    return err(notFound(kind === "move" ? "Move" : "Swap"));
  }
  await deps.repos.planChanges.delete(ownerId, id);
  return ok(true);
}
