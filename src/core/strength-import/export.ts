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
  const writer = strongCsvWriter(defaultUnit);
  return writer.header + writer.lines(workouts);
}

/**
 * Strong's CSV in parts, for an export written as it is read: the header, then the lines of
 * each batch of workouts in turn (batches in date order, as the log lists them). The writer
 * remembers the workouts per day across batches, so the parts join into strongCsv's text.
 */
export function strongCsvWriter(defaultUnit: "kg" | "lb"): {
  readonly header: string;
  lines(workouts: readonly LoggedWorkout[]): string;
} {
  const perDay = new Map<string, number>();
  return {
    header: `${STRONG_COLUMNS.join(",")}\n`,
    lines(workouts) {
      let text = "";
      for (const workout of workouts) {
        // Strong tells workouts apart by their start: a second workout on a day starts a minute later.
        const index = perDay.get(workout.date) ?? 0;
        perDay.set(workout.date, index + 1);
        text += workoutLines(workout, index, defaultUnit);
      }
      return text;
    },
  };
}

/** One line per set, each ending with a line break. */
function workoutLines(workout: LoggedWorkout, index: number, defaultUnit: "kg" | "lb"): string {
  const start = `${workout.date} 12:${String(index % 60).padStart(2, "0")}:00`;
  const orders = new Map<string, number>();
  let text = "";
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
    const line = [
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
      .join(",");
    text += `${line}\n`;
  }
  return text;
}
