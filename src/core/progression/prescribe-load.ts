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
import { nextLoad } from "./next-load.js";
import { roundDownToStep, roundToStep } from "./rounding.js";

export interface LoadContext {
  readonly unit: WeightUnit;
  readonly increments: Parameters<typeof incrementFor>[2];
  /** Load factor for a break in training (1 when there was none). */
  readonly timeOff: { readonly factor: number; readonly days: number };
  /** A 10 % cut decided by a sore next day, overriding progression. */
  readonly cut: { readonly reason: string } | null;
  /** Peak, taper and race week keep the load: no increases. */
  readonly hold: boolean;
}

export interface LoadDecision {
  readonly load: Weight | null;
  readonly why: string;
  /** The last logged load, in the athlete's unit, when the decision changed it for a reason to list. */
  readonly adjustedFrom: Weight | null;
  readonly adjustmentReason: string | null;
}

const FIRST_TIME =
  "First time: choose a load you think you could lift 10 to 12 times, do 8 to 10 and stop with 1 or 2 left.";

function describeSet(entry: DatedSet, last: Weight): string {
  return `Last time ${entry.set.reps} reps with ${entry.set.rir}${entry.set.rir === 5 ? " or more" : ""} left in the tank at ${formatWeight(last)}`;
}

/** The suggested load for a loaded exercise from its last logged set (protocol sections 6 and 7). */
export function prescribeLoad(
  way: ExerciseWay,
  last: DatedSet | null,
  context: LoadContext,
): LoadDecision {
  const equipment = loadEquipmentOf(way);
  if (!equipment) return { load: null, why: "", adjustedFrom: null, adjustmentReason: null };
  if (!last || last.set.load === null) {
    return { load: null, why: FIRST_TIME, adjustedFrom: null, adjustmentReason: null };
  }
  const step = incrementFor(equipment, context.unit, context.increments);
  const converted = convertWeight(last.set.load, context.unit);
  // A load logged in the other unit is put on this athlete's grid, never down to nothing.
  const lastValue =
    last.set.load.unit === context.unit
      ? converted.value
      : Math.max(roundToStep(converted.value, step), Math.min(step, converted.value));
  const lastWeight: Weight = { value: tidy(lastValue), unit: context.unit };
  const seen = describeSet(last, lastWeight);

  if (context.cut) {
    const value = Math.max(roundDownToStep(lastValue * 0.9, step), Math.min(step, lastValue));
    return {
      load: { value, unit: context.unit },
      why: `${seen}, and you were sore after. ${context.cut.reason}`,
      adjustedFrom: lastWeight,
      adjustmentReason: context.cut.reason,
    };
  }

  const next = nextLoad(lastValue, last.set.reps, last.set.rir, step);
  let value = next.load;
  let why: string;
  if (next.direction === "heavier" && context.hold) {
    value = lastValue;
    why = `${seen}. Keep the load until the race: now is for staying fresh, not for adding weight.`;
  } else if (next.direction === "heavier") {
    why = `${seen}: that was light, so go up to ${formatWeight({ value, unit: context.unit })}.`;
  } else if (next.direction === "lighter") {
    why = `${seen}: too heavy, so ${formatWeight({ value, unit: context.unit })} to land at 8 to 10 with 1 or 2 left.`;
  } else {
    why = `${seen}: right in the dose, so keep it.`;
  }
  if (context.timeOff.factor < 1) {
    const reduced = Math.max(
      roundToStep(lastValue * context.timeOff.factor, step),
      Math.min(step, lastValue),
    );
    if (reduced < value) {
      value = reduced;
      const weeks = Math.floor(context.timeOff.days / 7);
      const reason = `${weeks} weeks since your last session: ${Math.round((1 - context.timeOff.factor) * 100)} % lighter to start again.`;
      return {
        load: { value, unit: context.unit },
        why: `${seen}. ${reason}`,
        adjustedFrom: lastWeight,
        adjustmentReason: reason,
      };
    }
  }
  return { load: { value, unit: context.unit }, why, adjustedFrom: null, adjustmentReason: null };
}
