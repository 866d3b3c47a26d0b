/**
 * Lifting history from Strong and Hevy: the sets of mapped exercise names become workouts
 * (the duplicate rule: a day and exercise already stored are not stored again), names that
 * neither the table nor the athlete maps wait for review with their file, and each choice is
 * remembered for the next import.
 */

import type { StrengthImportReport } from "../contract/index.js";
import { excerpt } from "../core/excerpt.js";
import { exerciseById } from "../core/exercise/catalog-index.js";
import type { LoggedSet, LoggedWorkout } from "../core/log/training-log.js";
import { err, ok, type Result } from "../core/result.js";
import { normaliseName } from "../core/strength-import/names.js";
import { readStrengthCsv } from "../core/strength-import/read.js";
import { mapStrengthFile, type NameChoices } from "../core/strength-import/workouts.js";
import type { WeightUnit } from "../core/units/weight.js";
import { type AppError, invalidField } from "./errors.js";
import type { Clock, ExerciseNameChoice, Ids, Repos, Store } from "./ports.js";

export interface StrengthDeps {
  readonly repos: Repos | Store;
  readonly ids: Ids;
  readonly clock: Clock;
}

/** A workout holds at most this many sets (the log format's limit). */
const MAX_SETS_PER_WORKOUT = 200;

export type { StrengthImportReport };

async function choicesOf(
  deps: StrengthDeps,
  ownerId: string,
  extra: readonly ExerciseNameChoice[] = [],
): Promise<NameChoices> {
  const stored = await deps.repos.exerciseNames.list(ownerId);
  return new Map(
    [...stored, ...extra].map((choice) => [normaliseName(choice.name), choice.exercise]),
  );
}

/** Checks choices against the catalogue; names are kept normalised. */
export function checkChoices(
  choices: readonly ExerciseNameChoice[],
): Result<ExerciseNameChoice[], AppError> {
  const checked: ExerciseNameChoice[] = [];
  for (const [i, choice] of choices.entries()) {
    const name = normaliseName(choice.name);
    if (name === "") return err(invalidField(`choices[${i}].name`, "the name is empty"));
    if (choice.exercise !== null && !exerciseById(choice.exercise)) {
      return err(
        invalidField(
          `choices[${i}].exercise`,
          `${excerpt(choice.exercise)} is not a known exercise; see GET /api/exercises for the ids, or null to skip the name`,
        ),
      );
    }
    checked.push({ name, exercise: choice.exercise });
  }
  return ok(checked);
}

/** Sets of a day and exercise already stored are dropped (the duplicate rule). */
function newSets(
  workouts: readonly LoggedWorkout[],
  stored: ReadonlySet<string>,
): { fresh: LoggedWorkout[]; duplicates: number } {
  const fresh: LoggedWorkout[] = [];
  let duplicates = 0;
  for (const workout of workouts) {
    const sets: LoggedSet[] = [];
    for (const set of workout.sets) {
      if (stored.has(`${workout.date}|${set.exercise}`)) duplicates++;
      else sets.push(set);
    }
    for (let start = 0; start < sets.length; start += MAX_SETS_PER_WORKOUT) {
      fresh.push({ date: workout.date, sets: sets.slice(start, start + MAX_SETS_PER_WORKOUT) });
    }
  }
  return { fresh, duplicates };
}

export interface StrengthImportOptions {
  readonly source: string;
  /** The unit of a Strong file that does not say: the profile's (default kg). */
  readonly fallbackUnit?: WeightUnit;
  readonly dryRun?: boolean;
  /**
   * Keep the file for review when names are unmapped (the web's flow). The CLI passes false:
   * it lists the names and takes choices on its command line.
   */
  readonly keepForReview?: boolean;
  /** Choices for this import on top of the remembered ones (not remembered here). */
  readonly choices?: readonly ExerciseNameChoice[];
}

async function fallbackUnitOf(deps: StrengthDeps, ownerId: string): Promise<WeightUnit> {
  const profile = (await deps.repos.profiles.get(ownerId)) as { units?: unknown } | null;
  return profile?.units === "lb" ? "lb" : "kg";
}

