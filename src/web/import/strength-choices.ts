/** The review's choices, from the selects to what POST /api/strength-imports/review takes. */
import type { StrengthNameChoice, StrengthReviewItem } from "../shared/api.js";

/** The select's value for "leave this name out"; no catalogue id has a colon. */
export const SKIP = ":skip";

/** What the runner chose, as the API takes it; names left on "Choose…" are not sent. */
export function choicesOf(
  items: readonly StrengthReviewItem[],
  picked: Readonly<Record<string, string>>,
): StrengthNameChoice[] {
  const choices: StrengthNameChoice[] = [];
  for (const item of items) {
    const value = picked[item.name];
    if (value) choices.push({ name: item.name, exercise: value === SKIP ? null : value });
  }
  return choices;
}
