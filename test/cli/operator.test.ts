/** The operator commands, run as the installed bin against a server's SQLite data folder. */
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { argon2Hasher } from "../../src/adapters/crypto.js";
import { openDatabase } from "../../src/adapters/db/database.js";
import { migrateToLatest } from "../../src/adapters/db/migrator.js";
import { createStore } from "../../src/adapters/db/store.js";
import { type CliOutcome, ROOT, spawnCli } from "../support/cli.js";

let dataDir: string;

beforeEach(() => {
  if (!existsSync(join(ROOT, "dist/cli/main.js")))
    throw new Error("dist/cli/main.js is missing: run npm run build");
  dataDir = mkdtempSync(join(tmpdir(), "capacity-operator-"));
});

afterEach(() => {
  rmSync(dataDir, { recursive: true, force: true });
});

/** The bin on this test's data folder only. */
function capacity(args: string[], input?: string): Promise<CliOutcome> {
  return spawnCli(args, {
    env: { CAPACITY_DATA_DIR: dataDir },
    ...(input === undefined ? {} : { input }),
  });
}

describe("capacity db", () => {
  it("migrates a new database, then says it is up to date", async () => {
    const first = await capacity(["db", "migrate"]);
    expect(first).toMatchObject({ code: 0 });
    expect(first.out).toMatch(
      /applied 0001-initial, 0002-data-version, 0003-activity, 0004-set-date, 0005-set-band, 0006-calendar-strength, 0007-set-harder\./,
    );
    expect((await capacity(["db", "status"])).out).toMatch(/up to date/);
    expect((await capacity(["db", "migrate"])).out).toMatch(/already up to date/);
  });

  it("refuses an unknown action with exit 2", async () => {
    const result = await capacity(["db", "drop"]);
    expect(result.code).toBe(2);
    expect(result.err).toMatch(/unknown action "drop"; expected migrate or status/);
  });
});

describe("capacity user reset-password", () => {
  async function anAccount(email: string): Promise<string> {
    const database = openDatabase({ kind: "sqlite", file: join(dataDir, "capacity.sqlite") });
    await migrateToLatest(database.db);
    const store = createStore(database);
    await store.users.create({
      id: "u1",
      email,
      name: "Ana",
      passwordHash: await argon2Hasher.hash("the old password"),
      createdAt: 0,
      passwordChangedAt: 0,
      dataVersion: 0,
    });
    await store.logIns.create({
      id: "s1",
      userId: "u1",
      createdAt: 0,
      expiresAt: Date.now() + 86_400_000,
    });
    await store.close();
    return "u1";
  }

  async function storedHash(): Promise<{ hash: string; logIns: number }> {
    const database = openDatabase({ kind: "sqlite", file: join(dataDir, "capacity.sqlite") });
    const store = createStore(database);
    const user = await store.users.byId("u1");
    const logIn = await store.logIns.find("s1", 0);
    await store.close();
    return { hash: user?.passwordHash ?? "", logIns: logIn ? 1 : 0 };
  }

  it("prints a new password that then works, and ends the account's log-ins", async () => {
    await anAccount("ana@example.com");
    const result = await capacity(["user", "reset-password", "ANA@example.com"]);
    expect(result.code).toBe(0);
    const password = /New password for ana@example\.com: (\S+)/.exec(result.out)?.[1] ?? "";
    expect(password).toMatch(/^[a-z2-9]{5}(-[a-z2-9]{5}){3}$/);
    const after = await storedHash();
    expect(await argon2Hasher.verify(after.hash, password)).toBe(true);
    expect(after.logIns).toBe(0);
  });

  it("takes the password from standard input, and refuses a short one", async () => {
    await anAccount("ana@example.com");
    const short = await capacity(
      ["user", "reset-password", "ana@example.com", "--password-stdin"],
      "short\n",
    );
    expect(short.code).toBe(2);
    expect(short.err).toMatch(/at least 10 characters/);
    const ok = await capacity(
      ["user", "reset-password", "ana@example.com", "--password-stdin"],
      "a brand new pass phrase\n",
    );
    expect(ok.code).toBe(0);
    expect(await argon2Hasher.verify((await storedHash()).hash, "a brand new pass phrase")).toBe(
      true,
    );
  });

  it("names an unknown account, exit 2", async () => {
    await anAccount("ana@example.com");
    const result = await capacity(["user", "reset-password", "nobody@example.com"]);
    expect(result.code).toBe(2);
    expect(result.err).toMatch(/No account with the e-mail "nobody@example.com"/);
  });
});
