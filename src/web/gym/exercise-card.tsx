import type { Prescription } from "../../core/protocol/plan-types.js";
import type { GymSetup, LoggedSet } from "../shared/outbox/types.js";
import { weightText } from "../shared/weight.js";
import { type Alternative, bandWords, loadStep, needWords, tankWords } from "./logic.js";
import { SetForm } from "./set-form.js";

export function ExerciseCard(props: {
  card: Prescription;
  index: number;
  total: number;
  setup: GymSetup;
  logged: LoggedSet | undefined;
  current: boolean;
  options: readonly Alternative[];
  onLog: (set: LoggedSet) => void;
  onSwap: (to: string) => void;
  onOpen: () => void;
}) {
  const { card, setup, logged } = props;
  const step = loadStep(card.equipment, setup);
  const head = (
    <div class="gym-card-head">
      <p class="gym-count">
        {props.index + 1} of {props.total}
      </p>
      <h2 class="gym-card-title" tabIndex={-1}>
        {card.name}
      </h2>
    </div>
  );

  if (!props.current) {
    return (
      <article
        class={`gym-card gym-card-closed${logged ? " is-done" : ""}`}
        data-testid={`exercise-card-${card.id}`}
      >
        {head}
        <p class="gym-card-line">
          {logged ? (
            <>
              <span class="gym-tick" aria-hidden="true">
                ✓
              </span>{" "}
              {logged.reps} reps
              {logged.load ? ` at ${weightText(logged.load, setup, card.equipment)}` : ""}
              {logged.band ? ` on the ${bandWords(logged.band)} band` : ""}, {tankWords(logged.rir)}
            </>
          ) : (
            needWords(card, setup)
          )}
        </p>
        <button type="button" class="gym-button gym-secondary gym-small" onClick={props.onOpen}>
          {logged ? "Change" : "Do this now"}
          <span class="sr-only"> {card.name}</span>
        </button>
      </article>
    );
  }

  return (
    <article class="gym-card gym-card-open" data-testid={`exercise-card-${card.id}`}>
      <SetForm
        key={card.id}
        head={head}
        card={card}
        setup={setup}
        step={step}
        logged={logged}
        options={props.options}
        onLog={props.onLog}
        onSwap={props.onSwap}
      />
    </article>
  );
}
