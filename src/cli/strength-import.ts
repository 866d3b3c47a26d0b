/**
 * `capacity import` with Strong's and Hevy's CSV exports: told from the file's first line,
 * imported into the account's workouts. Names the table does not know are listed with a way
 * to map (`--map "NAME=ID"`) or skip (`--skip NAME`, `--skip-unmapped`) them; --map and --skip
 * are remembered for the account, as the web app's review is.
 */
import { open, readFile, stat } from "node:fs/promises";
import { cryptoIds } from "../adapters/crypto.js";
import type { Clock, ExerciseNameChoice, Store } from "../app/ports.js";
import {
  checkChoices,
  importStrengthCsv,
  type StrengthImportReport,
} from "../app/strength-import.js";
import { looksLikeStrengthCsv } from "../core/strength-import/read.js";
import { UsageError } from "./io.js";

const HEAD_BYTES = 4096;

async function head(path: string): Promise<string | null> {
  try {
    if (!(await stat(path)).isFile()) return null;
    const file = await open(path, "r");
    try {
      const buffer = Buffer.alloc(HEAD_BYTES);
      const { bytesRead } = await file.read(buffer, 0, HEAD_BYTES, 0);
      return buffer.subarray(0, bytesRead).toString("utf8");
    } finally {
      await file.close();
    }
  } catch {
    return null;
  }
}

/** The paths that are lifting-app exports (or a JEFIT export, refused with its reason), and the rest. */
export async function splitStrengthFiles(
  paths: readonly string[],
): Promise<{ strength: string[]; rest: string[] }> {
  const strength: string[] = [];
  const rest: string[] = [];
  for (const path of paths) {
    const text = await head(path);
    if (text !== null && (looksLikeStrengthCsv(text) || /^#+\s*workout sessions/i.test(text))) {
      strength.push(path);
    } else {
      rest.push(path);
    }
  }
  return { strength, rest };
}

/** `--map "Squat (Barbell)=quarter-squat"` and `--skip NAME` as choices. */
export function choicesFromFlags(
  maps: readonly string[],
  skips: readonly string[],
): ExerciseNameChoice[] {
  const choices: ExerciseNameChoice[] = [];
  for (const map of maps) {
    const at = map.lastIndexOf("=");
    if (at <= 0 || at === map.length - 1) {
      throw new UsageError(
        `--map: "${map}" is not accepted; expected "NAME=EXERCISE-ID", such as "Squat (Barbell)=quarter-squat"`,
      );
    }
    choices.push({ name: map.slice(0, at), exercise: map.slice(at + 1).trim() });
  }
  for (const skip of skips) {
    if (skip.trim() === "") throw new UsageError("--skip needs an exercise name");
    choices.push({ name: skip, exercise: null });
  }
  const checked = checkChoices(choices);
  if (!checked.ok) {
    const message = checked.error.message.replace("GET /api/exercises", "capacity exercises");
    throw new UsageError(`--map: ${message}`);
  }
  return checked.value;
}

export interface StrengthOutcome {
  readonly reports: StrengthImportReport[];
  readonly failed: { source: string; error: string }[];
}

export async function importStrengthFiles(
  store: Store,
  clock: Clock,
  ownerId: string,
  paths: readonly string[],
  options: {
    readonly dryRun: boolean;
    readonly choices: readonly ExerciseNameChoice[];
    readonly skipUnmapped: boolean;
  },
): Promise<StrengthOutcome> {
  const deps = { repos: store, ids: cryptoIds, clock };
  if (!options.dryRun && options.choices.length > 0) {
    await store.exerciseNames.put(ownerId, options.choices, clock.now().getTime());
  }
  const reports: StrengthImportReport[] = [];
  const failed: { source: string; error: string }[] = [];
  for (const path of paths) {
    let csv: string;
    try {
      csv = await readFile(path, "utf8");
    } catch (error) {
      failed.push({ source: path, error: `cannot be read: ${(error as Error).message}` });
      continue;
    }
    const result = await importStrengthCsv(deps, ownerId, csv, {
      source: path,
      dryRun: options.dryRun,
      keepForReview: false,
      // A dry run remembers nothing, but reads the names as this command line maps them.
      choices: options.choices,
    });
    if (!result.ok) {
      failed.push({ source: path, error: result.error.message.replace(`${path} `, "") });
      continue;
    }
    reports.push(
      options.skipUnmapped
        ? {
            ...result.value,
            skippedSets:
              result.value.skippedSets +
              result.value.unmapped.reduce((count, name) => count + name.sets, 0),
            unmapped: [],
          }
        : result.value,
    );
  }
  return { reports, failed };
}

const APP_NAMES = { strong: "Strong", hevy: "Hevy" } as const;
const UNIT_FROM = {
  column: "from its Weight Unit column",
  header: "from its header",
  profile: "the file does not say: your profile's",
} as const;

function plural(count: number, one: string, many: string): string {
  return `${count} ${count === 1 ? one : many}`;
}

/** One paragraph per file, for the terminal. */
export function strengthSummary(report: StrengthImportReport, dryRun: boolean): string {
  const lines = [
    `${APP_NAMES[report.app]} export ${report.source}: ${plural(report.rows, "row", "rows")} in ${plural(report.workouts, "workout", "workouts")}; weights in ${report.weightUnit} (${UNIT_FROM[report.unitFrom]}).`,
    `  ${dryRun ? "Would store" : "Stored"} ${plural(report.stored.sets, "set", "sets")} on ${plural(report.stored.workouts, "day", "days")}` +
      `; ${plural(report.duplicateSets, "set", "sets")} already stored` +
      `; ${plural(report.skippedSets, "set", "sets")} of skipped names` +
      `; ${plural(report.withoutReps, "set", "sets")} without reps (timed or distance) left out` +
      (report.restTimers
        ? `; ${plural(report.restTimers, "rest timer", "rest timers")} dropped.`
        : "."),
  ];
  if (report.unmapped.length > 0) {
    lines.push(
      `  ${plural(report.unmapped.length, "exercise name is", "exercise names are")} not in the catalogue (not stored):`,
    );
    for (const name of report.unmapped)
      lines.push(`    "${name.name}" (${plural(name.sets, "set", "sets")})`);
    lines.push(
      '  Map each with --map "NAME=EXERCISE-ID" (ids: capacity exercises) or --skip "NAME", or give --skip-unmapped; the choices are remembered.',
    );
  }
  return `${lines.join("\n")}\n`;
}
