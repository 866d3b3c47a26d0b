import { tidy } from "../units/weight.js";
import { estimatedOneRepMax, targetLoad } from "./e1rm.js";
import { roundDownToStep, roundToStep, roundUpToStep, stepAbove, stepBelow } from "./rounding.js";

export type Direction = "heavier" | "lighter" | "same";

/** What the set showed: reps + RIR is how many reps the athlete could have done (protocol section 6). */
export function directionFrom(reps: number, rir: number): Direction {
  const possible = reps + rir;
  if (possible >= 12) return "heavier";
  if (possible <= 8) return "lighter";
  return "same";
}

export const MAX_STEP_UP = 0.1;
export const MAX_STEP_DOWN = 0.15;

export interface NextLoad {
  readonly direction: Direction;
  readonly load: number;
  readonly e1rm: number;
}

/**
 * Double progression expressed in reps in reserve: aim at 9 reps with 1.5 left, move at most
 * +10 % / -15 %, round to the athlete's increment without leaving that limit, and always move
 * at least one increment when the set said the load was wrong (one increment wins over the limit).
 */
export function nextLoad(last: number, reps: number, rir: number, increment: number): NextLoad {
  const direction = directionFrom(reps, rir);
  const e1rm = estimatedOneRepMax(last, reps, rir);
  if (direction === "same") return { direction, load: last, e1rm };
  const ceiling = tidy(last * (1 + MAX_STEP_UP));
  const floor = tidy(last * (1 - MAX_STEP_DOWN));
  let rounded = roundToStep(Math.min(Math.max(targetLoad(e1rm), floor), ceiling), increment);
  // Rounding must not carry the step past the limit; only the one-increment minimum may.
  if (rounded > ceiling) rounded = roundDownToStep(ceiling, increment);
  if (rounded < floor) rounded = roundUpToStep(floor, increment);
  if (direction === "heavier") {
    return { direction, load: Math.max(rounded, stepAbove(last, increment)), e1rm };
  }
  // Never prescribe nothing: the lightest load is one increment.
  const lighter = Math.min(rounded, stepBelow(last, increment));
  return { direction, load: Math.max(lighter, Math.min(increment, last)), e1rm };
}
