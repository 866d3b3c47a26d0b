/** The axes and scales every chart of the progress screen shares (uPlot options). */
import { MS_PER_DAY } from "../../core/units/local-date.js";
import type { ChartColors } from "./chart.js";

const SECONDS_PER_DAY = MS_PER_DAY / 1000;
const FONT = "14px system-ui, sans-serif";

/** Days along the bottom ("24 Nov"). */
export const dateAxis = (c: ChartColors) => ({
  stroke: c.text,
  space: 72,
  grid: { stroke: c.grid, width: 1 },
  ticks: { stroke: c.grid },
  values: (_u: unknown, splits: number[]) =>
    splits.map((t) =>
      new Date(t * 1000).toLocaleDateString(undefined, { day: "numeric", month: "short" }),
    ),
  font: FONT,
});

/** A time axis padded by `days` on both sides, so end points and bars are not cut in half. */
export const timeScale = (days: number) => ({
  time: true,
  range: (_u: unknown, min: number, max: number): [number, number] => [
    min - days * SECONDS_PER_DAY,
    max + days * SECONDS_PER_DAY,
  ],
});

/** Values up the side, `size` pixels wide. */
export const valueAxis = (c: ChartColors, size = 48) => ({
  stroke: c.text,
  grid: { stroke: c.grid, width: 1 },
  ticks: { stroke: c.grid },
  size,
  font: FONT,
});

/** A scale from 0 to a little above the highest value, at least `least`. */
export const fromZero = (least: number) => ({
  range: (_u: unknown, _min: number, max: number): [number, number] => [
    0,
    Math.max(least, max * 1.15),
  ],
});

/** A second value axis on the right, for a line drawn over bars. */
export const rightAxis = (c: ChartColors, scale: string, size: number) => ({
  scale,
  side: 1,
  stroke: c.second,
  grid: { show: false },
  ticks: { stroke: c.grid },
  size,
  font: FONT,
});

export const STILL = {
  cursor: { drag: { x: false, y: false } },
  legend: { live: false },
} as const;
