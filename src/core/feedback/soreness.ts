import { exerciseById } from "../exercise/catalog-index.js";
import { LOWER_BODY } from "../exercise/slots.js";
import type { DatedCheckin, DatedWorkout, History } from "../log/history.js";
import type { LoggedSet } from "../log/training-log.js";
import { readSet } from "../progression/verdict.js";
import { type DayNumber, formatLocalDate } from "../units/local-date.js";
import { convertWeight, type Weight } from "../units/weight.js";

/** What a sore next day can be traced to (protocol section 7, after the article's answer on soreness). */
export const FEEDBACK_KINDS = [
  "too-many-sets",
  "too-many-reps",
  "to-failure",
  "new-exercise",
  "load-jump",
] as const;
export type FeedbackKind = (typeof FEEDBACK_KINDS)[number];

export interface Feedback {
  readonly kind: FeedbackKind;
  readonly exercise: string;
  readonly date: string;
  readonly message: string;
}

export const SORE = 4;
export const VERY_SORE = 7;
export const CHECKIN_WINDOW_DAYS = 2;
export const LOAD_JUMP = 0.1;
/** Feedback and adjustments come only from check-ins of the last four weeks (protocol section 7). */
export const FEEDBACK_DAYS = 28;

/** The check-in that counts for a workout: the latest one within two days after it. */
export function checkinFor(
  workout: DatedWorkout,
  checkins: readonly DatedCheckin[],
): DatedCheckin | null {
  let found: DatedCheckin | null = null;
  for (const checkin of checkins) {
    if (checkin.day > workout.day && checkin.day <= workout.day + CHECKIN_WINDOW_DAYS)
      found = checkin;
  }
  return found;
}

export function pointsToTooMuch(checkin: DatedCheckin): boolean {
  return checkin.soreness >= SORE || checkin.hurtRun;
}

function inKg(load: Weight | null): number | null {
  return load ? convertWeight(load, "kg").value : null;
}

function name(id: string): string {
  return exerciseById(id)?.name ?? id;
}

/** Every cause found in one workout, one entry per cause and exercise. */
export function causesIn(workout: DatedWorkout, history: History): Feedback[] {
  const date = formatLocalDate(workout.day);
  const byExercise = new Map<string, LoggedSet[]>();
  // Warm-up sets (imported from Strong or Hevy, marked `warmup`) are light by design: they
  // neither add a set to the count nor read as too many reps. Drop sets are hard work: they count.
  for (const set of workout.sets) {
    if (set.kind === "warmup") continue;
    byExercise.set(set.exercise, [...(byExercise.get(set.exercise) ?? []), set]);
  }
  const found: Feedback[] = [];
  for (const [exercise, sets] of byExercise) {
    const label = name(exercise);
    const first = sets[0] as LoggedSet;
    if (sets.length > 1) {
      found.push({
        kind: "too-many-sets",
        exercise,
        date,
        message: `${label}: ${sets.length} sets. One set is the dose; more sets need more recovery.`,
      });
    }
    const verdicts = sets.map(readSet);
    const most = Math.max(...sets.map((set) => set.reps));
    if (verdicts.some((verdict) => verdict.tooManyReps)) {
      found.push({
        kind: "too-many-reps",
        exercise,
        date,
        message: `${label}: ${most} reps. 8 to 10 is the dose; choose a load that stops you there.`,
      });
    }
    if (verdicts.some((verdict) => verdict.toFailure)) {
      found.push({
        kind: "to-failure",
        exercise,
        date,
        message: `${label}: taken to failure (no reps left in the tank). Stop with 1 or 2 left.`,
      });
    }
    const earlier = (history.byExercise.get(exercise) ?? []).filter(
      (entry) => entry.day < workout.day,
    );
    const before = earlier.at(-1);
    if (!before) {
      found.push({
        kind: "new-exercise",
        exercise,
        date,
        message: `${label}: first time. A new exercise often makes you sore once; it passes.`,
      });
    } else {
      const now = inKg(first.load);
      const then = inKg(before.set.load);
      if (now !== null && then !== null && then > 0 && now > then * (1 + LOAD_JUMP)) {
        const percent = Math.round((now / then - 1) * 100);
        found.push({
          kind: "load-jump",
          exercise,
          date,
          message: `${label}: ${percent} % heavier than the time before. Add load in small steps (10 % at most).`,
        });
      }
    }
  }
  return found;
}

export interface SorenessReview {
  readonly feedback: readonly Feedback[];
  /** Exercises whose next load is cut by 10 %, with the sore workout that decided it. */
  readonly cuts: ReadonlyMap<
    string,
    {
      readonly day: DayNumber;
      readonly load: Weight | null;
      readonly reason: string;
      /** The sore session and what was found, without the cut: for when the load is kept. */
      readonly cause: string;
    }
  >;
  /** The day of the last workout when the next day was very sore: the next session moves a day later. */
  readonly delayAfter: DayNumber | null;
  /** The check-in that said so (protocol section 7: the day-later rule counts 72 hours from it). */
  readonly verySore: { readonly checkin: DayNumber; readonly soreness: number } | null;
}

/**
 * Reads every workout that a check-in says was too much. Cuts only matter for exercises whose
 * latest time was that workout: a newer log already tells how the athlete coped. Only check-ins
 * of the four weeks up to `today` count: older soreness says nothing about next week.
 */
export function reviewSoreness(history: History, today: DayNumber = Infinity): SorenessReview {
  const feedback: Feedback[] = [];
  const cuts = new Map<
    string,
    { day: DayNumber; load: Weight | null; reason: string; cause: string }
  >();
  let delayAfter: DayNumber | null = null;
  let verySore: SorenessReview["verySore"] = null;
  const last = history.workouts.at(-1);
  for (const workout of history.workouts) {
    const checkin = checkinFor(workout, history.checkins);
    if (!checkin || !pointsToTooMuch(checkin)) continue;
    if (today !== Infinity && checkin.day <= today - FEEDBACK_DAYS) continue;
    const causes = causesIn(workout, history);
    feedback.push(...causes);
    const named = causes.length
      ? [...new Set(causes.map((cause) => cause.exercise))]
      : [...new Set(workout.sets.map((set) => set.exercise))].filter((id) =>
          exerciseById(id)?.muscles.some((muscle) => LOWER_BODY.has(muscle)),
        );
    const what = checkin.hurtRun ? `your run was affected` : `soreness ${checkin.soreness}/10`;
    const date = formatLocalDate(workout.day);
    for (const exercise of named) {
      const latest = history.byExercise.get(exercise)?.at(-1);
      if (!latest || latest.day !== workout.day) continue;
      const cause = causes.length
        ? `After ${date} (${what}): ${causes
            .filter((found) => found.exercise === exercise)
            .map((found) => found.kind.replace(/-/g, " "))
            .join(", ")}.`
        : `After ${date} (${what}) with no cause in the log.`;
      const reason = causes.length
        ? `${cause} Next time one set, 10 % lighter.`
        : `After ${date} (${what}) with no cause in the log: one set, 10 % lighter for the lower body.`;
      cuts.set(exercise, { day: workout.day, load: latest.set.load, reason, cause });
    }
    if (checkin.soreness >= VERY_SORE && workout === last) {
      delayAfter = workout.day;
      verySore = { checkin: checkin.day, soreness: checkin.soreness };
    }
  }
  return { feedback, cuts, delayAfter, verySore };
}
