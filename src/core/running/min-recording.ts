/**
 * The one rule on short recordings, the same for every format (FIT, GPX, TCX; see
 * docs/importers.md, "Short recordings"):
 * - no duration at all (one point, or times that never move) is no activity: refused;
 * - under a minute is imported with a warning. A watch started by mistake looks like this, but
 *   so do real recordings: a multisport file's transitions, a short test run (the corpus's
 *   Fenix 5 run lasts 56.9 s). Refusing them would make a whole archive "fail" for a transition.
 */
export const MIN_RECORDING_S = 60;

/** Why a recording of `spanS` seconds is no activity, or null when it has a duration. */
export function noDuration(spanS: number): string | null {
  return spanS > 0
    ? null
    : "holds a single instant of recording (its first and last times are the same), so no duration";
}

/** The warning for a recording under a minute, or null. */
export function shortRecordingWarning(spanS: number): string | null {
  if (spanS <= 0 || spanS >= MIN_RECORDING_S) return null;
  const seconds = Math.round(spanS * 10) / 10;
  return `Recorded for only ${seconds} s (under a minute): a watch started by mistake looks like this; delete the activity if it was not one.`;
}
