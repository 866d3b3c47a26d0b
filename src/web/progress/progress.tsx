import { useMemo, useState } from "preact/hooks";
import { estimatedOneRepMax } from "../../core/progression/e1rm.js";
import { convertWeight } from "../../core/units/weight.js";
import { api, type Checkin, type Workout } from "../shared/api.js";
import { useExerciseNames } from "../shared/catalog.js";
import {
  addDays,
  chartTime,
  daysBetween,
  shortDate,
  today as todayIn,
  WEEKDAYS,
  type Weekday,
  weekdayOfDate,
} from "../shared/dates.js";
import { canLoad, useLogin } from "../shared/login.js";
import { useLoad } from "../shared/use-load.js";
import { plural } from "../shared/words.js";
import { Chart, type ChartColors, type ChartSpec, type UPlot } from "./chart.js";
import { RunningProgress } from "./running-progress.js";

interface Point {
  readonly date: string;
  /** The first set's load in the athlete's unit; null for a bodyweight exercise. */
  readonly load: number | null;
  readonly reps: number;
  /** The day's best estimated one-rep max (null without a load). */
  readonly e1rm: number | null;
}

const round1 = (value: number) => Math.round(value * 10) / 10;

function pointsFor(workouts: readonly Workout[], exercise: string, unit: "kg" | "lb"): Point[] {
  const points: Point[] = [];
  for (const workout of [...workouts].sort((a, b) => a.date.localeCompare(b.date))) {
    const sets = workout.sets.filter((set) => set.exercise === exercise);
    const first = sets[0];
    if (!first) continue;
    const loadOf = (set: (typeof sets)[number]) =>
      set.load ? convertWeight(set.load, unit).value : null;
    const best = sets.reduce<number | null>((top, set) => {
      const load = loadOf(set);
      if (load === null) return top;
      const e1rm = estimatedOneRepMax(load, set.reps, set.rir);
      return top === null || e1rm > top ? e1rm : top;
    }, null);
    const load = loadOf(first);
    points.push({
      date: workout.date,
      load: load === null ? null : round1(load),
      reps: first.reps,
      e1rm: best === null ? null : round1(best),
    });
  }
  return points;
}

function weekStartOf(date: string, weekStart: Weekday): string {
  const offset = (WEEKDAYS.indexOf(weekdayOfDate(date)) - WEEKDAYS.indexOf(weekStart) + 7) % 7;
  return addDays(date, -offset);
}

/** Sessions (days with a logged workout) in each of the last `count` weeks, oldest first. */
function sessionsPerWeek(
  workouts: readonly Workout[],
  today: string,
  weekStart: Weekday,
  count: number,
): { start: string; sessions: number }[] {
  const current = weekStartOf(today, weekStart);
  const days = new Set(workouts.map((workout) => workout.date));
  return Array.from({ length: count }, (_, index) => {
    const start = addDays(current, -7 * (count - 1 - index));
    let sessions = 0;
    for (let day = 0; day < 7; day++) if (days.has(addDays(start, day))) sessions++;
    return { start, sessions };
  });
}

const dateAxis = (c: ChartColors) => ({
  stroke: c.text,
  space: 72,
  grid: { stroke: c.grid, width: 1 },
  ticks: { stroke: c.grid },
  values: (_u: unknown, splits: number[]) =>
    splits.map((t) =>
      new Date(t * 1000).toLocaleDateString(undefined, { day: "numeric", month: "short" }),
    ),
  font: "14px system-ui, sans-serif",
});

/** A time axis padded by `days` on both sides, so end points and bars are not cut in half. */
const timeScale = (days: number) => ({
  time: true,
  range: (_u: unknown, min: number, max: number): [number, number] => [
    min - days * 86_400,
    max + days * 86_400,
  ],
});

const valueAxis = (c: ChartColors, size = 48) => ({
  stroke: c.text,
  grid: { stroke: c.grid, width: 1 },
  ticks: { stroke: c.grid },
  size,
  font: "14px system-ui, sans-serif",
});

