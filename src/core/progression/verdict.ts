import { type Direction, directionFrom } from "./next-load.js";

/**
 * What one logged set says, read once for everyone (protocol section 6): the workout summary,
 * the check-in's causes and the plan all call this, so they never disagree about a set.
 */
export interface SetVerdict {
  /** Reps + RIR: how many reps the athlete could have done. */
  readonly possible: number;
  /** For a load: heavier, lighter or the same next time. */
  readonly direction: Direction;
  /** For a bodyweight or band exercise: the next rung, the one below, or the same. */
  readonly rung: "harder" | "easier" | "same";
  /** 8 to 10 reps with 1 or 2 left. */
  readonly inDose: boolean;
  /** No reps left in the tank. */
  readonly toFailure: boolean;
  /** More than the 10 reps of the dose. */
  readonly tooManyReps: boolean;
  /** One plain sentence about the set. */
  readonly words: string;
}

export const DOSE_REPS = { min: 8, max: 10 } as const;
export const DOSE_RIR = { min: 1, max: 2 } as const;

function tank(rir: number): string {
  return rir >= 5 ? "5 or more left" : `${rir} left`;
}

/**
 * A set this easy moves the ladder up (rung "harder"), or earns the slow tempo at its top. The
 * database keeps an index of such sets (migration 0007-set-harder) with the same numbers.
 */
export const HARDER_FROM = { reps: 10, rir: 3 } as const;

export function readSet(set: { readonly reps: number; readonly rir: number }): SetVerdict {
  const { reps, rir } = set;
  const possible = reps + rir;
  const direction = directionFrom(reps, rir);
  const inDose =
    reps >= DOSE_REPS.min && reps <= DOSE_REPS.max && rir >= DOSE_RIR.min && rir <= DOSE_RIR.max;
  const toFailure = rir === 0;
  const tooManyReps = reps > DOSE_REPS.max;
  const rung =
    reps >= HARDER_FROM.reps && rir >= HARDER_FROM.rir
      ? "harder"
      : possible <= 8
        ? "easier"
        : "same";
  let words: string;
  if (inDose) words = `${reps} reps with ${tank(rir)}: right in the dose.`;
  else if (toFailure && tooManyReps)
    words = `${reps} reps, taken to failure: past the dose; stop at 8 to 10 with 1 or 2 left.`;
  else if (toFailure)
    words = `${reps} reps, taken to failure (nothing left in the tank): stop with 1 or 2 left.`;
  else if (tooManyReps)
    words = `${reps} reps with ${tank(rir)}: more than the 8 to 10 of the dose.`;
  else if (direction === "heavier" || rung === "harder")
    words = `${reps} reps with ${tank(rir)}: light, more in the tank than the dose.`;
  else if (direction === "lighter") words = `${reps} reps with ${tank(rir)}: too heavy.`;
  else words = `${reps} reps with ${tank(rir)}: close to the dose of 8 to 10 with 1 or 2 left.`;
  return { possible, direction, rung, inDose, toFailure, tooManyReps, words };
}
