import type { Equipment, Injury, LoadEquipment } from "../../../core/exercise/types.js";
import type { LoggedSet } from "../../../core/log/training-log.js";
import type { PlannedSession, Prescription } from "../../../core/protocol/plan-types.js";
import type { WeightUnit } from "../../../core/units/weight.js";

export type { LoggedSet };

/** What gym mode needs from the profile, kept with the planned session so it works without signal. */
export interface GymSetup {
  readonly units: WeightUnit;
  readonly increments: Partial<Record<LoadEquipment, number>>;
  readonly equipment: readonly Equipment[];
  readonly injuries: readonly Injury[];
}

/**
 * The account (its id from GET /api/session) a record on the phone belongs to. Null only for what
 * an earlier version of the app stored without one: the first account that signs in after the
 * upgrade adopts it (`Outbox.adopt`).
 */
export type Owner = string | null;

/** The last session and setup fetched for a day: what gym mode opens with when offline. */
export interface SavedSession {
  readonly owner: Owner;
  readonly date: string;
  readonly session: PlannedSession;
  readonly setup: GymSetup;
  readonly savedAt: string;
}

export type WarmupState =
  | { readonly state: "idle" }
  | { readonly state: "running"; readonly endsAt: number }
  | { readonly state: "paused"; readonly remainingMs: number }
  | { readonly state: "done" };

/**
 * The workout being done, written to IndexedDB at every change: the id is made on the phone
 * (crypto.randomUUID) so the server stores a retried send once.
 */
export interface WorkoutInProgress {
  readonly id: string;
  /** Whose workout it is: only that account sees it in gym mode. */
  readonly owner: Owner;
  readonly date: string;
  readonly sets: readonly LoggedSet[];
  /** The session as it was when the workout started, so a reload shows the same cards. */
  readonly session: PlannedSession;
  readonly setup: GymSetup;
  /** Planned exercise id → the exercise done instead (its card). */
  readonly swaps: Readonly<Record<string, Prescription>>;
  readonly warmup: WarmupState;
  readonly startedAt: string;
  readonly updatedAt: string;
}

export type OutboxStatus = "waiting" | "failed";

/**
 * What an outbox item asks of the server: absent, the POST of a finished workout; `patch`, new
 * sets for a workout already logged (PATCH /api/workouts/:id); `delete`, its deletion
 * (DELETE /api/workouts/:id). See corrections.ts.
 */
export type OutboxKind = "patch" | "delete";

/** A finished workout on its way to POST /api/workouts, or a correction of a logged one. */
export interface OutboxItem {
  readonly kind?: OutboxKind;
  /**
   * Raised by every correction of the item: a pass that sent an older revision leaves the
   * newer one waiting instead of removing it. Absent on items never corrected.
   */
  readonly revision?: number;
  readonly id: string;
  /** Whose workout it is: it is sent only while that account is signed in. */
  readonly owner: Owner;
  readonly date: string;
  readonly sets: readonly LoggedSet[];
  /** Order of finishing: items are sent oldest first. */
  readonly seq: number;
  readonly queuedAt: string;
  /** `failed`: the server refused it (4xx); kept with its message until the athlete acts. */
  readonly status: OutboxStatus;
  readonly attempts: number;
  readonly lastError: string | null;
}

/** A finished workout as gym mode shows it in the summary (also after a reload). */
export interface FinishedWorkout {
  readonly id: string;
  readonly owner: Owner;
  readonly date: string;
  readonly sets: readonly LoggedSet[];
  readonly session: PlannedSession;
  readonly swaps: Readonly<Record<string, Prescription>>;
  readonly setup: GymSetup;
  readonly finishedAt: string;
}
