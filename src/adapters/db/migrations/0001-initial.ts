/**
 * The first schema. Written with Kysely's schema builder so that one migration set runs on
 * SQLite and PostgreSQL alike; `sql` only for CHECK expressions, which the builder cannot say.
 *
 * Type choices that read the same on both: `text`; `integer`; `bigint` for epoch milliseconds
 * (INTEGER affinity on SQLite, int8 on PostgreSQL); `double precision` for kilograms (REAL
 * affinity on SQLite, float8 on PostgreSQL).
 */
import { type Kysely, sql } from "kysely";

// Over 80 lines: one statement per table and index; a migration reads best top to bottom as the
// schema it makes, and it never changes once released.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable("user")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("email", "text", (c) => c.notNull().unique())
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("password_hash", "text", (c) => c.notNull())
    .addColumn("created_at", "bigint", (c) => c.notNull())
    .addColumn("password_changed_at", "bigint", (c) => c.notNull())
    .execute();

  await db.schema
    .createTable("auth_session")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("user_id", "text", (c) => c.notNull().references("user.id").onDelete("cascade"))
    .addColumn("created_at", "bigint", (c) => c.notNull())
    .addColumn("expires_at", "bigint", (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex("auth_session_user_id_idx")
    .on("auth_session")
    .column("user_id")
    .execute();

  await db.schema
    .createTable("profile")
    .addColumn("user_id", "text", (c) => c.primaryKey().references("user.id").onDelete("cascade"))
    .addColumn("data", "text", (c) => c.notNull())
    .addColumn("updated_at", "bigint", (c) => c.notNull())
    .execute();

  await db.schema
    .createTable("workout")
    .addColumn("owner_id", "text", (c) => c.notNull().references("user.id").onDelete("cascade"))
    .addColumn("id", "text", (c) => c.notNull())
    .addColumn("date", "text", (c) => c.notNull())
    .addColumn("created_at", "bigint", (c) => c.notNull())
    .addColumn("updated_at", "bigint", (c) => c.notNull())
    .addPrimaryKeyConstraint("workout_pk", ["owner_id", "id"])
    .execute();
  await db.schema
    .createIndex("workout_owner_date_idx")
    .on("workout")
    .columns(["owner_id", "date"])
    .execute();

  await db.schema
    .createTable("workout_set")
    .addColumn("owner_id", "text", (c) => c.notNull())
    .addColumn("workout_id", "text", (c) => c.notNull())
    .addColumn("position", "integer", (c) => c.notNull())
    .addColumn("exercise", "text", (c) => c.notNull())
    .addColumn("load_kg", "double precision")
    .addColumn("load_unit", "text")
    .addColumn("reps", "integer", (c) => c.notNull())
    .addColumn("rir", "integer", (c) => c.notNull())
    .addPrimaryKeyConstraint("workout_set_pk", ["owner_id", "workout_id", "position"])
    .addForeignKeyConstraint(
      "workout_set_workout_fk",
      ["owner_id", "workout_id"],
      "workout",
      ["owner_id", "id"],
      (fk) => fk.onDelete("cascade"),
    )
    .addCheckConstraint(
      "workout_set_load_unit_check",
      sql`(${sql.ref("load_kg")} is null and ${sql.ref("load_unit")} is null) or (${sql.ref("load_kg")} is not null and ${sql.ref("load_unit")} in ('kg', 'lb'))`,
    )
    .execute();

  await db.schema
    .createTable("checkin")
    .addColumn("owner_id", "text", (c) => c.notNull().references("user.id").onDelete("cascade"))
    .addColumn("id", "text", (c) => c.notNull())
    .addColumn("date", "text", (c) => c.notNull())
    .addColumn("soreness", "integer", (c) => c.notNull())
    .addColumn("hurt_run", "integer", (c) => c.notNull())
    .addColumn("created_at", "bigint", (c) => c.notNull())
    .addPrimaryKeyConstraint("checkin_pk", ["owner_id", "id"])
    .addUniqueConstraint("checkin_owner_date_unique", ["owner_id", "date"])
    .addCheckConstraint("checkin_hurt_run_check", sql`${sql.ref("hurt_run")} in (0, 1)`)
    .execute();

  await db.schema
    .createTable("plan_change")
    .addColumn("owner_id", "text", (c) => c.notNull().references("user.id").onDelete("cascade"))
    .addColumn("id", "text", (c) => c.notNull())
    .addColumn("kind", "text", (c) => c.notNull())
    .addColumn("data", "text", (c) => c.notNull())
    .addColumn("created_at", "bigint", (c) => c.notNull())
    .addPrimaryKeyConstraint("plan_change_pk", ["owner_id", "id"])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  // Children first, so no foreign key ever points at a dropped table. Indexes go with their tables.
  for (const table of [
    "plan_change",
    "checkin",
    "workout_set",
    "workout",
    "profile",
    "auth_session",
    "user",
  ]) {
    await db.schema.dropTable(table).execute();
  }
}