/** /progress: loads and estimated max per exercise, sessions per week, soreness. */
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
  const exercises = useMemo(() => {
    const days = new Map<string, number>();
    for (const workout of logged) {
      for (const id of new Set(workout.sets.map((set) => set.exercise))) {
        days.set(id, (days.get(id) ?? 0) + 1);
      }
    }
    return [...days.entries()].sort((a, b) => b[1] - a[1]).map(([id]) => id);
  }, [logged]);
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
    () => sessionsPerWeek(logged, today, weekStart, weeksShown),
    [logged, today, weekStart, weeksShown],
  );
  const soreness: readonly Checkin[] = useMemo(
    () => [...(checkins.data ?? [])].sort((a, b) => a.date.localeCompare(b.date)),
    [checkins.data],
  );

  if (workouts.loading && !workouts.data) {
    return (
      <section class="screen progress">
        <h1>Progress</h1>
        <p class="loading">Loading your log…</p>
      </section>
    );
  }
  if (workouts.error && !workouts.data) {
    return (
      <section class="screen progress">
        <h1>Progress</h1>
        <div class="card notice" role="alert">
          <p>{workouts.error.message}</p>
          <button type="button" class="button" onClick={workouts.reload}>
            Try again
          </button>
        </div>
      </section>
    );
  }

  const name = exercise ? nameOf(exercise) : "";
  const firstPoint = points[0];
  const lastPoint = points[points.length - 1];
  const exerciseSummary =
    !firstPoint || !lastPoint
      ? "Log a session to see your loads here."
      : loaded
        ? points.length === 1
          ? `${name}: ${firstPoint.load ?? "no"} ${unit} on ${shortDate(firstPoint.date)}, estimated max ${firstPoint.e1rm ?? "–"} ${unit}.`
          : `${name}: ${firstPoint.load ?? "–"} ${unit} on ${shortDate(firstPoint.date)}, ${lastPoint.load ?? "–"} ${unit} on ${shortDate(lastPoint.date)}; estimated max ${firstPoint.e1rm ?? "–"} → ${lastPoint.e1rm ?? "–"} ${unit}, over ${plural(points.length, "session")}.`
        : `${name} (body weight): ${firstPoint.reps} reps on ${shortDate(firstPoint.date)}, ${lastPoint.reps} reps on ${shortDate(lastPoint.date)}.`;

  const recent = perWeek.slice(-4);
  const kept = recent.filter((week) => week.sessions >= 2).length;
  const sessionsSummary =
    logged.length === 0
      ? "No sessions logged yet. Two a week is the goal."
      : `Goal: two a week. You reached it in ${kept} of the last ${recent.length} weeks; this week so far: ${perWeek[perWeek.length - 1]?.sessions ?? 0}.`;

  const lastSore = soreness[soreness.length - 1];
  const recentSore = soreness.slice(-4);
  const average = recentSore.length
    ? round1(recentSore.reduce((sum, c) => sum + c.soreness, 0) / recentSore.length)
    : 0;
  const sorenessSummary = !lastSore
    ? "No check-ins yet. After a session, tell us how sore you are the next day."
    : `Last check-in ${shortDate(lastSore.date)}: ${lastSore.soreness} of 10. Average of the last ${plural(recentSore.length, "check-in")}: ${average}. Below 4 is where it should be.`;

  const exerciseChart = (_U: UPlot, c: ChartColors): ChartSpec => ({
    data: [
      points.map((p) => chartTime(p.date)),
      points.map((p) => (loaded ? p.load : p.reps)),
      ...(loaded ? [points.map((p) => p.e1rm)] : []),
    ],
    options: {
      scales: {
        x: timeScale(1),
        y: { range: (_u, _min, max) => [0, Math.max(10, max * 1.15)] },
      },
      series: [
        {},
        {
          label: loaded ? `Load (${unit})` : "Reps",
          stroke: c.accent,
          width: 3,
          points: { size: 10, fill: c.accent, stroke: c.accent },
        },
        ...(loaded
          ? [
              {
                label: `Estimated max (${unit})`,
                stroke: c.second,
                width: 2,
                dash: [8, 5],
                points: { size: 8, fill: c.surface, stroke: c.second },
              },
            ]
          : []),
      ],
      axes: [dateAxis(c), valueAxis(c)],
      cursor: { drag: { x: false, y: false } },
      legend: { live: false },
    },
  });

  const sessionsChart = (U: UPlot, c: ChartColors): ChartSpec => {
    const bars = U.paths.bars?.({ size: [0.6, 40] });
    return {
      data: [
        perWeek.map((week) => chartTime(week.start)),
        perWeek.map((week) => week.sessions),
        perWeek.map(() => 2),
      ],
      options: {
        scales: { x: timeScale(4), y: { range: [0, 3.5] } },
        series: [
          {},
          {
            label: "Sessions",
            stroke: c.accent,
            fill: c.accent,
            width: 0,
            ...(bars ? { paths: bars } : {}),
            points: { show: false },
          },
          { label: "Goal", stroke: c.goal, width: 2, dash: [6, 6], points: { show: false } },
        ],
        axes: [
          dateAxis(c),
          { ...valueAxis(c, 36), splits: () => [0, 1, 2, 3], values: (_u, v) => v.map(String) },
        ],
        cursor: { drag: { x: false, y: false } },
        legend: { live: false },
      },
    };
  };

  const sorenessChart = (_U: UPlot, c: ChartColors): ChartSpec => ({
    data: [
      soreness.map((item) => chartTime(item.date)),
      soreness.map((item) => item.soreness),
      soreness.map(() => 4),
    ],
    options: {
      scales: { x: timeScale(1), y: { range: [0, 10] } },
      series: [
        {},
        {
          label: "Soreness (0-10)",
          stroke: c.second,
          width: 3,
          points: { size: 10, fill: c.second, stroke: c.second },
        },
        { label: "Keep below 4", stroke: c.goal, width: 2, dash: [6, 6], points: { show: false } },
      ],
      axes: [
        dateAxis(c),
        {
          ...valueAxis(c, 36),
          splits: () => [0, 2, 4, 6, 8, 10],
          values: (_u, v) => v.map(String),
        },
      ],
      cursor: { drag: { x: false, y: false } },
      legend: { live: false },
    },
  });

  return (
    <section class="screen progress" aria-labelledby="progress-title">
      <h1 id="progress-title">Progress</h1>
      <p class="lead">Loads going up, two sessions a week, soreness low: that is the aim.</p>

      <label class="field">
        <span class="field-label">Exercise</span>
        <select
          data-testid="progress-exercise"
          value={exercise ?? ""}
          disabled={exercises.length === 0}
          onChange={(event) => setChosen(event.currentTarget.value)}
        >
          {exercises.length === 0 ? <option value="">Nothing logged yet</option> : null}
          {exercises.map((id) => (
            <option key={id} value={id}>
              {nameOf(id)}
            </option>
          ))}
        </select>
      </label>

      <Chart
        testId="progress-chart"
        title={loaded ? "Load and estimated max" : "Reps"}
        summary={exerciseSummary}
        dataKey={`${exercise}:${unit}:${points.map((p) => `${p.date}=${p.load}/${p.reps}`).join(",")}`}
        build={exerciseChart}
        data={{
          "data-exercise": exercise ?? "",
          "data-loads": points.map((p) => p.load ?? "").join(","),
        }}
      >
        {points.length > 0 ? (
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
              Estimated max: what you could lift once, worked out from your reps and the reps left
              in the tank.
            </p>
          </details>
        ) : null}
      </Chart>

      <Chart
        testId="sessions-chart"
        title="Sessions per week"
        summary={sessionsSummary}
        height={180}
        dataKey={`${weekStart}:${perWeek.map((w) => `${w.start}=${w.sessions}`).join(",")}`}
        build={sessionsChart}
      />

      <Chart
        testId="soreness-chart"
        title="Soreness the next day"
        summary={sorenessSummary}
        height={180}
        dataKey={soreness.map((c) => `${c.date}=${c.soreness}`).join(",")}
        build={sorenessChart}
        empty={soreness.length === 0}
      />

      <RunningProgress />
    </section>
  );
}
