/**
 * The workout summary's arithmetic, apart from logic.ts so that it loads with the summary and
 * not with the first screen: each set read by the core's `readSet`, next time by its progression.
 */
import { exerciseById } from "../../core/exercise/catalog-index.js";
import { BANDS } from "../../core/exercise/types.js";
import { loadEquipmentOf } from "../../core/exercise/ways.js";
import { type Direction, type NextLoad, nextLoad } from "../../core/progression/next-load.js";
import { DEFAULT_BAR_WEIGHT } from "../../core/progression/prescribe-load.js";
import { readSet, type SetVerdict } from "../../core/progression/verdict.js";
import { DOSE } from "../../core/protocol/dose.js";
import type { Prescription } from "../../core/protocol/plan-types.js";
import type { GymSetup, LoggedSet } from "../shared/outbox/types.js";
import { inRunnerUnit } from "../shared/weight.js";
import { bandWords, DOSE_WORDS, formatNumber, loadStep, tankWords, usesBand } from "./logic.js";

export interface SummaryLine {
  readonly exercise: string;
  readonly name: string;
  /** "10 reps at 22 kg, 3 left in the tank" */
  readonly did: string;
  /** What the set says, in the core's words (the check-in and the plan read it the same way). */
  readonly verdict: string;
  /** "Next time 24 kg: it was light enough to go up." */
  readonly next: string;
  readonly direction: Direction;
}

/** The heaviest a barbell load may drop to: the empty bar, or what was lifted if that was less. */
function barbellFloor(card: Prescription | undefined, set: LoggedSet): number {
  if (!set.load || !card || loadEquipmentOf({ equipment: card.equipment }) !== "barbell") return 0;
  return Math.min(set.load.value, DEFAULT_BAR_WEIGHT[set.load.unit]);
}

/** Next time for a loaded set, in the plan's words (prescribe-load): the no see-saw rule too. */
function nextLoadWords(next: NextLoad, load: number, unit: string, verdict: SetVerdict): string {
  const amount = `${formatNumber(load)} ${unit}`;
  if (next.held) {
    const tank = next.held.possibleNeeded - 10;
    const up = `${formatNumber(next.held.next)} ${unit}`;
    // RIR stops at "5 or more": past that, only more reps can show the heavier load fits.
    const until =
      tank <= 5
        ? `stay until 10 reps leave ${tank} or more in the tank`
        : `stay, and next time go on past 10 reps until 2 are left, so the plan sees when ${up} fits`;
    return `Next time ${amount} again. The next load up, ${up}, is ${next.held.percent} % heavier: too big a step to land at ${DOSE_WORDS}, so ${until}.`;
  }
  if (next.direction === "heavier") return `Next time ${amount}: that was light, so go up.`;
  if (next.direction === "lighter") {
    return `Next time ${amount}: a little lighter, to land at ${DOSE.reps.min} to ${DOSE.reps.max} with ${DOSE.rir.min} or ${DOSE.rir.max} left.`;
  }
  return verdict.inDose
    ? `Next time ${amount} again: right in the dose.`
    : `Next time ${amount} again, stopping at ${DOSE.reps.min} to ${DOSE.reps.max} with ${DOSE.rir.min} or ${DOSE.rir.max} left.`;
}

/** Next time for a band set: the band ladder, then the slow tempo (protocol section 6). */
function nextBandWords(set: LoggedSet, verdict: SetVerdict): string {
  const index = set.band ? BANDS.indexOf(set.band) : -1;
  const heavier = index >= 0 ? BANDS[index + 1] : undefined;
  const lighter = index > 0 ? BANDS[index - 1] : undefined;
  if (verdict.rung === "harder") {
    if (heavier) return `Next time the ${bandWords(heavier)} band.`;
    if (set.band) return "Next time the same band, slower: 3 seconds on the way down.";
    return "Next time a stronger band, or 3 slow seconds on the way down.";
  }
  if (verdict.rung === "easier") {
    return lighter
      ? `Next time the ${bandWords(lighter)} band, to land at ${DOSE_WORDS}.`
      : `Next time a lighter band, to land at ${DOSE_WORDS}.`;
  }
  const band = set.band ? `the ${bandWords(set.band)} band` : "the same band";
  return verdict.inDose
    ? `Next time ${band} again: right in the dose.`
    : `Next time ${band} again.`;
}

/** Next time for a bodyweight set: the ladder, then the slow tempo. */
function nextBodyweightWords(verdict: SetVerdict): string {
  if (verdict.rung === "harder") {
    return "Next time a harder variant, or 3 slow seconds on the way down.";
  }
  if (verdict.rung === "easier") return `Next time an easier variant, to land at ${DOSE_WORDS}.`;
  return verdict.inDose ? "Next time the same: right in the dose." : "Next time the same.";
}

/**
 * What was logged and what changes next time. Each set is read by the core's `readSet`, the
 * verdict the check-in and the plan use, so the summary never tells the athlete otherwise; the
 * next load comes from the core's progression (protocol section 6).
 */
export function summarize(
  sets: readonly LoggedSet[],
  cards: readonly Prescription[],
  setup: GymSetup,
): SummaryLine[] {
  return sets.map((set) => {
    const card = cards.find((item) => item.id === set.exercise);
    const name = card?.name ?? exerciseById(set.exercise)?.name ?? set.exercise;
    const verdict = readSet(set);
    const tank = tankWords(set.rir);
    const base = { exercise: set.exercise, name, verdict: verdict.words };
    if (!set.load || set.load.value <= 0) {
      const band = set.band ? ` on the ${bandWords(set.band)} band` : "";
      const did = `${set.reps} reps${band}, ${tank}`;
      const banded = set.band !== undefined || (card ? usesBand(card) : false);
      const next = banded ? nextBandWords(set, verdict) : nextBodyweightWords(verdict);
      const direction: Direction =
        verdict.rung === "harder" ? "heavier" : verdict.rung === "easier" ? "lighter" : "same";
      return { ...base, did, next, direction };
    }
    // In the runner's unit on their step, whatever unit the set was logged in.
    const lifted = inRunnerUnit(set.load, setup, card?.equipment);
    const unit = lifted.unit;
    const did = `${set.reps} reps at ${formatNumber(lifted.value)} ${unit}, ${tank}`;
    const step = card ? loadStep(card.equipment, setup) : null;
    const increment = step ?? (unit === "kg" ? 2.5 : 5);
    const next = nextLoad(lifted.value, set.reps, set.rir, increment);
    // No barbell load below the bar (protocol section 6).
    const floor = barbellFloor(card, { ...set, load: lifted });
    const load = Math.max(next.load, floor);
    const words =
      load > next.load
        ? `Next time ${formatNumber(load)} ${unit}, the empty bar: the lightest a barbell goes, so lift it slowly and stop with ${DOSE.rir.min} or ${DOSE.rir.max} left.`
        : nextLoadWords(next, load, unit, verdict);
    return {
      ...base,
      did,
      next: words,
      direction: next.held ? "same" : next.direction,
    };
  });
}
