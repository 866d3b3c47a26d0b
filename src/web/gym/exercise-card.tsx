import type { Prescription } from "../../core/protocol/plan-types.js";
import type { GymSetup, LoggedSet } from "../shared/outbox/types.js";
import { type LastSets, lastBefore } from "./last-sets.js";
import { type Alternative, loadStep } from "./logic.js";
import { SetForm } from "./set-form.js";

/** The exercise on screen: its title and count, and the form that logs its set. */
export function ExerciseCard(props: {
  card: Prescription;
  index: number;
  total: number;
  setup: GymSetup;
  date: string;
  last: LastSets;
  logged: LoggedSet | undefined;
  options: readonly Alternative[];
  onLog: (set: LoggedSet) => void;
  onSwap: (to: string) => void;
}) {
  const { card, setup, logged } = props;
  const head = (
    <div class="gym-card-head">
      <p class="gym-count">
        {props.index + 1} of {props.total}
        {logged ? (
          <span class="gym-done-mark">
            {" "}
            · <span aria-hidden="true">✓</span> logged
          </span>
        ) : null}
      </p>
      <h2 class="gym-card-title" tabIndex={-1}>
        {card.name}
      </h2>
    </div>
  );
  return (
    <article class="gym-card gym-card-open" data-testid={`exercise-card-${card.id}`}>
      <SetForm
        key={card.id}
        head={head}
        card={card}
        setup={setup}
        step={loadStep(card.equipment, setup)}
        last={lastBefore(props.last, card.id, props.date)}
        logged={logged}
        options={props.options}
        onLog={props.onLog}
        onSwap={props.onSwap}
      />
    </article>
  );
}
