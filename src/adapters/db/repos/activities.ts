import type { Insertable, Selectable } from "kysely";
import type { ActivityRepo, StoredActivity } from "../../../app/ports.js";
import { splitDuplicates } from "../../../core/running/duplicates.js";
import { MS_PER_DAY } from "../../../core/units/local-date.js";
import type { ActivityTable } from "../schema.js";
import { type Db, deleteOwned, inTransaction, toCount, toInstant, touch } from "./shared.js";

function startMs(activity: StoredActivity): number {
  const ms = Date.parse(activity.start);
  if (!Number.isSafeInteger(ms)) {
    throw new Error(`activity ${activity.id}: not an instant: ${JSON.stringify(activity.start)}`);
  }
  return ms;
}

function toRow(ownerId: string, activity: StoredActivity): Insertable<ActivityTable> {
  return {
    owner_id: ownerId,
    id: activity.id,
    sport: activity.sport,
    start_at: startMs(activity),
    elapsed_s: activity.elapsedS,
    moving_s: activity.movingS,
    distance_m: activity.distanceM,
    avg_hr: activity.avgHr,
    max_hr: activity.maxHr,
    ascent_m: activity.ascentM,
    source_name: activity.sourceName,
    format: activity.format,
    source: activity.source,
    warnings: JSON.stringify(activity.warnings),
    created_at: activity.createdAt,
  };
}

/** Floats a driver may hand back as strings (PostgreSQL numeric types) become numbers. */
function num(value: number | string | null): number | null {
  return value === null ? null : Number(value);
}

function toActivity(row: Selectable<ActivityTable>): StoredActivity {
  const warnings: unknown = JSON.parse(row.warnings);
  return {
    id: row.id,
    sport: row.sport,
    start: new Date(toInstant(row.start_at)).toISOString(),
    elapsedS: num(row.elapsed_s),
    movingS: num(row.moving_s),
    distanceM: num(row.distance_m),
    avgHr: num(row.avg_hr),
    maxHr: num(row.max_hr),
    ascentM: num(row.ascent_m),
    sourceName: row.source_name,
    format: row.format,
    source: row.source,
    warnings: Array.isArray(warnings) ? warnings.map(String) : [],
    createdAt: toInstant(row.created_at),
  };
}

function selectActivities(db: Db, ownerId: string, range?: { fromMs: number; toMs: number }) {
  let query = db.selectFrom("activity").selectAll().where("owner_id", "=", ownerId);
  if (range) {
    query = query.where("start_at", ">=", range.fromMs).where("start_at", "<=", range.toMs);
  }
  return query.orderBy("start_at").orderBy("created_at").orderBy("id");
}

/**
 * Makes the owner's imports wait for each other: the duplicate rule reads what is stored, then
 * inserts what is new, and two imports of the same file reading at once would both find it
 * new. Writing the owner's row first (changing nothing: data_version keeps its value, and is
 * raised by touch() only once something was inserted) queues them: on PostgreSQL the row lock
 * (FOR NO KEY UPDATE, which inserts of other rows' foreign keys do not wait for) is held until
 * the commit, and the next import's reads, each with a fresh snapshot under READ COMMITTED,
 * see what the first stored. On SQLite it takes the database's write lock at the start of the
 * transaction, so an import in another process waits (busy_timeout) rather than failing on a
 * stale read; in one process Kysely already runs SQLite transactions one after the other.
 * Plain SQL of both dialects: SQLite has no SELECT ... FOR UPDATE.
 */
async function queueOwnersImports(trx: Db, ownerId: string): Promise<void> {
  await trx
    .updateTable("user")
    .set((eb) => ({ data_version: eb.ref("data_version") }))
    .where("id", "=", ownerId)
    .execute();
}

export function activityRepo(db: Db): ActivityRepo {
  return {
    insertNew(ownerId, activities) {
      if (activities.length === 0) return Promise.resolve({ inserted: [], duplicates: [] });
      const starts = activities.map(startMs);
      const range = {
        fromMs: Math.min(...starts) - MS_PER_DAY,
        toMs: Math.max(...starts) + MS_PER_DAY,
      };
      return inTransaction(db, async (trx) => {
        await queueOwnersImports(trx, ownerId);
        const stored = (await selectActivities(trx, ownerId, range).execute()).map(toActivity);
        const { fresh, duplicates } = splitDuplicates(activities, stored);
        const inserted: StoredActivity[] = [];
        for (const activity of fresh) {
          // An id already taken for this owner (a retried import) is a no-op, not a unique
          // violation that would abort the transaction on PostgreSQL: it counts as a duplicate.
          const result = await trx
            .insertInto("activity")
            .values(toRow(ownerId, activity))
            .onConflict((oc) => oc.columns(["owner_id", "id"]).doNothing())
            .executeTakeFirst();
          if (toCount(result.numInsertedOrUpdatedRows) > 0) inserted.push(activity);
          else duplicates.push(activity);
        }
        if (inserted.length > 0) await touch(trx, ownerId);
        return { inserted, duplicates };
      });
    },

    async list(ownerId, range) {
      return (await selectActivities(db, ownerId, range).execute()).map(toActivity);
    },

    async page(ownerId, after, limit) {
      let query = db.selectFrom("activity").selectAll().where("owner_id", "=", ownerId);
      if (after) {
        query = query.where(({ eb, refTuple, tuple }) =>
          eb(
            refTuple("start_at", "created_at", "id"),
            ">",
            tuple(startMs(after), after.createdAt, after.id),
          ),
        );
      }
      const rows = await query
        .orderBy("start_at")
        .orderBy("created_at")
        .orderBy("id")
        .limit(limit)
        .execute();
      return rows.map(toActivity);
    },

    delete(ownerId, id) {
      return deleteOwned(db, "activity", ownerId, id);
    },
  };
}
