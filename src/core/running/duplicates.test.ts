import { describe, expect, it } from "vitest";
import { anActivity } from "../../../test/builders.js";
import type { Activity } from "./activity.js";
import { sameActivity, splitDuplicates } from "./duplicates.js";

const run = (start: string, elapsedS: number | null, overrides: Partial<Activity> = {}): Activity =>
  anActivity(start, { elapsedS, movingS: elapsedS, distanceM: 10_000, ...overrides });

describe("sameActivity", () => {
  it("matches the same run from two files: starts 30 s apart, 3,600 s and 3,590 s", () => {
    // Overlap: from 07:00:30 to 08:00:00 = 3,570 s of the longer 3,600 s = 99 %.
    expect(sameActivity(run("2026-10-04T07:00:00Z", 3600), run("2026-10-04T07:00:30Z", 3590))).toBe(
      true,
    );
  });

  it("does not match starts 121 s apart", () => {
    expect(sameActivity(run("2026-10-04T07:00:00Z", 3600), run("2026-10-04T07:02:01Z", 3600))).toBe(
      false,
    );
  });

  it("needs 80 % overlap of the longer: 3,600 s against 2,800 s starting together is 78 %", () => {
    expect(sameActivity(run("2026-10-04T07:00:00Z", 3600), run("2026-10-04T07:00:00Z", 2800))).toBe(
      false,
    );
    // 2,880 s is exactly 80 %.
    expect(sameActivity(run("2026-10-04T07:00:00Z", 3600), run("2026-10-04T07:00:00Z", 2880))).toBe(
      true,
    );
  });

  it("needs the same sport, unless either is unknown", () => {
    const ride = run("2026-10-04T07:00:00Z", 3600, { sport: "ride" });
    expect(sameActivity(run("2026-10-04T07:00:00Z", 3600), ride)).toBe(false);
    expect(sameActivity(run("2026-10-04T07:00:00Z", 3600, { sport: "other" }), ride)).toBe(true);
  });

  it("decides on the starts alone when an elapsed time is missing", () => {
    expect(sameActivity(run("2026-10-04T07:00:00Z", null), run("2026-10-04T07:01:00Z", 3600))).toBe(
      true,
    );
  });

  it("decides on the starts alone when an elapsed time is 0 (a one-point file)", () => {
    // Before: 0 s matched only an identical start, so one-point files 1 s apart were all kept.
    expect(sameActivity(run("2026-10-04T07:00:00Z", 0), run("2026-10-04T07:00:01Z", 0))).toBe(true);
    expect(sameActivity(run("2026-10-04T07:00:00Z", 0), run("2026-10-04T07:01:30Z", 3600))).toBe(
      true,
    );
    expect(sameActivity(run("2026-10-04T07:00:00Z", 3600), run("2026-10-04T07:02:00Z", 0))).toBe(
      true,
    );
    expect(sameActivity(run("2026-10-04T07:00:00Z", 0), run("2026-10-04T07:02:01Z", 0))).toBe(
      false,
    );
  });
});

describe("splitDuplicates", () => {
  it("keeps the first copy: against the stored ones and within the batch", () => {
    const stored = [run("2026-10-01T07:00:00Z", 3600)];
    const a = run("2026-10-01T07:00:10Z", 3600); // stored already
    const b = run("2026-10-02T07:00:00Z", 1800); // new
    const c = run("2026-10-02T07:00:05Z", 1795); // b again, from another format
    const { fresh, duplicates } = splitDuplicates([a, b, c], stored);
    expect(fresh).toEqual([b]);
    expect(duplicates).toEqual([a, c]);
  });

  it("stores one of 60 zero-length records 1 s apart, not 60", () => {
    const points = Array.from({ length: 60 }, (_, i) =>
      run(new Date(Date.UTC(2026, 9, 4, 7, 0, i)).toISOString(), 0),
    );
    const { fresh, duplicates } = splitDuplicates(points, []);
    expect(fresh).toEqual([points[0]]);
    expect(duplicates).toHaveLength(59);
  });
});
