/** The three charts of the log (uPlot specs): an exercise, workouts per week, soreness. */
import type { Checkin } from "../shared/api.js";
import { chartTime } from "../shared/dates.js";
import { dateAxis, fromZero, STILL, timeScale, valueAxis } from "./axes.js";
import type { ChartColors, ChartSpec, UPlot } from "./chart.js";
import type { Point, WeekCount } from "./log-series.js";

/** Load and estimated max of an exercise (reps for a bodyweight one). */
export const exerciseChart =
  (points: readonly Point[], loaded: boolean, unit: string) =>
  (_U: UPlot, c: ChartColors): ChartSpec => {
    const times = points.map((p) => chartTime(p.date));
    return {
      data: [
        times,
        points.map((p) => (loaded ? p.load : p.reps)),
        ...(loaded ? [points.map((p) => p.e1rm)] : []),
      ],
      options: {
        scales: { x: timeScale(1, times), y: fromZero(10) },
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
        axes: [dateAxis(c, times), valueAxis(c)],
        ...STILL,
      },
    };
  };

/** Bars of workouts per week against the goal of two. */
export const workoutsChart =
  (perWeek: readonly WeekCount[]) =>
  (U: UPlot, c: ChartColors): ChartSpec => {
    const bars = U.paths.bars?.({ size: [0.6, 40] });
    const times = perWeek.map((week) => chartTime(week.start));
    return {
      data: [times, perWeek.map((week) => week.workouts), perWeek.map(() => 2)],
      options: {
        scales: { x: timeScale(4, times), y: { range: [0, 3.5] } },
        series: [
          {},
          {
            label: "Workouts",
            stroke: c.accent,
            fill: c.accent,
            width: 0,
            ...(bars ? { paths: bars } : {}),
            points: { show: false },
          },
          { label: "Goal", stroke: c.goal, width: 2, dash: [6, 6], points: { show: false } },
        ],
        axes: [
          dateAxis(c, times),
          { ...valueAxis(c, 36), splits: () => [0, 1, 2, 3], values: (_u, v) => v.map(String) },
        ],
        ...STILL,
      },
    };
  };

/** Soreness the day after, against the protocol's "keep below 4". */
export const sorenessChart =
  (soreness: readonly Checkin[]) =>
  (_U: UPlot, c: ChartColors): ChartSpec => {
    const times = soreness.map((item) => chartTime(item.date));
    return {
      data: [times, soreness.map((item) => item.soreness), soreness.map(() => 4)],
      options: {
        scales: { x: timeScale(1, times), y: { range: [0, 10] } },
        series: [
          {},
          {
            label: "Soreness (0-10)",
            stroke: c.second,
            width: 3,
            points: { size: 10, fill: c.second, stroke: c.second },
          },
          {
            label: "Keep below 4",
            stroke: c.goal,
            width: 2,
            dash: [6, 6],
            points: { show: false },
          },
        ],
        axes: [
          dateAxis(c, times),
          {
            ...valueAxis(c, 36),
            splits: () => [0, 2, 4, 6, 8, 10],
            values: (_u, v) => v.map(String),
          },
        ],
        ...STILL,
      },
    };
  };
