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

/** The dose in reps the athlete could have done: 8 to 10 reps with 1 or 2 left is 9 to 12. */
export const DOSE_POSSIBLE = 9;
/** The largest soreness cut (protocol section 7): -10 % rounded, never more than -15 %. */
export const SORE_CUT = 0.1;
export const MAX_SORE_CUT = 0.15;

export interface NextLoad {
  readonly direction: Direction;
  readonly load: number;
  readonly e1rm: number;
  /**
   * Set when the set said heavier but the next load is too big a jump (the no see-saw rule):
   * the load is kept, and this says what the next load is and what would earn it.
   */
  readonly held: {
    readonly next: number;
    readonly percent: number;
    /** Reps + RIR at the current load from which the next load keeps the dose. */
    readonly possibleNeeded: number;
  } | null;
  /** A lighter decision right after a heavier one: back to the load before. */
  readonly back: boolean;
}

/** Reps + RIR the athlete could do at `load`, from Epley: 30 × (e1RM / load − 1). */
export function predictedPossible(e1rm: number, load: number): number {
  return 30 * (e1rm / load - 1);
}

/**
 * Double progression expressed in reps in reserve: aim at 9 reps with 1.5 left, move at most
 * +10 % / -15 %, round to the athlete's increment without leaving that limit, and always move
 * at least one increment when the set said the load was wrong (one increment wins over the limit).
 * No see-saw (protocol section 6): heavier only to a load that still gives 9 reps + RIR by the
 * e1RM, else keep; lighter right after a heavier step goes back to `before`, the load before it.
 */
export function nextLoad(
  last: number,
  reps: number,
  rir: number,
  increment: number,
  before: number | null = null,
): NextLoad {
  const direction = directionFrom(reps, rir);
  const e1rm = estimatedOneRepMax(last, reps, rir);
  if (direction === "same") return { direction, load: last, e1rm, held: null, back: false };
  if (direction === "lighter" && before !== null && before > 0 && before < last) {
    return { direction, load: before, e1rm, held: null, back: true };
  }
  const ceiling = tidy(last * (1 + MAX_STEP_UP));
  const floor = tidy(last * (1 - MAX_STEP_DOWN));
  let rounded = roundToStep(Math.min(Math.max(targetLoad(e1rm), floor), ceiling), increment);
  // Rounding must not carry the step past the limit; only the one-increment minimum may.
  if (rounded > ceiling) rounded = roundDownToStep(ceiling, increment);
  if (rounded < floor) rounded = roundUpToStep(floor, increment);
  if (direction === "heavier") {
    let load = Math.max(rounded, stepAbove(last, increment));
    // The heaviest step that keeps the dose; none at all means the increment is too coarse.
    while (load > last && predictedPossible(e1rm, load) < DOSE_POSSIBLE - 1e-9) {
      load = tidy(load - increment);
    }
    if (load > last) return { direction, load, e1rm, held: null, back: false };
    const next = stepAbove(last, increment);
    return {
      direction,
      load: last,
      e1rm,
      held: {
        next,
        percent: Math.round((next / last - 1) * 100),
        // e1RM ≥ next × (1 + 9/30) ⇔ reps + RIR at `last` ≥ 30 × (1.3 × next / last − 1)
        possibleNeeded: Math.ceil(tidy(30 * ((1 + DOSE_POSSIBLE / 30) * (next / last) - 1))),
      },
      back: false,
    };
  }
  // Never prescribe nothing: the lightest load is one increment.
  const lighter = Math.min(rounded, stepBelow(last, increment));
  return {
    direction,
    load: Math.max(lighter, Math.min(increment, last)),
    e1rm,
    held: null,
    back: false,
  };
}

/**
 * The load after a sore next day (protocol section 7): -10 % rounded to the increment, lighter
 * than the last load but never more than -15 %. Null when no increment lies in that range
 * (6 kg dumbbells in 2 kg steps): then the load is kept and the reps aimed lower instead.
 */
export function soreCut(last: number, increment: number): number | null {
  const lowest = last * (1 - MAX_SORE_CUT);
  let value = roundToStep(last * (1 - SORE_CUT), increment);
  if (value >= last) value = stepBelow(last, increment);
  if (value < lowest - 1e-9) value = roundUpToStep(lowest, increment);
  return value > 0 && value < last && value >= lowest - 1e-9 ? value : null;
}
