import { useMemo, useState } from "preact/hooks";
import { api, type Checkin } from "../shared/api.js";
import { useExerciseNames } from "../shared/catalog.js";
import { daysBetween, shortDate, today as todayIn } from "../shared/dates.js";
import type { ApiError } from "../shared/http.js";
import { canLoad, useLogin } from "../shared/login.js";
import { TryAgain } from "../shared/try-again.js";
import { useLoad } from "../shared/use-load.js";
import { Chart } from "./chart.js";
import { exerciseChart, sorenessChart, workoutsChart } from "./log-charts.js";
import {
  exerciseSummary,
  exercisesByDays,
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

  const logged = workouts.data ?? [];
  const exercises = useMemo(() => exercisesByDays(logged), [logged]);
  const exercise = chosen && exercises.includes(chosen) ? chosen : (exercises[0] ?? null);
  const points = useMemo(
    () => (exercise ? pointsFor(logged, exercise, unit) : []),
    [logged, exercise, unit],
  );
  const loaded = points.some((point) => point.load !== null);

  const firstLogged = logged.map((w) => w.date).sort()[0];
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
        summary={workoutsSummary(logged.length, perWeek)}
        height={180}
        dataKey={`${weekStart}:${perWeek.map((w) => `${w.start}=${w.workouts}`).join(",")}`}
        build={workoutsChart(perWeek)}
      />

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
