/**
 * The calendar feed's secret, exercise-name choices from lifting-app imports, the imports
 * waiting on those choices, and a set's kind (warm-up and drop sets are kept but progression
 * skips them, docs/protocol.md section 6).
 */
import type { Kysely } from "kysely";

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable("calendar_feed")
    .addColumn("user_id", "text", (c) => c.primaryKey().references("user.id").onDelete("cascade"))
    // The token itself: Settings shows the feed URL again, and it opens the plan only.
    .addColumn("token", "text", (c) => c.notNull().unique())
    .addColumn("created_at", "bigint", (c) => c.notNull())
    .execute();
  await db.schema
    .createTable("exercise_name_map")
    .addColumn("owner_id", "text", (c) => c.notNull().references("user.id").onDelete("cascade"))
    .addColumn("name", "text", (c) => c.notNull())
    // Null: the athlete chose to skip this name.
    .addColumn("exercise", "text")
    .addColumn("created_at", "bigint", (c) => c.notNull())
    .addPrimaryKeyConstraint("exercise_name_map_pk", ["owner_id", "name"])
    .execute();
  await db.schema
    .createTable("strength_import_pending")
    .addColumn("owner_id", "text", (c) => c.notNull().references("user.id").onDelete("cascade"))
    .addColumn("id", "text", (c) => c.notNull())
    .addColumn("source", "text", (c) => c.notNull())
    .addColumn("csv", "text", (c) => c.notNull())
    .addColumn("weight_unit", "text", (c) => c.notNull())
    .addColumn("created_at", "bigint", (c) => c.notNull())
    .addPrimaryKeyConstraint("strength_import_pending_pk", ["owner_id", "id"])
    .execute();
  await db.schema.alterTable("workout_set").addColumn("kind", "text").execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable("workout_set").dropColumn("kind").execute();
  await db.schema.dropTable("strength_import_pending").execute();
  await db.schema.dropTable("exercise_name_map").execute();
  await db.schema.dropTable("calendar_feed").execute();
}
