import { describe, expect, it } from "vitest";
import { MAX_REPS, MAX_RIR } from "../../core/log/training-log.js";
import type { LoggedSet, OutboxItem } from "../shared/outbox/types.js";
import { draftOf, historyOf, SET_LIMITS, setFromDraft, setText, workoutCounts } from "./history.js";

const squat: LoggedSet = {
  exercise: "quarter-squat",
  load: { value: 22, unit: "kg" },
  reps: 10,
  rir: 2,
};
const calf: LoggedSet = { exercise: "calf-raise", load: null, reps: 12, rir: 3 };

const item = (
  kind: OutboxItem["kind"],
  id: string,
  date: string,
  sets: LoggedSet[],
): OutboxItem => ({
  kind,
  id,
  owner: "ana",
  date,
  sets,
  seq: 1,
  queuedAt: "",
  status: "waiting",
  attempts: 0,
  lastError: null,
});

describe("the workout history", () => {
  it("lists the newest first, with what waits on the phone applied", () => {
    const stored = [
      { id: "a", date: "2026-11-23", sets: [squat, calf] },
      { id: "b", date: "2026-11-26", sets: [squat] },
      { id: "c", date: "2026-11-30", sets: [calf] },
    ];
    const list = historyOf(stored, [
      item("patch", "a", "2026-11-23", [calf]),
      item("delete", "c", "2026-11-30", []),
      item(undefined, "d", "2026-12-01", [squat]),
    ]);
    expect(list.map((w) => [w.id, w.sets.length, w.waiting])).toEqual([
      ["d", 1, true],
      ["b", 1, false],
      ["a", 1, true],
    ]);
  });

  it("says each set and workout in a few words", () => {
    expect(setText(squat)).toBe("22 kg × 10 @ 2 left");
    expect(setText({ ...calf, band: "heavy" })).toBe("12 reps (heavy band) @ 3 left");
    expect(workoutCounts([squat, calf, { ...squat, reps: 8 }])).toBe("2 exercises · 3 sets");
  });

  it("turns a valid draft into the corrected set and refuses a bad one with the field", () => {
    expect(setFromDraft(squat, { ...draftOf(squat), load: "24,5", reps: "8" })).toEqual({
      set: { ...squat, load: { value: 24.5, unit: "kg" }, reps: 8 },
    });
    expect(setFromDraft(calf, { load: "", reps: "15", rir: "0" })).toEqual({
      set: { ...calf, reps: 15, rir: 0 },
    });
    expect(setFromDraft(squat, { ...draftOf(squat), reps: "0" })).toMatchObject({ field: "reps" });
    expect(setFromDraft(squat, { ...draftOf(squat), reps: "8.5" })).toMatchObject({
      field: "reps",
    });
    expect(setFromDraft(squat, { ...draftOf(squat), rir: "6" })).toMatchObject({ field: "rir" });
    expect(setFromDraft(squat, { ...draftOf(squat), load: "heavy" })).toMatchObject({
      field: "load",
    });
    expect(setFromDraft(squat, { ...draftOf(squat), load: "1001" })).toMatchObject({
      field: "load",
    });
  });

  it("checks against the log's own limits", () => {
    expect(SET_LIMITS).toEqual({ reps: MAX_REPS, rir: MAX_RIR });
  });
});
