import type { DayNumber } from "../units/local-date.js";

/**
 * A recorded activity, whatever file or service it came from (docs/importers.md): what the planner and
 * the charts need to know about a run, a ride or past strength work.
 */
export const SPORTS = ["run", "ride", "walk", "hike", "swim", "strength", "other"] as const;
export type Sport = (typeof SPORTS)[number];

export const ACTIVITY_FORMATS = ["fit", "gpx", "tcx", "csv"] as const;
export type ActivityFormat = (typeof ACTIVITY_FORMATS)[number];

export interface Activity {
  readonly sport: Sport;
  /** ISO 8601 UTC instant, e.g. 2026-10-04T07:12:00.000Z. */
  readonly start: string;
  /** Wall-clock time from start to end, pauses included. */
  readonly elapsedS: number | null;
  /** Timer time: pauses excluded. */
  readonly movingS: number | null;
  readonly distanceM: number | null;
  readonly avgHr: number | null;
  readonly maxHr: number | null;
  readonly ascentM: number | null;
  /** The device or app that recorded it, when the file says (e.g. "Garmin fenix 5", "Strava"). */
  readonly sourceName: string | null;
  readonly warnings: readonly string[];
}

/** One file's outcome: its activities (several for a multisport file), or why it was refused. */
export type FileImport =
  | { readonly ok: true; readonly format: ActivityFormat; readonly activities: readonly Activity[] }
  | { readonly ok: false; readonly format: ActivityFormat | null; readonly error: string };

/**
 * An activity with the athlete's local calendar day of its start. The caller works the day out
 * with the profile's time zone: the core never reads time zones.
 */
export interface DatedActivity {
  /** The stored id; null for an activity not stored (a dry run, a test). */
  readonly id: string | null;
  readonly day: DayNumber;
  readonly activity: Activity;
}
