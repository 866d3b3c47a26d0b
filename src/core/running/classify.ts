import type { Activity, DatedActivity } from "./activity.js";

/**
 * How hard a recorded run was, in the words of the run week (docs/protocol.md, "From history
 * to plan"): each run is judged against the same runner's other runs, never against norms,
 * because "long" and "hard" only mean something relative to what that runner usually does.
 */
export const RUN_EFFORTS = ["easy", "quality", "long"] as const;
export type RunEffort = (typeof RUN_EFFORTS)[number];

/** The reference: the runner's other runs of the 8 weeks up to the run. */
export const REFERENCE_DAYS = 56;
/** Below this many other runs a median says little: a week of a typical 4-runs-a-week runner. */
export const MIN_REFERENCE_RUNS = 4;
/** A long run lasts at least an hour: shorter "long" runs are just the longer easy runs. */
export const LONG_MIN_S = 60 * 60;
/**
 * And at least 1.3 times the runner's median run: a typical week of 45-minute runs with a
 * 75-minute long run gives 1.67, while the spread of ordinary easy runs stays within about ±20 %.
 */
export const LONG_RATIO = 1.3;
/** Without enough reference runs: 90 minutes is long for almost any recreational runner. */
export const LONG_ALONE_S = 90 * 60;
/**
 * Quality by heart rate: the average at least 6 % above the median of the easy runs. Easy
 * runs sit around 70-75 % of maximum heart rate and vary by about ±3 % from day to day (heat,
 * drift); a tempo run averages 85-90 %, and even intervals averaged with their recoveries
 * about 80 %, i.e. 7 % or more above easy. 6 % is twice the daily noise and below both.
 */
export const QUALITY_HR_RATIO = 1.06;
/**
 * Quality by pace, for runs without heart rate: at least 8 % faster than the easy median
 * (about 30 s/km at a 6:00/km easy pace). Easy runs on varied routes spread by about ±5 %;
 * tempo runs are 10-15 % faster than easy. Intervals with slow recoveries or hill sessions can
 * fall below this and count as easy: without heart rate, a missed quality run is the safer error.
 */
export const QUALITY_PACE_RATIO = 0.92;

/** Timer time, or the whole elapsed time when the file has no timer time; null when unknown. */
export function runDurationS(activity: Activity): number | null {
  const seconds = activity.movingS ?? activity.elapsedS;
  return seconds !== null && seconds > 0 ? seconds : null;
}

/** Seconds per metre; NaN without a distance or a duration. */
function paceOf(activity: Activity): number {
  const seconds = runDurationS(activity);
  const metres = activity.distanceM;
  return seconds !== null && metres !== null && metres > 0 ? seconds / metres : Number.NaN;
}

/** The median of `sorted[from..to)`, which is sorted and not empty. */
function medianOf(sorted: Float64Array, from: number, to: number): number {
  const middle = from + ((to - from) >> 1);
  return (to - from) % 2
    ? (sorted[middle] as number)
    : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
}

/**
 * The median of the easy values among `sorted[0..count)`: the plain median, then again without
 * the values that count as hard against it (at most twice). Quality runs are a minority of
 * most weeks but can be half of a small reference: with 3 easy and 3 quality runs the plain
 * median sits between the groups, the second pass on the easy ones. Hard values are the high
 * ones for heart rate and the low ones for pace, so the easy ones are a prefix or a suffix of
 * the sorted values and nothing needs sorting again.
 */
function easyMedian(sorted: Float64Array, count: number, measure: Measure): number {
  let easy = medianOf(sorted, 0, count);
  for (let pass = 0; pass < 2; pass++) {
    const cut = easy * measure.ratio;
    let hard = 0;
    for (let i = 0; i < count; i++) if (measure.hard(sorted[i] as number, cut)) hard++;
    if (hard === 0 || hard === count) break;
    easy = measure.highIsHard ? medianOf(sorted, 0, count - hard) : medianOf(sorted, hard, count);
  }
  return easy;
}

interface Measure {
  readonly ratio: number;
  readonly highIsHard: boolean;
  readonly hard: (value: number, cut: number) => boolean;
}
const HEART_RATE: Measure = {
  ratio: QUALITY_HR_RATIO,
  highIsHard: true,
  hard: (value, cut) => value >= cut,
};
const PACE: Measure = {
  ratio: QUALITY_PACE_RATIO,
  highIsHard: false,
  hard: (value, cut) => value <= cut,
};

/** An effort, and whether the reference held enough runs for every measure the run has. */
interface Judged {
  readonly effort: RunEffort;
  readonly sure: boolean;
}

/**
 * The runs sorted by day as columns of numbers (NaN where the file lacks a value): a run's
 * reference is then a range of indices, read into one scratch buffer without allocating, so
 * years of runs classify in milliseconds.
 */
