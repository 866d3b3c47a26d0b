/**
 * What was really done on a day of the week, from the imported activities: the runs and rides,
 * a run that was not the one planned, and strength work that counts toward the week's two.
 */
import type { PlannedDay, PlannedWeek } from "../shared/api.js";
import {
  activityNumbers,
  activityTitle,
  dayRunning,
  durationText,
  kmText,
  startTime,
  weekRunning,
} from "../shared/running.js";
import { plural, RUN_WORD, type RunWord } from "../shared/words.js";

/** "a long run", "an easy run", "a rest day". */
function withArticle(run: string): string {
  const word = (RUN_WORD[run as RunWord] ?? run).toLowerCase();
  return /^[aeiou]/.test(word) ? `an ${word}` : `a ${word}`;
}

export function DayActivities(props: { day: PlannedDay; timeZone: string | undefined }) {
  const { day } = props;
  const done = dayRunning(day);
  const changed =
    done.plannedRun !== null && done.activities.length > 0 && done.plannedRun !== day.run;
  if (done.activities.length === 0 && !done.importedStrength && !changed) return null;
  return (
    <div class="day-done">
      {changed && done.plannedRun ? (
        <p class="run-changed" data-testid={`run-changed-${day.date}`}>
          <strong>Not as planned:</strong> {withArticle(done.plannedRun)} was planned, you ran{" "}
          {withArticle(day.run)}. The plan counts what you ran.
        </p>
      ) : null}
      {done.activities.length > 0 ? (
        <ul class="day-activities" data-testid={`day-activities-${day.date}`}>
          {done.activities.map((activity, index) => {
            const numbers = activityNumbers(activity);
            const time = startTime(activity.start, props.timeZone);
            return (
              <li
                key={activity.id ?? `${activity.start}:${index}`}
                class={`day-activity sport-${activity.sport}`}
                data-testid={`activity-${activity.id ?? `${day.date}-${index}`}`}
                data-sport={activity.sport}
                data-effort={activity.effort ?? ""}
              >
                <span class="day-activity-title">
                  {activityTitle(activity)}
                  <span class="tag tag-done">Done</span>
                </span>
                <span class="day-activity-numbers">
                  {[time, numbers].filter(Boolean).join(" · ")}
                </span>
              </li>
            );
          })}
        </ul>
      ) : null}
      {done.importedStrength ? (
        <p class="imported-strength" data-testid={`imported-strength-${day.date}`}>
          <strong>Strength done</strong> (imported): it counts as one of this week's two sessions.
        </p>
      ) : null}
    </div>
  );
}

/** The week's running in one line, or a way to bring the runs in when there are none. */
export function WeekRunning(props: { week: PlannedWeek }) {
  const totals = weekRunning(props.week);
  if (!totals) return null;
  const strength = props.week.days.filter((day) => dayRunning(day).importedStrength).length;
  if (totals.runs === 0) {
    return (
      <p class="card week-running is-empty" data-testid="week-running">
        No runs recorded this week.{" "}
        <a href="/import" data-testid="week-import-link">
          Import them from your watch or app
        </a>{" "}
        and the plan sees what you really ran.
      </p>
    );
  }
  return (
    <div class="card week-running" data-testid="week-running">
      <p class="week-running-totals">
        <strong>Running:</strong> {plural(totals.runs, "run")} · {kmText(totals.distanceM)} ·{" "}
        {durationText(totals.movingS)}
      </p>
      {strength > 0 ? (
        <p class="hint">
          Imported strength: {plural(strength, "session")}, counted toward this week's two.
        </p>
      ) : null}
    </div>
  );
}
