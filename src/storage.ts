import { join } from "node:path";
import { type Database, type DatabaseTarget, openDatabase } from "./adapters/db/database.js";
import { migrateToLatest, pendingMigrations } from "./adapters/db/migrator.js";
import { createStore } from "./adapters/db/store.js";
import type { Store } from "./app/ports.js";
import type { Config } from "./config.js";

export const SQLITE_FILE = "capacity.sqlite";

export function databaseTarget(config: Config): DatabaseTarget {
  return config.databaseUrl
    ? { kind: "postgres", url: config.databaseUrl }
    : { kind: "sqlite", file: join(config.dataDir, SQLITE_FILE) };
}

/** Where the data lives, in words for a person (a PostgreSQL URL without its password). */
export function describeTarget(target: DatabaseTarget): string {
  if (target.kind === "sqlite") return `SQLite ${target.file}`;
  const url = new URL(target.url);
  if (url.password) url.password = "***";
  return `PostgreSQL ${url.toString()}`;
}

export class PendingMigrations extends Error {
  override readonly name = "PendingMigrations";
  constructor(readonly pending: readonly string[]) {
    super(
      `The PostgreSQL database has ${pending.length} migration(s) to apply (${pending.join(", ")}). Run \`capacity db migrate\` first.`,
    );
  }
}

/**
 * Opens the configured database for the server: the embedded SQLite file is created and
 * migrated on the spot; PostgreSQL is shared, so its migrations are an operator's step and the
 * server refuses to start while some are pending.
 */
export async function openStoreForServer(
  config: Config,
  options: { readonly checkpointInBackground?: boolean } = {},
): Promise<{ store: Store; database: Database }> {
  const database = openDatabase(databaseTarget(config), options);
  try {
    if (database.kind === "sqlite") {
      await migrateToLatest(database.db);
    } else {
      const pending = await pendingMigrations(database.db);
      if (pending.length) throw new PendingMigrations(pending);
    }
  } catch (error) {
    await database.close();
    throw error;
  }
  return { store: createStore(database), database };
}
