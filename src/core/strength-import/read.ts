/**
 * Strong's and Hevy's CSV exports read into logged sets. Told from the header: comma or
 * semicolon, a decimal comma, kg or lb (Hevy's weight column says; Strong's `Weight Unit`
 * column when there is one, else the unit the caller gives: the profile's).
 *
 * - Strong `Set Order`: a number is a working set, `W` a warm-up, `D` a drop set, `F` a set to
 *   failure (a working set); `Rest Timer` rows are not sets and are dropped.
 * - Hevy `set_type`: `warmup`, `dropset`, `failure` or `normal`.
 * - RPE is read as reps in reserve: RIR = 10 − RPE (0 to 5); no RPE means unknown, read as 2,
 *   the middle of the protocol's 1 to 2.
 * - A set without reps (a timed plank, a cardio row) cannot be logged as reps and is skipped.
 */
import { parse } from "csv-parse/sync";
import { excerpt } from "../excerpt.js";
import { MAX_REPS, MAX_RIR, type SetKind } from "../log/set-limits.js";
import type { LoggedSet } from "../log/training-log.js";
import { err, ok, type Result } from "../result.js";
import { parseLocalDate } from "../units/local-date.js";
import type { WeightUnit } from "../units/weight.js";
import { normaliseName } from "./names.js";

export type StrengthApp = "strong" | "hevy";

/** RIR when the file gives no RPE. */
export const UNKNOWN_RIR = 2;
const MAX_LOAD = 1000;

/** One set of the file, before its exercise name is mapped. */
export interface StrengthRow {
  /** The file's workout: its start as written. */
  readonly workout: string;
  readonly date: string;
  /** The name as the file writes it (trimmed). */
  readonly name: string;
  readonly load: LoggedSet["load"];
  readonly reps: number;
  readonly rir: number;
  readonly kind?: SetKind;
}

export interface StrengthFile {
  readonly app: StrengthApp;
  readonly delimiter: "," | ";";
  readonly weightUnit: WeightUnit;
  /** Where the unit came from. */
  readonly unitFrom: "column" | "header" | "profile";
  /** Data rows in the file (the header not counted). */
  readonly rowCount: number;
  /** Distinct workouts (Strong's `Date`, Hevy's `start_time`). */
  readonly workoutCount: number;
  readonly restTimers: number;
  /** Sets without reps (timed or distance sets), with their exercise name. */
  readonly withoutReps: readonly { readonly name: string; readonly row: number }[];
  readonly sets: readonly StrengthRow[];
}

const MONTHS = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];

/** The calendar day of a start as the apps write it, in the athlete's own time. */
function dayOf(text: string): string | null {
  const iso = /^(\d{4}-\d{2}-\d{2})(?:[ T]|$)/.exec(text.trim());
  if (iso?.[1]) return parseLocalDate(iso[1]) === null ? null : iso[1];
  // Hevy: "30 Jun 2025, 19:56".
  const named = /^(\d{1,2}) ([A-Za-z]{3})[a-z]* (\d{4})/.exec(text.trim());
  if (named?.[1] && named[2] && named[3]) {
    const month = MONTHS.indexOf(named[2].toLowerCase()) + 1;
    if (month === 0) return null;
    const date = `${named[3]}-${String(month).padStart(2, "0")}-${named[1].padStart(2, "0")}`;
    return parseLocalDate(date) === null ? null : date;
  }
  return null;
}

/** A number as either app writes it: "40.0", "40", "40,5" (decimal comma), "" for none. */
function numberOf(text: string | undefined): number | null {
  const trimmed = (text ?? "").trim();
  if (trimmed === "") return null;
  const value = Number(trimmed.includes(".") ? trimmed : trimmed.replace(",", "."));
  return Number.isFinite(value) ? value : Number.NaN;
}

function unitOf(text: string): WeightUnit | null {
  const unit = text.trim().toLowerCase();
  if (unit === "kg" || unit === "kgs") return "kg";
  if (unit === "lb" || unit === "lbs") return "lb";
  return null;
}

