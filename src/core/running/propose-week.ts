import type { RunKind } from "../profile/profile.js";
import {
  type DayNumber,
  formatLocalDate,
  startOfWeek,
  WEEKDAYS,
  type Weekday,
  weekdayName,
  weekdayOf,
} from "../units/local-date.js";
import type { DatedActivity } from "./activity.js";
import { classifyRuns, runDurationS } from "./classify.js";

/** Weeks of runs read for a proposal: about two months, long enough to show a habit. */
export const PROPOSAL_WEEKS = 8;
/**
 * Fewer weeks than this show no habit: with 4, "at least half" means a weekday run twice,
 * which a single change of plan cannot fake.
 */
export const MIN_PROPOSAL_WEEKS = 4;

export interface ProposedDay {
  readonly weekday: Weekday;
  readonly kind: RunKind;
  /** Weeks with a run on this weekday. */
  readonly weeksRun: number;
  /** Weeks whose long run fell on this weekday. */
  readonly long: number;
  /** Weeks with a quality run on this weekday. */
  readonly quality: number;
  readonly reason: string;
}

export interface RunWeekProposal {
  readonly runWeek: Record<Weekday, RunKind>;
  /** First and last day read, YYYY-MM-DD: whole weeks, the week holding today left out. */
  readonly from: string;
  readonly to: string;
  readonly weeks: number;
  readonly runs: number;
  /** Every weekday, from the athlete's first day of the week. */
  readonly days: readonly ProposedDay[];
  readonly notes: readonly string[];
}

export interface RunWeekAnswer {
  readonly proposal: RunWeekProposal | null;
  /** Why there is no proposal, in words for the runner; null with a proposal. */
  readonly reason: string | null;
}

const none = (reason: string): RunWeekAnswer => ({ proposal: null, reason });
const plural = (count: number, word: string) => `${count} ${word}${count === 1 ? "" : "s"}`;
const times = (count: number) => (count === 1 ? "once" : count === 2 ? "twice" : `${count} times`);
// 1970-01-05 (day 4) was a Monday.
const nameOf = (weekday: Weekday) => weekdayName(4 + WEEKDAYS.indexOf(weekday));

interface Tally {
  weeksRun: number;
  long: number;
  quality: number;
}

/** "At least half" of the weeks: a habit rather than an exception. */
const half = (count: number, of: number) => count > 0 && count * 2 >= of;

/**
 * Proposes the run week from the runs of the last 8 whole weeks before the week holding
 * `today` (docs/protocol.md, "From history to plan"): a weekday is a run day when it held a
 * run in at least half the weeks; the long day is the run day that most often held the
 * week's long run, in at least half the weeks it was run; a run day is quality when it held a
 * quality run in at least half the weeks it was run.
 */
