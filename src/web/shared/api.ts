/**
 * Every address the web app asks the server for, and a typed call for each: nothing else in
 * the app writes an /api path (the service worker, a separate bundle, names the two it keeps).
 */
import type { ExerciseSwap } from "../../core/protocol/changes.js";
import type {
  Account,
  ActivityView,
  CalendarFeed,
  CatalogExercise,
  Checkin,
  ImportJob,
  Items,
  LogInState,
  Move,
  MoveOption,
  Plan,
  Profile,
  ProposalAnswer,
  StrengthImportReport,
  StrengthNameChoice,
  StrengthReviewAnswer,
  StrengthReviewItem,
  WeeklyAnswer,
  Workout,
} from "./api-types.js";
import { type ApiResult, type RequestOptions, request } from "./http.js";

export type * from "./api-types.js";

const id = (value: string) => encodeURIComponent(value);

/** The addresses, for the callers that send with something else (the upload, the outbox). */
export const API_PATHS = {
  signup: "/api/auth/signup",
  login: "/api/auth/login",
  logout: "/api/auth/logout",
  /** Who is logged in: 200 with nulls when nobody is (no 401 at start). */
  currentLogin: "/api/session",
  account: "/api/me",
  profile: "/api/profile",
  plan: (from?: string, weeks = 1) => `/api/plan?${from ? `from=${from}&` : ""}weeks=${weeks}`,
  moves: "/api/plan/moves",
  move: (moveId: string) => `/api/plan/moves/${id(moveId)}`,
  moveOptions: (from: string) => `/api/plan/move-options?from=${from}`,
  swaps: "/api/plan/swaps",
  workouts: "/api/workouts",
  workout: (workoutId: string) => `/api/workouts/${id(workoutId)}`,
  checkins: "/api/checkins",
  exercises: "/api/exercises",
  export: "/api/export",
  importActivities: "/api/activities/import",
  importJob: (jobId: string) => `/api/activities/imports/${id(jobId)}`,
  activities: (from: string, to: string) => `/api/activities?from=${from}&to=${to}`,
  activity: (activityId: string) => `/api/activities/${id(activityId)}`,
  weeklyRunning: (weeks: number) => `/api/activities/weekly?weeks=${weeks}`,
  runWeekProposal: "/api/run-week/proposal",
  calendar: "/api/calendar",
  calendarRotate: "/api/calendar/rotate",
  /** Every workout in Strong's CSV layout: a plain link downloads it (`download`). */
  exportCsv: "/api/export.csv",
  strengthImport: (name: string) => `/api/strength-imports?name=${id(name)}`,
  strengthReview: "/api/strength-imports/review",
} as const;

const unwrap = <T>(result: ApiResult<Items<T>>): ApiResult<readonly T[]> =>
  result.ok ? { ok: true, value: result.value.items, status: result.status } : result;

/** An export holds everything the account has: allow it longer than the usual call. */
const EXPORT_TIMEOUT_MS = 120_000;

export const api = {
  signup: (body: { email: string; password: string; name: string }) =>
    request<Account>("POST", API_PATHS.signup, body, { allowUnauthorized: true }),
  login: (body: { email: string; password: string }) =>
    request<Account>("POST", API_PATHS.login, body, { allowUnauthorized: true }),
  logout: () => request<null>("POST", API_PATHS.logout, undefined, { allowUnauthorized: true }),
  /** Who is logged in and their profile; 200 with nulls when nobody is (no 401 at start). */
  currentLogin: () => request<LogInState>("GET", API_PATHS.currentLogin),
  deleteAccount: () => request<null>("DELETE", API_PATHS.account),
  profile: (options?: RequestOptions) =>
    request<Profile>("GET", API_PATHS.profile, undefined, options),
  saveProfile: (profile: Profile) => request<Profile>("PUT", API_PATHS.profile, profile),
  plan: (from?: string, weeks = 1, options?: RequestOptions) =>
    request<Plan>("GET", API_PATHS.plan(from, weeks), undefined, options),
  move: (from: string, to: string) => request<Move>("POST", API_PATHS.moves, { from, to }),
  moveOptions: async (from: string) =>
    unwrap(await request<Items<MoveOption>>("GET", API_PATHS.moveOptions(from))),
  moves: async () => unwrap(await request<Items<Move>>("GET", API_PATHS.moves)),
  undoMove: (moveId: string) => request<null>("DELETE", API_PATHS.move(moveId)),
  swap: (swap: Omit<ExerciseSwap, "id">, options?: RequestOptions) =>
    request<unknown>("POST", API_PATHS.swaps, swap, options),
  workouts: async () => unwrap(await request<Items<Workout>>("GET", API_PATHS.workouts)),
  checkins: async () => unwrap(await request<Items<Checkin>>("GET", API_PATHS.checkins)),
  checkin: (body: { date: string; soreness: number; hurtRun: boolean }) =>
    request<Checkin>("POST", API_PATHS.checkins, body),
  exercises: async () => unwrap(await request<Items<CatalogExercise>>("GET", API_PATHS.exercises)),
  exportData: () =>
    request<unknown>("GET", API_PATHS.export, undefined, { timeoutMs: EXPORT_TIMEOUT_MS }),
};

/** Imported activities, import jobs and the proposed run week (docs/web.md, "Importing"). */
export const running = {
  importJob: (jobId: string) => request<ImportJob>("GET", API_PATHS.importJob(jobId)),
  activities: async (from: string, to: string) =>
    unwrap(await request<Items<ActivityView>>("GET", API_PATHS.activities(from, to))),
  deleteActivity: (activityId: string) => request<null>("DELETE", API_PATHS.activity(activityId)),
  weekly: (weeks: number) => request<WeeklyAnswer>("GET", API_PATHS.weeklyRunning(weeks)),
  proposal: () => request<ProposalAnswer>("GET", API_PATHS.runWeekProposal),
};

/** The calendar feed's secret address: shown, replaced, turned off (docs/API.md). */
export const calendar = {
  feed: () => request<CalendarFeed>("GET", API_PATHS.calendar),
  rotate: () => request<CalendarFeed>("POST", API_PATHS.calendarRotate),
  turnOff: () => request<null>("DELETE", API_PATHS.calendar),
};

/** A whole year of lifting can be a few megabytes of CSV: allow it longer than the usual call. */
const STRENGTH_IMPORT_TIMEOUT_MS = 120_000;

/** Lifting history from Strong and Hevy exports, and the review of the names they hold. */
export const strength = {
  /** The file's name is only the report's `source`; the server takes up to 200 characters of it. */
  importCsv: (name: string, csv: string) =>
    request<StrengthImportReport>("POST", API_PATHS.strengthImport(name.slice(0, 200)), csv, {
      contentType: "text/csv",
      timeoutMs: STRENGTH_IMPORT_TIMEOUT_MS,
    }),
  review: async () =>
    unwrap(await request<Items<StrengthReviewItem>>("GET", API_PATHS.strengthReview)),
  choose: (choices: readonly StrengthNameChoice[]) =>
    request<StrengthReviewAnswer>(
      "POST",
      API_PATHS.strengthReview,
      { choices },
      { timeoutMs: STRENGTH_IMPORT_TIMEOUT_MS },
    ),
};