interface Columns {
  readonly app: StrengthApp;
  readonly workout: number;
  readonly name: number;
  readonly order: number;
  readonly weight: number;
  readonly reps: number;
  readonly rpe: number;
  readonly seconds: number;
  readonly distance: number;
  /** Strong's `Weight Unit`, when present. */
  readonly unitColumn: number;
  /** The unit the header names (Hevy's weight_kg, Strong's "Weight (kg)"). */
  readonly headerUnit: WeightUnit | null;
}

function columnsOf(header: readonly string[]): Columns | string {
  const at = (...names: string[]) =>
    header.findIndex((name) => names.includes(name.trim().toLowerCase()));
  if (at("exercise_title") >= 0 && at("start_time") >= 0) {
    const kg = at("weight_kg");
    const lb = at("weight_lbs", "weight_lb");
    if (kg < 0 && lb < 0) return "a Hevy export without a weight_kg or weight_lbs column";
    return {
      app: "hevy",
      workout: at("start_time"),
      name: at("exercise_title"),
      order: at("set_type"),
      weight: kg >= 0 ? kg : lb,
      reps: at("reps"),
      rpe: at("rpe"),
      seconds: at("duration_seconds"),
      distance: at("distance_km", "distance_miles"),
      unitColumn: -1,
      headerUnit: kg >= 0 ? "kg" : "lb",
    };
  }
  const name = at("exercise name");
  const order = at("set order");
  const date = at("date");
  if (name >= 0 && order >= 0 && date >= 0) {
    const plain = at("weight");
    const kg = at("weight (kg)", "kg");
    const lb = at("weight (lbs)", "weight (lb)", "lbs");
    const weight = plain >= 0 ? plain : kg >= 0 ? kg : lb;
    if (weight < 0) return "a Strong export without a Weight column";
    return {
      app: "strong",
      workout: date,
      name,
      order,
      weight,
      reps: at("reps"),
      rpe: at("rpe"),
      seconds: at("seconds"),
      distance: at("distance", "distance (meters)"),
      unitColumn: at("weight unit"),
      headerUnit: plain >= 0 ? null : kg >= 0 ? "kg" : "lb",
    };
  }
  return "";
}

const FOREIGN =
  "is not a Strong or Hevy export: Capacity reads Strong's CSV (Date, Exercise Name, Set Order, Weight, Reps…) and Hevy's (start_time, exercise_title, set_type, weight_kg or weight_lbs, reps…)";

/** Whether a file's first line looks like a Strong or Hevy export (for the CLI's sorting). */
export function looksLikeStrengthCsv(head: string): boolean {
  const line = head.replace(/^\uFEFF/, "").split(/\r?\n/, 1)[0] ?? "";
  const delimiter = (line.match(/;/g)?.length ?? 0) > (line.match(/,/g)?.length ?? 0) ? ";" : ",";
  const header = line.split(delimiter).map((cell) => cell.replace(/^"|"$/g, ""));
  return typeof columnsOf(header) === "object";
}

/**
 * Reads a whole export. `fallbackUnit` is the unit of a Strong file that does not say (Strong
 * writes weights in the unit the athlete displays): the profile's.
 *
 * Over 80 lines: one reading of a CSV export (format, delimiter, header, rows), each step a guard
 * that answers its own error.
 */
