/** A read export's sets as workouts, once each exercise name is mapped to the catalogue. */
import type { LoggedWorkout } from "../log/training-log.js";
import { commonName, normaliseName } from "./names.js";
import type { StrengthFile } from "./read.js";

/** The athlete's choices by normalised name: a catalogue id, or null to skip the name. */
export type NameChoices = ReadonlyMap<string, string | null>;

export interface MappedFile {
  /** One workout per day, sets in file order. */
  readonly workouts: LoggedWorkout[];
  /** Names neither the athlete nor the table maps, with their number of sets. */
  readonly unmapped: { readonly name: string; readonly sets: number }[];
  /** Sets of names the athlete chose to skip. */
  readonly skippedSets: number;
  /** Sets not stored because their name is waiting for review. */
  readonly unmappedSets: number;
}

/** The catalogue id of a name: the athlete's choice first, then the table; null when skipped. */
export function resolveName(name: string, choices: NameChoices): string | null | undefined {
  const key = normaliseName(name);
  if (choices.has(key)) return choices.get(key) ?? null;
  return commonName(name);
}

export function mapStrengthFile(file: StrengthFile, choices: NameChoices): MappedFile {
  const byDay = new Map<string, LoggedWorkout["sets"][number][]>();
  const unmapped = new Map<string, { name: string; sets: number }>();
  let skippedSets = 0;
  let unmappedSets = 0;
  for (const set of file.sets) {
    const exercise = resolveName(set.name, choices);
    if (exercise === null) {
      skippedSets++;
      continue;
    }
    if (exercise === undefined) {
      unmappedSets++;
      const key = normaliseName(set.name);
      const entry = unmapped.get(key);
      if (entry) entry.sets++;
      else unmapped.set(key, { name: set.name, sets: 1 });
      continue;
    }
    const sets = byDay.get(set.date) ?? [];
    sets.push({
      exercise,
      load: set.load,
      reps: set.reps,
      rir: set.rir,
      ...(set.kind === undefined ? {} : { kind: set.kind }),
    });
    byDay.set(set.date, sets);
  }
  return {
    workouts: [...byDay.entries()]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([date, sets]) => ({ date, sets })),
    unmapped: [...unmapped.values()],
    skippedSets,
    unmappedSets,
  };
}
