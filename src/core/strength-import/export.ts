/**
 * Every workout in Strong's CSV layout (the classic 12 columns and Strong Android's `Weight
 * Unit`), so another app, or Capacity itself, can import it. RPE is written as 10 − RIR.
 */
import { exerciseById } from "../exercise/catalog-index.js";
import type { LoggedWorkout } from "../log/training-log.js";

export const STRONG_COLUMNS = [
  "Date",
  "Workout Name",
  "Duration",
  "Exercise Name",
  "Set Order",
  "Weight",
  "Reps",
  "Distance",
  "Seconds",
  "Notes",
  "Workout Notes",
  "RPE",
  "Weight Unit",
] as const;

/** A CSV field: quoted when it holds a delimiter, a quote or a line break. */
function field(value: string | number): string {
  const text = String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function strongCsv(workouts: readonly LoggedWorkout[], defaultUnit: "kg" | "lb"): string {
  const lines = [STRONG_COLUMNS.join(",")];
  const perDay = new Map<string, number>();
  for (const workout of workouts) {
    // Strong tells workouts apart by their start: a second workout on a day starts a minute later.
    const index = perDay.get(workout.date) ?? 0;
    perDay.set(workout.date, index + 1);
    const start = `${workout.date} 12:${String(index % 60).padStart(2, "0")}:00`;
    const orders = new Map<string, number>();
    for (const set of workout.sets) {
      const name = exerciseById(set.exercise)?.name ?? set.exercise;
      let order: string;
      if (set.kind === "warmup") order = "W";
      else if (set.kind === "drop") order = "D";
      else {
        const next = (orders.get(set.exercise) ?? 0) + 1;
        orders.set(set.exercise, next);
        order = String(next);
      }
      lines.push(
        [
          start,
          "Capacity",
          "",
          name,
          order,
          set.load?.value ?? 0,
          set.reps,
          0,
          0,
          "",
          "",
          10 - set.rir,
          set.load?.unit ?? defaultUnit,
        ]
          .map(field)
          .join(","),
      );
    }
  }
  return `${lines.join("\n")}\n`;
}
