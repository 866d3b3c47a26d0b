/**
 * The local owner (docs/importers.md): `capacity import` before anyone signed up stores the runs in a
 * local owner account, and the first sign-up in the web app takes it over with its runs. The
 * CLI (the built bin) and the HTTP app share one fresh database: SQLite by default, PostgreSQL
 * with CAPACITY_TEST_DATABASE=postgres. Needs `npm run build` first.
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import type { FastifyInstance } from "fastify";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { argon2Hasher, cryptoIds } from "../../src/adapters/crypto.js";
import { buildApp } from "../../src/adapters/http/app.js";
import { logIn, resetPassword, signUp as signUpUseCase } from "../../src/app/accounts.js";
import {
  accountForImport,
  isLocalOwner,
  LOCAL_OWNER_EMAIL,
  LOCAL_OWNER_PASSWORD_HASH,
} from "../../src/app/local-owner.js";
import type { Store } from "../../src/app/ports.js";
import type { Account } from "../../src/contract/index.js";
import { type CliOutcome, spawnCli } from "../support/cli.js";
import { testStore } from "../support/database.js";
import { json, PASSWORD, problem, signUp, testClock } from "../support/http.js";

let t: Awaited<ReturnType<typeof testStore>>;
let app: FastifyInstance;
let store: Store;
let files: string;

beforeEach(async () => {
  t = await testStore();
  store = t.store;
  app = await buildApp(
    { store, hasher: argon2Hasher, ids: cryptoIds, clock: testClock(), logInDays: 30 },
    { logLevel: "silent", trustProxy: false, bodyLimitBytes: 1_048_576, authRateLimit: 1000 },
  );
  await app.ready();
  files = mkdtempSync(join(tmpdir(), "capacity-local-owner-"));
});

afterEach(async () => {
  await app.close();
  await t.dispose();
  rmSync(files, { recursive: true, force: true });
});

/** `capacity import ...` as the installed bin, on the test's database. */
function capacityImport(args: string[]): Promise<CliOutcome> {
  const env: Record<string, string> = t.url
    ? { DATABASE_URL: t.url }
    : { CAPACITY_DATA_DIR: dirname(t.file as string) };
  return spawnCli(["import", ...args], { cwd: files, env });
}

function gpxRun(name: string, start: string): string {
  const t0 = Date.parse(start);
  const points = Array.from(
    { length: 31 },
    (_, i) =>
      `<trkpt lat="${(48 + i * 0.001).toFixed(4)}" lon="2.3"><time>${new Date(t0 + i * 60_000).toISOString()}</time></trkpt>`,
  ).join("");
  const path = join(files, name);
  writeFileSync(
    path,
    `<?xml version="1.0"?><gpx version="1.1" creator="test" xmlns="http://www.topografix.com/GPX/1/1"><trk><type>running</type><trkseg>${points}</trkseg></trk></gpx>`,
  );
  return path;
}

