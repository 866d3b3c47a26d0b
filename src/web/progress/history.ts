/** The workout history of /progress, in words and checks (history.tsx draws it). */
import type { LoggedSet, OutboxItem } from "../shared/outbox/types.js";
import { weightText } from "../shared/weight.js";

/** A workout in the history: stored on the server, or finished on the phone and not sent yet. */
export interface HistoryWorkout {
  readonly id: string;
  readonly date: string;
  readonly sets: readonly LoggedSet[];
  /** Not on the server yet: a finished workout, or a correction, waiting in the outbox. */
  readonly waiting: boolean;
}

/**
 * The history, newest first: the server's workouts as corrected on the phone, and the finished
 * workouts still in the outbox (their POST not sent yet).
 */
export function historyOf(
  stored: readonly {
    readonly id: string;
    readonly date: string;
    readonly sets: readonly LoggedSet[];
  }[],
  waiting: readonly OutboxItem[],
): HistoryWorkout[] {
  const byId = new Map(waiting.map((item) => [item.id, item]));
  const list: HistoryWorkout[] = [];
  for (const workout of stored) {
    const item = byId.get(workout.id);
    if (item?.kind === "delete") continue;
    list.push({
      id: workout.id,
      date: workout.date,
      sets: item ? item.sets : workout.sets,
      waiting: Boolean(item),
    });
  }
  const known = new Set(stored.map((workout) => workout.id));
  for (const item of waiting) {
    if (item.kind === undefined && !known.has(item.id)) {
      list.push({ id: item.id, date: item.date, sets: item.sets, waiting: true });
    }
  }
  return list.sort((a, b) => b.date.localeCompare(a.date) || a.id.localeCompare(b.id));
}

/** "22 kg × 10 @ 2 left", "12 reps @ 3 left": one set at a glance. */
export function setText(set: LoggedSet): string {
  const reps = set.load ? `${weightText(set.load)} × ${set.reps}` : `${set.reps} reps`;
  const band = set.band ? ` (${set.band} band)` : "";
  return `${reps}${band} @ ${set.rir} left`;
}

/** "3 exercises · 3 sets": what a workout held, for the list. */
export function workoutCounts(sets: readonly LoggedSet[]): string {
  const exercises = new Set(sets.map((set) => set.exercise)).size;
  const word = (n: number, one: string) => `${n} ${n === 1 ? one : `${one}s`}`;
  return `${word(exercises, "exercise")} · ${word(sets.length, "set")}`;
}

/**
 * The log's limits (core/log/training-log.ts, MAX_REPS and MAX_RIR), written out: importing
 * them would bring the log's TypeBox schemas into the first screen's bundle. A test keeps them
 * equal.
 */
export const SET_LIMITS = { reps: 100, rir: 5 } as const;
const MAX_REPS = SET_LIMITS.reps;
const MAX_RIR = SET_LIMITS.rir;

/** What the set form holds: text from the inputs. */
export interface SetDraft {
  readonly load: string;
  readonly reps: string;
  readonly rir: string;
}

export function draftOf(set: LoggedSet): SetDraft {
  return {
    load: set.load ? String(set.load.value) : "",
    reps: String(set.reps),
    rir: String(set.rir),
  };
}

/**
 * The corrected set, or what is wrong with the draft (the API's limits, said before anything is
 * queued: a refused correction would wait in the outbox for nothing).
 */
export function setFromDraft(
  set: LoggedSet,
  draft: SetDraft,
): { readonly set: LoggedSet } | { readonly error: string; readonly field: keyof SetDraft } {
  const whole = (text: string) => (/^\d+$/.test(text.trim()) ? Number(text) : Number.NaN);
  const reps = whole(draft.reps);
  if (!(reps >= 1 && reps <= MAX_REPS)) {
    return { field: "reps", error: `Reps: a whole number from 1 to ${MAX_REPS}.` };
  }
  const rir = whole(draft.rir);
  if (!(rir >= 0 && rir <= MAX_RIR)) {
    return { field: "rir", error: `Reps left: a whole number from 0 to ${MAX_RIR}.` };
  }
  if (!set.load) return { set: { ...set, reps, rir } };
  const text = draft.load.trim().replace(",", ".");
  const value = /^\d+(\.\d+)?$/.test(text) ? Number(text) : Number.NaN;
  if (!(value >= 0 && value <= 1000)) {
    return { field: "load", error: `Load: a number from 0 to 1000 (${set.load.unit}).` };
  }
  return { set: { ...set, reps, rir, load: { ...set.load, value } } };
}
