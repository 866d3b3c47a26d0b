/** The hard rules of week placement (protocol section 4); plans name them by these ids. */
export const RULES = {
  "two-sessions":
    "Two sessions a week: enough for the tissues to remodel, and more does not serve the intent.",
  "not-before-long-or-race":
    "Never on race day, the day before a race, or the day before a long run.",
  "48h-apart": "At least 48 hours between two sessions.",
  "not-before-quality": "Never the day before a quality run.",
} as const;
export type RuleId = keyof typeof RULES;

/** The rules that may give way, in the order they do. */
export const RELAXABLE: readonly RuleId[] = ["not-before-quality", "48h-apart"];
