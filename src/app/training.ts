import { excerpt } from "../core/excerpt.js";
import { type LoggedSet, validateWorkout } from "../core/log/training-log.js";
import { err, ok, type Result } from "../core/result.js";
import { parseLocalDate } from "../core/units/local-date.js";
import { tidy } from "../core/units/weight.js";
import { type AppError, invalidField, notFound } from "./errors.js";
import type { Clock, Ids, Repos, StoredCheckin, StoredWorkout } from "./ports.js";

export interface TrainingDeps {
  readonly repos: Repos;
  readonly ids: Ids;
  readonly clock: Clock;
}

export interface WorkoutInput {
  readonly id?: string;
  readonly date: string;
  readonly sets: readonly LoggedSet[];
}

/** Real dates and known exercises; the workout's fields are the API's (`date`, `sets[0].rir`). */
function checkWorkout(input: { date: string; sets: readonly LoggedSet[] }): AppError | null {
  const checked = validateWorkout({ date: input.date, sets: [...input.sets] });
  return checked.ok ? null : invalidField(checked.error.field, checked.error.message);
}

/** Two bodies are the same workout when date and sets match, loads compared as stored. */
function sameWorkout(
  a: { date: string; sets: readonly LoggedSet[] },
  b: { date: string; sets: readonly LoggedSet[] },
): boolean {
  const key = (w: { date: string; sets: readonly LoggedSet[] }) =>
    JSON.stringify([
      w.date,
      w.sets.map((s) => [
        s.exercise,
        s.load ? [tidy(s.load.value), s.load.unit] : null,
        s.reps,
        s.rir,
        s.band ?? null,
      ]),
    ]);
  return key(a) === key(b);
}

export type Logged = { readonly status: "created" | "existing"; readonly workout: StoredWorkout };

/**
 * Logs a workout. The client's id makes a retry safe: the same workout again is stored once
 * and answered with the stored one; the same id with another body is a conflict.
 */
export async function logWorkout(
  deps: TrainingDeps,
  ownerId: string,
  input: WorkoutInput,
): Promise<Result<Logged, AppError>> {
  const problem = checkWorkout(input);
  if (problem) return err(problem);
  const now = deps.clock.now().getTime();
  const workout: StoredWorkout = {
    id: input.id ?? deps.ids.uuid(),
    date: input.date,
    sets: input.sets,
    createdAt: now,
    updatedAt: now,
  };
  const outcome = await deps.repos.workouts.insert(ownerId, workout);
  if (outcome === "inserted") return ok({ status: "created", workout });
  const stored = await deps.repos.workouts.get(ownerId, workout.id);
  if (stored && sameWorkout(stored, workout)) return ok({ status: "existing", workout: stored });
  return err({
    kind: "conflict",
    field: "id",
    message: "A different workout with this id is already stored; send a new id for a new workout.",
  });
}

export async function updateWorkout(
  deps: TrainingDeps,
  ownerId: string,
  id: string,
  patch: { date?: string; sets?: readonly LoggedSet[] },
): Promise<Result<StoredWorkout, AppError>> {
  const stored = await deps.repos.workouts.get(ownerId, id);
  if (!stored) return err(notFound("Workout"));
  const next = {
    ...stored,
    date: patch.date ?? stored.date,
    sets: patch.sets ?? stored.sets,
    updatedAt: deps.clock.now().getTime(),
  };
  const problem = checkWorkout(next);
  if (problem) return err(problem);
  if (!(await deps.repos.workouts.replace(ownerId, next))) return err(notFound("Workout"));
  return ok(next);
}

export async function recordCheckin(
  deps: TrainingDeps,
  ownerId: string,
  input: { date: string; soreness: number; hurtRun: boolean },
): Promise<Result<StoredCheckin, AppError>> {
  if (parseLocalDate(input.date) === null) {
    return err(
      invalidField("date", `${excerpt(input.date)} is not a real date; expected YYYY-MM-DD`),
    );
  }
  const stored = await deps.repos.checkins.upsert(ownerId, {
    id: deps.ids.uuid(),
    date: input.date,
    soreness: input.soreness,
    hurtRun: input.hurtRun,
    createdAt: deps.clock.now().getTime(),
  });
  return ok(stored);
}
