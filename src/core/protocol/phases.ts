import type { RaceDistance } from "../profile/profile.js";
import type { DayNumber } from "../units/local-date.js";

/** Season phases counted back from the goal race (protocol section 5; taper after Bosquet 2007). */
export const PHASES = ["base", "peak", "taper", "race-week", "recovery"] as const;
export type Phase = (typeof PHASES)[number];

export interface RaceDay {
  readonly day: DayNumber;
  readonly distance: RaceDistance;
}

const LONG_RACES: ReadonlySet<RaceDistance> = new Set(["half", "marathon", "ultra"]);

/** Days after the race with no strength at all. */
export function recoveryDays(distance: RaceDistance): number {
  if (distance === "marathon" || distance === "ultra") return 7;
  if (distance === "half") return 4;
  return 2;
}

/** In race week the one session, if any, is at least this many days before the race. */
export function raceWeekMinDaysBefore(distance: RaceDistance): number {
  return LONG_RACES.has(distance) ? 4 : 3;
}

export function phaseOn(day: DayNumber, race: RaceDay | null): Phase {
  if (!race) return "base";
  const before = race.day - day;
  if (before > 21) return "base";
  if (before >= 15) return "peak";
  if (before >= 8) return "taper";
  if (before >= 0) return "race-week";
  return -before <= recoveryDays(race.distance) ? "recovery" : "base";
}

/** Volume in taper and race week: about half the exercises (-40 to -60 %), load and RIR kept. */
export function reducedExerciseCount(full: number): number {
  return Math.max(1, Math.ceil(full / 2));
}
