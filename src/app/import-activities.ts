import { excerpt } from "../core/excerpt.js";
import type { Activity, FileImport } from "../core/running/activity.js";
import { sameActivity, splitDuplicates } from "../core/running/duplicates.js";
import { MS_PER_DAY } from "../core/units/local-date.js";
import type { ActivityRepo, Clock, Ids, StoredActivity } from "./ports.js";

/** One file's or archive entry's outcome, as the importers give it (see read-sources). */
export interface ParsedFile {
  readonly source: string;
  readonly result: FileImport;
}

/**
 * An activity in an import report: the `capacity import --json` contract (docs/importers.md) (source,
 * format, sport, start, elapsedS, movingS, distanceM, avgHr, maxHr, warnings), plus ascentM,
 * sourceName and the stored id (null in a dry run). Keys come out in that order (`reported`).
 */
export interface ReportedActivity extends Omit<StoredActivity, "id" | "createdAt"> {
  readonly id: string | null;
}

export interface ImportReport {
  readonly imported: ReportedActivity[];
  readonly duplicates: ReportedActivity[];
  readonly failed: { readonly source: string; readonly error: string }[];
}

export interface ImportCounts {
  readonly imported: number;
  readonly duplicates: number;
  readonly failed: number;
}

export interface ImportDeps {
  /** Only these two: `capacity import` gives an account made on demand (local-owner.ts). */
  readonly repos: { readonly activities: Pick<ActivityRepo, "insertNew" | "list"> };
  readonly ids: Pick<Ids, "uuid">;
  readonly clock: Clock;
}

export interface ImportOptions {
  /** Read and compare, store nothing. */
  readonly dryRun?: boolean;
  /** Told after every stored batch. */
  readonly onCounts?: (counts: ImportCounts) => void;
  /** Activities stored per transaction: fewer round trips for a 10-year archive. */
  readonly batchSize?: number;
}

const DEFAULT_BATCH = 500;
/** A start this far past now is a device clock gone wrong, not a run (time zones span ±14 h). */
const FUTURE_SLACK_MS = MS_PER_DAY;
/** Longer than any single run, ride or hike (multi-day races are several activities). */
const MAX_ELAPSED_S = 7 * 86_400;

