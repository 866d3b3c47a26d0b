import { excerpt } from "../core/excerpt.js";
import type { LoggedSet } from "../core/log/training-log.js";
import { validateTrainingLog } from "../core/log/training-log.js";
import { validateProfile } from "../core/profile/validate-profile.js";
import { firstRepeat, restoredChangeProblem } from "../core/protocol/restore-checks.js";
import { err, ok, type Result } from "../core/result.js";
import { parseLocalDate, type Weekday } from "../core/units/local-date.js";
import { type AppError, invalidField } from "./errors.js";
import type {
  Clock,
  Repos,
  Store,
  StoredActivity,
  StoredPlanChange,
  StoredWorkout,
  User,
} from "./ports.js";

export const EXPORT_FORMAT = "capacity-export";
export const EXPORT_VERSION = 1;

/** An imported activity (docs/importers.md) as exported: every stored field, times as ISO 8601 instants. */
export interface ExportedActivity extends Omit<StoredActivity, "createdAt"> {
  readonly createdAt: string;
}

/** Everything an account owns, as one document (GET /api/export; POST /api/import takes it back). */
export interface ExportDocument {
  readonly format: typeof EXPORT_FORMAT;
  readonly version: typeof EXPORT_VERSION;
  readonly exportedAt: string;
  readonly account: { readonly email: string; readonly name: string };
  readonly profile: unknown | null;
  readonly workouts: readonly {
    id: string;
    date: string;
    sets: readonly LoggedSet[];
    createdAt: string;
    updatedAt: string;
  }[];
  readonly checkins: readonly {
    id: string;
    date: string;
    soreness: number;
    hurtRun: boolean;
    createdAt: string;
  }[];
  readonly planChanges: readonly (
    | { id: string; kind: "move"; from: string; to: string; createdAt: string }
    | { id: string; kind: "swap"; date: string; exercise: string; with: string; createdAt: string }
  )[];
  /** Added later in the same version (imported activities): an additive field. */
  readonly activities: readonly ExportedActivity[];
}

/** What POST /api/import takes: an export, perhaps one made before activities were exported. */
export type ImportDocument = Omit<ExportDocument, "activities"> & {
  readonly activities?: readonly ExportedActivity[];
};

const iso = (ms: number) => new Date(ms).toISOString();

/**
 * Rows read per query by the export: a page is a few milliseconds of database and
 * serialisation work, so an export of years of workouts never holds the server for long.
 */
export const EXPORT_PAGE_ROWS = 500;

/** A section of the export as it is read: pages of items, in the document's order. */
export type Pages<T> = AsyncIterable<readonly T[]>;

/** An export document whose lists come as pages (same keys, same order as ExportDocument). */
export type ExportPages = {
  readonly [K in keyof ExportDocument]: ExportDocument[K] extends readonly (infer T)[]
    ? Pages<T>
    : ExportDocument[K];
};

/** Reads a repository's keyset pages (see WorkoutRepo.page) lazily, each mapped to its export form. */
async function* paged<S, T>(
  repo: { page(ownerId: string, after: S | null, limit: number): Promise<S[]> },
  owner: string,
  shape: (stored: S) => T,
): AsyncGenerator<readonly T[]> {
  let after: S | null = null;
  for (;;) {
    const page = await repo.page(owner, after, EXPORT_PAGE_ROWS);
    if (page.length > 0) yield page.map(shape);
    const last = page.at(-1);
    if (page.length < EXPORT_PAGE_ROWS || last === undefined) return;
    after = last;
  }
}

/** Every workout of an owner in list() order, page by page (GET /api/export.csv). */
export function workoutPages(repos: Repos, owner: string): Pages<StoredWorkout> {
  return paged(repos.workouts, owner, (workout) => workout);
}

/**
 * Everything an account owns (GET /api/export), its lists read page by page as the document
 * is written: memory and each stretch of work follow the page, not the account's history.
 * The pages are separate reads, so a write landing during a long export may or may not be in it,
 * as if it came a moment earlier or later; nothing is ever read twice or skipped (keyset order).
 */
export async function exportPages(repos: Repos, user: User, clock: Clock): Promise<ExportPages> {
  const owner = user.id;
  return {
    format: EXPORT_FORMAT,
    version: EXPORT_VERSION,
    exportedAt: clock.now().toISOString(),
    account: { email: user.email, name: user.name },
    profile: await repos.profiles.get(owner),
    workouts: paged(repos.workouts, owner, (w) => ({
      id: w.id,
      date: w.date,
      sets: w.sets,
      createdAt: iso(w.createdAt),
      updatedAt: iso(w.updatedAt),
    })),
    checkins: paged(repos.checkins, owner, (c) => ({
      id: c.id,
      date: c.date,
      soreness: c.soreness,
      hurtRun: c.hurtRun,
      createdAt: iso(c.createdAt),
    })),
    planChanges: paged(repos.planChanges, owner, (change) => ({
      ...change,
      createdAt: iso(change.createdAt),
    })),
    activities: paged(repos.activities, owner, (a) => ({
      ...a,
      warnings: [...a.warnings],
      createdAt: iso(a.createdAt),
    })),
  };
}

