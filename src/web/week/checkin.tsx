import { useState } from "preact/hooks";
import { SORE } from "../../core/feedback/soreness.js";
import { type Adjustment, api, type DayLater, type FeedbackEntry } from "../shared/api.js";
import { useExerciseNames } from "../shared/catalog.js";
import { humanDates, today as todayIn } from "../shared/dates.js";
import type { ApiError } from "../shared/http.js";
import { useLogin } from "../shared/login.js";
import { weightText } from "../shared/weight.js";

interface Outcome {
  readonly soreness: number;
  readonly hurtRun: boolean;
  readonly feedback: readonly FeedbackEntry[];
  readonly adjustments: readonly Adjustment[];
  /**
   * What the day-later rule did after this check-in, from the plan itself: "your next session
   * is later" is said only when the plan moved it. Null when the rule did not act on it.
   */
  readonly dayLater: DayLater | null;
}

const SCALE = Array.from({ length: 11 }, (_, n) => n);

function sorenessWord(value: number): string {
  if (value === 0) return "Not sore at all";
  if (value <= 2) return "A little stiff";
  if (value <= 4) return "Somewhat sore";
  if (value <= 6) return "Sore";
  if (value <= 8) return "Very sore";
  return "As sore as it gets";
}

/** /checkin: how sore, did it affect the run, and what changes when it was too much. */
// Over 80 lines: one form's fields share its draft and the saving; mostly markup.
export function Checkin() {
  const { profile } = useLogin();
  const nameOf = useExerciseNames();
  const [soreness, setSoreness] = useState<number | null>(null);
  const [hurtRun, setHurtRun] = useState<boolean | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const [outcome, setOutcome] = useState<Outcome | null>(null);

  const submit = async (event: Event) => {
    event.preventDefault();
    if (soreness === null || busy) return;
    setBusy(true);
    setError(null);
    const date = todayIn(profile?.timezone);
    const saved = await api.checkin({ date, soreness, hurtRun: hurtRun ?? false });
    if (!saved.ok) {
      setBusy(false);
      setError(saved.error);
      return;
    }
    const plan = await api.plan();
    setBusy(false);
    const feedback = plan.ok ? plan.value.feedback : [];
    const latest = feedback
      .map((entry) => entry.date)
      .sort()
      .pop();
    setOutcome({
      soreness,
      hurtRun: hurtRun ?? false,
      feedback: feedback.filter((entry) => entry.date === latest),
      adjustments: plan.ok ? plan.value.adjustments : [],
      dayLater: plan.ok && plan.value.dayLater?.checkinDate === date ? plan.value.dayLater : null,
    });
  };

  if (outcome) return <CheckinResult outcome={outcome} nameOf={nameOf} />;

  return (
    <section class="screen checkin" aria-labelledby="checkin-title">
      <h1 id="checkin-title">How do you feel today?</h1>
      <p class="lead">Ten seconds after a strength day helps us get the next one right.</p>
      <form class="stack" onSubmit={submit}>
        <SorenessScale value={soreness} onChange={setSoreness} />

        <fieldset class="card fieldset">
          <legend class="field-label">Did it affect your run?</legend>
          <div class="segmented">
            <button
              type="button"
              class="choice"
              data-testid="checkin-hurt-no"
              aria-pressed={hurtRun === false}
              onClick={() => setHurtRun(false)}
            >
              No
            </button>
            <button
              type="button"
              class="choice"
              data-testid="checkin-hurt-yes"
              aria-pressed={hurtRun === true}
              onClick={() => setHurtRun(true)}
            >
              Yes
            </button>
          </div>
        </fieldset>

        {error ? (
          <p class="form-error" role="alert" data-testid="form-error">
            {error.message}
          </p>
        ) : null}
        <button
          type="submit"
          class="button primary block"
          data-testid="checkin-submit"
          disabled={soreness === null || busy}
        >
          {busy ? "Saving…" : soreness === null ? "Choose how sore you are" : "Send"}
        </button>
      </form>
    </section>
  );
}

/** After the check-in: thanks, and when it was too much, the likely cause and what changes. */
function CheckinResult(props: { outcome: Outcome; nameOf: (id: string) => string }) {
  const { outcome, nameOf } = props;
  // Sore from the protocol's threshold on, or a run that suffered (protocol section 7).
  const tooMuch = outcome.soreness >= SORE || outcome.hurtRun;
  return (
    <section class="screen checkin" aria-labelledby="checkin-title">
      <h1 id="checkin-title">Thanks for telling us</h1>
      <div class="card result" data-testid="checkin-result" role="status">
        {tooMuch ? (
          <>
            <p class="result-lead">
              {outcome.hurtRun
                ? "Sorry your run suffered. Here is what we found and what changes."
                : "That is more sore than it should be. Here is what we found and what changes."}
            </p>
            {outcome.feedback.length > 0 ? (
              <>
                <h2>What probably caused it</h2>
                <ul class="causes">
                  {outcome.feedback.map((entry) => (
                    <li key={`${entry.kind}-${entry.exercise}`}>{humanDates(entry.message)}</li>
                  ))}
                </ul>
              </>
            ) : (
              <p>Nothing in your log stands out. It happens: sleep, stress and runs add up.</p>
            )}
            <h2>What changes next time</h2>
            {outcome.dayLater?.note && outcome.dayLater.outcome !== "unchanged" ? (
              <p data-testid="checkin-day-later" data-outcome={outcome.dayLater.outcome}>
                {humanDates(outcome.dayLater.note)}
              </p>
            ) : null}
            {outcome.adjustments.length > 0 ? (
              <ul class="adjustments">
                {outcome.adjustments.map((change) => (
                  <li key={change.exercise}>
                    <strong>
                      {nameOf(change.exercise)}
                      {change.from && change.to
                        ? `: ${weightText(change.from)} → ${weightText(change.to)}`
                        : ""}
                    </strong>
                    <span>{humanDates(change.reason)}</span>
                  </li>
                ))}
              </ul>
            ) : (
              <p>
                Next session: one set per exercise, a little lighter, stopping with 2 reps left in
                the tank. Your plan already takes it into account.
              </p>
            )}
          </>
        ) : (
          <p class="result-lead">
            {outcome.soreness === 0
              ? "Fresh as a daisy. The load was just right: keep it up!"
              : "A little soreness is normal and means the work counted. Keep it up!"}
          </p>
        )}
      </div>
      <a class="button primary block" href="/">
        Back to my week
      </a>
    </section>
  );
}

/** Soreness from 0 to 10, a button each, and the word for the one chosen. */
function SorenessScale(props: { value: number | null; onChange: (value: number) => void }) {
  return (
    <fieldset class="card fieldset">
      <legend class="field-label">How sore are your muscles?</legend>
      <p class="hint" id="scale-hint">
        0 is not sore at all, 10 is as sore as it gets.
      </p>
      <div class="scale" aria-describedby="scale-hint">
        {SCALE.map((value) => (
          <button
            key={value}
            type="button"
            class={`scale-button level-${Math.min(3, Math.floor(value / 3))}`}
            data-testid={`checkin-soreness-${value}`}
            aria-pressed={props.value === value}
            aria-label={`${value}: ${sorenessWord(value)}`}
            onClick={() => props.onChange(value)}
          >
            {value}
          </button>
        ))}
      </div>
      <p class="scale-word" aria-live="polite">
        {props.value === null ? "Tap a number." : `${props.value}: ${sorenessWord(props.value)}`}
      </p>
    </fieldset>
  );
}