function clip(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

/**
 * Why an activity cannot be a real one, whatever file it came from, or null. Stored as it is,
 * a start in year 9999 would sit on top of every list and plan; such files exist (a watch with
 * its clock unset, a hand-edited GPX).
 */
function implausible(activity: Activity, nowMs: number): string | null {
  const start = Date.parse(activity.start);
  if (start > nowMs + FUTURE_SLACK_MS) {
    return `the activity starts on ${activity.start.slice(0, 10)}, in the future (was the device's clock wrong?): not imported.`;
  }
  const longest = Math.max(activity.elapsedS ?? 0, activity.movingS ?? 0);
  if (longest > MAX_ELAPSED_S) {
    return `the activity lasts ${Math.round(longest / 86_400)} days, more than the 7 days any one activity can (its times are wrong): not imported.`;
  }
  return null;
}

/** The warning on a duplicate that an earlier file of the same import already brought in. */
export const SAME_IMPORT = "The same activity twice in this import: the first copy is kept.";

function reported(activity: StoredActivity, id: string | null): ReportedActivity {
  return {
    source: activity.source,
    format: activity.format,
    sport: activity.sport,
    start: activity.start,
    elapsedS: activity.elapsedS,
    movingS: activity.movingS,
    distanceM: activity.distanceM,
    avgHr: activity.avgHr,
    maxHr: activity.maxHr,
    warnings: activity.warnings,
    ascentM: activity.ascentM,
    sourceName: activity.sourceName,
    id,
  };
}

/**
 * Stores the activities of parsed files for one athlete (docs/importers.md). The duplicate rule runs
 * against what is stored and what came earlier in this import, so a re-imported archive stores
 * nothing twice and the first stored copy stays. Activities are written in batches, each in
 * one transaction; when a batch cannot be written, its files are retried one by one so a
 * file that cannot be stored fails alone and leaves nothing half-stored.
 */
export async function importActivities(
  deps: ImportDeps,
  ownerId: string,
  parsed: AsyncIterable<ParsedFile>,
  options: ImportOptions = {},
): Promise<ImportReport> {
  const report: ImportReport = { imported: [], duplicates: [], failed: [] };
  const tell = () =>
    options.onCounts?.({
      imported: report.imported.length,
      duplicates: report.duplicates.length,
      failed: report.failed.length,
    });
  const batchSize = options.batchSize ?? DEFAULT_BATCH;
  const createdAt = deps.clock.now().getTime();
  let batch: { source: string; activities: StoredActivity[] }[] = [];
  let pending = 0;
  const dryRunSeen: StoredActivity[] = [];

  const flush = async () => {
    if (batch.length === 0) return;
    const files = batch;
    batch = [];
    pending = 0;
    if (options.dryRun) await compareOnly(deps, ownerId, files, dryRunSeen, report);
    else await store(deps, ownerId, files, report);
    tell();
  };

  for await (const file of parsed) {
    if (!file.result.ok) {
      report.failed.push({ source: file.source, error: file.result.error });
      tell();
      continue;
    }
    const { format } = file.result;
    const now = deps.clock.now().getTime();
    const plausible = file.result.activities.filter((activity) => {
      const problem = implausible(activity, now);
      if (problem)
        report.failed.push({ source: file.source, error: `${excerpt(file.source)}: ${problem}` });
      return problem === null;
    });
    const activities = plausible.map(
      (activity): StoredActivity => ({
        ...activity,
        // Bounded as the export document bounds them, so that every export restores.
        sourceName: activity.sourceName === null ? null : clip(activity.sourceName, 1000),
        warnings: activity.warnings.slice(0, 1000).map((warning) => clip(warning, 10_000)),
        id: deps.ids.uuid(),
        format,
        source: clip(file.source, 65_535),
        createdAt,
      }),
    );
    batch.push({ source: file.source, activities });
    pending += activities.length;
    if (pending >= batchSize) await flush();
  }
  await flush();
  return report;
}

async function store(
  deps: ImportDeps,
  ownerId: string,
  files: readonly { source: string; activities: StoredActivity[] }[],
  report: ImportReport,
): Promise<void> {
  try {
    const all = files.flatMap((file) => file.activities);
    const { inserted, duplicates } = await deps.repos.activities.insertNew(ownerId, all);
    addInOrder(all, inserted, duplicates, report, true);
    return;
  } catch {
    // Fall through: one file at a time finds the file that cannot be stored.
  }
  for (const file of files) {
    try {
      const { inserted, duplicates } = await deps.repos.activities.insertNew(
        ownerId,
        file.activities,
      );
      addInOrder(file.activities, inserted, duplicates, report, true);
    } catch (error) {
      report.failed.push({
        source: file.source,
        error: `${excerpt(file.source)} was read but could not be stored: ${(error as Error).message}`,
      });
    }
  }
}

/** A dry run: the duplicate rule against what is stored and what came before, nothing written. */
async function compareOnly(
  deps: ImportDeps,
  ownerId: string,
  files: readonly { source: string; activities: StoredActivity[] }[],
  seen: StoredActivity[],
  report: ImportReport,
): Promise<void> {
  const all = files.flatMap((file) => file.activities);
  if (all.length === 0) return;
  const starts = all.map((activity) => Date.parse(activity.start));
  const stored = await deps.repos.activities.list(ownerId, {
    fromMs: Math.min(...starts) - MS_PER_DAY,
    toMs: Math.max(...starts) + MS_PER_DAY,
  });
  const { fresh, duplicates } = splitDuplicates(all, [...stored, ...seen]);
  seen.push(...fresh);
  addInOrder(all, fresh, duplicates, report, false);
}

/** Reports a batch in the order the files gave it, whatever order the repository answered in. */
function addInOrder(
  all: readonly StoredActivity[],
  inserted: readonly StoredActivity[],
  duplicates: readonly StoredActivity[],
  report: ImportReport,
  stored: boolean,
): void {
  const insertedIds = new Set(inserted.map((activity) => activity.id));
  const duplicateIds = new Set(duplicates.map((activity) => activity.id));
  for (const activity of all) {
    if (insertedIds.has(activity.id)) {
      report.imported.push(reported(activity, stored ? activity.id : null));
    } else if (duplicateIds.has(activity.id)) {
      // A second copy of an activity this import brought in, not one stored before it.
      const twice = report.imported.some((one) => sameActivity(activity, one));
      const entry = reported(activity, null);
      report.duplicates.push(
        twice ? { ...entry, warnings: [...entry.warnings, SAME_IMPORT] } : entry,
      );
    }
  }
}
