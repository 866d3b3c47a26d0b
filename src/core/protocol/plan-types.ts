import type { Equipment, Muscle } from "../exercise/types.js";
import type { FeedbackKind } from "../feedback/soreness.js";
import type { Weekday } from "../units/local-date.js";
import type { Weight } from "../units/weight.js";
import type { Phase } from "./phases.js";
import type { DayRun } from "./placement.js";
import type { RuleId } from "./rules.js";

/** The plan JSON of issue 2 (contract: fields may be added, never changed). */
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
}

export interface PlannedDay {
  readonly date: string;
  readonly weekday: Weekday;
  readonly run: DayRun;
  readonly phase: Phase;
  readonly session: boolean;
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
