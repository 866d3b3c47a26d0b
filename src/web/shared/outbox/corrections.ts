/**
 * Corrections of logged workouts (docs/web.md, "History"): a changed or deleted set, or a
 * deleted workout, made in Progress with or without signal, waits in the same outbox as a
 * finished workout and goes out once.
 *
 * One outbox item per workout (the key is the workout's id): a correction folds into what
 * already waits for that workout, so five changes made offline leave as one PATCH, a change to
 * a workout not sent yet travels inside its POST, and a deletion replaces whatever waited.
 * Pure functions here; `Outbox.correct` runs them in one IndexedDB transaction.
 */
import { API_PATHS } from "../api.js";
import type { Method } from "../http.js";
import type { LoggedSet, OutboxItem } from "./types.js";

export type Correction =
  | { readonly kind: "patch"; readonly sets: readonly LoggedSet[] }
  | { readonly kind: "delete" };

/** The workout as the phone shows it when it is corrected. */
export interface CorrectedWorkout {
  readonly id: string;
  readonly date: string;
}

/** What to do with the workout's outbox item: put this one, or remove it (nothing to send). */
export type CorrectionStep = { readonly put: OutboxItem } | { readonly remove: string };

/**
 * The workout's outbox item after a correction. `existing` is what waits for the workout (if
 * anything), `seq` the place a new item takes, `at` the time.
 */
export function corrected(
  existing: OutboxItem | undefined,
  owner: string,
  workout: CorrectedWorkout,
  correction: Correction,
  seq: number,
  at: string,
): CorrectionStep {
  // Waiting again: a refused item may be fixed by this correction, and a deletion needs none.
  const fresh = {
    status: "waiting" as const,
    attempts: 0,
    lastError: null,
    queuedAt: at,
    revision: (existing?.revision ?? 0) + 1,
  };
  if (correction.kind === "delete") {
    // A finished workout never tried has not reached the server: forgetting it is the deletion.
    if (existing && existing.kind === undefined && existing.attempts === 0 && !existing.lastError) {
      return { remove: existing.id };
    }
    const base = existing ?? newItem(owner, workout, seq);
    return { put: { ...base, ...fresh, kind: "delete", sets: [] } };
  }
  if (existing?.kind === "delete") return { put: existing }; // deleted stays deleted
  const base = existing ?? { ...newItem(owner, workout, seq), kind: "patch" as const };
  return { put: { ...base, ...fresh, sets: correction.sets } };
}

function newItem(owner: string, workout: CorrectedWorkout, seq: number): OutboxItem {
  return {
    id: workout.id,
    owner,
    date: workout.date,
    sets: [],
    seq,
    queuedAt: "",
    status: "waiting",
    attempts: 0,
    lastError: null,
  };
}

/** The request that sends an outbox item. */
export function requestOf(item: OutboxItem): {
  readonly method: Method;
  readonly path: string;
  readonly body?: unknown;
} {
  if (item.kind === "patch") {
    return { method: "PATCH", path: API_PATHS.workout(item.id), body: { sets: item.sets } };
  }
  if (item.kind === "delete") return { method: "DELETE", path: API_PATHS.workout(item.id) };
  return {
    method: "POST",
    path: API_PATHS.workouts,
    body: { id: item.id, date: item.date, sets: item.sets },
  };
}

/**
 * Whether the server's answer means the item is done: stored (201), stored before (200),
 * deleted (204), or, for a deletion, already gone (404).
 */
export function isDone(item: OutboxItem, status: number): boolean {
  if (item.kind === "delete") return status === 204 || status === 200 || status === 404;
  if (item.kind === "patch") return status === 200;
  return status === 200 || status === 201;
}
