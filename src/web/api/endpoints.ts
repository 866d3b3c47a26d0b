import type { Exercise, ExerciseWay } from "../../core/exercise/types.js";
import type { Profile } from "../../core/profile/profile.js";
import type { Plan } from "../../core/protocol/plan-types.js";
import type { Weight } from "../../core/units/weight.js";
import { type ApiResult, request } from "./client.js";

export type {
  Adjustment,
  FeedbackEntry,
  PlannedDay,
  PlannedSession,
  PlannedWeek,
  Prescription,
} from "../../core/protocol/plan-types.js";
export type { Plan, Profile, Weight };

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