function instant(text: string, field: string): Result<number, AppError> {
  const ms = Date.parse(text);
  return Number.isNaN(ms)
    ? err(invalidField(field, `${excerpt(text)} is not an ISO 8601 instant`))
    : ok(ms);
}

/**
 * An activity's start: the schema has checked the shape (date, time, seconds, a zone); this
 * checks that the day and time exist, which Date.parse does not (it reads 2026-02-30 as March 2).
 */
function activityStart(text: string, field: string): Result<number, AppError> {
  const problem = invalidField(field, `${excerpt(text)} is not an ISO 8601 instant`);
  const ms = Date.parse(text);
  // The schema's pattern puts hours, minutes and seconds at these places.
  const [hour = 24, minute = 60, second = 60] = [11, 14, 17].map((at) =>
    Number(text.slice(at, at + 2)),
  );
  if (
    Number.isNaN(ms) ||
    parseLocalDate(text.slice(0, 10)) === null ||
    hour > 23 ||
    minute > 59 ||
    second > 59
  ) {
    return err(problem);
  }
  return ok(ms);
}

/**
 * Checks what the schema cannot (real dates, known exercises, a valid profile) before anything
 * is written.
 *
 * Over 80 lines: every check of an import document before anything is written, in the order the
 * document reads; each is short and reports the first field it refuses.
 */
async function checkDocument(
  doc: ImportDocument,
  storedWeekStart: Weekday | null,
): Promise<AppError | null> {
  let weekStart = storedWeekStart;
  if (doc.profile !== null) {
    const profile = validateProfile(doc.profile);
    if (!profile.ok)
      return invalidField(
        `profile.${profile.error.field}`.replace(/\.$/, ""),
        profile.error.message,
      );
    weekStart = profile.value.weekStart;
  }
  // A slice of the log at a time (each entry is checked on its own), the event loop handed
  // back between slices; the field names count from the document's first entry.
  for (let from = 0; from < Math.max(doc.workouts.length, doc.checkins.length); from += LOG_SLICE) {
    const log = validateTrainingLog({
      workouts: doc.workouts
        .slice(from, from + LOG_SLICE)
        .map((w) => ({ date: w.date, sets: [...w.sets] })),
      checkins: doc.checkins
        .slice(from, from + LOG_SLICE)
        .map((c) => ({ date: c.date, soreness: c.soreness, hurtRun: c.hurtRun })),
    });
    if (!log.ok) {
      const field = log.error.field
        .replace(/^workouts\[(\d+)\]/, (_, i) => `workouts[${from + Number(i)}]`)
        .replace(/^checkins\[(\d+)\]/, (_, i) => `checkins[${from + Number(i)}]`);
      return invalidField(field, log.error.message);
    }
    await breathe();
  }
  for (const [name, keys] of [
    ["workouts", doc.workouts.map((w) => w.id)],
    ["checkins", doc.checkins.map((c) => c.id)],
    ["planChanges", doc.planChanges.map((c) => c.id)],
  ] as const) {
    await breathe();
    const repeat = firstRepeat(keys);
    if (repeat) {
      return invalidField(
        `${name}[${repeat.again}].id`,
        `is the id of ${name}[${repeat.first}] too`,
      );
    }
  }
  // One check-in a day, as the API keeps it: a second one would replace the first.
  const sameDay = firstRepeat(doc.checkins.map((c) => c.date));
  if (sameDay) {
    return invalidField(
      `checkins[${sameDay.again}].date`,
      `is the day of checkins[${sameDay.first}] too: one check-in a day`,
    );
  }
  if (doc.planChanges.length && weekStart === null) {
    return invalidField(
      "planChanges",
      "need a profile (moves and swaps change a plan): the document has none, nor has the account",
    );
  }
  for (const [i, change] of doc.planChanges.entries()) {
    const problem = restoredChangeProblem(change, weekStart ?? "mon", `planChanges[${i}]`);
    if (problem) return invalidField(problem.field, problem.message);
  }
  for (const [i, activity] of (doc.activities ?? []).entries()) {
    const start = activityStart(activity.start, `activities[${i}].start`);
    if (!start.ok) return start.error;
  }
  // Every instant, in the document's order; a slice at a time (200,000 of them in the largest
  // document), without building a list of them first.
  const stamped: [string, readonly { readonly createdAt: string }[]][] = [
    ["workouts", doc.workouts],
    ["checkins", doc.checkins],
    ["planChanges", doc.planChanges],
    ["activities", doc.activities ?? []],
  ];
  for (const [name, items] of stamped) {
    for (const [i, item] of items.entries()) {
      const created = instant(item.createdAt, `${name}[${i}].createdAt`);
      if (!created.ok) return created.error;
      if (name === "workouts") {
        const updated = instant(doc.workouts[i]?.updatedAt ?? "", `workouts[${i}].updatedAt`);
        if (!updated.ok) return updated.error;
      }
      if (i % LOG_SLICE === LOG_SLICE - 1) await breathe();
    }
  }
  return null;
}

