import type { LoadEquipment } from "../exercise/types.js";
import type { WeightUnit } from "../units/weight.js";

/** Default load steps per unit (protocol section 6): the smallest common plate or dumbbell step. */
export const DEFAULT_INCREMENTS: Record<WeightUnit, Record<LoadEquipment, number>> = {
  kg: { barbell: 2.5, dumbbells: 2, kettlebell: 4, machine: 5, "leg-press": 5, cable: 5 },
  lb: { barbell: 5, dumbbells: 5, kettlebell: 10, machine: 10, "leg-press": 10, cable: 10 },
};

export function incrementFor(
  equipment: LoadEquipment,
  unit: WeightUnit,
  overrides: Partial<Record<LoadEquipment, number>> | undefined,
): number {
  return overrides?.[equipment] ?? DEFAULT_INCREMENTS[unit][equipment];
}