// Over 80 lines: the three rules (run days, the long day, quality days) read the same eight weeks
// of tallies in one pass; apart, each would recount them.
export function proposeRunWeek(
  activities: readonly DatedActivity[],
  today: DayNumber,
  weekStart: Weekday,
): RunWeekAnswer {
  const thisWeek = startOfWeek(today, weekStart);
  const before = activities.filter((item) => item.activity.sport === "run" && item.day < thisWeek);
  const windowStart = thisWeek - PROPOSAL_WEEKS * 7;
  const runs = before.filter((item) => item.day >= windowStart);
  if (runs.length === 0) {
    return none(
      `No runs in the ${PROPOSAL_WEEKS} weeks before this one: import at least ${MIN_PROPOSAL_WEEKS} weeks of runs to get a proposal.`,
    );
  }
  const earliest = before.reduce((first, item) => Math.min(first, item.day), thisWeek);
  const firstWeek = Math.max(windowStart, startOfWeek(earliest, weekStart));
  const weeks = (thisWeek - firstWeek) / 7;
  if (weeks < MIN_PROPOSAL_WEEKS) {
    return none(
      `Only ${plural(weeks, "week")} of runs: import at least ${MIN_PROPOSAL_WEEKS} weeks to get a proposal.`,
    );
  }
  const weekOf = (day: DayNumber) => Math.floor((day - firstWeek) / 7);
  const activeWeeks = new Set(runs.map((item) => weekOf(item.day))).size;
  if (activeWeeks < MIN_PROPOSAL_WEEKS) {
    return none(
      `Runs in only ${activeWeeks} of the last ${weeks} weeks: a proposal needs at least ${MIN_PROPOSAL_WEEKS} weeks with runs.`,
    );
  }

  const efforts = classifyRuns(before);
  const tallies = new Map<Weekday, Tally>(
    WEEKDAYS.map((weekday) => [weekday, { weeksRun: 0, long: 0, quality: 0 }]),
  );
  for (let week = 0; week < weeks; week++) {
    const inWeek = runs.filter((item) => weekOf(item.day) === week);
    const ran = new Set(inWeek.map((item) => weekdayOf(item.day)));
    const hard = new Set(
      inWeek.filter((item) => efforts.get(item) === "quality").map((item) => weekdayOf(item.day)),
    );
    for (const weekday of ran) (tallies.get(weekday) as Tally).weeksRun++;
    for (const weekday of hard) (tallies.get(weekday) as Tally).quality++;
    // The week's long run is its longest run, when that one counts as long.
    let longest: DatedActivity | null = null;
    for (const item of inWeek) {
      if (
        (runDurationS(item.activity) ?? 0) > (longest ? (runDurationS(longest.activity) ?? 0) : 0)
      )
        longest = item;
    }
    if (longest && efforts.get(longest) === "long")
      (tallies.get(weekdayOf(longest.day)) as Tally).long++;
  }

  const order = [...WEEKDAYS.slice(WEEKDAYS.indexOf(weekStart)), ...WEEKDAYS].slice(0, 7);
  const tallyOf = (weekday: Weekday) => tallies.get(weekday) as Tally;
  const runDays = order.filter((weekday) => half(tallyOf(weekday).weeksRun, weeks));
  if (runDays.length === 0) {
    return none(
      `Your runs fall on different weekdays from week to week: no weekday held a run in at least half of the last ${weeks} weeks. Set your run week by hand.`,
    );
  }
  const notes: string[] = [];
  // Most long runs first, then the day run most often; a tie keeps the earlier day and says so.
  const longCandidates = runDays
    .filter((weekday) => half(tallyOf(weekday).long, tallyOf(weekday).weeksRun))
    .sort(
      (a, b) =>
        tallyOf(b).long - tallyOf(a).long ||
        tallyOf(b).weeksRun - tallyOf(a).weeksRun ||
        order.indexOf(a) - order.indexOf(b),
    );
  const longDay = longCandidates[0] ?? null;
  const runnerUp = longCandidates[1];
  if (longDay && runnerUp && tallyOf(runnerUp).long === tallyOf(longDay).long) {
    notes.push(
      `Your long run fell as often on ${nameOf(runnerUp)} as on ${nameOf(longDay)}: ${nameOf(longDay)} is proposed; change it if ${nameOf(runnerUp)} suits you better.`,
    );
  }
  if (!longDay && order.some((weekday) => tallyOf(weekday).long > 0)) {
    notes.push(
      "Your long runs fell on different days: none held the long run in at least half the weeks it was run, so no day is proposed as long. Choose one if you have a long-run day.",
    );
  }
  if (weeks < PROPOSAL_WEEKS) {
    notes.push(`Based on ${weeks} weeks of runs; ${PROPOSAL_WEEKS} weeks give a steadier picture.`);
  }
  const blind = runs.filter(
    (item) =>
      item.activity.avgHr === null &&
      (item.activity.distanceM === null || item.activity.distanceM <= 0),
  ).length;
  if (blind > 0) {
    notes.push(
      `${plural(blind, "run")} had neither heart rate nor distance, so ${blind === 1 ? "it" : "they"} could only count as easy or long.`,
    );
  }

  const days = order.map((weekday): ProposedDay => {
    const tally = tallyOf(weekday);
    const isRunDay = runDays.includes(weekday);
    const kind: RunKind = !isRunDay
      ? "rest"
      : weekday === longDay
        ? "long"
        : half(tally.quality, tally.weeksRun)
          ? "quality"
          : "easy";
    return { weekday, kind, ...tally, reason: reasonFor(weekday, kind, tally, weeks) };
  });
  const runWeek = Object.fromEntries(
    WEEKDAYS.map((weekday) => [weekday, days.find((d) => d.weekday === weekday)?.kind ?? "rest"]),
  ) as Record<Weekday, RunKind>;
  return {
    proposal: {
      runWeek,
      from: formatLocalDate(firstWeek),
      to: formatLocalDate(thisWeek - 1),
      weeks,
      runs: runs.length,
      days,
      notes,
    },
    reason: null,
  };
}

/** E.g. "ran 7 of 8 Sundays, the longest run of the week 6 times". */
function reasonFor(weekday: Weekday, kind: RunKind, tally: Tally, weeks: number): string {
  const days = `${nameOf(weekday)}s`;
  if (tally.weeksRun === 0) return `no runs on ${days} in the last ${weeks} weeks`;
  const ran = `ran ${tally.weeksRun} of ${weeks} ${days}`;
  const long = `the longest run of the week ${times(tally.long)}`;
  const quality = `a quality run ${times(tally.quality)}`;
  if (kind === "rest") return `ran only ${tally.weeksRun} of ${weeks} ${days}: fewer than half`;
  if (kind === "long") return `${ran}, ${long}`;
  if (kind === "quality") return `${ran}, ${quality}`;
  const also = [tally.quality ? `${quality}` : "", tally.long ? long : ""].filter(Boolean);
  return also.length ? `${ran}, mostly easy (${also.join(", ")})` : `${ran}, easy runs`;
}
