import { loadEquipmentOf } from "../../core/exercise/ways.js";
import type { Prescription } from "../../core/protocol/plan-types.js";
import type { WeightUnit } from "../../core/units/weight.js";
import { type LastSet, lastWords } from "./last-sets.js";
import { barbellHelp, implementHelp, loadHelpWords } from "./plates.js";

/** Last time's load × reps @ reps left, at a glance above the controls. */
export function LastTime(props: { last: LastSet | undefined; unit: WeightUnit }) {
  if (!props.last) return null;
  return (
    <p class="gym-last" data-testid="last-time">
      <span class="gym-last-label">Last time</span> {lastWords(props.last, props.unit)}
    </p>
  );
}

/** What to put on the bar, or take off the rack, for the load on the stepper. */
export function LoadHelper(props: {
  card: Prescription;
  load: number;
  unit: WeightUnit;
  step: number;
}) {
  const { card, load, unit, step } = props;
  if (!(load > 0)) return null;
  const item = loadEquipmentOf({ equipment: card.equipment });
  const count = card.implements === 2 ? 2 : 1;
  const help =
    item === "barbell"
      ? barbellHelp(load, unit, step)
      : item === "dumbbells"
        ? implementHelp(load, unit, step, "dumbbell", count)
        : item === "kettlebell"
          ? implementHelp(load, unit, step, "kettlebell", count)
          : null;
  if (!help) return null;
  return (
    <p class="gym-helper" data-testid="load-helper">
      {loadHelpWords(help)}
    </p>
  );
}

/** Why the plan suggests this (its reason), under the controls. */
export function SuggestionWhy(props: { card: Prescription }) {
  if (!props.card.why) return null;
  return (
    <p class="gym-card-why" data-testid="suggestion-why">
      <span class="gym-last-label">Why this</span> {props.card.why}
    </p>
  );
}
