/**
 * Recorded activities imported from files (docs/importers.md): one row per activity, kept once even when
 * several files or formats carry it (see src/core/running/duplicates.ts).
 */
import type { Kysely } from "kysely";

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable("activity")
    .addColumn("owner_id", "text", (c) => c.notNull().references("user.id").onDelete("cascade"))
    .addColumn("id", "text", (c) => c.notNull())
    .addColumn("sport", "text", (c) => c.notNull())
    .addColumn("start_at", "bigint", (c) => c.notNull())
    .addColumn("elapsed_s", "double precision")
    .addColumn("moving_s", "double precision")
    .addColumn("distance_m", "double precision")
    .addColumn("avg_hr", "double precision")
    .addColumn("max_hr", "double precision")
    .addColumn("ascent_m", "double precision")
    .addColumn("source_name", "text")
    .addColumn("format", "text", (c) => c.notNull())
    .addColumn("source", "text", (c) => c.notNull())
    .addColumn("warnings", "text", (c) => c.notNull())
    .addColumn("created_at", "bigint", (c) => c.notNull())
    .addPrimaryKeyConstraint("activity_pk", ["owner_id", "id"])
    .execute();
  await db.schema
    .createIndex("activity_owner_start_idx")
    .on("activity")
    .columns(["owner_id", "start_at"])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  // The index goes with its table.
  await db.schema.dropTable("activity").execute();
}
