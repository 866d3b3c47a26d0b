/**
 * What was lifted last time, per exercise: read from GET /api/workouts with signal and kept on the
 * phone (localStorage, per account) so that a card shows it offline too.
 */
import type { Band } from "../../core/exercise/types.js";
import { convertWeight, type Weight, type WeightUnit } from "../../core/units/weight.js";
import { API_PATHS, type Items, type Workout } from "../shared/api.js";
import { request } from "../shared/http.js";
import type { LoggedSet } from "../shared/outbox/types.js";
import { formatNumber } from "./logic.js";

export interface LastSet {
  readonly date: string;
  readonly load: Weight | null;
  readonly reps: number;
  readonly rir: number;
  readonly band?: Band;
}

/** Exercise id → its latest sets, newest first (a few, so a past day still finds its own "last"). */
export type LastSets = Readonly<Record<string, readonly LastSet[]>>;

const KEPT_PER_EXERCISE = 3;
const key = (owner: string) => `capacity-last-sets:${owner}`;

/** The latest sets of each exercise in these workouts, newest first. */
export function latestSets(
  workouts: readonly { readonly date: string; readonly sets: readonly LoggedSet[] }[],
): LastSets {
  const byExercise: Record<string, LastSet[]> = {};
  const newestFirst = [...workouts].sort((a, b) => b.date.localeCompare(a.date));
  for (const workout of newestFirst) {
    for (const set of workout.sets) {
      const list = byExercise[set.exercise] ?? [];
      byExercise[set.exercise] = list;
      if (list.length >= KEPT_PER_EXERCISE || list.some((item) => item.date === workout.date)) {
        continue;
      }
      list.push({
        date: workout.date,
        load: set.load,
        reps: set.reps,
        rir: set.rir,
        ...(set.band ? { band: set.band } : {}),
      });
    }
  }
  return byExercise;
}

/** The last set of an exercise done before `date`. */
export function lastBefore(sets: LastSets, exercise: string, date: string): LastSet | undefined {
  return sets[exercise]?.find((set) => set.date < date);
}

/** "12 kg × 9 @ 2 in the tank", in the runner's unit. */
export function lastWords(set: LastSet, unit: WeightUnit): string {
  const load = set.load ? convertWeight(set.load, unit) : null;
  const what = load
    ? `${formatNumber(Math.round(load.value * 10) / 10)} ${unit} × ${set.reps}`
    : set.band
      ? `${set.band.replace("-", " ")} band × ${set.reps}`
      : `${set.reps} reps`;
  return `${what} @ ${set.rir >= 5 ? "5+" : set.rir} in the tank`;
}

function kept(owner: string): LastSets {
  try {
    const text = localStorage.getItem(key(owner));
    const value = text ? (JSON.parse(text) as unknown) : null;
    return value && typeof value === "object" ? (value as LastSets) : {};
  } catch {
    return {};
  }
}

/** Fetches the log with signal and keeps its latest sets; the kept ones when that fails. */
export async function refreshLastSets(owner: string): Promise<LastSets> {
  if (typeof navigator !== "undefined" && navigator.onLine === false) return kept(owner);
  // Like the rest of gym mode: a 401 is an answer here (no jump to log-in), a hang gives up soon.
  const answer = await request<Items<Workout>>("GET", API_PATHS.workouts, undefined, {
    allowUnauthorized: true,
    timeoutMs: 8_000,
  });
  if (!answer.ok) return kept(owner);
  const fresh = latestSets(answer.value.items);
  try {
    localStorage.setItem(key(owner), JSON.stringify(fresh));
  } catch {
    // Storage full or refused: the cards simply show no "last time" offline.
  }
  return fresh;
}
