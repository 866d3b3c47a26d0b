import type { ExerciseWay } from "../exercise/types.js";
import { loadEquipmentOf } from "../exercise/ways.js";
import type { DatedSet } from "../log/history.js";
import {
  convertWeight,
  formatWeight,
  tidy,
  type Weight,
  type WeightUnit,
} from "../units/weight.js";
import { incrementFor } from "./increments.js";
import { MAX_SORE_CUT, nextLoad, soreCut } from "./next-load.js";
import { roundToStep } from "./rounding.js";

/** The empty bar when the profile does not say (protocol section 6): 20 kg, or 45 lb. */
export const DEFAULT_BAR_WEIGHT: Record<WeightUnit, number> = { kg: 20, lb: 45 };

export interface LoadContext {
  readonly unit: WeightUnit;
  readonly increments: Parameters<typeof incrementFor>[2];
  /** Load factor for a break in training (1 when there was none). */
  readonly timeOff: { readonly factor: number; readonly days: number };
  /**
   * A cut decided by a sore next day, overriding progression. `cause` is the sore session and
   * what was found in it; `reason` adds the 10 % cut (protocol section 7).
   */
  readonly cut: { readonly reason: string; readonly cause?: string } | null;
  /** Peak, taper and race week keep the load: no increases. */
  readonly hold: boolean;
  /** The empty bar in the athlete's unit: no barbell load goes below it (protocol section 6). */
  readonly barWeight?: number;
}

/** What else the decision may use: the time before last, and a dumbbell way below the bar. */
export interface LoadOptions {
  /** The exercise's set the time before `last`: a lighter decision right after a heavier one goes back to it. */
  readonly previous?: DatedSet | null;
  /** The exercise's dumbbell way the athlete can do, for barbell loads below the empty bar. */
  readonly dumbbellWay?: ExerciseWay | null;
}

export interface LoadDecision {
  readonly load: Weight | null;
  readonly why: string;
  /** The last logged load, in the athlete's unit, when the decision changed it for a reason to list. */
  readonly adjustedFrom: Weight | null;
  readonly adjustmentReason: string | null;
  /** The way to do it, when not the one asked for (a dumbbell way below the empty bar). */
  readonly way?: ExerciseWay;
  /** Set when the dose changes: the load kept after a sore day, aiming lower (protocol section 7). */
  readonly dose?: {
    readonly reps: { readonly min: number; readonly max: number };
    readonly rir: { readonly min: number; readonly max: number };
  };
}

const FIRST_TIME =
  "First time: choose a load you think you could lift 10 to 12 times, do 8 to 10 and stop with 1 or 2 left.";

/** After a sore day with no lighter load within 15 %: the same load, a lighter effort. */
export const SORE_DOSE = { reps: { min: 8, max: 8 }, rir: { min: 3, max: 3 } } as const;

function describeSet(entry: DatedSet, last: Weight): string {
  return `Last time ${entry.set.reps} reps with ${entry.set.rir}${entry.set.rir === 5 ? " or more" : ""} left in the tank at ${formatWeight(last)}`;
}

/** A logged load on this athlete's grid: the other unit is converted, never down to nothing. */
function onGrid(load: Weight, unit: WeightUnit, step: number): number {
  const converted = convertWeight(load, unit);
  return tidy(
    load.unit === unit
      ? converted.value
      : Math.max(roundToStep(converted.value, step), Math.min(step, converted.value)),
  );
}

/**
 * The suggested load for a loaded exercise from its last logged set (protocol sections 6 and 7).
 * A barbell exercise works in the total weight lifted: a logged load below the empty bar can only
 * have been the dumbbell way (the weight of one dumbbell), so it is read as such, and the
 * barbell comes back once the dumbbells together weigh at least the bar.
 *
 * Over 80 lines: the load rules of protocol sections 6 and 7 read one set in one place (the
 * dumbbell way below the bar, rounding, the previous set); split, their shared values would travel
 * through every piece.
 */
