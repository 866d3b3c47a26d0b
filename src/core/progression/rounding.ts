import { tidy } from "../units/weight.js";

/** Nearest multiple of `step`; an exact tie goes to the lighter load (protocol section 6). */
export function roundToStep(value: number, step: number): number {
  const below = Math.floor(tidy(value / step)) * step;
  const above = below + step;
  return tidy(value - below <= above - value ? below : above);
}

export function roundDownToStep(value: number, step: number): number {
  return tidy(Math.floor(tidy(value / step)) * step);
}

export function roundUpToStep(value: number, step: number): number {
  return tidy(Math.ceil(tidy(value / step)) * step);
}

/** The first multiple of `step` strictly above `value`. */
export function stepAbove(value: number, step: number): number {
  return tidy((Math.floor(tidy(value / step)) + 1) * step);
}

/** The last multiple of `step` strictly below `value`. */
export function stepBelow(value: number, step: number): number {
  return tidy((Math.ceil(tidy(value / step)) - 1) * step);
}
