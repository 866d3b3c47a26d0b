import { exerciseById } from "../exercise/catalog-index.js";
import { type InvalidInput, invalid } from "../result.js";
import { parseLocalDate, startOfWeek, type Weekday } from "../units/local-date.js";

export type RestoredChange =
  | { readonly kind: "move"; readonly from: string; readonly to: string }
  | {
      readonly kind: "swap";
      readonly date: string;
      readonly exercise: string;
      readonly with: string;
    };

/**
 * The checks the API makes on a move or a swap that do not depend on the plan of the day it was
 * made (which a restore cannot see again: the log has grown since): real dates, a move to
 * another day of the same week, a swap between two known exercises of one muscle group.
 */
export function restoredChangeProblem(
  change: RestoredChange,
  weekStart: Weekday,
  field: string,
): InvalidInput | null {
  if (change.kind === "move") {
    const from = parseLocalDate(change.from);
    const to = parseLocalDate(change.to);
    if (from === null) return invalid(`${field}.from`, "is not a real date; expected YYYY-MM-DD");
    if (to === null) return invalid(`${field}.to`, "is not a real date; expected YYYY-MM-DD");
    if (from === to)
      return invalid(`${field}.to`, "is the day the session is on: a move goes to another day");
    if (startOfWeek(from, weekStart) !== startOfWeek(to, weekStart)) {
      return invalid(`${field}.to`, `is not in the same week as ${change.from}`);
    }
    return null;
  }
  if (parseLocalDate(change.date) === null) {
    return invalid(`${field}.date`, "is not a real date; expected YYYY-MM-DD");
  }
  const original = exerciseById(change.exercise);
  if (!original) return invalid(`${field}.exercise`, "is not a known exercise");
  const replacement = exerciseById(change.with);
  if (!replacement) return invalid(`${field}.with`, "is not a known exercise");
  if (replacement.muscles[0] !== original.muscles[0]) {
    return invalid(
      `${field}.with`,
      `works ${replacement.muscles[0]}, not ${original.muscles[0]}: a swap stays within one muscle group`,
    );
  }
  return null;
}

/** The first value met twice in `keys` (ids, days), with the two places it is at. */
export function firstRepeat(
  keys: readonly string[],
): { readonly key: string; readonly first: number; readonly again: number } | null {
  const seen = new Map<string, number>();
  for (const [index, key] of keys.entries()) {
    const first = seen.get(key);
    if (first !== undefined) return { key, first, again: index };
    seen.set(key, index);
  }
  return null;
}
