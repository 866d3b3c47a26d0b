import { exerciseById } from "../exercise/catalog-index.js";
import type { Muscle } from "../exercise/types.js";
import { HARDER_FROM } from "../progression/verdict.js";
import { type DayNumber, parseLocalDate } from "../units/local-date.js";
import type { Checkin, LoggedSet, TrainingLog } from "./training-log.js";

export interface DatedSet {
  readonly day: DayNumber;
  /** The first set of the exercise that day: progression reads it (protocol section 6). */
  readonly set: LoggedSet;
  /** How many sets of it were logged that day. */
  readonly sets: number;
}

/** The workouts of one day, merged. */
export interface DatedWorkout {
  readonly day: DayNumber;
  readonly sets: readonly LoggedSet[];
}

export interface DatedCheckin extends Checkin {
  readonly day: DayNumber;
}

/** The log ordered by day, with the look-ups the planner needs. Workouts on one day are merged. */
export interface History {
  readonly workouts: readonly DatedWorkout[];
  readonly checkins: readonly DatedCheckin[];
  /** Per exercise, one entry per day it was done, oldest first. */
  readonly byExercise: ReadonlyMap<string, readonly DatedSet[]>;
  /** The exercise done most recently for each primary muscle. */
  readonly lastByMuscle: ReadonlyMap<Muscle, string>;
  /**
   * The exercises (with their band: see `slowKey`) of which some working set was ever too easy
   * (`readSet`'s rung "harder", any set of a day, not only its first): at the top of a ladder
   * that earned the slow tempo, kept from then on (protocol section 6).
   */
  readonly earnedSlow: ReadonlySet<string>;
}

/** The key of `History.earnedSlow`: an exercise done without a band, or with that band. */
export function slowKey(exercise: string, band: string | undefined): string {
  return band === undefined ? exercise : `${exercise}|${band}`;
}

function dayOf(date: string): DayNumber {
  const day = parseLocalDate(date);
  // Logs are validated before they reach the core; an invalid date here is a bug.
  if (day === null) throw new Error(`unvalidated date in log: ${date}`);
  return day;
}

export function buildHistory(log: TrainingLog): History {
  const byDay = new Map<DayNumber, LoggedSet[]>();
  for (const workout of log.workouts ?? []) {
    const day = dayOf(workout.date);
    const sets = byDay.get(day);
    if (sets) sets.push(...workout.sets);
    else byDay.set(day, [...workout.sets]);
  }
  const workouts = [...byDay.entries()]
    .sort(([a], [b]) => a - b)
    .map(([day, sets]) => ({ day, sets }));

  const byExercise = new Map<string, DatedSet[]>();
  const lastByMuscle = new Map<Muscle, string>();
  const earnedSlow = new Set<string>();
  for (const workout of workouts) {
    const seen = new Map<string, DatedSet>();
    for (const set of workout.sets) {
      // Warm-up and drop sets are kept in the log, but progression reads working sets only.
      if (set.kind !== undefined) continue;
      if (set.reps >= HARDER_FROM.reps && set.rir >= HARDER_FROM.rir) {
        earnedSlow.add(slowKey(set.exercise, set.band));
      }
      const first = seen.get(set.exercise);
      seen.set(
        set.exercise,
        first ? { ...first, sets: first.sets + 1 } : { day: workout.day, set, sets: 1 },
      );
    }
    for (const [id, dated] of seen) {
      const entries = byExercise.get(id);
      if (entries) entries.push(dated);
      else byExercise.set(id, [dated]);
      const muscle = exerciseById(id)?.muscles[0];
      if (muscle) lastByMuscle.set(muscle, id);
    }
  }

  const checkins = (log.checkins ?? [])
    .map((checkin) => ({ ...checkin, day: dayOf(checkin.date) }))
    .sort((a, b) => a.day - b.day);
  return { workouts, checkins, byExercise, lastByMuscle, earnedSlow };
}

/** The last time an exercise was done on or before `day`. */
export function lastDone(
  history: History,
  exercise: string,
  beforeOrOn: DayNumber = Infinity,
): DatedSet | null {
  const entries = history.byExercise.get(exercise) ?? [];
  for (let i = entries.length - 1; i >= 0; i--) {
    const entry = entries[i];
    if (entry && entry.day <= beforeOrOn) return entry;
  }
  return null;
}

export function lastWorkoutDay(history: History): DayNumber | null {
  return history.workouts.at(-1)?.day ?? null;
}