class Runs {
  readonly days: Float64Array;
  readonly seconds: Float64Array;
  readonly hr: Float64Array;
  readonly pace: Float64Array;
  private readonly scratch: Float64Array;

  constructor(readonly items: readonly DatedActivity[]) {
    const n = items.length;
    this.days = new Float64Array(n);
    this.seconds = new Float64Array(n);
    this.hr = new Float64Array(n);
    this.pace = new Float64Array(n);
    this.scratch = new Float64Array(n);
    items.forEach((item, i) => {
      this.days[i] = item.day;
      this.seconds[i] = runDurationS(item.activity) ?? Number.NaN;
      this.hr[i] = item.activity.avgHr ?? Number.NaN;
      this.pace[i] = paceOf(item.activity);
    });
  }

  /** Copies the known values of `column` in [lo, hi] but `skip` (and not `except`), sorted. */
  private gather(
    column: Float64Array,
    lo: number,
    hi: number,
    skip: number,
    except: (index: number) => boolean,
  ): Float64Array {
    let count = 0;
    for (let j = lo; j <= hi; j++) {
      const value = column[j] as number;
      if (j !== skip && !Number.isNaN(value) && !except(j)) this.scratch[count++] = value;
    }
    return this.scratch.subarray(0, count).sort();
  }

  /** Judges run `i` against the runs of indices [lo, hi] other than itself. */
  judge(i: number, lo: number, hi: number): Judged {
    const duration = this.seconds[i] as number;
    const durations = this.gather(this.seconds, lo, hi, i, () => false);
    if (durations.length < MIN_REFERENCE_RUNS) {
      return { effort: duration >= LONG_ALONE_S ? "long" : "easy", sure: false };
    }
    const longFrom = Math.max(LONG_MIN_S, medianOf(durations, 0, durations.length) * LONG_RATIO);
    if (duration >= longFrom) return { effort: "long", sure: true };
    const isLong = (j: number) => (this.seconds[j] as number) >= longFrom;
    const judged = (hard: boolean): Judged => ({ effort: hard ? "quality" : "easy", sure: true });

    const hr = this.hr[i] as number;
    if (!Number.isNaN(hr)) {
      const rates = this.gather(this.hr, lo, hi, i, isLong);
      if (rates.length >= MIN_REFERENCE_RUNS) {
        const easy = easyMedian(rates, rates.length, HEART_RATE);
        return judged(HEART_RATE.hard(hr, easy * HEART_RATE.ratio));
      }
    }
    const pace = this.pace[i] as number;
    if (!Number.isNaN(pace)) {
      const paces = this.gather(this.pace, lo, hi, i, isLong);
      if (paces.length >= MIN_REFERENCE_RUNS) {
        return judged(PACE.hard(pace, easyMedian(paces, paces.length, PACE) * PACE.ratio));
      }
    }
    // A run with neither measure is easy whatever the reference; one with a measure was not judged.
    return { effort: "easy", sure: Number.isNaN(hr) && Number.isNaN(pace) };
  }
}

/**
 * The effort of every run (sport "run") among `activities`; other sports are not in the map.
 * Each run is judged against the runner's other runs of the 8 weeks up to its day; where
 * those hold too few runs to judge it by (the start of a history: fewer than 4 runs, or
 * fewer than 4 non-long runs with heart rate or pace), the 8 weeks after it count as well.
 */
export function classifyRuns(
  activities: readonly DatedActivity[],
): ReadonlyMap<DatedActivity, RunEffort> {
  const runs = new Runs(
    activities.filter((item) => item.activity.sport === "run").sort((a, b) => a.day - b.day),
  );
  const { days } = runs;
  const n = days.length;
  const efforts = new Map<DatedActivity, RunEffort>();
  // Three indices move forward only: the window's first run, its last run up to the day, and
  // its last run up to 8 weeks after.
  let lo = 0;
  let upTo = 0;
  let around = 0;
  for (let i = 0; i < n; i++) {
    const day = days[i] as number;
    while ((days[lo] as number) < day - REFERENCE_DAYS + 1) lo++;
    while (upTo + 1 < n && (days[upTo + 1] as number) <= day) upTo++;
    while (around + 1 < n && (days[around + 1] as number) <= day + REFERENCE_DAYS - 1) around++;
    let judged = runs.judge(i, lo, upTo);
    if (!judged.sure) judged = runs.judge(i, lo, around);
    efforts.set(runs.items[i] as DatedActivity, judged.effort);
  }
  return efforts;
}

const RANK: Record<RunEffort, number> = { easy: 0, quality: 1, long: 2 };

/** The hardest of a day's runs, for the rules: long, then quality, then easy. */
export function hardest(efforts: readonly RunEffort[]): RunEffort | null {
  let best: RunEffort | null = null;
  for (const effort of efforts) if (best === null || RANK[effort] > RANK[best]) best = effort;
  return best;
}
