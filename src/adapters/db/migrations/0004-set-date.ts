/**
 * The planner reads, per exercise, only its last few training days (app/plan-log.ts). A set
 * carries its workout's day so that an index on (owner, exercise, day) answers "the last K
 * days of this exercise" with a short descending index walk instead of a join over the whole
 * log. The day is written with the set, in the same transaction as the workout's.
 */
import { type Kysely, sql } from "kysely";

export async function up(db: Kysely<unknown>): Promise<void> {
  // Nullable only because ALTER TABLE ADD COLUMN on SQLite needs a default for NOT NULL; every
  // write sets it and the backfill below fills the rows written before.
  await db.schema.alterTable("workout_set").addColumn("date", "text").execute();
  await sql`update workout_set set date = (select w.date from workout w where w.owner_id = workout_set.owner_id and w.id = workout_set.workout_id)`.execute(
    db,
  );
  await db.schema
    .createIndex("workout_set_owner_exercise_date_idx")
    .on("workout_set")
    .columns(["owner_id", "exercise", "date"])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex("workout_set_owner_exercise_date_idx").execute();
  await db.schema.alterTable("workout_set").dropColumn("date").execute();
}
