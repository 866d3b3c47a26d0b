/** Schema migrations with Kysely's Migrator and the static list in ./migrations. */
import { type Kysely, type MigrationResult, Migrator, NO_MIGRATIONS } from "kysely";
import { MIGRATIONS } from "./migrations/index.js";
import type { Schema } from "./schema.js";

function migrator(db: Kysely<Schema>): Migrator {
  return new Migrator({
    db,
    provider: { getMigrations: async () => MIGRATIONS },
  });
}

function check(
  action: string,
  outcome: { error?: unknown; results?: MigrationResult[] },
): string[] {
  const results = outcome.results ?? [];
  if (outcome.error !== undefined) {
    const failed = results.find((r) => r.status === "Error")?.migrationName;
    const where = failed ? ` at ${failed}` : "";
    const message = outcome.error instanceof Error ? outcome.error.message : String(outcome.error);
    throw new Error(`${action} failed${where}: ${message}`, { cause: outcome.error });
  }
  return results.filter((r) => r.status === "Success").map((r) => r.migrationName);
}

/** Applies every pending migration; returns the names applied (empty when up to date). */
export async function migrateToLatest(db: Kysely<Schema>): Promise<string[]> {
  return check("migrating the database", await migrator(db).migrateToLatest());
}

/** Names of the migrations not applied yet, in the order they would run. Writes nothing. */
export async function pendingMigrations(db: Kysely<Schema>): Promise<string[]> {
  const migrations = await migrator(db).getMigrations();
  return migrations.filter((m) => m.executedAt === undefined).map((m) => m.name);
}

/** Undoes every migration (tests and operators starting over); returns the names undone. */
export async function migrateDownAll(db: Kysely<Schema>): Promise<string[]> {
  return check("undoing the migrations", await migrator(db).migrateTo(NO_MIGRATIONS));
}
