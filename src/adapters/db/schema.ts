/**
 * Kysely's view of the tables. Column names are the database's (snake_case); the repositories
 * map rows to the records of src/app/ports.ts.
 *
 * Instants are epoch milliseconds (`bigint` on PostgreSQL, read back as JS numbers by the pool's
 * own type parser; INTEGER on SQLite). Training days are `YYYY-MM-DD` text.
 */

import type { Generated } from "kysely";
import type { Band } from "../../core/exercise/types.js";
import type { SetKind } from "../../core/log/training-log.js";
import type { ActivityFormat, Sport } from "../../core/running/activity.js";
import type { WeightUnit } from "../../core/units/weight.js";

export interface UserTable {
  id: string;
  /** Always lower-cased, unique. */
  email: string;
  name: string;
  password_hash: string;
  created_at: number;
  password_changed_at: number;
  /** Raised by every write of the account's training data (migration 0002). */
  data_version: Generated<number>;
}

export interface AuthSessionTable {
  /** SHA-256 (hex) of the cookie's token. */
  id: string;
  user_id: string;
  created_at: number;
  expires_at: number;
}

export interface ProfileTable {
  user_id: string;
  /** The profile document as JSON text. */
  data: string;
  updated_at: number;
}

export interface WorkoutTable {
  owner_id: string;
  id: string;
  date: string;
  created_at: number;
  updated_at: number;
}

export interface WorkoutSetTable {
  owner_id: string;
  workout_id: string;
  /** 0-based, in the order logged. */
  position: number;
  exercise: string;
  /** The load in kg whatever unit it was logged in; null for bodyweight. */
  load_kg: number | null;
  /** The unit the athlete logged; null for bodyweight. */
  load_unit: WeightUnit | null;
  reps: number;
  rir: number;
  /** The workout's training day, kept with each set for the per-exercise index (migration 0004). */
  date: string | null;
  /** The resistance band used; null when none was recorded. */
  band: Band | null;
  /** "warmup" or "drop" (migration 0006); null for a working set. */
  kind: Generated<SetKind | null>;
}

export interface CheckinTable {
  owner_id: string;
  id: string;
  date: string;
  soreness: number;
  /** 0 or 1. */
  hurt_run: number;
  created_at: number;
}

export interface PlanChangeTable {
  owner_id: string;
  id: string;
  kind: string;
  /** The change's fields other than id, kind and createdAt, as JSON text. */
  data: string;
  created_at: number;
}

export interface ActivityTable {
  owner_id: string;
  id: string;
  sport: Sport;
  /** The activity's start, epoch ms. */
  start_at: number;
  elapsed_s: number | null;
  moving_s: number | null;
  distance_m: number | null;
  avg_hr: number | null;
  max_hr: number | null;
  ascent_m: number | null;
  source_name: string | null;
  format: ActivityFormat;
  /** The file path or archive entry the activity came from. */
  source: string;
  /** The import's warnings, a JSON array of strings. */
  warnings: string;
  created_at: number;
}

export interface CalendarFeedTable {
  user_id: string;
  token: string;
  created_at: number;
}

export interface ExerciseNameMapTable {
  owner_id: string;
  /** The name as the other app wrote it, trimmed. */
  name: string;
  /** A catalogue id, or null when the athlete chose to skip the name. */
  exercise: string | null;
  created_at: number;
}

export interface StrengthImportPendingTable {
  owner_id: string;
  id: string;
  source: string;
  /** The whole file, kept until every exercise name in it is mapped or skipped. */
  csv: string;
  /** The unit for a file that does not say (the profile's when it was uploaded). */
  weight_unit: WeightUnit;
  created_at: number;
}

export interface Schema {
  user: UserTable;
  auth_session: AuthSessionTable;
  profile: ProfileTable;
  workout: WorkoutTable;
  workout_set: WorkoutSetTable;
  checkin: CheckinTable;
  plan_change: PlanChangeTable;
  activity: ActivityTable;
  calendar_feed: CalendarFeedTable;
  exercise_name_map: ExerciseNameMapTable;
  strength_import_pending: StrengthImportPendingTable;
}

/** Every table of the schema, parents first (drop in reverse). */
export const TABLES = [
  "user",
  "auth_session",
  "profile",
  "workout",
  "workout_set",
  "checkin",
  "plan_change",
  "activity",
  "calendar_feed",
  "exercise_name_map",
  "strength_import_pending",
] as const satisfies readonly (keyof Schema)[];
