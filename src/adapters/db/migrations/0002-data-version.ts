/**
 * A per-account counter that every write of the account's training data raises in the same
 * transaction. Servers keep computed plans in memory keyed by it: when another process writes,
 * the counter read with the session tells every server that its copy is stale.
 */
import type { Kysely } from "kysely";

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable("user")
    .addColumn("data_version", "integer", (c) => c.notNull().defaultTo(0))
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable("user").dropColumn("data_version").execute();
}
