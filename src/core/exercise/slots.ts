import type { Muscle } from "./types.js";

/**
 * A session's places, in the order the protocol keeps them when time is short (section 3):
 * quarter squat / leg press → hamstrings → calves → hip stabilizers → gluteals → upper pull → upper push.
 * Session order follows the same list, so the lower body comes first.
 */
export interface Slot {
  readonly id:
    | "squat"
    | "hamstrings"
    | "calves"
    | "hip-stabilizers"
    | "gluteals"
    | "upper-pull"
    | "upper-push";
  readonly muscle: Muscle;
  /** Groups whose exercises join this slot only when they suit an injury of its region. */
  readonly joins?: readonly Muscle[];
}

export const SLOTS: readonly Slot[] = [
  { id: "squat", muscle: "quadriceps" },
  { id: "hamstrings", muscle: "hamstrings" },
  { id: "calves", muscle: "calves", joins: ["shins"] },
  { id: "hip-stabilizers", muscle: "hip-stabilizers" },
  { id: "gluteals", muscle: "gluteals" },
  { id: "upper-pull", muscle: "upper-pull" },
  { id: "upper-push", muscle: "upper-push" },
];

export const LOWER_BODY: ReadonlySet<Muscle> = new Set([
  "gluteals",
  "quadriceps",
  "hamstrings",
  "calves",
  "hip-stabilizers",
  "adductors",
  "shins",
]);
