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
}

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
  /** True when this day's session is already in the log (added). */
  readonly done: boolean;
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