export function prescribeLoad(
  way: ExerciseWay,
  last: DatedSet | null,
  context: LoadContext,
  options: LoadOptions = {},
): LoadDecision {
  const equipment = loadEquipmentOf(way);
  if (!equipment) return { load: null, why: "", adjustedFrom: null, adjustmentReason: null };
  const { unit } = context;
  const bar = context.barWeight ?? DEFAULT_BAR_WEIGHT[unit];
  const barbell = equipment === "barbell";
  if (!last || last.set.load === null) {
    const why = barbell
      ? `${FIRST_TIME} The empty bar, ${formatWeight({ value: bar, unit })}, is the lightest it goes.`
      : FIRST_TIME;
    return { load: null, why, adjustedFrom: null, adjustmentReason: null };
  }
  const step = incrementFor(equipment, unit, context.increments);
  const dumbbells = barbell ? (options.dumbbellWay ?? null) : null;
  const held = dumbbells?.implements ?? 1;
  const dumbbellStep = dumbbells
    ? incrementFor(loadEquipmentOf(dumbbells) ?? "dumbbells", unit, context.increments)
    : step;
  const lastValue = onGrid(last.set.load, unit, step);
  const lastWeight: Weight = { value: lastValue, unit };
  // Below the bar, the last set was the dumbbell way: work in the total both hands lift.
  const fromDumbbells = dumbbells !== null && lastValue < bar;
  const total = (value: number) => (dumbbells !== null && value < bar ? value * held : value);
  const lastTotal = total(lastValue);
  const totalStep = fromDumbbells ? dumbbellStep * held : step;
  const previousLoad = options.previous?.set.load ?? null;
  const before = previousLoad ? total(onGrid(previousLoad, unit, step)) : null;
  const seen = describeSet(last, lastWeight);

  let value: number;
  let why: string;
  let adjustment: string | null = null;
  let dose: LoadDecision["dose"];
  if (context.cut) {
    const cutTo = soreCut(lastTotal, totalStep);
    const cause = context.cut.cause ?? context.cut.reason;
    if (cutTo === null) {
      value = lastTotal;
      dose = SORE_DOSE;
      adjustment = `${cause} Next time one set at the same load, 8 reps with 3 left: a lighter one would be more than ${Math.round(MAX_SORE_CUT * 100)} % lighter.`;
    } else {
      value = cutTo;
      adjustment = context.cut.reason;
    }
    why = `${seen}, and you were sore after. ${adjustment}`;
  } else {
    const next = nextLoad(lastTotal, last.set.reps, last.set.rir, totalStep, before);
    value = next.load;
    if (next.direction === "heavier" && context.hold) {
      value = lastTotal;
      why = `${seen}. Keep the load until the race: now is for staying fresh, not for adding weight.`;
    } else if (next.held) {
      const tank = next.held.possibleNeeded - 10;
      // RIR stops at "5 or more": past that, only more reps can show the heavier load fits.
      const until =
        tank <= 5
          ? `stay until 10 reps leave ${tank} or more in the tank`
          : `stay, and next time go on past 10 reps until 2 are left, so the plan sees when ${formatWeight(shown(next.held.next))} fits`;
      why = `${seen}. The next load up, ${formatWeight(shown(next.held.next))}, is ${next.held.percent} % heavier: too big a step to land at 8 to 10, so ${until}.`;
    } else if (next.direction === "heavier") {
      why = `${seen}: that was light, so go up to ${formatWeight(shown(value))}.`;
    } else if (next.back) {
      why = `${seen}: the step up was too much, so back to ${formatWeight(shown(value))}, where you were in the dose.`;
    } else if (next.direction === "lighter") {
      why = `${seen}: too heavy, so ${formatWeight(shown(value))} to land at 8 to 10 with 1 or 2 left.`;
    } else {
      why = `${seen}: right in the dose, so keep it.`;
    }
    if (context.timeOff.factor < 1) {
      const reduced = Math.max(
        roundToStep(lastTotal * context.timeOff.factor, totalStep),
        Math.min(totalStep, lastTotal),
      );
      if (reduced < value) {
        value = reduced;
        const weeks = Math.floor(context.timeOff.days / 7);
        adjustment = `${weeks} weeks since your last session: ${Math.round((1 - context.timeOff.factor) * 100)} % lighter to start again.`;
        why = `${seen}. ${adjustment}`;
      }
    }
  }

  // Shown in the unit of what is held: a total below the bar is split over the dumbbells.
  function shown(totalValue: number): Weight {
    if (dumbbells && totalValue < bar) {
      return { value: Math.max(roundToStep(totalValue / held, dumbbellStep), dumbbellStep), unit };
    }
    return { value: totalValue, unit };
  }

  let chosenWay: ExerciseWay | undefined;
  let load: Weight = { value, unit };
  if (barbell && value < bar) {
    if (dumbbells) {
      load = shown(value);
      chosenWay = dumbbells;
      const pair = held === 2 ? `two ${formatWeight(load)} dumbbells` : formatWeight(load);
      why = `${why} Below the empty bar (${formatWeight({ value: bar, unit })}): ${pair} instead.`;
    } else {
      load = { value: bar, unit };
      why = `${why} The empty bar, ${formatWeight(load)}, is the lightest a barbell goes: lift it slowly, stopping with 1 or 2 left.`;
    }
  } else if (barbell && fromDumbbells) {
    load = { value: Math.max(roundToStep(value, step), bar), unit };
    why = `${why} That is the barbell again: ${formatWeight(load)}, about what the dumbbells weighed together.`;
  }
  if (adjustment !== null) {
    return {
      load,
      why,
      adjustedFrom: lastWeight,
      adjustmentReason: adjustment,
      ...(chosenWay ? { way: chosenWay } : {}),
      ...(dose ? { dose } : {}),
    };
  }
  return {
    load,
    why,
    adjustedFrom: null,
    adjustmentReason: null,
    ...(chosenWay ? { way: chosenWay } : {}),
  };
}
