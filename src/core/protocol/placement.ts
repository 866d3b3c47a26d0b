import type { RunKind } from "../profile/profile.js";
import { type DayNumber, type Weekday, weekdayOf } from "../units/local-date.js";
import type { Phase } from "./phases.js";
import type { Closure, RuleId } from "./rules.js";

export type DayRun = RunKind | "race";

export interface PlacementDay {
  readonly day: DayNumber;
  readonly run: DayRun;
  readonly phase: Phase;
  /** Why no session can go on this day whatever gives way, or null when one can. */
  readonly closed: Closure | null;
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
  /** Whether rules 4 and 3 may give way to fit the sessions in (not around race week and recovery). */
  readonly relax: boolean;
  /**
   * When set, only these rules may give way (a subset of what `relax` allows): a week split by
   * today relaxes no rule that its whole week would not have relaxed, so missed sessions are
   * never crowded onto the days left.
   */
  readonly relaxable?: readonly RuleId[];
  /**
   * Sessions outside this week (planned, logged or imported) up to 6 days from its edges: the
   * rule `two-in-seven` and the 48 hours read them. For a week split by today they include
   * the next week's own days, so that a missed session is not made up at their expense.
   */
  readonly around?: readonly DayNumber[];
  /** Last week's weekdays in this week (steady days): preferred before the protocol's preferences. */
  readonly steady?: ReadonlySet<DayNumber>;
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

/** The same score as the sum of `reasonsFor`, without building the sentences (hot path). */
export function preferencePoints(
  day: DayNumber,
  input: Pick<PlacementInput, "runOn" | "preferred">,
): number {
  const run = input.runOn(day);
  const next = input.runOn(day + 1);
  return (
    (run === "quality" ? 8 : 0) +
    (next === "rest" || next === "easy" ? 4 : 0) +
    (run === "rest" ? 2 : 0) +
    (input.preferred.has(weekdayOf(day)) ? 1 : 0)
  );
}

/** The sessions a choice is judged against for 48 hours: the last before, the fixed, those around. */
function anchorsOf(input: PlacementInput): DayNumber[] {
  const anchors = [...(input.previous === null ? [] : [input.previous]), ...input.fixed];
  if (input.around?.length)
    return [...new Set([...anchors, ...input.around])].sort((a, b) => a - b);
  return anchors.sort((a, b) => a - b);
}

/** Days in a row that may hold at most two sessions (rule `two-in-seven`). */
export const SEVEN_DAYS = 7;

/**
 * Whether a chosen day would make seven days in a row hold three sessions (rule
 * `two-in-seven`). Three sessions fit in seven days exactly when some three consecutive ones
 * of the sorted list span six days or fewer, and such a run holding a chosen day exists
 * whenever any crowded window holds one.
 */
export function crowdsSevenDays(
  chosen: readonly DayNumber[],
  others: readonly DayNumber[],
): boolean {
  if (chosen.length + others.length < 3) return false;
  const all = [...new Set([...others, ...chosen])].sort((a, b) => a - b);
  const picked = new Set(chosen);
  for (let i = 0; i + 2 < all.length; i++) {
    const a = all[i] as DayNumber;
    const c = all[i + 2] as DayNumber;
    if (c - a > SEVEN_DAYS - 1) continue;
    if (picked.has(a) || picked.has(all[i + 1] as DayNumber) || picked.has(c)) return true;
  }
  return false;
}

/**
 * Judges one choice of days (sorted): the rules it breaks, its preference score and its
 * spacing; null when it can never be (two sessions on one day, too many in race week, or
 * three in seven days: rule `two-in-seven` never gives way).
 */
function judge(
  days: readonly DayNumber[],
  anchors: readonly DayNumber[],
  input: PlacementInput,
  points: (day: DayNumber) => number,
  raceWeek: ReadonlySet<DayNumber>,
): Candidate | null {
  let inRaceWeek = 0;
  let score = 0;
  let beforeQuality = 0;
  let steady = 0;
  for (const day of days) {
    if (raceWeek.has(day)) inRaceWeek++;
    score += points(day);
    if (input.runOn(day + 1) === "quality") beforeQuality++;
    if (input.steady?.has(day)) steady++;
  }
  if (inRaceWeek > input.raceWeekLeft) return null;
  const { smallest: gap, short } = gapsBetween(anchors, days);
  if (gap < 1) return null;
  // The anchors hold every session around the choice (`anchorsOf`).
  if (crowdsSevenDays(days, anchors)) return null;
  const broken: RuleId[] = [];
  if (beforeQuality) broken.push("not-before-quality");
  if (short) broken.push("48h-apart");
  return {
    days,
    broken,
    breaches: beforeQuality + short,
    steady,
    repeatable: repeatable(days, input.fixed),
    score,
    gap: Math.min(gap, 7),
  };
}

/**
 * The rules a choice of days breaks, or null when it cannot be at all (two on one day, too
 * many in race week, three in seven days).
 */
export function brokenRules(chosen: readonly DayNumber[], input: PlacementInput): RuleId[] | null {
  const days = [...chosen].sort((a, b) => a - b);
  const raceWeek = new Set(input.days.filter((day) => day.raceWeek).map((day) => day.day));
  return judge(days, anchorsOf(input), input, () => 0, raceWeek)?.broken ?? null;
}

/** Rule 4 may give way first, then rule 3 down to 24 hours; rule 2 never does. */
const LEVELS: readonly (readonly RuleId[])[] = [
  [],
  ["not-before-quality"],
  ["not-before-quality", "48h-apart"],
];

interface Candidate {
  readonly days: readonly DayNumber[];
  readonly broken: RuleId[];
  /** How many times the broken rules are broken: a session before a quality run, a short gap. */
  readonly breaches: number;
  /** How many of the chosen days are last week's weekdays (steady days). */
  readonly steady: number;
  /** The same weekdays next week keep 48 hours from this week's last session (so days can stay steady). */
  readonly repeatable: boolean;
  readonly score: number;
  readonly gap: number;
}

/**
 * Fewest broken rules, broken the fewest times, then the most steady days (last week's
 * weekdays), then the highest preference score, then the widest spacing; else the earlier.
 */
function better(a: Candidate, b: Candidate): boolean {
  if (a.broken.length !== b.broken.length) return a.broken.length < b.broken.length;
  if (a.breaches !== b.breaches) return a.breaches < b.breaches;
  if (a.steady !== b.steady) return a.steady > b.steady;
  if (a.repeatable !== b.repeatable) return a.repeatable;
  if (a.score !== b.score) return a.score > b.score;
  return a.gap > b.gap;
}

/** Whether the week's sessions, on the same weekdays a week later, stay 48 hours from its last one. */
function repeatable(days: readonly DayNumber[], fixed: readonly DayNumber[]): boolean {
  let first = Number.POSITIVE_INFINITY;
  let last = Number.NEGATIVE_INFINITY;
  for (const day of days) {
    first = Math.min(first, day);
    last = Math.max(last, day);
  }
  for (const day of fixed) {
    first = Math.min(first, day);
    last = Math.max(last, day);
  }
  return first === last || first + 7 - last >= 2;
}

/**
 * All ways to pick `size` of `items`, earliest days first. A week asks for at most two new
 * sessions, so one and two get plain loops; the general case recurses.
 */
function combinations(items: readonly DayNumber[], size: number): DayNumber[][] {
  const result: DayNumber[][] = [];
  if (size === 1) {
    for (const item of items) result.push([item]);
  } else if (size === 2) {
    for (let i = 0; i < items.length; i++) {
      for (let j = i + 1; j < items.length; j++)
        result.push([items[i] as DayNumber, items[j] as DayNumber]);
    }
  } else if (size === 0) {
    result.push([]);
  } else {
    for (let i = 0; i <= items.length - size; i++) {
      for (const rest of combinations(items.slice(i + 1), size - 1)) {
        result.push([items[i] as DayNumber, ...rest]);
      }
    }
  }
  return result;
}

/**
 * The smallest gap in days next to a chosen day (`days`, sorted) among the sessions already
 * there (`anchors`, sorted), and how many such gaps are under 48 hours; merged without
 * allocating, since this runs for every candidate of every week.
 */
function gapsBetween(
  anchors: readonly DayNumber[],
  days: readonly DayNumber[],
): { smallest: number; short: number } {
  let smallest = Number.POSITIVE_INFINITY;
  let short = 0;
  let last = Number.NEGATIVE_INFINITY;
  let lastChosen = false;
  let i = 0;
  let j = 0;
  while (i < anchors.length || j < days.length) {
    const a = i < anchors.length ? (anchors[i] as number) : Number.POSITIVE_INFINITY;
    const d = j < days.length ? (days[j] as number) : Number.POSITIVE_INFINITY;
    const chosen = d < a;
    const next = chosen ? d : a;
    if (chosen) j++;
    else i++;
    // Only gaps next to a chosen day count: what the log already holds is not this choice's doing.
    if (chosen || lastChosen) {
      const gap = next - last;
      smallest = Math.min(smallest, gap);
      if (gap < 2) short++;
    }
    last = next;
    lastChosen = chosen;
  }
  return { smallest, short };
}

/**
 * Chooses the days for this week's new sessions. Tries for as many as are wanted with every
 * hard rule, then lets rule 4 give way, then rule 3 down to 24 h (never rule 2), and only then
 * plans fewer. Each choice is judged once; the relaxation levels only filter the judged list.
 */
export function placeSessions(input: PlacementInput): Placement {
  const open: DayNumber[] = [];
  const points = new Map<DayNumber, number>();
  for (const day of input.days) {
    if (day.closed !== null || input.avoid.has(day.day) || input.fixed.includes(day.day)) continue;
    open.push(day.day);
    points.set(day.day, preferencePoints(day.day, input));
  }
  const raceWeek = new Set(input.days.filter((day) => day.raceWeek).map((day) => day.day));
  const anchors = anchorsOf(input);
  const pointsOf = (day: DayNumber) => points.get(day) ?? 0;
  for (let size = Math.min(input.wanted, open.length); size > 0; size--) {
    const judged: Candidate[] = [];
    for (const days of combinations(open, size)) {
      const candidate = judge(days, anchors, input, pointsOf, raceWeek);
      if (candidate) judged.push(candidate);
    }
    const levels = input.relax
      ? input.relaxable
        ? LEVELS.filter((level) => level.every((rule) => input.relaxable?.includes(rule)))
        : LEVELS
      : LEVELS.slice(0, 1);
    for (const allowed of levels) {
      let best: Candidate | null = null;
      for (const candidate of judged) {
        if (candidate.broken.some((rule) => !allowed.includes(rule))) continue;
        if (!best || better(candidate, best)) best = candidate;
      }
      if (best) return { days: [...best.days], relaxed: best.broken };
    }
  }
  return { days: [], relaxed: [] };
}

/**
 * Placement depends only on the week's shape, so weeks of one plan that look alike (the same
 * runs, closures and distance from the last session) share one search. The key holds
 * everything `placeSessions` reads, relative to the week's first day; the athlete's
 * preferences are the same for every week of a plan, so a cache must not outlive one plan.
 */
export function placementKey(input: PlacementInput): string {
  const first = input.days[0]?.day ?? 0;
  const parts: (string | number)[] = [
    input.wanted,
    input.raceWeekLeft,
    input.relax ? 1 : 0,
    input.relaxable ? input.relaxable.join("+") : "*",
  ];
  let steady = 0;
  for (const day of input.days) {
    parts.push(
      `${day.run}/${day.closed?.rule ?? ""}/${day.raceWeek ? 1 : 0}/${input.avoid.has(day.day) ? 1 : 0}`,
    );
    if (input.steady?.has(day.day)) steady |= 1 << (day.day - first);
  }
  parts.push(`s${steady}`);
  for (const day of input.around ?? []) parts.push(`a${day - first}`);
  parts.push(input.runOn(first + input.days.length));
  // Beyond a week back, the last session changes nothing (spacing counts up to 7 days).
  parts.push(input.previous === null ? "none" : Math.max(input.previous - first, -8));
  for (const day of input.fixed) parts.push(`f${day - first}`);
  return parts.join("|");
}

export type PlacementCache = Map<
  string,
  { readonly offsets: readonly number[]; readonly relaxed: readonly RuleId[] }
>;

export function placeSessionsCached(input: PlacementInput, cache: PlacementCache): Placement {
  const first = input.days[0]?.day ?? 0;
  const key = placementKey(input);
  const known = cache.get(key);
  if (known) return { days: known.offsets.map((offset) => first + offset), relaxed: known.relaxed };
  const placement = placeSessions(input);
  cache.set(key, { offsets: placement.days.map((day) => day - first), relaxed: placement.relaxed });
  return placement;
}

/**
 * Whether one more session on `day` keeps every hard rule with the sessions in `others`
 * (planned, logged or imported, in and around the week), relaxing none: the day is open,
 * not the day before a quality run, 48 hours from each other session, no third session in
 * seven days, and within race week's one. The day-later rule may only move a session there.
 */
export function dayKeepsEveryRule(
  day: DayNumber,
  others: readonly DayNumber[],
  input: PlacementInput,
): boolean {
  const info = input.days.find((entry) => entry.day === day);
  if (!info || info.closed !== null || input.avoid.has(day)) return false;
  if (input.runOn(day + 1) === "quality") return false;
  if (others.some((other) => Math.abs(other - day) < 2)) return false;
  if (crowdsSevenDays([day], others)) return false;
  if (info.raceWeek) {
    const fixed = new Set(input.fixed);
    const inRaceWeek = input.days.filter(
      (entry) => entry.raceWeek && !fixed.has(entry.day) && others.includes(entry.day),
    ).length;
    if (inRaceWeek + 1 > input.raceWeekLeft) return false;
  }
  return true;
}
