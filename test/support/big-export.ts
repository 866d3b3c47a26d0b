/** A restore document of many workouts, ten a day from 2016 on (bounded-work tests, bench). */
import { randomUUID } from "node:crypto";
import type { ExportDocument } from "../../src/app/data-transfer.js";

export function bigExport(workouts: number): ExportDocument {
  const at = "2026-01-01T10:00:00.000Z";
  const start = Date.parse("2016-01-04T00:00:00Z");
  return {
    format: "capacity-export",
    version: 1,
    exportedAt: at,
    account: { email: "ana@example.com", name: "Ana" },
    profile: null,
    workouts: Array.from({ length: workouts }, (_, i) => ({
      id: randomUUID(),
      date: new Date(start + Math.floor(i / 10) * 86_400_000).toISOString().slice(0, 10),
      sets: [
        { exercise: "quarter-squat", load: { value: 40, unit: "kg" }, reps: 10, rir: 2 },
        { exercise: "calf-raise", load: null, reps: 12, rir: 1 },
      ],
      createdAt: at,
      updatedAt: at,
    })),
    checkins: [],
    planChanges: [],
    activities: [],
  };
}