/** Imports one export; a file that is not a Strong or Hevy export is an `invalid` error. */
export async function importStrengthCsv(
  deps: StrengthDeps,
  ownerId: string,
  csv: string,
  options: StrengthImportOptions,
): Promise<Result<StrengthImportReport, AppError>> {
  const unit = options.fallbackUnit ?? (await fallbackUnitOf(deps, ownerId));
  const read = readStrengthCsv(csv, unit);
  if (!read.ok) return err(invalidField("file", `${options.source} ${read.error}.`));
  const file = read.value;
  const mapped = mapStrengthFile(file, await choicesOf(deps, ownerId, options.choices));
  const at = deps.clock.now().getTime();
  const write = async (repos: Repos) => {
    const stored = new Set<string>();
    for (const workout of await repos.workouts.list(ownerId)) {
      for (const set of workout.sets) stored.add(`${workout.date}|${set.exercise}`);
    }
    const { fresh, duplicates } = newSets(mapped.workouts, stored);
    if (!options.dryRun) {
      for (const workout of fresh) {
        await repos.workouts.insert(ownerId, {
          id: deps.ids.uuid(),
          date: workout.date,
          sets: workout.sets,
          createdAt: at,
          updatedAt: at,
        });
      }
      if (mapped.unmapped.length > 0 && options.keepForReview !== false) {
        const pending = await repos.pendingStrengthImports.list(ownerId);
        if (!pending.some((one) => one.csv === csv)) {
          await repos.pendingStrengthImports.add(ownerId, {
            id: deps.ids.uuid(),
            source: options.source,
            csv,
            weightUnit: unit,
            createdAt: at,
          });
        }
      }
    }
    return { fresh, duplicates };
  };
  const { fresh, duplicates } =
    "transaction" in deps.repos ? await deps.repos.transaction(write) : await write(deps.repos);
  return ok({
    source: options.source,
    app: file.app,
    weightUnit: file.weightUnit,
    unitFrom: file.unitFrom,
    rows: file.rowCount,
    workouts: file.workoutCount,
    restTimers: file.restTimers,
    withoutReps: file.withoutReps.length,
    stored: {
      workouts: fresh.length,
      sets: fresh.reduce((count, workout) => count + workout.sets.length, 0),
    },
    duplicateSets: duplicates,
    skippedSets: mapped.skippedSets,
    unmapped: mapped.unmapped,
  });
}

export interface ReviewItem {
  readonly name: string;
  readonly sets: number;
  /** The files that hold the name. */
  readonly sources: string[];
}

/** The names waiting for a choice, over every file kept for review. */
export async function pendingReview(deps: StrengthDeps, ownerId: string): Promise<ReviewItem[]> {
  const choices = await choicesOf(deps, ownerId);
  const items = new Map<string, { name: string; sets: number; sources: string[] }>();
  for (const pending of await deps.repos.pendingStrengthImports.list(ownerId)) {
    const read = readStrengthCsv(pending.csv, pending.weightUnit);
    if (!read.ok) continue;
    for (const name of mapStrengthFile(read.value, choices).unmapped) {
      const key = normaliseName(name.name);
      const item = items.get(key) ?? { name: name.name, sets: 0, sources: [] };
      item.sets += name.sets;
      if (!item.sources.includes(pending.source)) item.sources.push(pending.source);
      items.set(key, item);
    }
  }
  return [...items.values()];
}

/**
 * Remembers the athlete's choices, then imports again every file kept for review: the sets
 * of the names now mapped are stored (the duplicate rule keeps the rest from coming twice),
 * and a file whose every name is mapped or skipped is let go.
 */
export async function chooseNames(
  deps: StrengthDeps,
  ownerId: string,
  choices: readonly ExerciseNameChoice[],
): Promise<Result<{ reports: StrengthImportReport[]; pending: ReviewItem[] }, AppError>> {
  const checked = checkChoices(choices);
  if (!checked.ok) return checked;
  await deps.repos.exerciseNames.put(ownerId, checked.value, deps.clock.now().getTime());
  const reports: StrengthImportReport[] = [];
  for (const pending of await deps.repos.pendingStrengthImports.list(ownerId)) {
    const report = await importStrengthCsv(deps, ownerId, pending.csv, {
      source: pending.source,
      fallbackUnit: pending.weightUnit,
      keepForReview: false,
    });
    if (!report.ok) continue;
    reports.push(report.value);
    if (report.value.unmapped.length === 0) {
      await deps.repos.pendingStrengthImports.delete(ownerId, pending.id);
    }
  }
  return ok({ reports, pending: await pendingReview(deps, ownerId) });
}
