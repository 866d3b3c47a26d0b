/** Vocabulary of the exercise catalogue. The lists are contracts: profiles, logs and the API use these words. */

export const MUSCLES = [
  "gluteals",
  "quadriceps",
  "hamstrings",
  "calves",
  "hip-stabilizers",
  "upper-push",
  "upper-pull",
  "core",
  "adductors",
  "shins",
] as const;
export type Muscle = (typeof MUSCLES)[number];

export const EQUIPMENT = [
  "bodyweight",
  "band",
  "dumbbells",
  "kettlebell",
  "barbell",
  "rack",
  "bench",
  "step",
  "leg-press",
  "machine",
  "cable",
  "bike",
  "pull-up-bar",
] as const;
export type Equipment = (typeof EQUIPMENT)[number];

export const INJURIES = [
  "achilles",
  "plantar-fascia",
  "knee",
  "it-band",
  "hamstring",
  "hip",
  "low-back",
  "shin",
] as const;
export type Injury = (typeof INJURIES)[number];

/** Equipment whose weight the athlete sets and logs in kg or lb; everything else is bodyweight. */
export const LOAD_EQUIPMENT = [
  "barbell",
  "dumbbells",
  "kettlebell",
  "leg-press",
  "machine",
  "cable",
] as const;
export type LoadEquipment = (typeof LOAD_EQUIPMENT)[number];

/**
 * One way to do an exercise: every item listed is needed ("bodyweight" alone means nothing is).
 * A loaded way names its load equipment; `implements` says whether one or two dumbbells or
 * kettlebells are held, because the logged load is the weight of one (protocol section 6).
 */
export interface ExerciseWay {
  readonly equipment: readonly Equipment[];
  readonly implements?: 1 | 2;
}

export interface Exercise {
  /** kebab-case, stable: logs refer to it. */
  readonly id: string;
  readonly name: string;
  /** Primary muscle first. */
  readonly muscles: readonly Muscle[];
  /** Ways to do it, most preferred first; the planner takes the first the athlete can do. */
  readonly ways: readonly ExerciseWay[];
  /** 2-4 plain-language cues. */
  readonly cues: readonly string[];
  /** Ids of easier and harder variants (the bodyweight ladder walks these). */
  readonly easier: readonly string[];
  readonly harder: readonly string[];
  /**
   * What the exercise does to the body, in words a coach would group by: every exercise of one
   * pattern aggravates and suits the same injuries (the catalogue test checks it).
   */
  readonly pattern: Pattern;
  /** Areas this exercise aggravates: an athlete with one of these injuries gets another variant. */
  readonly loads: readonly Injury[];
  /** Areas whose rehabilitation uses this loading: preferred, under the pain rule, for that injury. */
  readonly suits: readonly Injury[];
}

/** Movement patterns: the unit by which injuries are tagged (protocol section 6, injuries). */
export const PATTERNS = [
  "squat",
  "squat-isometric",
  "split-squat",
  "step-up",
  "step-down",
  "knee-extension",
  "hinge",
  "knee-flexion",
  "hamstring-bridge",
  "bridge-isometric",
  "bridge",
  "straight-knee-calf-raise",
  "deficit-calf-raise",
  "calf-isometric",
  "bent-knee-calf-raise",
  "ankle-dorsiflexion",
  "hip-abduction",
  "hip-abduction-isometric",
  "single-leg-balance",
  "hip-adduction",
  "horizontal-pull",
  "vertical-pull",
  "hinged-row",
  "horizontal-push",
  "vertical-push",
  "trunk-stability",
] as const;
export type Pattern = (typeof PATTERNS)[number];

/** Resistance bands from light to extra heavy: the band ladder (protocol section 6). */
export const BANDS = ["light", "medium", "heavy", "extra-heavy"] as const;
export type Band = (typeof BANDS)[number];
