import type { ComponentChildren } from "preact";

/**
 * The second step of a deletion: what goes, said as a question, then "Keep it" or "Delete".
 * One place for it, so that every list that deletes asks the same way.
 */
export function ConfirmDelete(props: {
  question: ComponentChildren;
  testId: string;
  busy?: boolean;
  onKeep: () => void;
  onDelete: () => void;
}) {
  return (
    <fieldset class="danger-zone stack">
      <legend class="field-label">{props.question}</legend>
      <div class="row">
        <button type="button" class="button" onClick={props.onKeep}>
          Keep it
        </button>
        <button
          type="button"
          class="button danger"
          data-testid={props.testId}
          onClick={props.onDelete}
          disabled={props.busy === true}
        >
          {props.busy ? "Deleting…" : "Delete"}
        </button>
      </div>
    </fieldset>
  );
}