export function readStrengthCsv(
  text: string,
  fallbackUnit: WeightUnit,
): Result<StrengthFile, string> {
  const body = text.replace(/^\uFEFF/, "");
  const firstLine = body.split(/\r?\n/, 1)[0] ?? "";
  if (firstLine.trim() === "") return err(`is empty: ${FOREIGN}`);
  if (/^#+\s*workout sessions/i.test(firstLine.trim())) {
    return err(
      "looks like a JEFIT export, which Capacity does not read: export your workouts from Strong or Hevy as CSV",
    );
  }
  const delimiter =
    (firstLine.match(/;/g)?.length ?? 0) > (firstLine.match(/,/g)?.length ?? 0) ? ";" : ",";
  let records: string[][];
  try {
    records = parse(body, {
      delimiter,
      relax_column_count: true,
      skip_empty_lines: true,
      bom: true,
    }) as string[][];
  } catch (error) {
    return err(`is not readable CSV: ${(error as Error).message}`);
  }
  const [header, ...rows] = records;
  if (!header) return err(`is empty: ${FOREIGN}`);
  const columns = columnsOf(header);
  if (typeof columns === "string") return err(columns ? `is ${columns}` : FOREIGN);

  const sets: StrengthRow[] = [];
  const workouts = new Set<string>();
  const withoutReps: { name: string; row: number }[] = [];
  let restTimers = 0;
  let unitFrom: StrengthFile["unitFrom"] = columns.headerUnit ? "header" : "profile";
  let fileUnit = columns.headerUnit ?? fallbackUnit;
  for (const [index, record] of rows.entries()) {
    const line = index + 2;
    const cell = (column: number) => (column >= 0 ? (record[column] ?? "").trim() : "");
    const where = `line ${line}`;
    const workout = cell(columns.workout);
    const date = dayOf(workout);
    if (date === null) {
      return err(`has a start that is not a date on ${where}: ${excerpt(workout)}`);
    }
    workouts.add(workout);
    const order = cell(columns.order);
    if (columns.app === "strong" && order.toLowerCase() === "rest timer") {
      restTimers++;
      continue;
    }
    const name = cell(columns.name);
    if (name === "") return err(`has no exercise name on ${where}`);
    let kind: SetKind | undefined;
    const marker = order.toLowerCase();
    if (marker === "w" || marker === "warmup" || marker === "warm up") kind = "warmup";
    else if (marker === "d" || marker === "dropset" || marker === "drop") kind = "drop";
    else if (
      columns.app === "strong" &&
      marker !== "f" &&
      numberOf(order) === null &&
      marker !== ""
    ) {
      return err(`has a Set Order that is not a number, W, D or F on ${where}: ${excerpt(order)}`);
    }
    let unit = fileUnit;
    if (columns.unitColumn >= 0) {
      const named = unitOf(cell(columns.unitColumn));
      if (named) {
        unit = named;
        fileUnit = named;
        unitFrom = "column";
      }
    }
    const weight = numberOf(cell(columns.weight));
    const reps = numberOf(cell(columns.reps));
    const rpe = numberOf(cell(columns.rpe));
    for (const [what, value] of [
      ["weight", weight],
      ["reps", reps],
      ["RPE", rpe],
    ] as const) {
      if (Number.isNaN(value)) {
        return err(`has a ${what} that is not a number on ${where}`);
      }
    }
    if (weight !== null && (weight < 0 || weight > MAX_LOAD)) {
      return err(`has a weight outside 0 to ${MAX_LOAD} on ${where}: ${excerpt(weight)}`);
    }
    const wholeReps = reps === null ? 0 : Math.round(reps);
    if (wholeReps < 1) {
      withoutReps.push({ name, row: line });
      continue;
    }
    if (wholeReps > MAX_REPS) return err(`has more than ${MAX_REPS} reps on ${where}`);
    const rir =
      rpe === null || rpe === 0
        ? UNKNOWN_RIR
        : Math.min(MAX_RIR, Math.max(0, Math.round(10 - rpe)));
    sets.push({
      workout,
      date,
      name,
      load: weight === null || weight === 0 ? null : { value: weight, unit },
      reps: wholeReps,
      rir,
      ...(kind === undefined ? {} : { kind }),
    });
  }
  return ok({
    app: columns.app,
    delimiter,
    weightUnit: fileUnit,
    unitFrom,
    rowCount: rows.length,
    workoutCount: workouts.size,
    restTimers,
    withoutReps,
    sets,
  });
}

/** The names of a file's sets, each once (compared as normaliseName does), in file order. */
export function namesIn(file: StrengthFile): { name: string; sets: number }[] {
  const byKey = new Map<string, { name: string; sets: number }>();
  for (const set of file.sets) {
    const key = normaliseName(set.name);
    const entry = byKey.get(key);
    if (entry) entry.sets++;
    else byKey.set(key, { name: set.name, sets: 1 });
  }
  return [...byKey.values()];
}
