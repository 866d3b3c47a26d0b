/** The words the app uses for the API's vocabulary: plain, no jargon. */
import {
  EQUIPMENT,
  type Equipment,
  INJURIES,
  type Injury,
  type Muscle,
} from "../../core/exercise/types.js";
import type { RaceDistance, RunKind } from "../../core/profile/profile.js";
import type { Phase } from "../../core/protocol/phases.js";
import type { SessionKind } from "../../core/protocol/plan-types.js";

export const EQUIPMENT_LIST: readonly Equipment[] = EQUIPMENT;

export const EQUIPMENT_WORD: Record<Equipment, string> = {
  bodyweight: "Body weight",
  band: "Resistance band",
  dumbbells: "Dumbbells",
  kettlebell: "Kettlebell",
  barbell: "Barbell",
  rack: "Squat rack",
  bench: "Bench",
  step: "Step or box",
  "leg-press": "Leg press",
  machine: "Weight machines",
  cable: "Cable machine",
  bike: "Exercise bike",
  "pull-up-bar": "Pull-up bar",
};

/** The muscles in the order a runner reads them (legs first), not the catalogue's. */
export const MUSCLE_LIST: readonly Muscle[] = [
  "quadriceps",
  "gluteals",
  "hamstrings",
  "calves",
  "hip-stabilizers",
  "adductors",
  "shins",
  "core",
  "upper-push",
  "upper-pull",
];

export const MUSCLE_WORD: Record<Muscle, string> = {
  gluteals: "Buttocks",
  quadriceps: "Front of the thighs",
  hamstrings: "Back of the thighs",
  calves: "Calves",
  "hip-stabilizers": "Hips",
  "upper-push": "Chest and arms (push)",
  "upper-pull": "Back and arms (pull)",
  core: "Trunk",
  adductors: "Inner thighs",
  shins: "Shins",
};

export const INJURY_LIST: readonly Injury[] = INJURIES;

export const INJURY_WORD: Record<Injury, string> = {
  achilles: "Achilles",
  "plantar-fascia": "Sole of the foot",
  knee: "Knee",
  "it-band": "Outside of the knee (IT band)",
  hamstring: "Hamstring",
  hip: "Hip",
  "low-back": "Lower back",
  shin: "Shin",
};

/** A day's run: the profile's kinds, or the race itself. */
export type RunWord = RunKind | "race";

/** The run of a day in a few words ("Quality run": intervals, tempo or hills). */
export const RUN_WORD: Record<RunWord, string> = {
  rest: "Rest day",
  easy: "Easy run",
  quality: "Quality run",
  long: "Long run",
  race: "Race day",
};

export const RUN_HINT: Record<RunKind, string> = {
  rest: "no run",
  easy: "relaxed pace",
  quality: "intervals, tempo or hills",
  long: "your longest run",
};

export const PHASE_WORD: Record<Phase, string> = {
  base: "Base phase: building strength",
  peak: "Peak phase: keeping strength with less",
  taper: "Taper: lighter, so you arrive fresh",
  "race-week": "Race week",
  recovery: "Recovery after your race",
};

export const SESSION_KIND_WORD: Record<SessionKind, string> = {
  full: "Strength session",
  short: "Short strength session",
  minimal: "Mini strength session",
  reduced: "Light strength session",
};

export const RACE_WORD: Record<RaceDistance, string> = {
  "5k": "5 km",
  "10k": "10 km",
  half: "half marathon",
  marathon: "marathon",
  ultra: "ultra",
};

/** A name for an exercise id when the catalogue has not answered ("quarter-squat" → "Quarter squat"). */
export function idToName(id: string): string {
  const words = id.replace(/-/g, " ");
  return words.charAt(0).toUpperCase() + words.slice(1);
}

export function plural(count: number, one: string, many = `${one}s`): string {
  return `${count} ${count === 1 ? one : many}`;
}
