import type { StrengthApp, StrengthFile } from "../core/strength-import/read.js";
import type { WeightUnit } from "../core/units/weight.js";

/**
 * `POST /api/strength-imports` and the CLI's `capacity import` of a Strong or Hevy CSV: what one
 * export brought in (docs/API.md, docs/importers.md).
 */
export interface StrengthImportReport {
  readonly source: string;
  readonly app: StrengthApp;
  readonly weightUnit: WeightUnit;
  /** "column", "header" or "profile": where the weight unit came from. */
  readonly unitFrom: StrengthFile["unitFrom"];
  /** Data rows of the file, and the workouts they belong to. */
  readonly rows: number;
  readonly workouts: number;
  /** Strong's `Rest Timer` pseudo-rows, dropped. */
  readonly restTimers: number;
  /** Sets without reps (timed or distance sets), skipped. */
  readonly withoutReps: number;
  /** Stored now: workouts (one per day) and their sets. */
  readonly stored: { readonly workouts: number; readonly sets: number };
  /** Sets of a day and exercise already stored. */
  readonly duplicateSets: number;
  /** Sets of names the athlete chose to skip. */
  readonly skippedSets: number;
  /** Names waiting for a choice, with their sets (not stored yet). */
  readonly unmapped: readonly { readonly name: string; readonly sets: number }[];
}

/** An exercise name of a kept export waiting for the runner's choice (map or skip). */
export interface StrengthReviewItem {
  readonly name: string;
  readonly sets: number;
  /** The files that hold the name. */
  readonly sources: readonly string[];
}

/** `POST /api/strength-imports/review`: the kept exports imported again, and what still waits. */
export interface StrengthReviewAnswer {
  readonly reports: readonly StrengthImportReport[];
  readonly pending: readonly StrengthReviewItem[];
}

/** One choice of the review: a catalogue id, or null to skip the name. */
export interface StrengthNameChoice {
  readonly name: string;
  readonly exercise: string | null;
}

/** `GET /api/calendar` and `POST /api/calendar/rotate`: the calendar feed's secret address. */
export interface CalendarFeed {
  readonly url: string;
}
