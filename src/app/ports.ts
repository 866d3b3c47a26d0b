import type { PlanChangeRecord } from "../contract/index.js";
import type { LoggedSet } from "../core/log/training-log.js";
import type { Activity, ActivityFormat } from "../core/running/activity.js";
import type { WeightUnit } from "../core/units/weight.js";

/** What the use cases need from the outside world; adapters and entry points provide it. */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

/** Random identifiers and log-in tokens (crypto in the server, fixed in tests). */
export interface Ids {
  /** A UUID v4. */
  uuid(): string;
  /** 32 random bytes as base64url: the secret a log-in cookie carries. */
  token(): string;
  /** SHA-256 of a token, hex: what the database keeps, so a leaked table opens no log-in. */
  hashToken(token: string): string;
}

export interface PasswordHasher {
  hash(password: string): Promise<string>;
  verify(hash: string, password: string): Promise<boolean>;
}

// ---- Stored records. Instants are epoch milliseconds; training days are YYYY-MM-DD. ----

export interface User {
  readonly id: string;
  readonly email: string;
  readonly name: string;
  readonly passwordHash: string;
  readonly createdAt: number;
  readonly passwordChangedAt: number;
  /** Raised by every write of the account's training data: cached plans compare it. */
  readonly dataVersion: number;
}

/** A log-in: one device signed in to an account until it logs out or the log-in expires. */
export interface LogIn {
  /** SHA-256 (hex) of the cookie's token. */
  readonly id: string;
  readonly userId: string;
  readonly createdAt: number;
  readonly expiresAt: number;
}

export interface StoredWorkout {
  /** Client-made UUID, unique per owner. */
  readonly id: string;
  readonly date: string;
  /** In the order logged; each load in the unit it was logged in. */
  readonly sets: readonly LoggedSet[];
  readonly createdAt: number;
  readonly updatedAt: number;
}

export interface StoredCheckin {
  readonly id: string;
  readonly date: string;
  readonly soreness: number;
  readonly hurtRun: boolean;
  readonly createdAt: number;
}

/** A kept move or swap: the contract's Move or Swap with its instant in epoch milliseconds. */
export type StoredPlanChange = PlanChangeRecord;

/** An imported activity as stored: `start` stays an ISO 8601 UTC instant. */
export interface StoredActivity extends Activity {
  /** Unique per owner. */
  readonly id: string;
  readonly format: ActivityFormat;
  /** The file path or archive entry it came from. */
  readonly source: string;
  readonly createdAt: number;
}

// ---- Repositories. Every method on user data takes the owner first and never reads past it. ----

export interface UserRepo {
  /** "email-taken" when another account has this e-mail (compared lower-cased). */
  create(user: User): Promise<User | "email-taken">;
  byEmail(email: string): Promise<User | null>;
  byId(id: string): Promise<User | null>;
  setPassword(userId: string, passwordHash: string, at: number): Promise<void>;
  /** Deletes the account and, by cascade, everything it owns. */
  delete(userId: string): Promise<boolean>;
  count(): Promise<number>;
  /** The oldest accounts first (then by id), at most `limit` of them. */
  list(limit: number): Promise<User[]>;
  /**
   * Compare-and-set on one account: the account whose e-mail and password hash are still
   * `current` gets `next` (the id, creation time, data and log-ins stay). Null when no account
   * matches `current` (someone else took it over first); "email-taken" when another account
   * already has `next.email`.
   */
  takeOver(
    current: { readonly email: string; readonly passwordHash: string },
    next: {
      readonly email: string;
      readonly name: string;
      readonly passwordHash: string;
      readonly passwordChangedAt: number;
    },
  ): Promise<User | null | "email-taken">;
}

export interface LogInRepo {
  create(logIn: LogIn): Promise<void>;
  /** The log-in and its user, when it exists and has not expired at `now`. */
  find(id: string, now: number): Promise<{ logIn: LogIn; user: User } | null>;
  delete(id: string): Promise<void>;
  deleteForUser(userId: string): Promise<void>;
  deleteExpired(now: number): Promise<number>;
}

export interface ProfileRepo {
  /** The stored profile document, or null before the athlete saved one. */
  get(ownerId: string): Promise<unknown | null>;
  put(ownerId: string, profile: unknown, at: number): Promise<void>;
}

/** The part of the log the planner reads (app/plan-log.ts says why it is enough). */
export interface RecentWindow {
  /** YYYY-MM-DD: every workout on or after this day. */
  readonly since: string;
  /** And, before `since`, each exercise's last this many training days (whole workouts). */
  readonly perExercise: number;
}

export interface WorkoutRepo {
  /** Writes the workout and its sets in one transaction; "exists" when the id is taken for this owner. */
  insert(ownerId: string, workout: StoredWorkout): Promise<"inserted" | "exists">;
  get(ownerId: string, id: string): Promise<StoredWorkout | null>;
  /** Oldest training day first, then by creation. */
  list(ownerId: string): Promise<StoredWorkout[]>;
  /**
   * Up to `limit` workouts in list() order, those after `after` (the last of the previous
   * page; null for the first): a keyset read whose cost follows the page, not the log.
   */
  page(ownerId: string, after: StoredWorkout | null, limit: number): Promise<StoredWorkout[]>;
  /**
   * The workouts of `window`, ordered as list(): those on or after `window.since`, and every
   * workout on a day that is one of an exercise's last `window.perExercise` days before it.
   * Reads through indexes with limits, so its cost follows the window, not the log's length.
   */
  recent(ownerId: string, window: RecentWindow): Promise<StoredWorkout[]>;
  /** Replaces date and sets (one transaction); false when there is no such workout. */
  replace(ownerId: string, workout: StoredWorkout): Promise<boolean>;
  delete(ownerId: string, id: string): Promise<boolean>;
}

