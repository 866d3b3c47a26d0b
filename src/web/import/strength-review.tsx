/**
 * The review of a lifting export's exercise names that the catalogue's table does not know:
 * each is mapped to a catalogue exercise or skipped, and the server remembers the choice.
 */
import { useState } from "preact/hooks";
import type { CatalogExercise, StrengthReviewAnswer, StrengthReviewItem } from "../shared/api.js";
import { strength } from "../shared/api.js";
import { useCatalog } from "../shared/catalog.js";
import type { ApiError } from "../shared/http.js";
import { MUSCLE_LIST, MUSCLE_WORD, plural } from "../shared/words.js";
import { choicesOf, SKIP } from "./strength-choices.js";

/** The catalogue grouped by each exercise's main muscle, in the app's muscle order. */
function byMuscle(exercises: readonly CatalogExercise[]) {
  return MUSCLE_LIST.map((muscle) => ({
    muscle,
    items: exercises
      .filter((exercise) => exercise.muscles[0] === muscle)
      .sort((a, b) => a.name.localeCompare(b.name)),
  })).filter((group) => group.items.length > 0);
}

// Over 80 lines: the list of names and its actions share the choices being made; the choice logic
// is in strength-choices.ts.
export function StrengthReview(props: {
  items: readonly StrengthReviewItem[];
  onAnswer: (answer: StrengthReviewAnswer) => void;
}) {
  const { exercises, error: catalogError } = useCatalog();
  const [picked, setPicked] = useState<Record<string, string>>({});
  const [sending, setSending] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const groups = exercises ? byMuscle(exercises) : [];
  const choices = choicesOf(props.items, picked);

  const skipRest = () =>
    setPicked((current) => {
      const next = { ...current };
      for (const item of props.items) if (!next[item.name]) next[item.name] = SKIP;
      return next;
    });

  const send = async () => {
    if (choices.length === 0 || sending) return;
    setSending(true);
    setError(null);
    const result = await strength.choose(choices);
    setSending(false);
    if (!result.ok) {
      setError(result.error);
      return;
    }
    setPicked({});
    props.onAnswer(result.value);
  };

  return (
    <div class="card stack" data-testid="strength-review">
      <h2>Names to check</h2>
      <p class="hint">
        {plural(props.items.length, "exercise name")} from your export{" "}
        {props.items.length === 1 ? "is" : "are"} not in Capacity's list. Pick the exercise each one
        is, or skip it: its sets stay out. Your choices are remembered for the next import.
      </p>
      {catalogError ? (
        <p class="form-error" role="alert">
          The exercise list could not be loaded: {catalogError.message}
        </p>
      ) : null}
      <ul class="strength-names">
        {props.items.map((item, index) => (
          <li key={item.name} data-testid="strength-review-item" data-name={item.name}>
            <label class="field">
              <span class="field-label">
                <span class="source">{item.name}</span>
                <span class="hint"> {plural(item.sets, "set")}</span>
              </span>
              <select
                data-testid={`strength-map-${index}`}
                data-name={item.name}
                value={picked[item.name] ?? ""}
                onChange={(event) => {
                  const value = event.currentTarget.value;
                  setPicked((current) => ({ ...current, [item.name]: value }));
                }}
              >
                <option value="">Choose…</option>
                <option value={SKIP}>Skip: leave these sets out</option>
                {groups.map((group) => (
                  <optgroup key={group.muscle} label={MUSCLE_WORD[group.muscle]}>
                    {group.items.map((exercise) => (
                      <option key={exercise.id} value={exercise.id}>
                        {exercise.name}
                      </option>
                    ))}
                  </optgroup>
                ))}
              </select>
            </label>
          </li>
        ))}
      </ul>
      {error ? (
        <p class="form-error" role="alert" data-testid="strength-review-error">
          {error.message}
        </p>
      ) : null}
      <div class="strength-actions">
        <p class="hint" data-testid="strength-chosen">
          {choices.length} of {props.items.length} chosen
        </p>
        <div class="row">
          <button
            type="button"
            class="button"
            data-testid="strength-skip-rest"
            onClick={skipRest}
            disabled={choices.length === props.items.length}
          >
            Skip the rest
          </button>
          <button
            type="button"
            class="button primary"
            data-testid="strength-review-save"
            onClick={send}
            disabled={choices.length === 0 || sending}
          >
            {sending ? "Importing…" : "Import"}
          </button>
        </div>
      </div>
    </div>
  );
}
