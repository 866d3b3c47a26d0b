/**
 * The running part of /progress: distance and time per week for the last 12 weeks (a chart
 * and the same numbers in a table) and the recent imported activities, each deletable.
 */
import { useState } from "preact/hooks";
import { type ActivityView, running, type WeeklyRunning } from "../shared/api.js";
import { ConfirmDelete } from "../shared/confirm-delete.js";
import { addDays, chartTime, shortDate, today as todayIn } from "../shared/dates.js";
import type { ApiError } from "../shared/http.js";
import { canLoad, useLogin } from "../shared/login.js";
import {
  activityNumbers,
  activityTitle,
  durationText,
  kmText,
  startDateTime,
  weeklyRunningSummary,
} from "../shared/running.js";
import { TryAgain } from "../shared/try-again.js";
import { useLoad } from "../shared/use-load.js";
import { dateAxis, fromZero, rightAxis, STILL, timeScale, valueAxis } from "./axes.js";
import { Chart, type ChartColors, type ChartSpec, type UPlot } from "./chart.js";

const WEEKS = 12;
const RECENT = 20;

const km = (metres: number) => Math.round(metres / 100) / 10;
const hours = (seconds: number) => Math.round(seconds / 360) / 10;

function RecentActivity(props: {
  activity: ActivityView;
  timeZone: string | undefined;
  onDeleted: () => void;
}) {
  const { activity } = props;
  const [confirming, setConfirming] = useState(false);
  const [deleting, setDeleting] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const numbers = activityNumbers(activity);
  const title = activityTitle(activity);
  const when = startDateTime(activity.start, props.timeZone);

  const remove = async () => {
    setDeleting(true);
    setError(null);
    const result = await running.deleteActivity(activity.id);
    setDeleting(false);
    // Already gone (deleted on another phone) is what was asked for.
    if (result.ok || result.error.status === 404) props.onDeleted();
    else setError(result.error);
  };

  return (
    <li class="recent-activity" data-testid={`recent-activity-${activity.id}`}>
      <div class="recent-activity-text">
        <span class="recent-activity-title">{title}</span>
        <span class="recent-activity-when">{when}</span>
        {numbers ? <span class="recent-activity-numbers">{numbers}</span> : null}
      </div>
      {confirming ? (
        <ConfirmDelete
          question={
            <>
              Delete {title.toLowerCase()}, {when}? The plan forgets it too.
            </>
          }
          testId={`activity-delete-confirm-${activity.id}`}
          busy={deleting}
          onKeep={() => setConfirming(false)}
          onDelete={remove}
        />
      ) : (
        <button
          type="button"
          class="button danger-outline"
          data-testid={`activity-delete-${activity.id}`}
          aria-label={`Delete ${title}, ${when}`}
          onClick={() => setConfirming(true)}
        >
          Delete
        </button>
      )}
      {error ? (
        <p class="form-error" role="alert">
          {error.message}
        </p>
      ) : null}
    </li>
  );
}

export function RunningProgress() {
  const login = useLogin();
  const { profile } = login;
  const ready = canLoad(login);
  const today = todayIn(profile?.timezone);
  const weekly = useLoad(() => running.weekly(WEEKS), "weekly", ready);
  const recent = useLoad(
    () => running.activities(addDays(today, -365), today),
    `recent:${today}`,
    ready,
  );

  const weeks = weekly.data?.weeks ?? [];
  const items = [...(recent.data ?? [])].reverse().slice(0, RECENT);
  const reload = () => {
    weekly.reload();
    recent.reload();
  };

  return (
    <section class="stack running-progress" aria-labelledby="running-title">
      <h2 id="running-title" class="section-title">
        Your running
      </h2>
      {weekly.error && !weekly.data ? (
        <TryAgain message={weekly.error.message} onRetry={weekly.reload} />
      ) : null}
      {weekly.data ? (
        <Chart
          testId="running-chart"
          title="Distance and time per week"
          summary={weeklyRunningSummary(weeks, today)}
          height={200}
          dataKey={weeks.map((w) => `${w.start}=${w.distanceM}/${w.movingS}`).join(",")}
          build={runningChart(weeks)}
          empty={!weeks.some((week) => week.runs > 0)}
          data={{ "data-km": weeks.map((week) => km(week.distanceM)).join(",") }}
        >
          <RunningTable weeks={weeks} />
        </Chart>
      ) : null}

      <div class="card stack" data-testid="recent-activities">
        <h2>Recent activities</h2>
        {recent.loading && !recent.data ? <p class="loading">Loading your activities…</p> : null}
        {recent.error && !recent.data ? (
          <p class="form-error" role="alert">
            {recent.error.message}
          </p>
        ) : null}
        {recent.data && items.length === 0 ? (
          <p>
            Nothing imported in the last year. <a href="/import">Import your runs</a> from your
            watch or app.
          </p>
        ) : null}
        {items.length > 0 ? (
          <ul class="recent-list">
            {items.map((activity) => (
              <RecentActivity
                key={activity.id}
                activity={activity}
                timeZone={profile?.timezone}
                onDeleted={reload}
              />
            ))}
          </ul>
        ) : null}
        <a class="button block" href="/import">
          Import more
        </a>
      </div>
    </section>
  );
}

/** Distance per week as bars, time as a line on its own scale. */
const runningChart =
  (weeks: readonly WeeklyRunning[]) =>
  (U: UPlot, c: ChartColors): ChartSpec => {
    const bars = U.paths.bars?.({ size: [0.6, 40] });
    const times = weeks.map((week) => chartTime(week.start));
    return {
      data: [
        times,
        weeks.map((week) => km(week.distanceM)),
        weeks.map((week) => hours(week.movingS)),
      ],
      options: {
        scales: { x: timeScale(4, times), km: fromZero(10), h: fromZero(1) },
        series: [
          {},
          {
            label: "Distance (km)",
            scale: "km",
            stroke: c.accent,
            fill: c.accent,
            width: 0,
            ...(bars ? { paths: bars } : {}),
            points: { show: false },
          },
          {
            label: "Time (h)",
            scale: "h",
            stroke: c.second,
            width: 3,
            points: { size: 8, fill: c.surface, stroke: c.second },
          },
        ],
        axes: [dateAxis(c, times), { ...valueAxis(c, 44), scale: "km" }, rightAxis(c, "h", 36)],
        ...STILL,
      },
    };
  };

/** The running chart's numbers as a table, collapsed. */
function RunningTable(props: { weeks: readonly WeeklyRunning[] }) {
  const { weeks } = props;
  return (
    <details class="numbers">
      <summary>See the numbers</summary>
      <table data-testid="running-table">
        <caption class="visually-hidden">Running per week, oldest first</caption>
        <thead>
          <tr>
            <th scope="col">Week of</th>
            <th scope="col">Runs</th>
            <th scope="col">Distance</th>
            <th scope="col">Time</th>
          </tr>
        </thead>
        <tbody>
          {weeks.map((week) => (
            <tr key={week.start}>
              <td>{shortDate(week.start)}</td>
              <td>{week.runs}</td>
              <td>{kmText(week.distanceM)}</td>
              <td>{week.movingS > 0 ? durationText(week.movingS) : "–"}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </details>
  );
}