export interface CheckinRepo {
  /** One check-in per day: a second answer for the same day replaces the first (keeping its id). */
  upsert(ownerId: string, checkin: StoredCheckin): Promise<StoredCheckin>;
  /** Oldest first. */
  list(ownerId: string): Promise<StoredCheckin[]>;
  /** Up to `limit` check-ins in list() order after `after` (null: from the first); see WorkoutRepo.page. */
  page(ownerId: string, after: StoredCheckin | null, limit: number): Promise<StoredCheckin[]>;
  /** The check-ins on or after `date` (YYYY-MM-DD), oldest first. */
  since(ownerId: string, date: string): Promise<StoredCheckin[]>;
}

export interface PlanChangeRepo {
  add(ownerId: string, change: StoredPlanChange): Promise<void>;
  /** Oldest first: changes apply in the order they were made. */
  list(ownerId: string): Promise<StoredPlanChange[]>;
  /** Up to `limit` changes in list() order after `after` (null: from the first); see WorkoutRepo.page. */
  page(ownerId: string, after: StoredPlanChange | null, limit: number): Promise<StoredPlanChange[]>;
  delete(ownerId: string, id: string): Promise<boolean>;
}

export interface ActivityRepo {
  /**
   * Stores the activities not already known (see splitDuplicates): compared with the owner's
   * stored activities and with those earlier in the batch, in one transaction. The first
   * copy stays; the others come back as duplicates.
   */
  insertNew(
    ownerId: string,
    activities: readonly StoredActivity[],
  ): Promise<{ inserted: StoredActivity[]; duplicates: StoredActivity[] }>;
  /** Oldest start first; `range` keeps starts within [fromMs, toMs]. */
  list(ownerId: string, range?: { fromMs: number; toMs: number }): Promise<StoredActivity[]>;
  /** Up to `limit` activities in list() order after `after` (null: from the first); see WorkoutRepo.page. */
  page(ownerId: string, after: StoredActivity | null, limit: number): Promise<StoredActivity[]>;
  delete(ownerId: string, id: string): Promise<boolean>;
}

export interface CalendarFeedRepo {
  /** The account's feed token, or null before the first `GET /api/calendar` (or after a revoke). */
  tokenOf(ownerId: string): Promise<string | null>;
  /** Sets (or replaces) the account's token. */
  put(ownerId: string, token: string, at: number): Promise<void>;
  /** The owner of a token; null for an unknown, rotated or revoked one. */
  ownerOf(token: string): Promise<string | null>;
  /** False when the account had no token. */
  delete(ownerId: string): Promise<boolean>;
}

/** An exercise name from another app and what the athlete chose for it. */
export interface ExerciseNameChoice {
  readonly name: string;
  /** A catalogue id; null to skip the name. */
  readonly exercise: string | null;
}

export interface ExerciseNameRepo {
  list(ownerId: string): Promise<ExerciseNameChoice[]>;
  /** Adds or replaces each choice, by name. */
  put(ownerId: string, choices: readonly ExerciseNameChoice[], at: number): Promise<void>;
}

/** A lifting-app export kept until every exercise name in it is mapped or skipped. */
export interface PendingStrengthImport {
  readonly id: string;
  readonly source: string;
  readonly csv: string;
  readonly weightUnit: WeightUnit;
  readonly createdAt: number;
}

export interface PendingStrengthImportRepo {
  add(ownerId: string, pending: PendingStrengthImport): Promise<void>;
  /** Oldest first. */
  list(ownerId: string): Promise<PendingStrengthImport[]>;
  delete(ownerId: string, id: string): Promise<boolean>;
}

export interface Repos {
  readonly users: UserRepo;
  readonly logIns: LogInRepo;
  readonly profiles: ProfileRepo;
  readonly workouts: WorkoutRepo;
  readonly checkins: CheckinRepo;
  readonly planChanges: PlanChangeRepo;
  readonly activities: ActivityRepo;
  readonly calendarFeeds: CalendarFeedRepo;
  readonly exerciseNames: ExerciseNameRepo;
  readonly pendingStrengthImports: PendingStrengthImportRepo;
}

/** The database behind the repositories. */
export interface Store extends Repos {
  readonly kind: "sqlite" | "postgres";
  /**
   * Runs `work` in one transaction: everything it writes lands, or nothing does. `large`: many
   * rows (a restore); the database may then make the commit durable off the event loop, and
   * resolves only once it is.
   */
  transaction<T>(
    work: (repos: Repos) => Promise<T>,
    options?: { readonly large?: boolean },
  ): Promise<T>;
  /** A round trip to the database (health check). */
  ping(): Promise<void>;
  close(): Promise<void>;
}
