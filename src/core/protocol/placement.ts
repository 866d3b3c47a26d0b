import type { RunKind } from "../profile/profile.js";
import { type DayNumber, type Weekday, weekdayOf } from "../units/local-date.js";
import type { Phase } from "./phases.js";
import type { RuleId } from "./rules.js";

export type DayRun = RunKind | "race";

export interface PlacementDay {
  readonly day: DayNumber;
  readonly run: DayRun;
  readonly phase: Phase;
  /** Why no session can go on this day whatever gives way, or null when one can. */
  readonly closed: string | null;
  /** True for race-week days: together they hold at most one session. */
  readonly raceWeek: boolean;
}

export interface PlacementInput {
  readonly days: readonly PlacementDay[];
  /** What is run on any day, also beyond this week (the day after the last one). */
  readonly runOn: (day: DayNumber) => DayRun;
  /** The last session before this week, logged or planned. */
  readonly previous: DayNumber | null;
  /** Sessions already logged in this week: they stay where they are and count. */
  readonly fixed: readonly DayNumber[];
  readonly wanted: number;
  /** Race-week sessions still allowed (at most one in the eight race-week days). */
  readonly raceWeekLeft: number;
  readonly preferred: ReadonlySet<Weekday>;
  /** Days on which no new session may go (the day-later rule after a very sore day). */
  readonly avoid: ReadonlySet<DayNumber>;
}

export interface Reason {
  readonly points: number;
  readonly text: string;
}

export interface Placement {
  readonly days: readonly DayNumber[];
  readonly relaxed: readonly RuleId[];
}

/**
 * Preferences in the protocol's order, weighted so that each outranks all below it together:
 * 1. after a quality run on the same day (keep hard days hard; Doma & Deakin 2013),
 * 2. followed by a rest or easy day, 3. a rest day, 4. a day the athlete prefers.
 */
export function reasonsFor(
  day: DayNumber,
  input: Pick<PlacementInput, "runOn" | "preferred">,
): Reason[] {
  const reasons: Reason[] = [];
  const run = input.runOn(day);
  const next = input.runOn(day + 1);
  if (run === "quality") {
    reasons.push({
      points: 8,
      text: "after your quality run, at least 6 hours later if you can: keep hard days hard",
    });
  }
  if (next === "rest" || next === "easy") {
    reasons.push({
      points: 4,
      text: `the next day is ${next === "rest" ? "a rest day" : "an easy run"}, so you recover`,
    });
  }
  if (run === "rest") reasons.push({ points: 2, text: "a rest day: strength helps recovery" });
  if (input.preferred.has(weekdayOf(day))) reasons.push({ points: 1, text: "a day you prefer" });
  return reasons;
}

function score(day: DayNumber, input: PlacementInput): number {
  return reasonsFor(day, input).reduce((sum, reason) => sum + reason.points, 0);
}

function violations(chosen: readonly DayNumber[], input: PlacementInput): RuleId[] | null {
  const found = new Set<RuleId>();
  for (const day of chosen) if (input.runOn(day + 1) === "quality") found.add("not-before-quality");
  const all = [
    ...(input.previous === null ? [] : [input.previous]),
    ...input.fixed,
    ...chosen,
  ].sort((a, b) => a - b);
  for (let i = 1; i < all.length; i++) {
    const gap = (all[i] as number) - (all[i - 1] as number);
    if (gap < 1) return null;
    if (gap < 2) found.add("48h-apart");
  }
  return [...found];
}

function* subsets(days: readonly DayNumber[], size: number, start = 0): Generator<DayNumber[]> {
  if (size === 0) {
    yield [];
    return;
  }
  for (let i = start; i <= days.length - size; i++) {
    for (const rest of subsets(days, size - 1, i + 1)) yield [days[i] as DayNumber, ...rest];
  }
}

function minGap(chosen: readonly DayNumber[], input: PlacementInput): number {
  const all = [
    ...(input.previous === null ? [] : [input.previous]),
    ...input.fixed,
    ...chosen,
  ].sort((a, b) => a - b);
  let gap = Number.POSITIVE_INFINITY;
  for (let i = 1; i < all.length; i++)
    gap = Math.min(gap, (all[i] as number) - (all[i - 1] as number));
  return gap;
}

const LEVELS: readonly (readonly RuleId[])[] = [
  [],
  ["not-before-quality"],
  ["not-before-quality", "48h-apart"],
];

/**
 * Chooses the days for this week's new sessions. Tries for as many as are wanted with every
 * hard rule, then lets rule 4 give way, then rule 3 down to 24 h (never rule 2), and only then
 * plans fewer. Among the allowed choices: fewest broken rules, highest preference score, the
 * widest spacing, then the earliest days.
 */
export function placeSessions(input: PlacementInput): Placement {
  const open = input.days.filter(
    (day) => day.closed === null && !input.avoid.has(day.day) && !input.fixed.includes(day.day),
  );
  const raceWeekDays = new Set(input.days.filter((day) => day.raceWeek).map((day) => day.day));
  for (let size = Math.min(input.wanted, open.length); size > 0; size--) {
    for (const allowed of LEVELS) {
      let best: { days: DayNumber[]; broken: RuleId[]; score: number; gap: number } | null = null;
      for (const days of subsets(
        open.map((day) => day.day),
        size,
      )) {
        if (days.filter((day) => raceWeekDays.has(day)).length > input.raceWeekLeft) continue;
        const broken = violations(days, input);
        if (!broken || broken.some((rule) => !allowed.includes(rule))) continue;
        const candidate = {
          days,
          broken,
          score: days.reduce((sum, day) => sum + score(day, input), 0),
          gap: Math.min(minGap(days, input), 7),
        };
        if (!best || better(candidate, best)) best = candidate;
      }
      if (best) return { days: best.days, relaxed: best.broken };
    }
  }
  return { days: [], relaxed: [] };
}

function better(
  a: { broken: RuleId[]; score: number; gap: number },
  b: { broken: RuleId[]; score: number; gap: number },
): boolean {
  if (a.broken.length !== b.broken.length) return a.broken.length < b.broken.length;
  if (a.score !== b.score) return a.score > b.score;
  // Subsets come earliest first, so an equal candidate never replaces the earlier one.
  return a.gap > b.gap;
}
