/**
 * Loads as the runner reads them: in their unit, on their step. A load in the runner's own unit
 * is shown as it is (the plan already put it on their step, and a logged one is what they
 * lifted); one in the other unit, logged before a switch, is converted and rounded to the step
 * of its equipment the way the planner does (protocol section 6), so 6 kg reads "15 lb" in
 * 5 lb steps and never "13.2 lb".
 */
import type { Equipment, LoadEquipment } from "../../core/exercise/types.js";
import { loadEquipmentOf } from "../../core/exercise/ways.js";
import { DEFAULT_INCREMENTS, incrementFor } from "../../core/progression/increments.js";
import { roundToStep } from "../../core/progression/rounding.js";
import { convertWeight, tidy, type Weight, type WeightUnit } from "../../core/units/weight.js";

/** The runner's unit and their own steps (the profile's `units` and `increments`). */
export interface WeightSetup {
  readonly units: WeightUnit;
  readonly increments?: Partial<Record<LoadEquipment, number>> | undefined;
}

/**
 * The step of this equipment in the runner's unit; without equipment known (a logged set shown
 * by exercise id alone), the smallest step they have, so a converted load moves the least.
 */
export function weightStep(setup: WeightSetup, equipment?: readonly Equipment[]): number {
  const item = equipment ? loadEquipmentOf({ equipment }) : null;
  if (item) return incrementFor(item, setup.units, setup.increments);
  const steps = Object.keys(DEFAULT_INCREMENTS[setup.units]).map((key) =>
    incrementFor(key as LoadEquipment, setup.units, setup.increments),
  );
  return Math.min(...steps);
}

/** The load in the runner's unit: converted and put on their step when it was in the other one. */
export function inRunnerUnit(
  load: Weight,
  setup: WeightSetup,
  equipment?: readonly Equipment[],
): Weight {
  if (load.unit === setup.units) return { value: tidy(load.value), unit: load.unit };
  const step = weightStep(setup, equipment);
  const converted = convertWeight(load, setup.units).value;
  // A light load never rounds down to nothing: at worst one step (or what it weighs, if less).
  const value = Math.max(roundToStep(converted, step), Math.min(step, tidy(converted)));
  return { value: tidy(value), unit: setup.units };
}

/** "22.5 kg": a number as people write it and the unit; in the runner's unit when `setup` is given. */
export function weightText(
  load: Weight,
  setup?: WeightSetup | null,
  equipment?: readonly Equipment[],
): string {
  const shown = setup ? inRunnerUnit(load, setup, equipment) : load;
  return `${tidy(shown.value)} ${shown.unit}`;
}
