/**
 * The run week proposed from the imported runs (GET /api/run-week/proposal), next to the one
 * in the profile, and the button that puts it in the profile.
 */
import { useState } from "preact/hooks";
import { api, type RunKind, type RunWeek, running } from "../shared/api.js";
import { longDate, orderedWeekdays, WEEKDAY_NAME, type Weekday } from "../shared/dates.js";
import type { ApiError } from "../shared/http.js";
import { canLoad, setProfile, useLogin } from "../shared/login.js";
import { TryAgain } from "../shared/try-again.js";
import { useLoad } from "../shared/use-load.js";
import { plural, RUN_WORD } from "../shared/words.js";

function sameWeek(a: RunWeek, b: RunWeek | undefined): boolean {
  return b !== undefined && (Object.keys(a) as Weekday[]).every((day) => a[day] === b[day]);
}

/** The core's reasons are clauses ("ran 5 of 5 Tuesdays"); on their own they read as sentences. */
function sentence(text: string): string {
  const trimmed = text.trim();
  if (!trimmed) return trimmed;
  const first = trimmed.charAt(0).toUpperCase() + trimmed.slice(1);
  return /[.!?]$/.test(first) ? first : `${first}.`;
}

function Badge(props: { kind: RunKind }) {
  return <span class={`run-badge run-${props.kind}`}>{RUN_WORD[props.kind]}</span>;
}

/** `refresh` changes after an import, so the proposal is asked for again. */
// Over 80 lines: the proposal and its accept form share one loaded proposal; mostly markup.
export function RunWeekProposal(props: { refresh: string }) {
  const login = useLogin();
  const { profile } = login;
  const answer = useLoad(() => running.proposal(), props.refresh, canLoad(login));
  const [saving, setSaving] = useState(false);
  const [saved, setSaved] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);

  const proposal = answer.data?.proposal ?? null;
  const current = profile?.runWeek as RunWeek | undefined;
  const matches = proposal ? sameWeek(proposal.runWeek, current) : false;

  const accept = async () => {
    if (!proposal || saving) return;
    setSaving(true);
    setError(null);
    setSaved(false);
    // The profile as the server has it now, so nothing changed elsewhere is overwritten.
    const latest = await api.profile();
    const result = latest.ok
      ? await api.saveProfile({ ...latest.value, runWeek: { ...proposal.runWeek } })
      : latest;
    setSaving(false);
    if (!result.ok) {
      setError(result.error);
      return;
    }
    setProfile(result.value);
    setSaved(true);
  };

  return (
    <section class="card stack proposal" data-testid="proposal" aria-labelledby="proposal-title">
      <h2 id="proposal-title">Your run week, from your runs</h2>
      {answer.loading && !answer.data ? <p class="loading">Looking at your runs…</p> : null}
      {answer.error && !answer.data ? (
        <TryAgain class="stack" message={answer.error.message} onRetry={answer.reload} />
      ) : null}
      {answer.data && !proposal ? (
        <p data-testid="proposal-reason">
          {answer.data.reason
            ? sentence(answer.data.reason)
            : "There are not enough recent runs to propose a run week yet."}
        </p>
      ) : null}
      {proposal ? (
        <>
          <p class="hint" data-testid="proposal-basis">
            Based on {plural(proposal.runs, "run")} over {plural(proposal.weeks, "week")},{" "}
            {longDate(proposal.from)} to {longDate(proposal.to)}.
          </p>
          <ol class="proposal-days">
            {orderedWeekdays(profile?.weekStart ?? "mon").map((weekday) => {
              const kind = proposal.runWeek[weekday];
              const day = proposal.days.find((item) => item.weekday === weekday);
              const now = current?.[weekday];
              const changed = now !== undefined && now !== kind;
              return (
                <li
                  key={weekday}
                  class={`proposal-day${changed ? " is-changed" : ""}`}
                  data-testid={`proposal-day-${weekday}`}
                  data-kind={kind}
                >
                  <div class="proposal-day-head">
                    <h3 class="proposal-day-name">{WEEKDAY_NAME[weekday]}</h3>
                    <Badge kind={kind} />
                  </div>
                  {day?.reason ? <p class="proposal-reason">{sentence(day.reason)}</p> : null}
                  {now !== undefined ? (
                    <p class="proposal-now">
                      {changed ? (
                        <>
                          <strong>Changed.</strong> Your profile says {RUN_WORD[now].toLowerCase()}.
                        </>
                      ) : (
                        "Same as your profile."
                      )}
                    </p>
                  ) : null}
                </li>
              );
            })}
          </ol>
          {proposal.notes.length > 0 ? (
            <ul class="notes" data-testid="proposal-notes">
              {proposal.notes.map((note) => (
                <li key={note}>{sentence(note)}</li>
              ))}
            </ul>
          ) : null}
          {error ? (
            <p class="form-error" role="alert" data-testid="proposal-error">
              {error.message}
            </p>
          ) : null}
          <div role="status" aria-live="polite">
            {saved ? (
              <p class="saved" data-testid="proposal-saved">
                Saved. Your plan now follows this run week.
              </p>
            ) : null}
          </div>
          {matches && !saved ? (
            <p class="hint" data-testid="proposal-matches">
              This is already your run week.
            </p>
          ) : null}
          {!saved && !matches ? (
            <button
              type="button"
              class="button primary block"
              data-testid="proposal-accept"
              onClick={accept}
              disabled={saving}
            >
              {saving ? "Saving…" : "Use this run week"}
            </button>
          ) : null}
          <p class="hint">
            You can change any day later in <a href="/settings">Settings</a>.
          </p>
        </>
      ) : null}
    </section>
  );
}
