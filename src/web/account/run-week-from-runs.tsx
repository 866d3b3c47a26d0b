/**
 * Onboarding's run-week step when imported runs propose a run week
 * (GET /api/run-week/proposal): the line that says where the days come from, and each day's
 * reason, collapsed. Kept apart from `run-week-proposal.tsx`, which lives in the import chunk.
 */
import type { RunWeekProposal } from "../shared/api.js";
import { orderedWeekdays, WEEKDAY_NAME, type Weekday } from "../shared/dates.js";
import { plural, RUN_WORD } from "../shared/words.js";

/** The core's reasons are clauses ("ran 5 of 5 Tuesdays"); on their own they read as sentences. */
function sentence(text: string): string {
  const trimmed = text.trim();
  if (!trimmed) return trimmed;
  const first = trimmed.charAt(0).toUpperCase() + trimmed.slice(1);
  return /[.!?]$/.test(first) ? first : `${first}.`;
}

export function runWeekBasis(proposal: Pick<RunWeekProposal, "runs" | "weeks">): string {
  const weeks = proposal.weeks === 1 ? "week" : plural(proposal.weeks, "week");
  return `From your ${plural(proposal.runs, "run")} of the last ${weeks}: change any day that is wrong.`;
}

export function RunWeekBasis(props: { proposal: RunWeekProposal }) {
  return (
    <p class="run-week-basis" data-testid="run-week-from-runs">
      {runWeekBasis(props.proposal)}
    </p>
  );
}

/** Why each day got its kind, closed until asked for. */
export function RunWeekReasons(props: { proposal: RunWeekProposal; weekStart: Weekday }) {
  const { proposal } = props;
  const days = orderedWeekdays(props.weekStart)
    .map((weekday) => ({
      weekday,
      reason: proposal.days.find((day) => day.weekday === weekday)?.reason ?? "",
    }))
    .filter((day) => day.reason.trim() !== "");
  if (days.length === 0 && proposal.notes.length === 0) return null;
  return (
    <details class="run-week-why" data-testid="run-week-reasons">
      <summary>Why these days</summary>
      <ul class="run-week-reasons">
        {days.map(({ weekday, reason }) => (
          <li key={weekday} data-testid={`run-week-reason-${weekday}`}>
            <strong>
              {WEEKDAY_NAME[weekday]}, {RUN_WORD[proposal.runWeek[weekday]].toLowerCase()}:
            </strong>{" "}
            {sentence(reason)}
          </li>
        ))}
        {proposal.notes.map((note) => (
          <li key={note}>{sentence(note)}</li>
        ))}
      </ul>
    </details>
  );
}
