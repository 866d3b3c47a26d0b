/** What the plan says of the week as a whole: the tally, the day-later banner, dropped changes, notes. */
import type { DayLater, PlannedWeek } from "../shared/api.js";
import { dayAndDate, humanDates } from "../shared/dates.js";
import { idToName } from "../shared/words.js";
import { missedWhy, RULE_IDS } from "./week-words.js";

/** "1 of 2 done", then what is still to do or what was missed and why. */
export function WeekTally(props: { week: PlannedWeek }) {
  const { week } = props;
  // Older servers send none of these: say nothing rather than something false.
  if (typeof week.target !== "number" || typeof week.done !== "number") return null;
  const parts: string[] = [`${week.done} of ${week.target} done`];
  const planned = Math.max(0, (week.owed ?? 0) - (week.missed ?? 0));
  if (planned > 0 && week.done < week.target) parts.push(`${planned} to go`);
  return (
    <div class="card week-tally" data-testid="week-tally">
      <p class="week-tally-count">
        <strong>Strength sessions:</strong> {parts.join(" · ")}
      </p>
      {week.missed > 0 ? (
        <p class="week-missed" data-testid="week-missed">
          <strong>{week.missed} missed</strong>
          {week.missedReason ? `: ${missedWhy(week.missedReason)}` : "."}
        </p>
      ) : null}
    </div>
  );
}

/** The plan's notes of the week, in plain words. */
export function WeekNotes(props: { notes: readonly string[] }) {
  if (props.notes.length === 0) return null;
  return (
    <ul class="notes" data-testid="week-notes">
      {props.notes.map((note) => (
        <li key={note}>{humanDates(note.replace(RULE_IDS, ""))}</li>
      ))}
    </ul>
  );
}

/** The moves and swaps of this week that a later change made unfit, each with why. */
export function DroppedChanges(props: { week: PlannedWeek }) {
  const dropped = props.week.dropped ?? [];
  if (dropped.length === 0) return null;
  return (
    <div class="card dropped" data-testid="week-dropped">
      <h2 class="dropped-title">No longer applied</h2>
      <ul>
        {dropped.map((change) => (
          <li
            key={change.id ?? JSON.stringify(change)}
            data-testid={`dropped-${change.kind}-${change.kind === "move" ? change.from : change.date}`}
          >
            {change.kind === "move"
              ? `Your move from ${dayAndDate(change.from)} to ${dayAndDate(change.to)}: `
              : `Your swap of ${idToName(change.exercise)} for ${idToName(change.with)} on ${dayAndDate(change.date)}: `}
            {humanDates(change.reason.replace(RULE_IDS, ""))}
          </li>
        ))}
      </ul>
    </div>
  );
}

/** The day-later note as a banner above the week, with what the rule did in `data-outcome`. */
export function DayLaterBanner(props: { dayLater: DayLater; note: string }) {
  return (
    <p class="card day-later" data-testid="day-later" data-outcome={props.dayLater.outcome}>
      {humanDates(props.note.replace(RULE_IDS, ""))}
    </p>
  );
}
