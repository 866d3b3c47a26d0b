import type { Band, Equipment, Muscle } from "../exercise/types.js";
import type { FeedbackKind } from "../feedback/soreness.js";
import type { Sport } from "../running/activity.js";
import type { RunEffort } from "../running/classify.js";
import type { RunningTotals } from "../running/weekly.js";
import type { Weekday } from "../units/local-date.js";
import type { Weight } from "../units/weight.js";
import type { Phase } from "./phases.js";
import type { DayRun } from "./placement.js";
import type { RuleId } from "./rules.js";

/** The plan JSON of docs/plan-format.md (contract: fields may be added, never changed). */
export interface Plan {
  readonly weeks: readonly PlannedWeek[];
  readonly feedback: readonly FeedbackEntry[];
  readonly adjustments: readonly Adjustment[];
  /**
   * What the day-later rule did after a very sore check-in (protocol section 7), so that words
   * such as "your next session is later" are only said when true; null when no check-in of 7
   * or more follows the last logged session.
   */
  readonly dayLater: DayLater | null;
}

export interface DayLater {
  /** The very sore session and its check-in. */
  readonly sessionDate: string;
  readonly checkinDate: string;
  readonly soreness: number;
  /**
   * `moved`: the next session went to `to`; `dropped`: no later day of its week kept every
   * rule, so that week lost it; `unchanged`: the next session is more than 72 hours after the
   * check-in (or the plan holds none yet), so it stays.
   */
  readonly outcome: "moved" | "dropped" | "unchanged";
  /** The next session's day before the rule, when the plan's weeks hold one. */
  readonly from: string | null;
  readonly to: string | null;
  readonly note: string | null;
}

/** A kept move or swap that the plan no longer applies (a later change made it unfit). */
export type DroppedChange =
  | {
      readonly kind: "move";
      readonly id: string | null;
      readonly from: string;
      readonly to: string;
      readonly reason: string;
    }
  | {
      readonly kind: "swap";
      readonly id: string | null;
      readonly date: string;
      readonly exercise: string;
      readonly with: string;
      readonly reason: string;
    };

export type SessionKind = "full" | "short" | "minimal" | "reduced";

export interface PlannedWeek {
  readonly start: string;
  readonly phase: Phase;
  readonly relaxed: readonly RuleId[];
  readonly notes: readonly string[];
  readonly sessions: readonly PlannedSession[];
  /** Every day of the week with its run and whether a session is on it (added to the contract). */
  readonly days: readonly PlannedDay[];
  /** The imported runs of the week (docs/protocol.md, section 9; zeros without any). */
  readonly running: RunningTotals;
  /** Sessions the week holds when planned whole: two, or fewer when its phases or runs allow fewer. */
  readonly target: number;
  /** Logged workouts and imported strength on the week's days. */
  readonly done: number;
  /** `target` minus `done` (never below zero): what the week still asks for. */
  readonly owed: number;
  /** Owed sessions that today and the days left cannot hold under the rules; never crowded in. */
  readonly missed: number;
  /** Why sessions are missed, in plain words; null when none is. */
  readonly missedReason: string | null;
  /** Kept moves and swaps of this week that no longer fit, each with why (also in `notes`). */
  readonly dropped: readonly DroppedChange[];
}

export interface PlannedDay {
  readonly date: string;
  readonly weekday: Weekday;
  /** What the rules read: the hardest imported run of the day when there is one, else `plannedRun`. */
  readonly run: DayRun;
  /** The profile's run week for this day (or `race` on race day), whatever really happened (docs/protocol.md, section 9). */
  readonly plannedRun: DayRun;
  readonly phase: Phase;
  /** A planned or logged session (a PlannedSession) is on this day. */
  readonly session: boolean;
  /** Imported activities of this day, earliest first (docs/protocol.md, section 9). */
  readonly activities: readonly PlannedActivity[];
  /**
   * An imported strength activity on a day without a logged workout: it counts toward the
   * week's two and the 48-hour rule, but has no PlannedSession (docs/protocol.md, section 9).
   */
  readonly importedStrength: boolean;
  /** A day before today: history, never a newly planned session. */
  readonly past: boolean;
  /** The check-in of this day (soreness 0 to 10, whether the run suffered), when there is one. */
  readonly checkin: { readonly soreness: number; readonly hurtRun: boolean } | null;
}

/** An imported activity as the plan shows it. */
export interface PlannedActivity {
  /** The stored id; null when not stored. */
  readonly id: string | null;
  readonly sport: Sport;
  /** ISO 8601 UTC instant. */
  readonly start: string;
  readonly movingS: number | null;
  readonly elapsedS: number | null;
  readonly distanceM: number | null;
  readonly avgHr: number | null;
  /** How hard a run was against the runner's other runs; null for other sports. */
  readonly effort: RunEffort | null;
}

export interface PlannedSession {
  readonly date: string;
  readonly phase: Phase;
  readonly kind: SessionKind;
  readonly why: string;
  readonly warmup: { readonly minutes: number; readonly activity: string };
  readonly omitted: readonly { readonly muscle: Muscle; readonly reason: string }[];
  readonly exercises: readonly Prescription[];
  /** Minutes the session takes: warm-up plus 2.5 per exercise (added). */
  readonly minutes: number;
  /**
   * Why `minutes` is shorter than the profile's `sessionMinutes` (what was left out and why, or
   * that the dose needs no more); null when it is not shorter (added).
   */
  readonly minutesNote: string | null;
  /** True when this day's session is already in the log (added). */
  readonly done: boolean;
  /**
   * For a done session, what was lifted, as logged, exercise by exercise in log order; empty
   * for a planned one. `exercises` stays next time's suggestion.
   */
  readonly logged: readonly LoggedExercise[];
}

export interface LoggedExercise {
  readonly id: string;
  readonly name: string;
  readonly sets: readonly {
    readonly load: Weight | null;
    readonly reps: number;
    readonly rir: number;
  }[];
}

export interface Prescription {
  readonly id: string;
  readonly name: string;
  readonly muscles: readonly Muscle[];
  readonly equipment: readonly Equipment[];
  readonly sets: number;
  readonly reps: { readonly min: number; readonly max: number };
  readonly rir: { readonly min: number; readonly max: number };
  readonly load: Weight | null;
  readonly why: string;
  /** Plain-language cues from the catalogue (added). */
  readonly cues: readonly string[];
  /** One or two dumbbells or kettlebells; the load is the weight of one (added, only when it applies). */
  readonly implements?: 1 | 2;
  /** The band to use, for a band exercise whose last set recorded one (added, only when it applies). */
  readonly band?: Band;
  /** "slow": 3 seconds on the way down, the ladder's top rung (added, only when it applies). */
  readonly tempo?: "slow";
}

export interface FeedbackEntry {
  readonly kind: FeedbackKind;
  readonly exercise: string;
  readonly date: string;
  readonly message: string;
}

export interface Adjustment {
  readonly exercise: string;
  readonly from: Weight | null;
  readonly to: Weight | null;
  readonly reason: string;
}
