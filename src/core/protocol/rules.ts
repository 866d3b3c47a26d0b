/** The hard rules of week placement (protocol sections 4 and 5); plans name them by these ids. */
export const RULES = {
  "two-sessions":
    "Two sessions a week: enough for the tissues to remodel, and more does not serve the intent.",
  "not-before-long-or-race":
    "Never on race day, the day before a race, or the day before a long run.",
  "48h-apart": "At least 48 hours between two sessions.",
  "not-before-quality": "Never the day before a quality run.",
  "two-in-seven":
    "No seven days in a row hold more than two sessions, done or planned, also across weeks and phases.",
  past: "Sessions are planned on today or later: the days before today are history.",
  recovery:
    "No strength in the days after the race: 7 after a marathon or ultra, 4 after a half, 2 after shorter races.",
  "race-week":
    "In race week at most one short session, at least 4 days before a half marathon or longer, 3 before shorter races.",
} as const;
export type RuleId = keyof typeof RULES;

/** The rules that may give way, in the order they do. */
export const RELAXABLE: readonly RuleId[] = ["not-before-quality", "48h-apart"];

/** Why a day is closed to strength, whatever gives way. */
export interface Closure {
  readonly rule: RuleId;
  readonly reason: string;
}
