/**
 * What the server sends and takes, as the web app reads it: one file, so that the wire types
 * can come from one shared module in a single edit. Built from the core's types wherever the
 * core has them; what only the API adds (ids, times) is written here.
 */
import type { Exercise, ExerciseWay } from "../../core/exercise/types.js";
import type { Checkin as LoggedCheckin, LoggedSet } from "../../core/log/training-log.js";
import type { Profile, RunKind } from "../../core/profile/profile.js";
import type { Plan } from "../../core/protocol/plan-types.js";
import type { Activity, ActivityFormat } from "../../core/running/activity.js";
import type { RunEffort } from "../../core/running/classify.js";
import type { RunWeekAnswer, RunWeekProposal } from "../../core/running/propose-week.js";
import type { WeeklyRunning } from "../../core/running/weekly.js";
import type { Weight } from "../../core/units/weight.js";

export type {
  Adjustment,
  DayLater,
  DroppedChange,
  FeedbackEntry,
  LoggedExercise,
  PlannedDay,
  PlannedSession,
  PlannedWeek,
  Prescription,
} from "../../core/protocol/plan-types.js";
export type {
  LoggedSet,
  Plan,
  Profile,
  RunEffort,
  RunKind,
  RunWeekProposal,
  WeeklyRunning,
  Weight,
};

/** The account logged in (sign-up, log-in, GET /api/session). */
export interface Account {
  readonly id: string;
  readonly email: string;
  readonly name: string;
  readonly createdAt: string;
}

/** GET /api/session: who is logged in and their profile; nulls when nobody is. */
export interface LoginAnswer {
  readonly user: Account | null;
  readonly profile: Profile | null;
}

/** A workout in the log (GET /api/workouts): the sets of one day. */
export interface Workout {
  readonly id: string;
  readonly date: string;
  readonly sets: readonly LoggedSet[];
  readonly createdAt: string;
  readonly updatedAt: string;
}

/** A check-in as stored (GET /api/checkins, POST /api/checkins). */
export interface Checkin extends LoggedCheckin {
  readonly id: string;
  readonly createdAt: string;
}

/** A planned session moved to another day, as the server keeps it (GET /api/plan/moves). */
export interface Move {
  readonly id: string;
  readonly kind: "move";
  readonly from: string;
  readonly to: string;
  readonly createdAt: string;
  /**
   * `active`: the plan applies it; `dropped`: a later change made it unfit (`reason` says why,
   * and the week's notes say so); `past`: its days are history. Absent from older servers.
   */
  readonly state?: "active" | "dropped" | "past";
  readonly reason?: string | null;
}

/** May the planned session go to this day, and if not, the rule and why (GET /api/plan/move-options). */
export interface MoveOption {
  readonly date: string;
  readonly allowed: boolean;
  readonly rule: string | null;
  readonly reason: string | null;
  /** A day before today: never offered (absent from older servers). */
  readonly past?: boolean;
}

/** An exercise of the catalogue as the API sends it (each way says whether it takes a load). */
export interface CatalogExercise extends Omit<Exercise, "ways"> {
  readonly ways: readonly (ExerciseWay & { readonly loaded: boolean })[];
  readonly loaded: boolean;
}

/** The run of each weekday, as the profile keeps it. */
export type RunWeek = Profile["runWeek"];

/**
 * An activity's sport is read as any text, so that a sport this app does not know yet (from a
 * newer server) still shows.
 */
type WireActivity = Omit<Activity, "sport" | "ascentM" | "sourceName"> & {
  readonly sport: string;
};

/** One activity as an import report lists it (`id` null in a dry run). */
export interface ReportedActivity extends WireActivity {
  readonly source: string;
  readonly format: ActivityFormat | null;
  readonly ascentM?: number | null;
  readonly sourceName?: string | null;
  readonly id?: string | null;
}

export interface ImportReport {
  readonly imported: readonly ReportedActivity[];
  readonly duplicates: readonly ReportedActivity[];
  readonly failed: readonly { readonly source: string; readonly error: string }[];
}

/** POST /api/activities/import answers with this, GET /api/activities/imports/:id follows it. */
export interface ImportJob {
  readonly id: string;
  readonly status: "running" | "done" | "failed";
  readonly files: number;
  readonly bytes: number;
  readonly progress: { readonly done: number; readonly total: number | null };
  readonly counts: {
    readonly imported: number;
    readonly duplicates: number;
    readonly failed: number;
  };
  readonly report: ImportReport | null;
  readonly error: string | null;
  readonly createdAt: string;
}

/** A stored activity (GET /api/activities); `date` is its day in the profile's time zone. */
export interface ActivityView extends WireActivity {
  readonly id: string;
  readonly date: string;
  readonly ascentM: number | null;
  readonly sourceName: string | null;
  readonly format: ActivityFormat | null;
  readonly source: string | null;
  readonly createdAt: string;
}

/** GET /api/run-week/proposal: the proposal, or why there is none (too few runs, none lately). */
export type ProposalAnswer = RunWeekAnswer;

/** GET /api/activities/weekly. */
export interface WeeklyAnswer {
  readonly weeks: readonly WeeklyRunning[];
}

/** A list answer of the API. */
export interface Items<T> {
  readonly items: readonly T[];
}
