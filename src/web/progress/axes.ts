/** The axes and scales every chart of the progress screen shares (uPlot options). */
import { formatLocalDate, MS_PER_DAY } from "../../core/units/local-date.js";
import { shortDate } from "../shared/dates.js";
import type { ChartColors } from "./chart.js";

const SECONDS_PER_DAY = MS_PER_DAY / 1000;
const FONT = "14px system-ui, sans-serif";

/** The day a chart time stands for ("24 Nov"), read in UTC as `chartTime` wrote it. */
export function chartDateLabel(time: number): string {
  return shortDate(formatLocalDate(Math.floor(time / SECONDS_PER_DAY)));
}

/**
 * Where the date labels go: on the charted days themselves (a label between two logged days
 * would name a day with nothing on it), as many as fit `width` pixels at `space` pixels a label
 * between `min` and `max`. The newest day always keeps its label: it is the one a runner looks for.
 */
export function dateTicks(
  times: readonly number[],
  min: number,
  max: number,
  width: number,
  space: number,
): number[] {
  const days = [...new Set(times)].filter((t) => t >= min && t <= max).sort((a, b) => a - b);
  const newest = days[days.length - 1];
  if (newest === undefined) return [];
  const span = max - min;
  const at = (t: number) => (span > 0 ? ((t - min) / span) * width : 0);
  const kept: number[] = [];
  for (const t of days) {
    const previous = kept[kept.length - 1];
    if (previous === undefined || at(t) - at(previous) >= space) kept.push(t);
  }
  // Make room for the newest day by giving up the label just before it.
  if (kept[kept.length - 1] !== newest) kept[kept.length - 1] = newest;
  return kept;
}

/** The time scale's range: the charted days padded by `days` on both sides (one day alone too). */
export function timeRange(times: readonly number[], days: number): [number, number] | null {
  if (times.length === 0) return null;
  const pad = days * SECONDS_PER_DAY;
  return [Math.min(...times) - pad, Math.max(...times) + pad];
}

interface AxisPlot {
  readonly width: number;
  readonly bbox?: { readonly width: number };
}

/** The plot area's width in CSS pixels (uPlot's bbox is in device pixels). */
function plotWidth(u: AxisPlot): number {
  const ratio = typeof devicePixelRatio === "number" && devicePixelRatio > 0 ? devicePixelRatio : 1;
  const box = u.bbox?.width ? u.bbox.width / ratio : 0;
  return box > 0 ? box : u.width;
}

const LABEL_SPACE = 72;

/** Dates along the bottom ("24 Nov"), at the charted days `times` (chart times, in order). */
export const dateAxis = (c: ChartColors, times: readonly number[]) => ({
  stroke: c.text,
  space: LABEL_SPACE,
  grid: { stroke: c.grid, width: 1 },
  ticks: { stroke: c.grid },
  splits: (u: AxisPlot, _axis: number, min: number, max: number) =>
    dateTicks(times, min, max, plotWidth(u), LABEL_SPACE),
  values: (u: { root?: HTMLElement }, splits: number[]) => {
    const labels = splits.map(chartDateLabel);
    // The labels are drawn on a canvas: say them on the chart's element for tools and tests.
    if (u.root) u.root.dataset.axisDates = labels.join(",");
    return labels;
  },
  font: FONT,
});

/**
 * A time axis over the charted days padded by `days` on both sides, so end points and bars are
 * not cut in half; from the days themselves, because uPlot's own range for one lone point is not
 * around it.
 */
export const timeScale = (days: number, times: readonly number[]) => ({
  time: true,
  range: (_u: unknown, min: number, max: number): [number, number] =>
    timeRange(times, days) ?? [min - days * SECONDS_PER_DAY, max + days * SECONDS_PER_DAY],
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
