import { CATALOG } from "./catalog.js";
import { exerciseById } from "./catalog-index.js";
import type { Slot } from "./slots.js";
import type { Exercise, ExerciseWay, Injury } from "./types.js";
import { isLoaded, wayFor } from "./ways.js";

export interface Athlete {
  readonly equipment: ReadonlySet<string>;
  readonly injuries: ReadonlySet<Injury>;
}

export interface Choice {
  readonly exercise: Exercise;
  readonly way: ExerciseWay;
}

export type SlotChoice =
  | {
      readonly kind: "chosen";
      readonly choice: Choice;
      readonly swappedFor: { exercise: Exercise; injuries: Injury[] } | null;
    }
  | { readonly kind: "omitted"; readonly injuries: Injury[] };

/** The catalogue by main muscle, in catalogue order: slots only ever look within one group. */
const BY_PRIMARY: ReadonlyMap<string, readonly Exercise[]> = (() => {
  const groups = new Map<string, Exercise[]>();
  for (const exercise of CATALOG) {
    const muscle = exercise.muscles[0] ?? "";
    groups.set(muscle, [...(groups.get(muscle) ?? []), exercise]);
  }
  return groups;
})();

export function injuriesLoaded(exercise: Exercise, injuries: ReadonlySet<Injury>): Injury[] {
  return exercise.loads.filter((area) => injuries.has(area));
}

/** The declared injuries an exercise suits (loading that their rehabilitation uses). */
export function injuriesSuited(exercise: Exercise, injuries: ReadonlySet<Injury>): Injury[] {
  return exercise.suits.filter((area) => injuries.has(area));
}

/**
 * The slot where each injury's rehabilitation loading goes (protocol section 6, injuries): that
 * slot prefers an exercise suiting the injury. The low back has no slot: its trunk exercises
 * are named in its note.
 */
export const INJURY_SLOT: Record<Injury, Slot["id"] | null> = {
  achilles: "calves",
  "plantar-fascia": "calves",
  shin: "calves",
  knee: "squat",
  hamstring: "hamstrings",
  hip: "hip-stabilizers",
  "it-band": "hip-stabilizers",
  "low-back": null,
};

/** The injuries whose rehabilitation goes in this slot. */
function regionInjuries(slot: Slot, injuries: ReadonlySet<Injury>): Set<Injury> {
  return new Set([...injuries].filter((injury) => INJURY_SLOT[injury] === slot.id));
}

/** Calf raises with the knee bent load the soleus; the calves slot alternates them with the rest. */
export function isBentKnee(exercise: Exercise): boolean {
  return exercise.pattern === "bent-knee-calf-raise";
}

/**
 * Candidates for a slot, best first, ignoring injuries: the article's one exercise leads the
 * squat slot (leg press for those who have one), then loaded choices the athlete can do,
 * then band or other gear, then body weight alone, each in catalogue order.
 */
function rankedCandidates(
  slot: Slot,
  athlete: Athlete,
  inTrack: (exercise: Exercise) => boolean,
): Choice[] {
  const choices: Choice[] = [];
  const region = regionInjuries(slot, athlete.injuries);
  // Another group joins only with the loading an injury of this region needs (tibialis raise).
  const joining = (slot.joins ?? []).flatMap((muscle) =>
    (BY_PRIMARY.get(muscle) ?? []).filter((e) => e.suits.some((area) => region.has(area))),
  );
  for (const exercise of [...(BY_PRIMARY.get(slot.muscle) ?? []), ...joining]) {
    if (!inTrack(exercise)) continue;
    const way = wayFor(exercise, athlete.equipment);
    if (way) choices.push({ exercise, way });
  }
  const rank = (choice: Choice): number => {
    if (slot.id === "squat") {
      if (choice.exercise.id === "leg-press") return 0;
      if (choice.exercise.id === "quarter-squat") return 1;
    }
    if (isLoaded(choice.way)) return 2;
    // A band sets the resistance without a table or a wall to lean on: better than none.
    return choice.way.equipment.includes("bodyweight") ? 4 : 3;
  };
  // Array.prototype.sort is stable, so catalogue order decides ties.
  return choices.sort((a, b) => rank(a) - rank(b));
}

/**
 * The exercise for one slot. What the athlete did last in this slot is kept (progression needs
 * the same exercise), unless it now loads an injury or needs gear they no longer have. An injury
 * whose rehabilitation goes in this slot makes a suiting exercise come first (a suiting one done
 * last is kept). `inTrack` narrows the slot (the calves slot's straight-knee and bent-knee halves).
 */
export function chooseForSlot(
  slot: Slot,
  athlete: Athlete,
  lastDoneInSlot: string | null,
  inTrack: (exercise: Exercise) => boolean = () => true,
): SlotChoice {
  const ranked = rankedCandidates(slot, athlete, inTrack);
  const continued = lastDoneInSlot ? exerciseById(lastDoneInSlot) : undefined;
  if (continued && ranked.some((choice) => choice.exercise === continued)) {
    const way = wayFor(continued, athlete.equipment);
    if (way) ranked.unshift({ exercise: continued, way });
  }
  const preferred = ranked[0];
  if (!preferred) return { kind: "omitted", injuries: [] };
  const region = regionInjuries(slot, athlete.injuries);
  const safe =
    ranked.find(
      (choice) =>
        injuriesLoaded(choice.exercise, athlete.injuries).length === 0 &&
        choice.exercise.suits.some((area) => region.has(area)),
    ) ?? ranked.find((choice) => injuriesLoaded(choice.exercise, athlete.injuries).length === 0);
  if (!safe) {
    const injuries = [
      ...new Set(ranked.flatMap((choice) => injuriesLoaded(choice.exercise, athlete.injuries))),
    ];
    return { kind: "omitted", injuries };
  }
  const hurts = injuriesLoaded(preferred.exercise, athlete.injuries);
  if (safe === preferred || hurts.length === 0) {
    return { kind: "chosen", choice: safe, swappedFor: null };
  }
  return {
    kind: "chosen",
    choice: safe,
    swappedFor: { exercise: preferred.exercise, injuries: hurts },
  };
}

/** A variant one rung up or down the ladder that the athlete can do without loading an injury. */
export function ladderStep(
  exercise: Exercise,
  direction: "harder" | "easier",
  athlete: Athlete,
): Choice | null {
  for (const id of exercise[direction]) {
    const next = exerciseById(id);
    if (!next || injuriesLoaded(next, athlete.injuries).length > 0) continue;
    const way = wayFor(next, athlete.equipment);
    if (way) return { exercise: next, way };
  }
  return null;
}
