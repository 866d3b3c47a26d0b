/** One set of a workout in the history: read, changed in place, or deleted. */
import { useState } from "preact/hooks";
import type { LoggedSet } from "../shared/outbox/types.js";
import { draftOf, type SetDraft, setFromDraft, setText } from "./history.js";

// Over 80 lines: one set's three fields share one draft, its checks and its save.
export function HistorySet(props: {
  set: LoggedSet;
  index: number;
  name: string;
  /** False for a workout's last set: it goes with the workout. */
  deletable: boolean;
  disabled: boolean;
  onSave: (set: LoggedSet) => void;
  onDelete: () => void;
}) {
  const { set, index, name } = props;
  const [draft, setDraft] = useState<SetDraft | null>(null);
  const [error, setError] = useState<{ text: string; field: keyof SetDraft } | null>(null);

  if (!draft) {
    return (
      <li class="history-set" data-testid={`history-set-${index}`}>
        <span class="history-set-text">
          <span class="history-set-name">{name}</span>
          <span data-testid={`history-set-value-${index}`}>{setText(set)}</span>
        </span>
        <span class="row history-set-actions">
          <button
            type="button"
            class="button"
            data-testid={`set-change-${index}`}
            aria-label={`Change ${name}, ${setText(set)}`}
            disabled={props.disabled}
            onClick={() => setDraft(draftOf(set))}
          >
            Change
          </button>
          {props.deletable ? (
            <button
              type="button"
              class="button danger-outline"
              data-testid={`set-delete-${index}`}
              aria-label={`Delete ${name}, ${setText(set)}`}
              disabled={props.disabled}
              onClick={props.onDelete}
            >
              Delete
            </button>
          ) : null}
        </span>
      </li>
    );
  }

  const save = (event: Event) => {
    event.preventDefault();
    const result = setFromDraft(set, draft);
    if ("error" in result) {
      setError({ text: result.error, field: result.field });
      return;
    }
    setError(null);
    setDraft(null);
    props.onSave(result.set);
  };
  const field = (key: keyof SetDraft, label: string, mode: "decimal" | "numeric") => (
    <label class="field history-field">
      <span class="field-label small">{label}</span>
      <input
        type="text"
        inputMode={mode}
        data-testid={`set-${key}-${index}`}
        value={draft[key]}
        aria-invalid={error?.field === key ? "true" : undefined}
        onInput={(event) => setDraft({ ...draft, [key]: event.currentTarget.value })}
      />
    </label>
  );

  return (
    <li class="history-set editing" data-testid={`history-set-${index}`}>
      <form class="stack" onSubmit={save} aria-label={`Change ${name}`}>
        <span class="history-set-name">{name}</span>
        <div class="row history-fields">
          {set.load ? field("load", `Load (${set.load.unit})`, "decimal") : null}
          {field("reps", "Reps", "numeric")}
          {field("rir", "Reps left", "numeric")}
        </div>
        {error ? (
          <p class="form-error" role="alert">
            {error.text}
          </p>
        ) : null}
        <div class="row">
          <button type="button" class="button" onClick={() => setDraft(null)}>
            Cancel
          </button>
          <button type="submit" class="button primary" data-testid={`set-save-${index}`}>
            Save
          </button>
        </div>
      </form>
    </li>
  );
}