describe("the local owner, taken over by the first sign-up", () => {
  it("import before any account, then sign up: the same account with its runs; only the first sign-up takes it over", async () => {
    const runs = [gpxRun("a.gpx", "2026-11-20T07:00:00Z"), gpxRun("b.gpx", "2026-11-22T08:00:00Z")];
    const imported = await capacityImport(runs);
    expect(imported.err).toBe("");
    expect(imported.code).toBe(0);
    expect(imported.out).toMatch(/^Imported 2 activities into a new local owner account/);
    const [owner, ...others] = await store.users.list(10);
    expect(others).toEqual([]);
    expect(owner && isLocalOwner(owner)).toBe(true);
    const ownerId = owner?.id as string;
    expect(await store.activities.list(ownerId)).toHaveLength(2);

    // Nobody logs into it, whatever the password (the sentinel hash itself included).
    for (const password of [PASSWORD, LOCAL_OWNER_PASSWORD_HASH, ""]) {
      const login = await json<Account>(app, "POST", "/api/auth/login", null, {
        email: LOCAL_OWNER_EMAIL,
        password,
      });
      expect(login.status, password).not.toBe(200);
      expect(login.status, password).toBeLessThan(500);
    }
    // Nor signs up with its e-mail.
    const reserved = await json<Account>(app, "POST", "/api/auth/signup", null, {
      email: "Owner@Local.Capacity.Invalid",
      password: PASSWORD,
      name: "Mallory",
    });
    expect(reserved.status).toBe(400);
    expect(problem(reserved).field).toBe("email");
    expect(await store.users.count()).toBe(1);

    const cookie = await signUp(app, "ana@example.com", PASSWORD, "Ana");
    const me = await json<Account>(app, "GET", "/api/me", cookie);
    expect(me.body).toMatchObject({ id: ownerId, email: "ana@example.com", name: "Ana" });
    expect((await store.activities.list(ownerId)).map((a) => a.start)).toEqual([
      "2026-11-20T07:00:00.000Z",
      "2026-11-22T08:00:00.000Z",
    ]);
    expect(await store.users.byEmail(LOCAL_OWNER_EMAIL)).toBeNull();

    // Ana logs in again with her password.
    await json(app, "POST", "/api/auth/logout", cookie);
    const login = await json<Account>(app, "POST", "/api/auth/login", null, {
      email: "ana@example.com",
      password: PASSWORD,
    });
    expect(login.status).toBe(200);
    expect(login.body.id).toBe(ownerId);

    // The second sign-up makes a new, empty account.
    const bobCookie = await signUp(app, "bob@example.com", PASSWORD, "Bob");
    const bob = await json<Account>(app, "GET", "/api/me", bobCookie);
    expect(bob.body.id).not.toBe(ownerId);
    expect(await store.activities.list(bob.body.id)).toEqual([]);
    expect(await store.users.count()).toBe(2);

    // Now the CLI needs to be told which account.
    const ambiguous = await capacityImport([runs[0] as string]);
    expect(ambiguous.code).toBe(2);
    expect(ambiguous.err).toMatch(/several accounts: say which one with --user EMAIL/);
    const named = await capacityImport(["--json", "--user", "ana@example.com", runs[0] as string]);
    expect(named.code).toBe(0);
    expect(JSON.parse(named.out).duplicates).toHaveLength(1);
  }, 60_000);

  it("a sign-up with no local owner creates an account as before; an e-mail in use is still refused", async () => {
    await signUp(app, "ana@example.com");
    const again = await json<Account>(app, "POST", "/api/auth/signup", null, {
      email: "ANA@example.com",
      password: PASSWORD,
      name: "Ana",
    });
    expect(again.status).toBe(409);
    expect(await store.users.count()).toBe(1);
  });

  it("a sign-up with the e-mail of another account while the local owner exists is refused and leaves the owner alone", async () => {
    const deps = { repos: store, ids: cryptoIds, clock: testClock() };
    // Only possible by a race (or an old database): an account and the local owner side by side.
    await store.users.create({
      id: "user-ana",
      email: "ana@example.com",
      name: "Ana",
      passwordHash: await argon2Hasher.hash(PASSWORD),
      createdAt: 0,
      passwordChangedAt: 0,
      dataVersion: 0,
    });
    const owner = await store.users.create({
      id: "user-owner",
      email: LOCAL_OWNER_EMAIL,
      name: "Local owner",
      passwordHash: LOCAL_OWNER_PASSWORD_HASH,
      createdAt: 0,
      passwordChangedAt: 0,
      dataVersion: 0,
    });
    expect(owner).not.toBe("email-taken");
    const result = await signUpUseCase(
      { ...deps, hasher: argon2Hasher },
      { email: "ana@example.com", password: PASSWORD, name: "Ana 2" },
    );
    expect(result.ok).toBe(false);
    expect(result.ok ? null : result.error.kind).toBe("conflict");
    expect(await store.users.byId("user-owner")).toMatchObject({ email: LOCAL_OWNER_EMAIL });
  });
});

describe("the local owner's use cases", () => {
  const deps = () => ({
    repos: store,
    ids: cryptoIds,
    clock: testClock(),
    hasher: argon2Hasher,
  });

  it("the hasher answers false for the sentinel hash, it does not throw", async () => {
    await expect(argon2Hasher.verify(LOCAL_OWNER_PASSWORD_HASH, "anything")).resolves.toBe(false);
    await expect(argon2Hasher.verify(LOCAL_OWNER_PASSWORD_HASH, "")).resolves.toBe(false);
  });

  it("is made once, only when there is no account and not in a dry run", async () => {
    const dry = await accountForImport(deps(), null, { dryRun: true });
    expect(dry).toEqual({ ok: true, value: { kind: "to-make" } });
    expect(await store.users.count()).toBe(0);
    const made = await accountForImport(deps(), null);
    expect(made.ok && made.value.kind === "account" && made.value.made).toBe(true);
    const again = await accountForImport(deps(), null);
    expect(again.ok && again.value.kind === "account" && again.value.made).toBe(false);
    expect(await store.users.count()).toBe(1);
    const both = await Promise.all([
      accountForImport(deps(), null),
      accountForImport(deps(), null),
    ]);
    expect(both.every((r) => r.ok)).toBe(true);
    expect(await store.users.count()).toBe(1);
  });

  it("logIn fails cleanly and resetPassword refuses it, changing nothing", async () => {
    await accountForImport(deps(), null);
    const login = await logIn(deps(), { email: LOCAL_OWNER_EMAIL, password: PASSWORD });
    expect(login).toEqual({
      ok: false,
      error: { kind: "unauthorized", message: "Wrong e-mail or password." },
    });
    const reset = await resetPassword(deps(), LOCAL_OWNER_EMAIL, "a long new password");
    expect(reset.ok).toBe(false);
    expect(reset.ok ? "" : reset.error.message).toMatch(/local owner account .* has no password/);
    expect((await store.users.byEmail(LOCAL_OWNER_EMAIL))?.passwordHash).toBe(
      LOCAL_OWNER_PASSWORD_HASH,
    );
  });

  it("an unknown --user is not found; several accounts need --user", async () => {
    await signUpUseCase(deps(), { email: "ana@example.com", password: PASSWORD, name: "Ana" });
    expect(await accountForImport(deps(), "nobody@example.com")).toMatchObject({
      ok: false,
      error: { kind: "not-found" },
    });
    await signUpUseCase(deps(), { email: "bob@example.com", password: PASSWORD, name: "Bob" });
    expect(await accountForImport(deps(), null)).toMatchObject({
      ok: false,
      error: { kind: "conflict", field: "user" },
    });
    const bob = await accountForImport(deps(), " BOB@example.com ");
    expect(bob.ok && bob.value.kind === "account" && bob.value.user.email).toBe("bob@example.com");
  });
});
