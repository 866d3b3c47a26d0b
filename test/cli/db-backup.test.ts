/** `capacity db backup` and `capacity db restore`, run as the installed bin on a data folder. */
import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { argon2Hasher, cryptoIds } from "../../src/adapters/crypto.js";
import { openDatabase } from "../../src/adapters/db/database.js";
import { migrateToLatest } from "../../src/adapters/db/migrator.js";
import { createStore } from "../../src/adapters/db/store.js";
import { buildApp } from "../../src/adapters/http/app.js";
import type { Workout } from "../../src/contract/index.js";
import { type CliOutcome, spawnCli } from "../support/cli.js";
import { databaseRows, json, signUp, testClock, workoutBody } from "../support/http.js";

let dir: string;
let dataDir: string;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "capacity-backup-"));
  dataDir = join(dir, "data");
});

afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

/** The bin on this test's data folder only (no DATABASE_URL from the outer shell). */
function capacity(args: string[]): Promise<CliOutcome> {
  return spawnCli(args, { env: { CAPACITY_DATA_DIR: dataDir } });
}

/** The data folder's database, populated through the API; answers its rows. */
async function populate(workouts: number) {
  const database = openDatabase({ kind: "sqlite", file: join(dataDir, "capacity.sqlite") });
  await migrateToLatest(database.db);
  const store = createStore(database);
  const app = await buildApp(
    { store, hasher: argon2Hasher, ids: cryptoIds, clock: testClock(), logInDays: 30 },
    { logLevel: "silent", trustProxy: false, bodyLimitBytes: 1_048_576, authRateLimit: 1000 },
  );
  try {
    const cookie = await signUp(app);
    for (let i = 0; i < workouts; i++) {
      const posted = await json<Workout>(
        app,
        "POST",
        "/api/workouts",
        cookie,
        workoutBody("2026-11-24", 2),
      );
      expect(posted.status).toBe(201);
    }
    return await databaseRows(database.db);
  } finally {
    await app.close();
    await store.close();
  }
}

async function rowsNow() {
  const database = openDatabase({ kind: "sqlite", file: join(dataDir, "capacity.sqlite") });
  try {
    return await databaseRows(database.db);
  } finally {
    await database.close();
  }
}

describe("capacity db backup and restore", () => {
  it("round-trips a populated database; the replaced one is kept", async () => {
    const before = await populate(5);
    const file = join(dir, "backup.sqlite");
    const backup = await capacity(["db", "backup", file]);
    expect(backup.code, backup.err).toBe(0);
    expect(existsSync(file)).toBe(true);

    const after = await populate(3);
    expect(after).not.toEqual(before);
    const restore = await capacity(["db", "restore", file]);
    expect(restore.code, restore.err).toBe(0);
    expect(restore.out).toContain("before-restore");
    expect(await rowsNow()).toEqual(before);
    expect(readdirSync(dataDir).some((name) => name.includes("before-restore"))).toBe(true);
  });

  it("refuses to overwrite a file with a backup, and to restore what is not a backup", async () => {
    await populate(1);
    const before = await rowsNow();
    const taken = join(dir, "taken.sqlite");
    writeFileSync(taken, "x");
    const overwrite = await capacity(["db", "backup", taken]);
    expect(overwrite.code).toBe(2);
    expect(overwrite.err).toContain("exists already");

    const junk = join(dir, "junk.sqlite");
    writeFileSync(junk, "not a database at all");
    const restore = await capacity(["db", "restore", junk]);
    expect(restore.code).toBe(2);
    expect(restore.err).toContain("nothing was changed");
    expect(await rowsNow()).toEqual(before);

    expect((await capacity(["db", "restore"])).code).toBe(2);
  });
});
