/**
 * What the server sends and takes, as the web app reads it. The response bodies come from the
 * contract (`src/contract`) and the core, as types only: `import type` is erased at build, so
 * nothing of TypeBox reaches the first screen's bundle. What the contract does not describe yet
 * (an import job and its report, whose shapes the import use case owns) is written here.
 */
import type { CatalogueEntry } from "../../core/exercise/filter.js";
import type { Profile, RunKind } from "../../core/profile/profile.js";
import type { Plan } from "../../core/protocol/plan-types.js";
import type { Activity, ActivityFormat } from "../../core/running/activity.js";
import type { RunEffort } from "../../core/running/classify.js";
import type { RunWeekAnswer, RunWeekProposal } from "../../core/running/propose-week.js";
import type { WeeklyRunning } from "../../core/running/weekly.js";
import type { Weight } from "../../core/units/weight.js";

export type {
  Account,
  ActivityView,
  CalendarFeed,
  Checkin,
  ErrorBody,
  ErrorKind,
  Items,
  LoggedSet,
  LogInState,
  Move,
  MoveOption,
  StrengthImportReport,
  StrengthNameChoice,
  StrengthReviewAnswer,
  StrengthReviewItem,
  Swap,
  Workout,
} from "../../contract/index.js";
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
export type { Plan, Profile, RunEffort, RunKind, RunWeekProposal, WeeklyRunning, Weight };

/** An exercise of the catalogue as `GET /api/exercises` lists it (each way says whether it takes a load). */
export type CatalogExercise = CatalogueEntry;

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

/** GET /api/run-week/proposal: the proposal, or why there is none (too few runs, none lately). */
export type ProposalAnswer = RunWeekAnswer;

/** GET /api/activities/weekly. */
export interface WeeklyAnswer {
  readonly weeks: readonly WeeklyRunning[];
}
