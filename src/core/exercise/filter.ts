import { CATALOG } from "./catalog.js";
import type { Equipment, Exercise, ExerciseWay, Muscle } from "./types.js";
import { canDo, isLoaded } from "./ways.js";

export interface CatalogueEntry {
  readonly id: string;
  readonly name: string;
  readonly muscles: readonly Muscle[];
  /** The ways open to the athlete (all ways without an equipment filter), most preferred first. */
  readonly ways: readonly (ExerciseWay & { readonly loaded: boolean })[];
  /** True when some open way takes a load in kg or lb; false for bodyweight only. */
  readonly loaded: boolean;
  readonly cues: readonly string[];
  readonly easier: readonly string[];
  readonly harder: readonly string[];
  readonly loads: Exercise["loads"];
}

/** The catalogue, optionally only what works a muscle and what some equipment allows (bodyweight always). */
export function listExercises(filter: {
  muscle?: Muscle;
  equipment?: readonly Equipment[];
}): CatalogueEntry[] {
  const available = filter.equipment ? new Set<string>(["bodyweight", ...filter.equipment]) : null;
  const entries: CatalogueEntry[] = [];
  for (const exercise of CATALOG) {
    if (filter.muscle && !exercise.muscles.includes(filter.muscle)) continue;
    const ways = exercise.ways
      .filter((way) => !available || canDo(way, available))
      .map((way) => ({ ...way, loaded: isLoaded(way) }));
    if (ways.length === 0) continue;
    entries.push({
      id: exercise.id,
      name: exercise.name,
      muscles: exercise.muscles,
      ways,
      loaded: ways.some((way) => way.loaded),
      cues: exercise.cues,
      easier: exercise.easier,
      harder: exercise.harder,
      loads: exercise.loads,
    });
  }
  return entries;
}
