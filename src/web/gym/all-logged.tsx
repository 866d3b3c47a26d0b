import type { Prescription } from "../../core/protocol/plan-types.js";
import type { GymSetup, LoggedSet } from "../shared/outbox/types.js";
import { weightText } from "../shared/weight.js";
import { bandWords, tankWords } from "./logic.js";

/** Every card has its set: what was logged, each one tap from being changed, before "Finish". */
export function AllLogged(props: {
  cards: readonly Prescription[];
  setup: GymSetup;
  logged: (id: string) => LoggedSet | undefined;
  onOpen: (index: number) => void;
}) {
  return (
    <div class="gym-panel" data-testid="all-logged">
      <h2 class="gym-h2" tabIndex={-1}>
        Every exercise is logged
      </h2>
      <ul class="gym-logged-list">
        {props.cards.map((card, index) => {
          const set = props.logged(card.id);
          return (
            <li key={card.id} class="gym-logged-item">
              <p class="gym-logged-text">
                <strong>{card.name}</strong>
                <br />
                {set ? setWords(set, props.setup, card.equipment) : "not done"}
              </p>
              <button
                type="button"
                class="gym-button gym-secondary gym-tiny"
                onClick={() => props.onOpen(index)}
              >
                Change<span class="sr-only"> {card.name}</span>
              </button>
            </li>
          );
        })}
      </ul>
    </div>
  );
}

/** In the runner's unit: a set logged before a switch of units is converted. */
function setWords(set: LoggedSet, setup: GymSetup, equipment: Prescription["equipment"]): string {
  const load = set.load ? ` at ${weightText(set.load, setup, equipment)}` : "";
  const band = set.band ? ` on the ${bandWords(set.band)} band` : "";
  return `${set.reps} reps${load}${band}, ${tankWords(set.rir)}`;
}
