import { useEffect, useMemo, useRef, useState } from "preact/hooks";
import { api, type Checkin } from "../shared/api.js";
import { useExerciseNames } from "../shared/catalog.js";
import { daysBetween, shortDate, today as todayIn } from "../shared/dates.js";
import type { ApiError } from "../shared/http.js";
import { canLoad, knownAccountId, useLogin } from "../shared/login.js";
import type { OutboxItem } from "../shared/outbox/types.js";
import { useOutboxRead } from "../shared/outbox/use-outbox.js";
import { TryAgain } from "../shared/try-again.js";
import { useLoad } from "../shared/use-load.js";
import { Chart } from "./chart.js";
import { historyOf } from "./history.js";
import { WorkoutHistory } from "./history-list.js";
import { exerciseChart, sorenessChart, workoutsChart } from "./log-charts.js";
import {
  exerciseSummary,
  exercisesByDays,
  localDayOf,
  type Point,
  pointsFor,
  sorenessSummary,
  workoutsPerWeek,
  workoutsSummary,
} from "./log-series.js";
import { RunningProgress } from "./running-progress.js";

/** /progress: loads and estimated max per exercise, workouts per week, soreness, running. */
// Over 80 lines: the charts share one loaded log and the chosen exercise; mostly markup.
export function Progress() {
  const login = useLogin();
  const { profile } = login;
  const ready = canLoad(login);
  const unit = profile?.units ?? "kg";
  const weekStart = profile?.weekStart ?? "mon";
  const today = todayIn(profile?.timezone);
  const nameOf = useExerciseNames();
  const workouts = useLoad(() => api.workouts(), "workouts", ready);
  const checkins = useLoad(() => api.checkins(), "checkins", ready);
  const [chosen, setChosen] = useState<string | null>(null);

  const owner = knownAccountId();
  const waiting = useOwnOutbox(owner, workouts.reload);
  const logged = useMemo(() => historyOf(workouts.data ?? [], waiting), [workouts.data, waiting]);
  const exercises = useMemo(() => exercisesByDays(logged), [logged]);
  const exercise = chosen && exercises.includes(chosen) ? chosen : (exercises[0] ?? null);
  const points = useMemo(
    () => (exercise ? pointsFor(logged, exercise, unit, profile?.increments) : []),
    [logged, exercise, unit, profile?.increments],
  );
  const loaded = points.some((point) => point.load !== null);

  const firstLogged = logged.map((w) => w.date).sort()[0];
  const signedUp = login.account ? localDayOf(login.account.createdAt, profile?.timezone) : null;
  const began = [signedUp, firstLogged].filter((day): day is string => Boolean(day)).sort()[0];
  const weeksShown = firstLogged
    ? Math.min(26, Math.max(6, Math.ceil(daysBetween(firstLogged, today) / 7) + 1))
    : 6;
  const perWeek = useMemo(
    () => workoutsPerWeek(logged, today, weekStart, weeksShown),
    [logged, today, weekStart, weeksShown],
  );
  const soreness: readonly Checkin[] = useMemo(
    () => [...(checkins.data ?? [])].sort((a, b) => a.date.localeCompare(b.date)),
    [checkins.data],
  );

  if (!workouts.data)
    return <LogMissing loading={workouts.loading} error={workouts.error} retry={workouts.reload} />;

  const name = exercise ? nameOf(exercise) : "";

  return (
    <section class="screen progress" aria-labelledby="progress-title">
      <h1 id="progress-title">Progress</h1>
      <p class="lead">Loads going up, two workouts a week, soreness low: that is the aim.</p>

      <ExercisePicker
        exercises={exercises}
        chosen={exercise}
        nameOf={nameOf}
        onChoose={setChosen}
      />

      <Chart
        testId="progress-chart"
        title={loaded ? "Load and estimated max" : "Reps"}
        summary={exerciseSummary(name, points, unit)}
        dataKey={`${exercise}:${unit}:${points.map((p) => `${p.date}=${p.load}/${p.reps}`).join(",")}`}
        build={exerciseChart(points, loaded, unit)}
        data={{
          "data-exercise": exercise ?? "",
          "data-loads": points.map((p) => p.load ?? "").join(","),
        }}
      >
        {points.length > 0 ? <ExerciseNumbers points={points} loaded={loaded} unit={unit} /> : null}
      </Chart>

      <Chart
        testId="sessions-chart"
        title="Workouts per week"
        summary={workoutsSummary(logged.length, perWeek, began ?? null)}
        height={180}
        dataKey={`${weekStart}:${perWeek.map((w) => `${w.start}=${w.workouts}`).join(",")}`}
        build={workoutsChart(perWeek)}
      />

      <WorkoutHistory workouts={logged} owner={owner} nameOf={nameOf} />

      <Chart
        testId="soreness-chart"
        title="Soreness the next day"
        summary={sorenessSummary(soreness)}
        height={180}
        dataKey={soreness.map((c) => `${c.date}=${c.soreness}`).join(",")}
        build={sorenessChart(soreness)}
        empty={soreness.length === 0}
      />

      <RunningProgress />
    </section>
  );
}

