/** A load in the unit the athlete chose. Conversions keep the exact legal definition of the pound. */
export const WEIGHT_UNITS = ["kg", "lb"] as const;
export type WeightUnit = (typeof WEIGHT_UNITS)[number];

export interface Weight {
  readonly value: number;
  readonly unit: WeightUnit;
}

/** International yard and pound agreement (1959): 1 lb = 0.45359237 kg. */
export const KG_PER_LB = 0.45359237;

export function convertWeight(weight: Weight, unit: WeightUnit): Weight {
  if (weight.unit === unit) return weight;
  const value = unit === "kg" ? weight.value * KG_PER_LB : weight.value / KG_PER_LB;
  return { value, unit };
}

export function weight(value: number, unit: WeightUnit): Weight {
  return { value, unit };
}

/** Removes float noise such as 22.000000000000004 so that loads print and compare as people write them. */
export function tidy(value: number): number {
  return Math.round(value * 1000) / 1000;
}

export function formatWeight(weight: Weight): string {
  return `${tidy(weight.value)} ${weight.unit}`;
}
