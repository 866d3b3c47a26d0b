/** Small helpers the repositories share. */
import type { Kysely, Transaction } from "kysely";
import type { Schema } from "../schema.js";

/** A repository runs on the database or inside a transaction (a Transaction is a Kysely). */
export type Db = Kysely<Schema> | Transaction<Schema>;

/**
 * Runs `work` in a transaction: the caller's when `db` already is one (so an outer
 * `store.transaction()` covers it), a new one otherwise.
 */
export function inTransaction<T>(db: Db, work: (trx: Db) => Promise<T>): Promise<T> {
  return db.isTransaction ? work(db) : db.transaction().execute(work);
}

/** Marks the account's training data as changed (see migration 0002); call inside the write's transaction. */
export async function touch(db: Db, ownerId: string): Promise<void> {
  await db
    .updateTable("user")
    .set((eb) => ({ data_version: eb("data_version", "+", 1) }))
    .where("id", "=", ownerId)
    .execute();
}

/**
 * Deletes one row of an owner's training data by id, and marks the data changed when a row
 * went. The owner is part of the where clause: another owner's id deletes nothing.
 */
export function deleteOwned(
  db: Db,
  table: "workout" | "plan_change" | "activity",
  ownerId: string,
  id: string,
): Promise<boolean> {
  return inTransaction(db, async (trx) => {
    const result = await trx
      .deleteFrom(table)
      .where("owner_id", "=", ownerId)
      .where("id", "=", id)
      .executeTakeFirst();
    const deleted = toCount(result.numDeletedRows) > 0;
    if (deleted) await touch(trx, ownerId);
    return deleted;
  });
}

/** Row counts: Kysely gives bigints, PostgreSQL's count(*) may come back as a string. */
export function toCount(value: bigint | number | string | null | undefined): number {
  if (value === null || value === undefined) return 0;
  const count = Number(value);
  if (!Number.isSafeInteger(count)) throw new Error(`not a row count: ${String(value)}`);
  return count;
}

/** Epoch milliseconds from a column that a driver may hand back as a string or bigint. */
export function toInstant(value: number | bigint | string): number {
  const ms = Number(value);
  if (!Number.isSafeInteger(ms)) throw new Error(`not an instant in ms: ${String(value)}`);
  return ms;
}
