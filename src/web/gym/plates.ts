/**
 * The plate and dumbbell helper: what to put on the bar, or pick off the rack, for a load in the
 * runner's unit and increments. Pure arithmetic, in hundredths so that 1.25 + 1.25 stays 2.5.
 */
import type { WeightUnit } from "../../core/units/weight.js";

/** The usual bar: 20 kg, or 45 lb. */
export const BAR: Readonly<Record<WeightUnit, number>> = { kg: 20, lb: 45 };

/** The plates of a common gym, heaviest first. */
export const PLATES: Readonly<Record<WeightUnit, readonly number[]>> = {
  kg: [25, 20, 15, 10, 5, 2.5, 1.25, 0.5],
  lb: [45, 35, 25, 10, 5, 2.5],
};

export type LoadHelp =
  | { readonly kind: "bar-only"; readonly bar: number; readonly unit: WeightUnit }
  | { readonly kind: "under-bar"; readonly bar: number; readonly unit: WeightUnit }
  | {
      readonly kind: "plates";
      readonly bar: number;
      readonly unit: WeightUnit;
      /** Plates for one side, heaviest first. */
      readonly perSide: readonly number[];
      /** What the plates cannot make up on each side (0 when exact). */
      readonly shortPerSide: number;
    }
  | {
      readonly kind: "implements";
      readonly what: "dumbbell" | "kettlebell";
      readonly each: number;
      readonly count: 1 | 2;
      readonly unit: WeightUnit;
      /** The load asked for, when it is not on the runner's step (`each` is the nearest). */
      readonly between?: { readonly load: number; readonly step: number };
    };

const hundredths = (value: number) => Math.round(value * 100);

/**
 * The plates for one side of a barbell: the largest first, none lighter than half the runner's
 * barbell step (a step is added as one plate on each side).
 */
export function barbellHelp(load: number, unit: WeightUnit, step: number): LoadHelp {
  const bar = BAR[unit];
  const side = hundredths(load - bar) / 2;
  if (hundredths(load) < hundredths(bar)) return { kind: "under-bar", bar, unit };
  if (side === 0) return { kind: "bar-only", bar, unit };
  const smallest = hundredths(step) / 2;
  const usable = PLATES[unit].map(hundredths).filter((plate) => plate >= smallest);
  const plates = usable.length ? usable : PLATES[unit].map(hundredths);
  const perSide: number[] = [];
  let left = side;
  for (const plate of plates) {
    while (left >= plate) {
      perSide.push(plate / 100);
      left -= plate;
    }
  }
  return { kind: "plates", bar, unit, perSide, shortPerSide: Math.round(left) / 100 };
}

/** One dumbbell or kettlebell (or one in each hand) of the load, on the runner's step. */
export function implementHelp(
  load: number,
  unit: WeightUnit,
  step: number,
  what: "dumbbell" | "kettlebell",
  count: 1 | 2,
): LoadHelp {
  const each =
    step > 0 ? (Math.round(hundredths(load) / hundredths(step)) * hundredths(step)) / 100 : load;
  // A load kept from before (another step, a unit switch) need not be on the step: the helper
  // says so rather than naming a dumbbell as if it were the load.
  return hundredths(each) === hundredths(load)
    ? { kind: "implements", what, each, count, unit }
    : { kind: "implements", what, each, count, unit, between: { load, step } };
}

const number = (value: number) => String(Math.round(value * 100) / 100);

/** The helper in words: "Per side: 20 + 2.5 kg (bar 20 kg)", "One 12 kg dumbbell in each hand". */
export function loadHelpWords(help: LoadHelp): string {
  switch (help.kind) {
    case "under-bar":
      return `Lighter than the ${help.bar} ${help.unit} bar`;
    case "bar-only":
      return `Just the bar (${help.bar} ${help.unit})`;
    case "plates": {
      if (!help.perSide.length) {
        return `Just the bar (${help.bar} ${help.unit}): no plate makes ${number(help.shortPerSide)} ${help.unit} a side`;
      }
      const plates = `Per side: ${help.perSide.map(number).join(" + ")} ${help.unit}`;
      const short =
        help.shortPerSide > 0 ? `, ${number(help.shortPerSide)} ${help.unit} short a side` : "";
      return `${plates} (bar ${help.bar} ${help.unit}${short})`;
    }
    case "implements": {
      const pick =
        help.count === 2
          ? `One ${number(help.each)} ${help.unit} ${help.what} in each hand`
          : `One ${number(help.each)} ${help.unit} ${help.what}`;
      return help.between
        ? `${pick}: the nearest to ${number(help.between.load)} ${help.unit} on your ${number(help.between.step)} ${help.unit} steps`
        : pick;
    }
  }
}
