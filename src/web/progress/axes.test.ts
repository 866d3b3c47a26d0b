import { describe, expect, it } from "vitest";
import { chartTime, shortDate } from "../shared/dates.js";
import { chartDateLabel, dateTicks, timeRange } from "./axes.js";

const DAY = 86_400;

describe("the date axis", () => {
  const logged = ["2026-11-23", "2026-11-26", "2026-11-30"].map(chartTime);

  it("labels the logged days themselves, each with its own date", () => {
    const [min, max] = timeRange(logged, 1) ?? [0, 0];
    const ticks = dateTicks(logged, min, max, 320, 72);
    expect(ticks).toEqual(logged);
    // In the runtime's own locale ("23 Nov" in en-GB, "Nov 23" in en-US): the logged days, each
    // its own, never one date three times.
    expect(ticks.map(chartDateLabel)).toEqual(
      ["2026-11-23", "2026-11-26", "2026-11-30"].map(shortDate),
    );
    expect(new Set(ticks.map(chartDateLabel)).size).toBe(3);
  });

  it("puts one lone workout in the middle of its axis, labelled with its day", () => {
    const one = [chartTime("2026-12-02")];
    const range = timeRange(one, 1);
    expect(range).toEqual([(one[0] ?? 0) - DAY, (one[0] ?? 0) + DAY]);
    const [min, max] = range ?? [0, 0];
    expect(dateTicks(one, min, max, 320, 72).map(chartDateLabel)).toEqual([
      shortDate("2026-12-02"),
    ]);
  });

  it("leaves out labels that would overlap, but never the newest day", () => {
    const days = Array.from({ length: 26 }, (_, week) => chartTime("2026-06-01") + week * 7 * DAY);
    const [min, max] = timeRange(days, 4) ?? [0, 0];
    const ticks = dateTicks(days, min, max, 300, 72);
    expect(ticks.length).toBeLessThanOrEqual(Math.floor(300 / 72) + 1);
    expect(ticks.length).toBeGreaterThan(1);
    expect(ticks[ticks.length - 1]).toBe(days[days.length - 1]);
    expect(ticks[0]).toBe(days[0]);
    const at = (t: number) => ((t - min) / (max - min)) * 300;
    for (let i = 1; i < ticks.length; i++) {
      expect(at(ticks[i] ?? 0) - at(ticks[i - 1] ?? 0)).toBeGreaterThanOrEqual(72);
    }
  });

  it("labels nothing outside the range and nothing for an empty chart", () => {
    expect(dateTicks([], 0, 10, 300, 72)).toEqual([]);
    expect(timeRange([], 1)).toBeNull();
    expect(dateTicks(logged, (logged[1] ?? 0) - 1, (logged[2] ?? 0) + 1, 300, 72)).toEqual(
      logged.slice(1),
    );
  });
});
