/** A planned session's exercises in words: the load to take and the dose. */
import { LOAD_EQUIPMENT } from "../../core/exercise/types.js";
import type { Prescription } from "../shared/api.js";
import { type WeightSetup, weightText } from "../shared/weight.js";

const LOADED = new Set<string>(LOAD_EQUIPMENT);

/** The suggested load in words: a number in the runner's unit, the first-time advice, or "bodyweight". */
export function loadText(exercise: Prescription, setup: WeightSetup | null): string {
  if (exercise.load) {
    const load = weightText(exercise.load, setup, exercise.equipment);
    return exercise.implements === 2 ? `${load} in each hand` : load;
  }
  if (exercise.equipment.some((item) => LOADED.has(item))) {
    return "choose a load you could lift 10-12 times";
  }
  if (exercise.equipment.includes("band")) return "with your band";
  return "bodyweight";
}

/** The same words, with number ranges kept on one line ("10-12" never breaks at the hyphen). */
export function LoadWords(props: { exercise: Prescription; setup: WeightSetup | null }) {
  const parts = loadText(props.exercise, props.setup).split(/(\d+-\d+)/);
  return (
    <>
      {parts.map((part, index) =>
        index % 2 === 1 ? (
          <span key={part} class="nowrap">
            {part}
          </span>
        ) : (
          part
        ),
      )}
    </>
  );
}

function range(min: number, max: number): string {
  if (min === max) return String(min);
  return max === min + 1 ? `${min} or ${max}` : `${min} to ${max}`;
}

/** "One set of 8 to 10, stop with 1 or 2 reps left in the tank." */
export function doseText(exercise: Prescription): string {
  const sets = exercise.sets === 1 ? "One set" : `${exercise.sets} sets`;
  return `${sets} of ${range(exercise.reps.min, exercise.reps.max)} reps, stopping with ${range(
    exercise.rir.min,
    exercise.rir.max,
  )} reps left in the tank.`;
}

export const PRINCIPLES = [
  "One set per exercise is enough to get stronger.",
  "Stop with 1 or 2 reps left in the tank: hard, but never to failure.",
  "Warm up first, so muscles and joints are ready.",
  "Twice a week keeps you progressing; once a week keeps what you have.",
  "Keep hard days hard and easy days easy: strength goes with a hard run or far from one, never the day before a long or quality run.",
];
