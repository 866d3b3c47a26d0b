import type { Exercise, ExerciseWay } from "../../core/exercise/types.js";
import type { Profile, RunKind } from "../../core/profile/profile.js";
import type { Plan } from "../../core/protocol/plan-types.js";
import type { RunEffort } from "../../core/running/classify.js";
import type { RunWeekAnswer, RunWeekProposal } from "../../core/running/propose-week.js";
import type { WeeklyRunning } from "../../core/running/weekly.js";
import type { Weekday } from "../../core/units/local-date.js";
import type { Weight } from "../../core/units/weight.js";
import { type ApiResult, request } from "./http.js";

export type {
  Adjustment,
  FeedbackEntry,
  PlannedDay,
  PlannedSession,
  PlannedWeek,
  Prescription,
} from "../../core/protocol/plan-types.js";
export type { Plan, Profile, RunEffort, RunKind, RunWeekProposal, WeeklyRunning, Weight };

export interface Account {
  readonly id: string;
  readonly email: string;
  readonly name: string;
  readonly createdAt: string;
}

export interface LoggedSet {
  readonly exercise: string;
  readonly load: Weight | null;
  readonly reps: number;
  readonly rir: number;
}

export interface Workout {
  readonly id: string;
  readonly date: string;
  readonly sets: readonly LoggedSet[];
  readonly createdAt: string;
  readonly updatedAt: string;
}

export interface Checkin {
  readonly id: string;
  readonly date: string;
  readonly soreness: number;
  readonly hurtRun: boolean;
  readonly createdAt: string;
}

export interface Move {
  readonly id: string;
  readonly kind: "move";
  readonly from: string;
  readonly to: string;
  readonly createdAt: string;
}

/** An exercise of the catalogue as the API sends it (each way says whether it takes a load). */
/** May the session go to this day, and if not, the rule and why (GET /api/plan/move-options). */
export interface MoveOption {
  readonly date: string;
  readonly allowed: boolean;
  readonly rule: string | null;
  readonly reason: string | null;
}

export interface CatalogExercise extends Omit<Exercise, "ways"> {
  readonly ways: readonly (ExerciseWay & { readonly loaded: boolean })[];
  readonly loaded: boolean;
}

interface Items<T> {
  readonly items: readonly T[];
}

const unwrap = <T>(result: ApiResult<Items<T>>): ApiResult<readonly T[]> =>
  result.ok ? { ok: true, value: result.value.items, status: result.status } : result;

export const api = {
  signup: (body: { email: string; password: string; name: string }) =>
    request<Account>("POST", "/api/auth/signup", body, { allowUnauthorized: true }),
  login: (body: { email: string; password: string }) =>
    request<Account>("POST", "/api/auth/login", body, { allowUnauthorized: true }),
  logout: () => request<null>("POST", "/api/auth/logout", undefined, { allowUnauthorized: true }),
  me: () => request<Account>("GET", "/api/me"),
  /** Who is signed in and their profile; 200 with nulls when nobody is (no 401 at start). */
  session: () => request<{ user: Account | null; profile: Profile | null }>("GET", "/api/session"),
  deleteMe: () => request<null>("DELETE", "/api/me"),
  profile: () => request<Profile>("GET", "/api/profile"),
  saveProfile: (profile: Profile) => request<Profile>("PUT", "/api/profile", profile),
  plan: (from?: string, weeks = 1) =>
    request<Plan>("GET", `/api/plan?${from ? `from=${from}&` : ""}weeks=${weeks}`),
  move: (from: string, to: string) => request<Move>("POST", "/api/plan/moves", { from, to }),
  moveOptions: async (from: string) =>
    unwrap(await request<Items<MoveOption>>("GET", `/api/plan/move-options?from=${from}`)),
  moves: async () => unwrap(await request<Items<Move>>("GET", "/api/plan/moves")),
  undoMove: (id: string) => request<null>("DELETE", `/api/plan/moves/${encodeURIComponent(id)}`),
  workouts: async () => unwrap(await request<Items<Workout>>("GET", "/api/workouts")),
  checkins: async () => unwrap(await request<Items<Checkin>>("GET", "/api/checkins")),
  checkin: (body: { date: string; soreness: number; hurtRun: boolean }) =>
    request<Checkin>("POST", "/api/checkins", body),
  exercises: async () => unwrap(await request<Items<CatalogExercise>>("GET", "/api/exercises")),
  exportData: () => request<unknown>("GET", "/api/export"),
};

// ---- Issue 5: imported activities, import jobs, the proposed run week (docs/web.md) ----

export type RunWeek = Record<Weekday, RunKind>;

/** One activity as an import report lists it (`id` null in a dry run). */
export interface ReportedActivity {
  readonly source: string;
  readonly format: string | null;
  readonly sport: string;
  readonly start: string;
  readonly elapsedS: number | null;
  readonly movingS: number | null;
  readonly distanceM: number | null;
  readonly avgHr: number | null;
  readonly maxHr: number | null;
  readonly ascentM?: number | null;
  readonly sourceName?: string | null;
  readonly warnings: readonly string[];
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
export interface ActivityView {
  readonly id: string;
  readonly sport: string;
  readonly start: string;
  readonly date: string;
  readonly elapsedS: number | null;
  readonly movingS: number | null;
  readonly distanceM: number | null;
  readonly avgHr: number | null;
  readonly maxHr: number | null;
  readonly ascentM: number | null;
  readonly sourceName: string | null;
  readonly format: string | null;
  readonly source: string | null;
  readonly warnings: readonly string[];
  readonly createdAt: string;
}

/** GET /api/run-week/proposal: the proposal, or why there is none (too few runs, none lately). */
export type ProposalAnswer = RunWeekAnswer;

export const running = {
  importJob: (id: string) =>
    request<ImportJob>("GET", `/api/activities/imports/${encodeURIComponent(id)}`),
  activities: async (from: string, to: string) =>
    unwrap(await request<Items<ActivityView>>("GET", `/api/activities?from=${from}&to=${to}`)),
  deleteActivity: (id: string) =>
    request<null>("DELETE", `/api/activities/${encodeURIComponent(id)}`),
  weekly: (weeks: number) =>
    request<{ weeks: readonly WeeklyRunning[] }>("GET", `/api/activities/weekly?weeks=${weeks}`),
  proposal: () => request<ProposalAnswer>("GET", "/api/run-week/proposal"),
};
