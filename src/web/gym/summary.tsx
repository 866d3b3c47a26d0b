import { useMemo } from "preact/hooks";
import { sharedOutbox } from "../shared/outbox/outbox.js";
import { kickSync } from "../shared/outbox/sync.js";
import type { FinishedWorkout, OutboxItem } from "../shared/outbox/types.js";
import { useOutboxRead } from "../shared/outbox/use-outbox.js";
import { cardsOf } from "./logic.js";
import { type SummaryLine, summarize } from "./summary-logic.js";

export function Summary(props: { finished: FinishedWorkout }) {
  const { finished } = props;
  const lines: SummaryLine[] = useMemo(
    () => summarize(finished.sets, cardsOf(finished), finished.setup),
    [finished],
  );
  const item = useOutboxItem(finished.id);

  return (
    <div class="gym-panel gym-summary" data-testid="summary">
      <h2 class="gym-h2">Workout done</h2>
      <p class="gym-lead" role="status">
        {item === undefined
          ? "In your log."
          : item === null
            ? "Saved on this phone."
            : item.status === "failed"
              ? `The server did not accept it: ${item.lastError ?? "no reason given"}. It stays on this phone.`
              : "Saved on this phone. It goes to your log as soon as there is signal."}
      </p>
      <h3 class="gym-h3">What you did, and next time</h3>
      <ul class="gym-summary-list">
        {lines.map((line) => (
          <li key={line.exercise} class={`gym-summary-item is-${line.direction}`}>
            <p class="gym-summary-name">{line.name}</p>
            <p class="gym-summary-did">{line.did}</p>
            <p class="gym-summary-verdict">{line.verdict}</p>
            <p class="gym-summary-next">{line.next}</p>
          </li>
        ))}
      </ul>
      {item && item.status === "failed" ? (
        <button
          type="button"
          class="gym-button gym-secondary"
          onClick={() => void sharedOutbox().retry(item.id).then(kickSync)}
        >
          Try sending again
        </button>
      ) : null}
      <a class="gym-button gym-primary" href="/">
        Back to this week
      </a>
    </div>
  );
}

/** The outbox item of a workout: null while unknown, undefined once it has left the phone. */
function useOutboxItem(id: string): OutboxItem | null | undefined {
  return useOutboxRead<OutboxItem | null | undefined>((outbox) => outbox.item(id), null, id);
}
