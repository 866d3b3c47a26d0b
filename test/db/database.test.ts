/** openDatabase's SQLite set-up: folder, WAL, foreign keys, durable commits. */
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { sql } from "kysely";
import { afterEach, expect, it } from "vitest";
import { openDatabase } from "../../src/adapters/db/database.js";

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