/** The exercise chart's numbers as a table, collapsed. */
function ExerciseNumbers(props: { points: readonly Point[]; loaded: boolean; unit: string }) {
  const { points, loaded, unit } = props;
  return (
    <details class="numbers">
      <summary>See the numbers</summary>
      <table>
        <thead>
          <tr>
            <th scope="col">Day</th>
            <th scope="col">{loaded ? `Load (${unit})` : "Reps"}</th>
            {loaded ? <th scope="col">Estimated max ({unit})</th> : null}
          </tr>
        </thead>
        <tbody>
          {points.map((point) => (
            <tr key={point.date}>
              <td>{shortDate(point.date)}</td>
              <td>{loaded ? (point.load ?? "–") : point.reps}</td>
              {loaded ? <td>{point.e1rm ?? "–"}</td> : null}
            </tr>
          ))}
        </tbody>
      </table>
      <p class="hint">
        Estimated max: what you could lift once, worked out from your reps and the reps left in the
        tank.
      </p>
    </details>
  );
}

/** While the log loads, or why it did not. */
function LogMissing(props: { loading: boolean; error: ApiError | null; retry: () => void }) {
  return (
    <section class="screen progress">
      <h1>Progress</h1>
      {props.error && !props.loading ? (
        <TryAgain message={props.error.message} onRetry={props.retry} />
      ) : (
        <p class="loading">Loading your log…</p>
      )}
    </section>
  );
}

function ExercisePicker(props: {
  exercises: readonly string[];
  chosen: string | null;
  nameOf: (id: string) => string;
  onChoose: (id: string) => void;
}) {
  const { exercises } = props;
  return (
    <label class="field">
      <span class="field-label">Exercise</span>
      <select
        data-testid="progress-exercise"
        value={props.chosen ?? ""}
        disabled={exercises.length === 0}
        onChange={(event) => props.onChoose(event.currentTarget.value)}
      >
        {exercises.length === 0 ? <option value="">Nothing logged yet</option> : null}
        {exercises.map((id) => (
          <option key={id} value={id}>
            {props.nameOf(id)}
          </option>
        ))}
      </select>
    </label>
  );
}

/**
 * The account's items in the outbox (finished workouts and corrections not sent yet), read
 * again on every change; when one leaves (sent), the log is loaded again so that the screen
 * shows what the server now holds.
 */
function useOwnOutbox(owner: string | null, reload: () => void): readonly OutboxItem[] {
  const items = useOutboxRead((outbox) => outbox.items(), [] as OutboxItem[], owner ?? "");
  const own = useMemo(() => items.filter((item) => item.owner === owner), [items, owner]);
  const ids = own.map((item) => item.id);
  const before = useRef<readonly string[]>(ids);
  const key = ids.join(",");
  useEffect(() => {
    const sent = before.current.some((id) => !ids.includes(id));
    before.current = ids;
    if (sent) reload();
  }, [key]);
  return own;
}
