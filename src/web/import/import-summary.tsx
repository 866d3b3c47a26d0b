/** The end of an import: how many came in, how many were already there, what failed and why. */
import type { ImportJob, ReportedActivity } from "../shared/api.js";
import { activityNumbers, activityTitle, startDateTime } from "../shared/running.js";
import { plural } from "../shared/words.js";

/** A long history lists thousands of activities; the page shows the first of them. */
const SHOWN = 200;

function ActivityRow(props: { activity: ReportedActivity; timeZone: string | undefined }) {
  const { activity } = props;
  const numbers = activityNumbers(activity);
  return (
    <li class="import-activity">
      <span class="import-activity-title">{activityTitle(activity)}</span>
      <span class="import-activity-when">
        {startDateTime(activity.start, props.timeZone)}
        {numbers ? ` · ${numbers}` : ""}
      </span>
      <span class="source">{activity.source}</span>
      {activity.warnings.length > 0 ? (
        <details class="warnings" data-testid="import-warnings">
          <summary>{plural(activity.warnings.length, "warning")}</summary>
          <ul>
            {activity.warnings.map((warning) => (
              <li key={warning}>{warning}</li>
            ))}
          </ul>
        </details>
      ) : null}
    </li>
  );
}

function More(props: { total: number }) {
  return props.total > SHOWN ? (
    <li class="hint">and {plural(props.total - SHOWN, "more")}</li>
  ) : null;
}

// Over 80 lines: markup only, the summary read top to bottom as the athlete sees it.
export function ImportSummary(props: { job: ImportJob; timeZone: string | undefined }) {
  const { job } = props;
  const report = job.report;
  const counts = job.counts;
  const failed = report?.failed ?? [];
  const imported = report?.imported ?? [];
  const duplicates = report?.duplicates ?? [];
  const warned = imported.filter((activity) => activity.warnings.length > 0).length;

  return (
    <section
      class="card stack import-summary"
      data-testid="import-summary"
      aria-labelledby="import-summary-title"
    >
      <h2 id="import-summary-title">
        {job.status === "failed" ? "The import stopped" : "Import finished"}
      </h2>
      {job.status === "failed" && job.error ? (
        <p class="form-error" data-testid="import-job-error">
          {job.error}
        </p>
      ) : null}
      <dl class="import-counts">
        <div class="import-count is-good">
          <dt>Imported</dt>
          <dd data-testid="import-imported">{counts.imported}</dd>
        </div>
        <div class="import-count">
          <dt>Already there</dt>
          <dd data-testid="import-duplicates">{counts.duplicates}</dd>
        </div>
        <div class={`import-count${counts.failed > 0 ? " is-bad" : ""}`}>
          <dt>Failed</dt>
          <dd data-testid="import-failed">{counts.failed}</dd>
        </div>
      </dl>
      {counts.duplicates > 0 ? (
        <p class="hint">
          Already there: the same activity was stored before (from this or another file), so it was
          not stored twice.
        </p>
      ) : null}

      {failed.length > 0 ? (
        <div class="stack">
          <h3>{failed.length === 1 ? "This file" : "These files"} could not be read</h3>
          <ul class="import-failed-list" data-testid="import-failed-list">
            {failed.slice(0, SHOWN).map((item) => (
              <li key={`${item.source}:${item.error}`}>
                <span class="source">{item.source}</span>
                <span>{item.error}</span>
              </li>
            ))}
            <More total={failed.length} />
          </ul>
          <p class="hint">The other files were imported all the same.</p>
        </div>
      ) : null}

      {imported.length > 0 ? (
        <details class="import-list" data-testid="import-activities">
          <summary>
            See the {plural(imported.length, "imported activity", "imported activities")}
            {warned > 0 ? ` (${warned} with warnings)` : ""}
          </summary>
          <ul>
            {imported.slice(0, SHOWN).map((activity, index) => (
              <ActivityRow
                key={activity.id ?? `${activity.source}:${index}`}
                activity={activity}
                timeZone={props.timeZone}
              />
            ))}
            <More total={imported.length} />
          </ul>
        </details>
      ) : null}

      {duplicates.length > 0 ? (
        <details class="import-list" data-testid="import-duplicate-list">
          <summary>
            See the {plural(duplicates.length, "activity", "activities")} already there
          </summary>
          <ul>
            {duplicates.slice(0, SHOWN).map((activity, index) => (
              <ActivityRow
                key={`${activity.source}:${index}`}
                activity={activity}
                timeZone={props.timeZone}
              />
            ))}
            <More total={duplicates.length} />
          </ul>
        </details>
      ) : null}

      {counts.imported > 0 ? (
        <a class="button block" href="/" data-testid="import-see-week">
          See your week
        </a>
      ) : null}
    </section>
  );
}
