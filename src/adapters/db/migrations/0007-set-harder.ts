/**
 * "Still slow" (protocol section 6): once a set at the top of a ladder was too easy (10 or more
 * reps with 3 or more left, `readSet`'s rung "harder"), the tempo stays slow from then on, however
 * long ago that was. The planner's bounded read (app/plan-log.ts) therefore also reads, per
 * exercise and band, the last day of such a set. This partial index holds only those sets, so
 * that the read costs a few index entries, not a walk over years of an exercise's sets. Its
 * numbers mirror `readSet` in core/progression/verdict.ts; the read states them as literals, as
 * SQLite and PostgreSQL need to use a partial index.
 */
import { type Kysely, sql } from "kysely";

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`create index workout_set_harder_idx on workout_set (owner_id, exercise, band, date) where kind is null and reps >= 10 and rir >= 3`.execute(
    db,
  );
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex("workout_set_harder_idx").execute();
}
