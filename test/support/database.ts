/**
 * A fresh, throw-away database for a test: an SQLite file in a temp folder, or, with
 * CAPACITY_TEST_DATABASE=postgres, a PostgreSQL database `capacity_test_<random>` created
 * through the admin URL (CAPACITY_TEST_PG_ADMIN_URL, default the local server) and dropped
 * by dispose().
 */
import { randomBytes } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Kysely } from "kysely";
import pg from "pg";
import { type Database, openDatabase } from "../../src/adapters/db/database.js";
import { migrateToLatest } from "../../src/adapters/db/migrator.js";
import type { Schema } from "../../src/adapters/db/schema.js";
import { createStore } from "../../src/adapters/db/store.js";
import type { Store } from "../../src/app/ports.js";

export type TestDatabaseKind = "sqlite" | "postgres";

const DEFAULT_PG_ADMIN_URL = "postgres://postgres@127.0.0.1:5432/postgres";

/** Which database the tests of this run use (CAPACITY_TEST_DATABASE, default sqlite). */
export function testDatabaseKind(): TestDatabaseKind {
  const value = process.env.CAPACITY_TEST_DATABASE;
  if (value === undefined || value === "" || value === "sqlite") return "sqlite";
  if (value === "postgres") return "postgres";
  throw new Error(
    `CAPACITY_TEST_DATABASE must be "sqlite" or "postgres", not ${JSON.stringify(value)}`,
  );
}

export interface TestDatabase {
  readonly database: Database;
  /** The PostgreSQL URL, or null on SQLite. */
  readonly url: string | null;
  /** The SQLite file, or null on PostgreSQL. */
  readonly file: string | null;
  /** Closes the database and drops or removes it. Safe to call twice. */
  dispose(): Promise<void>;
}

async function adminQuery(text: string): Promise<void> {
  const client = new pg.Client({
    connectionString: process.env.CAPACITY_TEST_PG_ADMIN_URL || DEFAULT_PG_ADMIN_URL,
  });
  await client.connect();
  try {
    await client.query(text);
  } finally {
    await client.end();
  }
}

/** A fresh empty database, not migrated unless `migrated` is true. */
export async function testDatabase(options: { migrated?: boolean } = {}): Promise<TestDatabase> {
  const made = testDatabaseKind() === "postgres" ? await freshPostgres() : await freshSqlite();
  if (options.migrated) {
    try {
      await migrateToLatest(made.database.db);
    } catch (error) {
      await made.dispose();
      throw error;
    }
  }
  return made;
}

async function freshSqlite(): Promise<TestDatabase> {
  const dir = await mkdtemp(join(tmpdir(), "capacity-test-"));
  const file = join(dir, "capacity.sqlite");
  const database = openDatabase({ kind: "sqlite", file });
  let disposed = false;
  return {
    database,
    url: null,
    file,
    async dispose() {
      if (disposed) return;
      disposed = true;
      try {
        await database.close();
      } finally {
        await rm(dir, { recursive: true, force: true });
      }
    },
  };
}

async function freshPostgres(): Promise<TestDatabase> {
  const name = `capacity_test_${randomBytes(8).toString("hex")}`;
  await adminQuery(`CREATE DATABASE ${name}`);
  const url = new URL(process.env.CAPACITY_TEST_PG_ADMIN_URL || DEFAULT_PG_ADMIN_URL);
  url.pathname = `/${name}`;
  const database = openDatabase({ kind: "postgres", url: url.href });
  let disposed = false;
  return {
    database,
    url: url.href,
    file: null,
    async dispose() {
      if (disposed) return;
      disposed = true;
      try {
        await database.close();
      } finally {
        // FORCE ends connections a failed test may have left open (PostgreSQL 13+).
        await adminQuery(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      }
    },
  };
}

/** A store on a fresh database migrated to the latest schema. */
export async function testStore(): Promise<{
  store: Store;
  url: string | null;
  file: string | null;
  /** The same database, for tests that look at the rows themselves. */
  db: Kysely<Schema>;
  dispose(): Promise<void>;
}> {
  const { database, url, file, dispose } = await testDatabase({ migrated: true });
  return { store: createStore(database), url, file, db: database.db, dispose };
}
