/**
 * The resistance band a set was done with (protocol section 6: the band ladder). Null for sets
 * without one, so every set logged before keeps its meaning.
 */
import type { Kysely } from "kysely";

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable("workout_set").addColumn("band", "text").execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable("workout_set").dropColumn("band").execute();
}