/**
 * Rows written between two turns of the event loop: a restore of 50,000 workouts runs for
 * seconds, and an embedded database answers each query without ever handing the loop back
 * (its promises resolve as microtasks), so other requests (a health check, another
 * athlete's plan) would wait for all of it.
 */
const YIELD_EVERY = 200;

const breathe = () => new Promise<void>((resolve) => setImmediate(resolve));

/** Log entries checked between two turns of the event loop. */
const LOG_SLICE = 2000;

/** Activities stored per call of the duplicate rule: it compares each with those before it. */
const ACTIVITY_CHUNK = 500;

export interface ImportSummary {
  readonly workouts: { readonly added: number; readonly kept: number };
  readonly checkins: number;
  readonly planChanges: { readonly added: number; readonly kept: number };
  readonly profile: boolean;
  /** `kept`: already stored (same id) or the same activity as one stored (the duplicate rule). */
  readonly activities: { readonly added: number; readonly kept: number };
}

/**
 * Restores an export into an account, in one transaction. Idempotent: workouts and plan
 * changes already stored (same id) are kept as they are, check-ins are one per day, and
 * activities go through the import's duplicate rule (a stored id, or the same activity from
 * another file, is kept as stored). An export made before activities were exported has none.
 */
export async function importAccount(
  store: Store,
  user: User,
  doc: ImportDocument,
  clock: Clock,
): Promise<Result<ImportSummary, AppError>> {
  const stored = doc.profile === null ? await store.profiles.get(user.id) : null;
  const storedWeekStart = stored ? ((stored as { weekStart?: Weekday }).weekStart ?? null) : null;
  const problem = await checkDocument(doc, storedWeekStart);
  if (problem) return err(problem);
  const summary = await store.transaction(
    async (repos) => {
      let added = 0;
      let kept = 0;
      for (const [i, w] of doc.workouts.entries()) {
        if (i % YIELD_EVERY === YIELD_EVERY - 1) await breathe();
        const outcome = await repos.workouts.insert(user.id, {
          id: w.id,
          date: w.date,
          sets: w.sets,
          createdAt: Date.parse(w.createdAt),
          updatedAt: Date.parse(w.updatedAt),
        });
        if (outcome === "inserted") added++;
        else kept++;
      }
      for (const [i, c] of doc.checkins.entries()) {
        if (i % YIELD_EVERY === YIELD_EVERY - 1) await breathe();
        await repos.checkins.upsert(user.id, {
          id: c.id,
          date: c.date,
          soreness: c.soreness,
          hurtRun: c.hurtRun,
          createdAt: Date.parse(c.createdAt),
        });
      }
      const existing = new Set((await repos.planChanges.list(user.id)).map((change) => change.id));
      let changesAdded = 0;
      for (const change of doc.planChanges) {
        if (existing.has(change.id)) continue;
        await repos.planChanges.add(user.id, {
          ...change,
          createdAt: Date.parse(change.createdAt),
        } as StoredPlanChange);
        changesAdded++;
      }
      const activities = (doc.activities ?? []).map(
        (a): StoredActivity => ({
          ...a,
          start: new Date(Date.parse(a.start)).toISOString(),
          warnings: [...a.warnings],
          createdAt: Date.parse(a.createdAt),
        }),
      );
      let activitiesAdded = 0;
      // In chunks, in the document's order (an export's is oldest start first): each chunk is
      // compared with what is stored by now, earlier chunks included, as one call would.
      for (let from = 0; from < activities.length; from += ACTIVITY_CHUNK) {
        const chunk = activities.slice(from, from + ACTIVITY_CHUNK);
        activitiesAdded += (await repos.activities.insertNew(user.id, chunk)).inserted.length;
        await breathe();
      }
      if (doc.profile !== null)
        await repos.profiles.put(user.id, doc.profile, clock.now().getTime());
      return {
        workouts: { added, kept },
        checkins: doc.checkins.length,
        planChanges: { added: changesAdded, kept: doc.planChanges.length - changesAdded },
        profile: doc.profile !== null,
        activities: { added: activitiesAdded, kept: activities.length - activitiesAdded },
      };
    },
    { large: true },
  );
  return ok(summary);
}
