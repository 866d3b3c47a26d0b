/** The migrations run up and down on the database the run asked for (see testDatabaseKind). */
import { afterEach, beforeEach, expect, it } from "vitest";
import { MIGRATIONS } from "../../src/adapters/db/migrations/index.js";
import {
  migrateDownAll,
  migrateToLatest,
  pendingMigrations,
} from "../../src/adapters/db/migrator.js";
import { TABLES } from "../../src/adapters/db/schema.js";
import { type TestDatabase, testDatabase } from "../support/database.js";

let t: TestDatabase;

beforeEach(async () => {
  t = await testDatabase();
});

afterEach(async () => {
  await t.dispose();
});

/** The app's tables, leaving out Kysely's own bookkeeping (kysely_migration*). */
async function appTables(): Promise<string[]> {
  const tables = await t.database.db.introspection.getTables();
  return tables
    .map((table) => table.name)
    .filter((name) => !name.startsWith("kysely_"))
    .sort();
}

const ALL = Object.keys(MIGRATIONS).sort();

it("lists every migration as pending on an empty database, without writing anything", async () => {
  expect(ALL).toContain("0001-initial");
  expect(await pendingMigrations(t.database.db)).toEqual(ALL);
  expect(await t.database.db.introspection.getTables()).toEqual([]);
});

it("migrates up to the latest, then has nothing pending and every table", async () => {
  expect(await migrateToLatest(t.database.db)).toEqual(ALL);
  expect(await pendingMigrations(t.database.db)).toEqual([]);
  expect(await appTables()).toEqual([...TABLES].sort());
  expect(await migrateToLatest(t.database.db)).toEqual([]);
});

it("migrates down removing every table, and up again", async () => {
  await migrateToLatest(t.database.db);
  expect(await migrateDownAll(t.database.db)).toEqual([...ALL].reverse());
  expect(await appTables()).toEqual([]);
  expect(await pendingMigrations(t.database.db)).toEqual(ALL);

  expect(await migrateToLatest(t.database.db)).toEqual(ALL);
  expect(await appTables()).toEqual([...TABLES].sort());
  // The schema works after the round trip: a user row goes in and comes out.
  await t.database.db
    .insertInto("user")
    .values({
      id: "u",
      email: "u@example.com",
      name: "U",
      password_hash: "h",
      created_at: 1,
      password_changed_at: 1,
    })
    .execute();
  expect(await t.database.db.selectFrom("user").select("id").execute()).toEqual([{ id: "u" }]);
});

it("keeps the failing migration's error as the cause", async () => {
  await migrateToLatest(t.database.db);
  // Drop a table behind the migrator's back: undoing 0001 then fails on it.
  await t.database.db.schema.dropTable("plan_change").execute();
  const failure = await migrateDownAll(t.database.db).catch((error: unknown) => error);
  expect(failure).toBeInstanceOf(Error);
  expect((failure as Error).message).toContain("0001-initial");
  expect((failure as Error).cause).toBeInstanceOf(Error);
});
