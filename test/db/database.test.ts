/** openDatabase's SQLite set-up: folder, WAL, foreign keys, durable commits, background checkpoints. */
import { statSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type Kysely, sql } from "kysely";
import { afterEach, describe, expect, it, vi } from "vitest";
import { openDatabase } from "../../src/adapters/db/database.js";
import type { Schema } from "../../src/adapters/db/schema.js";
import { startWalCheckpointer } from "../../src/adapters/db/wal-checkpointer.js";

const dirs: string[] = [];
afterEach(async () => {
  for (const dir of dirs.splice(0)) await rm(dir, { recursive: true, force: true });
});

it("creates the SQLite file's folder and opens it in WAL mode, foreign keys on, synchronous FULL", async () => {
  const dir = await mkdtemp(join(tmpdir(), "capacity-test-"));
  dirs.push(dir);
  const database = openDatabase({
    kind: "sqlite",
    file: join(dir, "nested", "deeper", "c.sqlite"),
  });
  try {
    const pragma = async (name: string) =>
      (await sql.raw<Record<string, unknown>>(`pragma ${name}`).execute(database.db)).rows[0];
    expect(await pragma("journal_mode")).toEqual({ journal_mode: "wal" });
    expect(await pragma("foreign_keys")).toEqual({ foreign_keys: 1 });
    expect(await pragma("busy_timeout")).toEqual({ timeout: 5000 });
    // 2 = FULL
    expect(await pragma("synchronous")).toEqual({ synchronous: 2 });
  } finally {
    await database.close();
    await database.close();
  }
});

describe("background checkpoints (the server's SQLite file)", () => {
  async function open() {
    const dir = await mkdtemp(join(tmpdir(), "capacity-test-"));
    dirs.push(dir);
    const file = join(dir, "c.sqlite");
    const database = openDatabase({ kind: "sqlite", file }, { checkpointInBackground: true });
    await sql`create table t (n integer primary key, text text not null)`.execute(database.db);
    return { database, file };
  }
  const pragma = async (db: Kysely<Schema>, name: string) =>
    (await sql.raw<Record<string, unknown>>(`pragma ${name}`).execute(db)).rows[0];

  it("leaves checkpoints to a worker: the WAL reaches the database file without the app's connection copying it", async () => {
    const { database, file } = await open();
    try {
      expect(await pragma(database.db, "wal_autocheckpoint")).toEqual({ wal_autocheckpoint: 0 });
      const before = statSync(file).size;
      await database.db.transaction().execute(async (trx) => {
        for (let n = 0; n < 2000; n++)
          await sql`insert into t (n, text) values (${n}, ${"x".repeat(200)})`.execute(trx);
      });
      // Only the worker copies pages into the file; it runs once a second.
      await vi.waitFor(() => expect(statSync(file).size).toBeGreaterThan(before + 200_000), {
        timeout: 5000,
        interval: 100,
      });
    } finally {
      await database.close();
    }
  });

  it("a large transaction commits everything, is synced before it resolves, and restores synchronous FULL", async () => {
    const { database } = await open();
    try {
      const result = await database.largeTransaction(async (trx) => {
        for (let n = 0; n < 500; n++)
          await sql`insert into t (n, text) values (${n}, ${"y"})`.execute(trx);
        return "done";
      });
      expect(result).toBe("done");
      expect(await pragma(database.db, "synchronous")).toEqual({ synchronous: 2 });
      const count = await sql<{ c: number }>`select count(*) as c from t`.execute(database.db);
      expect(count.rows[0]?.c).toBe(500);
    } finally {
      await database.close();
    }
  });

  it("a large transaction that throws writes nothing and leaves synchronous FULL", async () => {
    const { database } = await open();
    try {
      await expect(
        database.largeTransaction(async (trx) => {
          await sql`insert into t (n, text) values (1, 'z')`.execute(trx);
          throw new Error("refused half-way");
        }),
      ).rejects.toThrow("refused half-way");
      expect(await pragma(database.db, "synchronous")).toEqual({ synchronous: 2 });
      const count = await sql<{ c: number }>`select count(*) as c from t`.execute(database.db);
      expect(count.rows[0]?.c).toBe(0);
    } finally {
      await database.close();
    }
  });

  it("a worker that cannot open the file is reported, and its syncs refused", async () => {
    const failures: Error[] = [];
    const checkpointer = startWalCheckpointer("/nonexistent/folder/c.sqlite", (error) =>
      failures.push(error),
    );
    await vi.waitFor(() => expect(failures).toHaveLength(1), { timeout: 5000 });
    expect(checkpointer.alive).toBe(false);
    await expect(checkpointer.sync()).rejects.toThrow("not running");
    await checkpointer.stop();
  });
});
