/**
 * `capacity import` (docs/importers.md) run as the installed bin against a fresh SQLite data
 * folder: files, gzip, zip archives and folders; re-imports and dry runs; the --json contract
 * and the exit codes. The corpus cases run when CAPACITY_CORPUS_DIR is set (CI always sets it);
 * then a missing corpus file fails, it never skips. Needs `npm run build` first.
 */
import { existsSync, mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import * as yazl from "yazl";
import { cryptoIds } from "../../src/adapters/crypto.js";
import { openDatabase } from "../../src/adapters/db/database.js";
import { migrateToLatest } from "../../src/adapters/db/migrator.js";
import { createStore } from "../../src/adapters/db/store.js";
import type { ImportReport } from "../../src/app/import-activities.js";
import {
  accountForImport,
  importAccountOnDemand,
  LOCAL_OWNER_EMAIL,
  LOCAL_OWNER_PASSWORD_HASH,
} from "../../src/app/local-owner.js";
import type { Store, StoredActivity, User } from "../../src/app/ports.js";
import { progressBar, renderProgress } from "../../src/cli/progress-bar.js";
import { STRAVA_HEADER } from "../support/activity-files.js";
import { type CliOutcome, ROOT, runCli, spawnCli } from "../support/cli.js";
import { testDatabase, testDatabaseKind } from "../support/database.js";

const CORPUS = process.env.CAPACITY_CORPUS_DIR;

/** The contract's activity fields, then the allowed additions. */
const CONTRACT_FIELDS = [
  "source",
  "format",
  "sport",
  "start",
  "elapsedS",
  "movingS",
  "distanceM",
  "avgHr",
  "maxHr",
  "warnings",
];
const ADDED_FIELDS = ["ascentM", "sourceName", "id"];
/** Carriage return, then erase the line: how the progress bar draws and clears. */
const ERASE = "\r\x1b[2K";

let dataDir: string;
let work: string;

beforeEach(() => {
  if (!existsSync(join(ROOT, "dist/cli/main.js")))
    throw new Error("dist/cli/main.js is missing: run npm run build");
  dataDir = mkdtempSync(join(tmpdir(), "capacity-import-data-"));
  work = mkdtempSync(join(tmpdir(), "capacity-import-files-"));
});

afterEach(() => {
  rmSync(dataDir, { recursive: true, force: true });
  rmSync(work, { recursive: true, force: true });
});

/** The bin, in `cwd` (default the files folder), on this test's data folder only. */
function capacity(
  args: string[],
  env: Record<string, string> = { CAPACITY_DATA_DIR: dataDir },
  cwd = work,
): Promise<CliOutcome> {
  return spawnCli(args, { env, cwd });
}

/** Runs with --json: stdout must be the JSON report and nothing else. */
async function importJson(args: string[]): Promise<CliOutcome & { report: ImportReport }> {
  const outcome = await capacity(["import", "--json", ...args]);
  let report: ImportReport;
  try {
    report = JSON.parse(outcome.out) as ImportReport;
  } catch {
    throw new Error(`stdout is not JSON (exit ${outcome.code}):\n${outcome.out}\n${outcome.err}`);
  }
  return { ...outcome, report };
}

/** The data folder's database, opened (and migrated) for a look or to make accounts. */
async function withStore<T>(work: (store: Store) => Promise<T>): Promise<T> {
  const database = openDatabase({ kind: "sqlite", file: join(dataDir, "capacity.sqlite") });
  await migrateToLatest(database.db);
  const store = createStore(database);
  try {
    return await work(store);
  } finally {
    await store.close();
  }
}

async function accounts(): Promise<User[]> {
  return withStore((store) => store.users.list(100));
}

async function storedActivities(): Promise<StoredActivity[]> {
  return withStore(async (store) => {
    const all: StoredActivity[] = [];
    for (const user of await store.users.list(100))
      all.push(...(await store.activities.list(user.id)));
    return all;
  });
}

async function makeAccount(email: string): Promise<User> {
  return withStore(async (store) => {
    const user: User = {
      id: `user-${email}`,
      email,
      name: email,
      passwordHash: "hash",
      createdAt: Date.now(),
      passwordChangedAt: Date.now(),
      dataVersion: 0,
    };
    const created = await store.users.create(user);
    if (created === "email-taken") throw new Error(`${email} is taken`);
    return created;
  });
}

/** A GPX run of `minutes` minutes from `start`, one point a minute. */
function gpx(start: string, minutes = 30): string {
  const t0 = Date.parse(start);
  const points = Array.from(
    { length: minutes + 1 },
    (_, i) =>
      `<trkpt lat="${(48 + i * 0.001).toFixed(4)}" lon="2.3000"><ele>50</ele><time>${new Date(t0 + i * 60_000).toISOString()}</time></trkpt>`,
  ).join("");
  return `<?xml version="1.0" encoding="UTF-8"?><gpx version="1.1" creator="test" xmlns="http://www.topografix.com/GPX/1/1"><trk><type>running</type><trkseg>${points}</trkseg></trk></gpx>`;
}

/** Malformed XML: detected as GPX, refused. */
const BROKEN_GPX = gpx("2026-10-01T07:00:00Z").slice(0, 400);

function write(name: string, content: string | Uint8Array): string {
  const path = join(work, name);
  mkdirSync(join(path, ".."), { recursive: true });
  writeFileSync(path, content);
  return path;
}

/** A zip made with yazl. */
async function zipOf(entries: readonly [string, string | Buffer][]): Promise<Buffer> {
  const zip = new yazl.ZipFile();
  for (const [name, content] of entries) zip.addBuffer(Buffer.from(content), name);
  zip.end();
  const chunks: Buffer[] = [];
  for await (const chunk of zip.outputStream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/** `runs/a.gpx`, `runs/b.gpx.gz` (gzip inside) and, unless told not to, `broken.gpx`. */
async function archive(name = "export.zip", broken = true): Promise<string> {
  const entries: [string, string | Buffer][] = [
    ["runs/a.gpx", gpx("2026-10-04T07:12:00Z")],
    ["runs/b.gpx.gz", gzipSync(gpx("2026-10-06T18:00:00Z", 45))],
  ];
  if (broken) entries.push(["broken.gpx", BROKEN_GPX]);
  return write(name, await zipOf(entries));
}

/** stderr is one line naming the problem and pointing at the help; nothing on stdout. */
function expectUsage(outcome: CliOutcome, message: RegExp): void {
  expect(outcome.code, outcome.err).toBe(2);
  expect(outcome.out).toBe("");
  expect(outcome.err).toMatch(message);
  expect(outcome.err).toMatch(/capacity import --help/);
  expect(outcome.err.trimEnd()).not.toContain("\n");
  expect(outcome.err).not.toContain("    at ");
}

describe("capacity import --json", () => {
  it("prints exactly the contract's report for a zip with a gzipped entry and a broken file; exit 1, the rest imported", async () => {
    const zip = await archive();
    const { code, out, err, report } = await importJson([zip]);
    expect(code).toBe(1);
    expect(err).toBe("");
    expect(out.endsWith("}\n")).toBe(true);
    expect(Object.keys(report)).toEqual(["imported", "duplicates", "failed"]);
    expect(report.duplicates).toEqual([]);
    expect(report.imported).toHaveLength(2);
    for (const activity of report.imported) {
      expect(Object.keys(activity).slice(0, CONTRACT_FIELDS.length)).toEqual(CONTRACT_FIELDS);
      expect(Object.keys(activity).sort()).toEqual([...CONTRACT_FIELDS, ...ADDED_FIELDS].sort());
      expect(activity.id).toMatch(/^[0-9a-f-]{36}$/);
    }
    expect(report.imported[0]).toEqual({
      source: "runs/a.gpx",
      format: "gpx",
      sport: "run",
      start: "2026-10-04T07:12:00.000Z",
      elapsedS: 1800,
      movingS: 1800,
      distanceM: expect.any(Number),
      avgHr: null,
      maxHr: null,
      warnings: [],
      ascentM: 0,
      sourceName: "test",
      id: expect.any(String),
    });
    // The format inside the gzip; the entry's path inside the archive.
    expect(report.imported[1]).toMatchObject({
      source: "runs/b.gpx.gz",
      format: "gpx",
      start: "2026-10-06T18:00:00.000Z",
      elapsedS: 2700,
    });
    expect(report.failed).toEqual([{ source: "broken.gpx", error: expect.any(String) }]);
    expect(report.failed[0]?.error).toMatch(/malformed XML/);
    const stored = await storedActivities();
    expect(stored.map((a) => a.id).sort()).toEqual(report.imported.map((a) => a.id).sort());
  }, 60_000);

  it("stores nothing twice: a second import of the same archive is all duplicates", async () => {
    const zip = await archive("clean.zip", false);
    const first = await importJson([zip]);
    expect(first.code).toBe(0);
    expect(first.report.imported).toHaveLength(2);
    const second = await importJson([zip]);
    expect(second.code).toBe(0);
    expect(second.report.imported).toEqual([]);
    expect(second.report.failed).toEqual([]);
    expect(second.report.duplicates.map((a) => a.source)).toEqual(["runs/a.gpx", "runs/b.gpx.gz"]);
    expect(second.report.duplicates.every((a) => a.id === null)).toBe(true);
    expect(await storedActivities()).toHaveLength(2);
    // The human summary of a third run says so.
    const third = await capacity(["import", zip]);
    expect(third.code).toBe(0);
    expect(third.out).toMatch(/^Imported 0 activities \(2 duplicates already stored\) into /);
  }, 60_000);

  it("--dry-run stores nothing, not even the local owner account, and says so", async () => {
    const zip = await archive();
    const dry = await importJson([zip, "--dry-run"]);
    expect(dry.code).toBe(1);
    expect(dry.report.imported).toHaveLength(2);
    expect(dry.report.imported.every((a) => a.id === null)).toBe(true);
    expect(dry.report.failed).toHaveLength(1);
    expect(await accounts()).toEqual([]);
    expect(await storedActivities()).toEqual([]);
    const human = await capacity(["import", "--dry-run", zip]);
    expect(human.out).toMatch(
      /^Dry run: would import 2 activities \(1 file failed\) into a local owner account \(none made: dry run\) — SQLite .*capacity\.sqlite\. Nothing was stored\.\n$/,
    );
    // After a real import, a dry run finds only duplicates and still stores nothing more.
    expect((await capacity(["import", zip])).code).toBe(1);
    const after = await importJson(["--dry-run", zip]);
    expect(after.report.imported).toEqual([]);
    expect(after.report.duplicates).toHaveLength(2);
    expect(await storedActivities()).toHaveLength(2);
  }, 60_000);

  it("walks a folder recursively in sorted order, keeping activity-named files, sources joined from the path given", async () => {
    write("runs/b.gpx", gpx("2026-10-02T07:00:00Z"));
    write("runs/A.GPX.GZ", gzipSync(gpx("2026-10-01T07:00:00Z")));
    write("runs/sub/c.gpx", gpx("2026-10-03T07:00:00Z"));
    write("runs/c.zip", await zipOf([["inner.gpx", gpx("2026-10-02T18:00:00Z")]]));
    write("runs/notes.txt", "not an activity");
    write("runs/.hidden.gpx", BROKEN_GPX);
    write("runs/.git/x.gpx", BROKEN_GPX);
    const { code, report } = await importJson(["runs"]);
    expect(report.failed).toEqual([]);
    expect(code).toBe(0);
    expect(report.imported.map((a) => a.source)).toEqual([
      join("runs", "A.GPX.GZ"),
      join("runs", "b.gpx"),
      "inner.gpx",
      join("runs", "sub", "c.gpx"),
    ]);
  }, 60_000);

  it("a missing path fails with a clear error, the other paths are still imported: exit 1", async () => {
    const good = write("good.gpx", gpx("2026-10-01T07:00:00Z"));
    const { code, report } = await importJson(["missing.fit", good]);
    expect(code).toBe(1);
    expect(report.imported.map((a) => a.source)).toEqual([good]);
    expect(report.failed).toEqual([
      { source: "missing.fit", error: '"missing.fit" does not exist.' },
    ]);
    expect(await storedActivities()).toHaveLength(1);
  }, 60_000);

  it("an empty folder is a failed path, exit 1", async () => {
    mkdirSync(join(work, "empty"));
    const { code, report } = await importJson(["empty"]);
    expect(code).toBe(1);
    expect(report.failed).toEqual([
      { source: "empty", error: expect.stringMatching(/holds no file named/) },
    ]);
  }, 60_000);
});

describe("capacity import, for a person", () => {
  it("lists each failed file on stderr with its reason and prints the summary; exit 1", async () => {
    const zip = await archive();
    const outcome = await capacity(["import", zip]);
    expect(outcome.code).toBe(1);
    expect(outcome.err).toMatch(/^failed: broken\.gpx: malformed XML[^\n]*\n$/);
    expect(outcome.err).not.toContain("\x1b");
    expect(outcome.out).toMatch(
      /^Imported 2 activities \(1 file failed\) into a new local owner account \(the first sign-up in the web app takes it over with its runs\) — SQLite .*capacity\.sqlite\.\n$/,
    );
  }, 60_000);

  it("exit 0 when nothing failed; the only account is used, no local owner made", async () => {
    await makeAccount("ana@example.com");
    const good = write("good.gpx", gpx("2026-10-01T07:00:00Z"));
    const outcome = await capacity(["import", good]);
    expect(outcome).toMatchObject({ code: 0, err: "" });
    expect(outcome.out).toMatch(/^Imported 1 activity into ana@example\.com — SQLite /);
    expect((await accounts()).map((u) => u.email)).toEqual(["ana@example.com"]);
    expect(await withStore((store) => store.activities.list("user-ana@example.com"))).toHaveLength(
      1,
    );
  }, 60_000);

  it("makes the local owner account when there is none, then imports into it again; its password is never reset", async () => {
    const first = write("a.gpx", gpx("2026-10-01T07:00:00Z"));
    const second = write("b.gpx", gpx("2026-10-02T07:00:00Z"));
    expect((await capacity(["import", first])).code).toBe(0);
    const again = await capacity(["import", second]);
    expect(again.code).toBe(0);
    expect(again.out).toMatch(/into the local owner account/);
    const users = await accounts();
    expect(users).toHaveLength(1);
    expect(users[0]).toMatchObject({
      email: LOCAL_OWNER_EMAIL,
      name: "Local owner",
      passwordHash: LOCAL_OWNER_PASSWORD_HASH,
    });
    expect(await storedActivities()).toHaveLength(2);
    const reset = await capacity(["user", "reset-password", LOCAL_OWNER_EMAIL]);
    expect(reset.code).toBe(2);
    expect(reset.out).toBe("");
    expect(reset.err).toMatch(/local owner account .* has no password/);
    expect((await accounts())[0]?.passwordHash).toBe(LOCAL_OWNER_PASSWORD_HASH);
  }, 60_000);

  it("makes no account when nothing is stored: every file failed, or the folder held none; the first run stored makes it", async () => {
    const broken = write("broken.gpx", BROKEN_GPX);
    mkdirSync(join(work, "empty"));
    const failed = await capacity(["import", broken, "empty"]);
    expect(failed.code).toBe(1);
    expect(failed.out).toMatch(
      /^Imported 0 activities \(2 files failed\): nothing to store, so no account was made — SQLite .*capacity\.sqlite\.\n$/,
    );
    const json = await importJson([broken]);
    expect(json.code).toBe(1);
    expect(json.report).toEqual({
      imported: [],
      duplicates: [],
      failed: [{ source: broken, error: expect.stringMatching(/malformed XML/) }],
    });
    expect(await accounts()).toEqual([]);

    const good = write("good.gpx", gpx("2026-10-01T07:00:00Z"));
    const stored = await capacity(["import", broken, good]);
    expect(stored.code).toBe(1);
    expect(stored.out).toMatch(
      /^Imported 1 activity \(1 file failed\) into a new local owner account/,
    );
    expect((await accounts()).map((u) => u.email)).toEqual([LOCAL_OWNER_EMAIL]);
    expect(await storedActivities()).toHaveLength(1);
  }, 60_000);

  it("the account made on demand: none for an empty batch; an account made meanwhile is used rather than a local owner", async () => {
    await withStore(async (store) => {
      const deps = { repos: store, ids: cryptoIds, clock: { now: () => new Date() } };
      const account = await accountForImport(deps, null, { later: true });
      expect(account).toEqual({ ok: true, value: { kind: "to-make" } });
      if (!account.ok) return;
      const into = importAccountOnDemand(deps, account.value);
      expect(await into.activities.insertNew("", [])).toEqual({ inserted: [], duplicates: [] });
      expect(await into.activities.list("")).toEqual([]);
      expect(await store.users.count()).toBe(0);
      // A sign-up in the web app while the files were read: it is the only account now.
      const ana = await store.users.create({
        id: "user-ana",
        email: "ana@example.com",
        name: "Ana",
        passwordHash: "hash",
        createdAt: Date.now(),
        passwordChangedAt: Date.now(),
        dataVersion: 0,
      });
      const run: StoredActivity = {
        id: "a1",
        sport: "run",
        start: "2026-10-01T07:00:00.000Z",
        elapsedS: 1800,
        movingS: 1800,
        distanceM: 5000,
        avgHr: null,
        maxHr: null,
        ascentM: null,
        sourceName: null,
        format: "gpx",
        source: "a.gpx",
        warnings: [],
        createdAt: Date.now(),
      };
      expect((await into.activities.insertNew("", [run])).inserted).toEqual([run]);
      expect(into.current()).toEqual({ user: ana, made: false });
      expect((await store.users.list(10)).map((u) => u.email)).toEqual(["ana@example.com"]);
      expect(await store.activities.list("user-ana")).toEqual([run]);
    });
  });

  it("--user EMAIL imports into that account, in any case", async () => {
    await makeAccount("ana@example.com");
    await makeAccount("bob@example.com");
    const good = write("good.gpx", gpx("2026-10-01T07:00:00Z"));
    const outcome = await capacity(["import", good, "--user", "BOB@example.com"]);
    expect(outcome.code).toBe(0);
    expect(outcome.out).toMatch(/into bob@example\.com/);
    const [ana, bob] = await withStore((store) =>
      Promise.all([
        store.activities.list("user-ana@example.com"),
        store.activities.list("user-bob@example.com"),
      ]),
    );
    expect(ana).toHaveLength(0);
    expect(bob).toHaveLength(1);
  }, 60_000);
  it("a lone activities.csv with two bad rows counts one file with two problems; its good row is imported", async () => {
    const header = STRAVA_HEADER;
    const csv = write(
      "activities.csv",
      [
        header,
        '1,"Oct 5, 2026, 6:00:00 PM",Treadmill,Run,,1800,5.0,,,false,,,,,,1800,1800,,,,,,',
        '2,"06/10/2026 18:00",Bad date,Run,,1800,5.0,,,false,,,,,,1800,1800,,,,,,',
        '3,"not a date",Bad too,Run,,1800,5.0,,,false,,,,,,1800,1800,,,,,,',
      ].join("\n"),
    );
    const outcome = await capacity(["import", csv]);
    expect(outcome.code).toBe(1);
    expect(outcome.out).toMatch(/^Imported 1 activity \(1 file failed \(2 problems\)\)/);
    expect(outcome.err.trimEnd().split("\n")).toHaveLength(2);
  }, 60_000);
});

describe("capacity import: bad usage, exit 2, nothing stored", () => {
  it("no PATH", async () => {
    expectUsage(await capacity(["import"]), /at least one PATH/);
    expectUsage(await capacity(["import", "--json"]), /at least one PATH/);
  }, 60_000);

  it("an unknown option", async () => {
    const good = write("good.gpx", gpx("2026-10-01T07:00:00Z"));
    expectUsage(await capacity(["import", good, "--frobnicate"]), /Unknown option '--frobnicate'/);
    expectUsage(await capacity(["import", good, "--user"]), /--user/);
    expect(await storedActivities()).toEqual([]);
  }, 60_000);

  it("an unknown --user", async () => {
    await makeAccount("ana@example.com");
    const good = write("good.gpx", gpx("2026-10-01T07:00:00Z"));
    expectUsage(
      await capacity(["import", good, "--user", "nobody@example.com"]),
      /no account has the e-mail "nobody@example\.com"/,
    );
    expect(await storedActivities()).toEqual([]);
  }, 60_000);

  it("several accounts and no --user", async () => {
    await makeAccount("ana@example.com");
    await makeAccount("bob@example.com");
    const good = write("good.gpx", gpx("2026-10-01T07:00:00Z"));
    const outcome = await capacity(["import", "--json", good]);
    expectUsage(outcome, /several accounts: say which one with --user EMAIL/);
    expect(outcome.err).not.toMatch(/ana@|bob@/);
    expect(await storedActivities()).toEqual([]);
  }, 60_000);

  it("help: capacity help import and capacity import --help, exit 0", async () => {
    for (const args of [
      ["help", "import"],
      ["import", "--help"],
      ["import", "-h"],
    ]) {
      const outcome = await capacity(args);
      expect(outcome.code).toBe(0);
      expect(outcome.out).toMatch(/^capacity import: import your runs/);
      expect(outcome.out).toMatch(/--dry-run/);
    }
    expect((await capacity(["help"])).out).toMatch(/capacity import PATH\.\.\. \[--json\]/);
  }, 60_000);
});

describe("capacity import on the database of the run (CAPACITY_TEST_DATABASE)", () => {
  it("migrates a new SQLite file; refuses a PostgreSQL database with pending migrations (exit 2)", async () => {
    const made = await testDatabase();
    try {
      const good = write("good.gpx", gpx("2026-10-01T07:00:00Z"));
      const env: Record<string, string> =
        testDatabaseKind() === "postgres"
          ? { DATABASE_URL: made.url as string }
          : { CAPACITY_DATA_DIR: join(made.file as string, "..") };
      const outcome = await capacity(["import", good], env);
      if (testDatabaseKind() === "postgres") {
        expect(outcome.code).toBe(2);
        expect(outcome.err).toMatch(/migration\(s\) to apply .*capacity db migrate/);
        expect(outcome.out).toBe("");
      } else {
        expect(outcome.code).toBe(0);
        expect(outcome.out).toMatch(/^Imported 1 activity into a new local owner account/);
      }
    } finally {
      await made.dispose();
    }
  }, 60_000);
});

describe("the progress bar", () => {
  it("draws done/total and percent, and keeps to the terminal's width", () => {
    const line = renderProgress("Importing", "files", 30, 120, "12 imported", 80);
    expect(line).toBe(
      `Importing [${"#".repeat(6)}${".".repeat(18)}] 30/120 files   25%  12 imported`,
    );
    expect(renderProgress("Importing", "files", 0, 0, "", 80)).toMatch(/0\/0 files {4}0%$/);
    expect(renderProgress("Importing", "files", 5, 10, "a long note", 30).length).toBe(29);
  });

  it("redraws at most every 100 ms and erases itself", () => {
    let now = 0;
    const written: string[] = [];
    const bar = progressBar({
      write: (text) => written.push(text),
      columns: () => 80,
      now: () => now,
      label: "Importing",
      unit: "files",
    });
    bar.update(0, 100);
    for (let i = 1; i <= 100; i++) {
      now += 10;
      bar.update(i, 100);
    }
    // One draw at once, then one per 100 ms of the 1,000 ms.
    expect(written).toHaveLength(11);
    expect(written.every((text) => text.startsWith("\r\x1b[2KImporting ["))).toBe(true);
    bar.clear();
    expect(written.at(-1)).toBe(ERASE);
    bar.clear();
    expect(written).toHaveLength(12);
  });

  it("shows on stderr only when it is a terminal, is erased before the summary, and never touches stdout", async () => {
    const good = write("good.gpx", gpx("2026-10-01T07:00:00Z"));
    const saved = { dir: process.env.CAPACITY_DATA_DIR, url: process.env.DATABASE_URL };
    process.env.CAPACITY_DATA_DIR = dataDir;
    delete process.env.DATABASE_URL;
    try {
      const runWith = (errIsTty: boolean, args: string[]) =>
        runCli(["import", ...args], { now: null, errIsTty, errColumns: () => 100 });
      const tty = await runWith(true, ["--json", good]);
      expect(tty.code).toBe(0);
      expect(JSON.parse(tty.out).imported).toHaveLength(1);
      expect(tty.err.startsWith(`${ERASE}Importing [${".".repeat(24)}] 0/1 files`)).toBe(true);
      expect(tty.err.endsWith(ERASE)).toBe(true);
      const human = await runWith(true, ["--dry-run", good]);
      expect(human.err.startsWith(`${ERASE}Checking [`)).toBe(true);
      expect(human.err.endsWith(ERASE)).toBe(true);
      expect(human.out).toMatch(
        /^Dry run: would import 0 activities \(1 duplicate already stored\)/,
      );
      const pipe = await runWith(false, ["--dry-run", good]);
      expect(pipe.err).toBe("");
    } finally {
      if (saved.dir === undefined) delete process.env.CAPACITY_DATA_DIR;
      else process.env.CAPACITY_DATA_DIR = saved.dir;
      if (saved.url !== undefined) process.env.DATABASE_URL = saved.url;
    }
  }, 60_000);
});

describe.skipIf(!CORPUS)("capacity import on the real-file corpus", () => {
  const corpus = (dir: string, name: string): string => {
    const path = join(CORPUS as string, dir, name);
    // A missing corpus file fails the test; it never skips.
    expect(statSync(path).isFile(), path).toBe(true);
    return path;
  };

  it("a FIT run and a GPX run; the GPX and TCX of the same run as the FIT are duplicates; a re-import stores nothing", async () => {
    const fenix = corpus("fit", "activity-small-fenix2-run.fit");
    const fit = corpus("fit", "6782987395.fit");
    const sameGpx = corpus("gpx", "6782987395.gpx");
    const sameTcx = corpus("tcx", "6782987395.tcx");
    const strava = corpus("gpx", "strava.gpx");
    const first = await importJson([fenix, fit, sameGpx, sameTcx, strava]);
    expect(first.report.failed).toEqual([]);
    expect(first.code).toBe(0);
    expect(first.report.imported.map((a) => [a.source, a.format])).toEqual([
      [fenix, "fit"],
      [fit, "fit"],
      [strava, "gpx"],
    ]);
    expect(first.report.imported[0]).toMatchObject({
      sport: "run",
      start: "2015-08-15T14:45:08.000Z",
      elapsedS: 2832,
      movingS: 2832,
      avgHr: 154,
      maxHr: 178,
      warnings: [],
    });
    expect(first.report.imported[1]).toMatchObject({
      sport: "run",
      start: "2019-06-15T09:42:23.000Z",
    });
    expect(first.report.duplicates.map((a) => [a.source, a.format])).toEqual([
      [sameGpx, "gpx"],
      [sameTcx, "tcx"],
    ]);
    expect(await storedActivities()).toHaveLength(3);

    const again = await capacity(["import", fenix, fit, sameGpx, sameTcx, strava]);
    expect(again.code).toBe(0);
    expect(again.out).toMatch(/^Imported 0 activities \(5 duplicates already stored\)/);
    expect(await storedActivities()).toHaveLength(3);
  }, 60_000);

  it("a corpus FIT file that is not an activity fails with its reason, exit 1", async () => {
    const settings = corpus("fit", "Settings.fit");
    const outcome = await capacity(["import", settings]);
    expect(outcome.code).toBe(1);
    expect(outcome.err).toBe(
      `failed: ${settings}: This is a FIT settings file, not an activity.\n`,
    );
    expect(outcome.out).toMatch(/^Imported 0 activities \(1 file failed\)/);
  }, 60_000);
});
