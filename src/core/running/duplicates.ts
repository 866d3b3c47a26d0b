import type { Activity } from "./activity.js";

/** The same activity from another file or format is stored once (docs/importers.md). */
export const SAME_START_WINDOW_S = 120;
export const MIN_OVERLAP = 0.8;

/** Sports match when equal, or when either side does not know its sport. */
function sportsMatch(a: Activity, b: Activity): boolean {
  return a.sport === b.sport || a.sport === "other" || b.sport === "other";
}

/**
 * Two records of one activity: matching sports, starts within 120 s, and elapsed times that
 * overlap by at least 80 % of the longer one. When either side has no elapsed time, or an
 * elapsed time of 0 (one point, or times that never advance), the starts alone decide: there is
 * no span to overlap, and such records would otherwise only match an identical start.
 */
export function sameActivity(a: Activity, b: Activity): boolean {
  if (!sportsMatch(a, b)) return false;
  const startA = Date.parse(a.start) / 1000;
  const startB = Date.parse(b.start) / 1000;
  if (Math.abs(startA - startB) > SAME_START_WINDOW_S) return false;
  if (!a.elapsedS || !b.elapsedS) return true; // null or 0
  const overlap = Math.min(startA + a.elapsedS, startB + b.elapsedS) - Math.max(startA, startB);
  return overlap / Math.max(a.elapsedS, b.elapsedS) >= MIN_OVERLAP;
}

/**
 * Splits new activities into those to store and those already known (stored before, or
 * earlier in the same batch): the first stored copy stays.
 */
export function splitDuplicates<T extends Activity>(
  incoming: readonly T[],
  stored: readonly Activity[],
): { fresh: T[]; duplicates: T[] } {
  const fresh: T[] = [];
  const duplicates: T[] = [];
  for (const activity of incoming) {
    const known =
      stored.some((other) => sameActivity(activity, other)) ||
      fresh.some((other) => sameActivity(activity, other));
    (known ? duplicates : fresh).push(activity);
  }
  return { fresh, duplicates };
}
