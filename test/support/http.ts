/**
 * HTTP test helpers: the app over a fresh test database (in-process, through `inject`), the
 * JSON requests the tests make, and server processes (`node dist/server.js`) for the tests that
 * kill or double the server.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import { Value } from "@sinclair/typebox/value";
import type { FastifyInstance, InjectOptions } from "fastify";
import type { Kysely } from "kysely";
import { afterAll, beforeAll, expect } from "vitest";
import { argon2Hasher, cryptoIds } from "../../src/adapters/crypto.js";
import type { Schema } from "../../src/adapters/db/schema.js";
import { TABLES } from "../../src/adapters/db/schema.js";
import { buildApp } from "../../src/adapters/http/app.js";
import type { Store } from "../../src/app/ports.js";
import { type ErrorBody, ErrorBodySchema, type LoggedSet } from "../../src/contract/index.js";
import type { Plan, PlannedWeek } from "../../src/core/protocol/plan-types.js";
import { ROOT } from "./cli.js";
import { testStore } from "./database.js";

export { ROOT };

export const SERVER_JS = `${ROOT}dist/server.js`;

/** A profile from examples/ (the profile format of the README's "Files"). */
export function exampleProfile(name = "marathoner"): Record<string, unknown> {
  return JSON.parse(readFileSync(`${ROOT}examples/${name}.json`, "utf8")) as Record<
    string,
    unknown
  >;
}

/** A clock the test moves by hand. */
export interface TestClock {
  now(): Date;
  set(instant: string | Date): void;
  advance(ms: number): void;
}

export function testClock(start: string | Date = "2026-11-30T09:00:00Z"): TestClock {
  let current = new Date(start).getTime();
  return {
    now: () => new Date(current),
    set: (instant) => {
      current = new Date(instant).getTime();
    },
    advance: (ms) => {
      current += ms;
    },
  };
}

export interface TestAppOptions {
  readonly trustProxy?: boolean | number | readonly string[];
  readonly bodyLimitBytes?: number;
  readonly authRateLimit?: number;
  /** Where the clock starts (default Monday 2026-11-30, 09:00 UTC). */
  readonly now?: string;
  readonly logInDays?: number;
}

export interface TestApp {
  readonly app: FastifyInstance;
  readonly store: Store;
  readonly db: Kysely<Schema>;
  /** The PostgreSQL URL of the test database, or null on SQLite. */
  readonly url: string | null;
  readonly clock: TestClock;
  /** Closes the app and drops the database. Safe to call twice. */
  dispose(): Promise<void>;
}

/** The app over a fresh migrated database, with the real argon2 hasher and crypto ids. */
export async function testApp(options: TestAppOptions = {}): Promise<TestApp> {
  const made = await testStore();
  const clock = testClock(options.now);
  let app: FastifyInstance;
  try {
    app = await buildApp(
      {
        store: made.store,
        hasher: argon2Hasher,
        ids: cryptoIds,
        clock,
        logInDays: options.logInDays ?? 30,
      },
      {
        logLevel: "silent",
        trustProxy: options.trustProxy ?? false,
        bodyLimitBytes: options.bodyLimitBytes ?? 1_048_576,
        authRateLimit: options.authRateLimit ?? 1000,
      },
    );
    await app.ready();
  } catch (error) {
    await made.dispose();
    throw error;
  }
  let disposed = false;
  return {
    app,
    store: made.store,
    db: made.db,
    url: made.url,
    clock,
    async dispose() {
      if (disposed) return;
      disposed = true;
      try {
        await app.close();
      } finally {
        await made.dispose();
      }
    },
  };
}

/**
 * The app over a fresh database for the tests of one file: made before its first test and
 * disposed after its last (beforeAll, afterAll). Its fields are read when a test runs.
 */
export function appPerFile(options: TestAppOptions = {}): TestApp {
  let current: TestApp | undefined;
  beforeAll(async () => {
    current = await testApp(options);
  });
  afterAll(async () => {
    await current?.dispose();
  });
  const made = (): TestApp => {
    if (!current) throw new Error("the file's app is made in beforeAll: read it in a test");
    return current;
  };
  return {
    get app() {
      return made().app;
    },
    get store() {
      return made().store;
    },
    get db() {
      return made().db;
    },
    get url() {
      return made().url;
    },
    get clock() {
      return made().clock;
    },
    dispose: () => made().dispose(),
  };
}

export const PASSWORD = "correct horse battery staple";

/** A unique e-mail address for a test account. */
export function uniqueEmail(label = "athlete"): string {
  return `${label}-${randomUUID().slice(0, 8)}@example.com`;
}

/** `capacity_session=…` from a Set-Cookie header, ready for a Cookie header; null without one. */
export function sessionCookie(setCookie: string | string[] | undefined): string | null {
  const headers = setCookie === undefined ? [] : Array.isArray(setCookie) ? setCookie : [setCookie];
  for (const header of headers) {
    const pair = header.split(";")[0]?.trim() ?? "";
    if (pair.startsWith("capacity_session=") && pair !== "capacity_session=") return pair;
  }
  return null;
}

/** Signs up and answers the Cookie header of the new session. */
export async function signUp(
  app: FastifyInstance,
  email = uniqueEmail(),
  password = PASSWORD,
  name = "Test Athlete",
): Promise<string> {
  const response = await app.inject({
    method: "POST",
    url: "/api/auth/signup",
    payload: { email, password, name },
  });
  if (response.statusCode !== 201) {
    throw new Error(`sign-up of ${email} answered ${response.statusCode}: ${response.body}`);
  }
  const cookie = sessionCookie(response.headers["set-cookie"]);
  if (!cookie) throw new Error(`sign-up of ${email} sent no session cookie`);
  return cookie;
}

/**
 * An answer; `T` is the body's type where the test names it (a contract type), else `unknown`:
 * a test reads an error body through `problem`, which checks it against the contract.
 */
export interface JsonResponse<T = unknown> {
  readonly status: number;
  readonly body: T;
  readonly text: string;
  readonly headers: Record<string, string | string[] | number | undefined>;
}

/** One request through `app.inject`, the body sent and read as JSON (when there is one). */
export async function json<T = unknown>(
  app: FastifyInstance,
  method: InjectOptions["method"],
  url: string,
  cookie?: string | null,
  body?: unknown,
  headers: Record<string, string> = {},
): Promise<JsonResponse<T>> {
  const options: InjectOptions = {
    method: method ?? "GET",
    url,
    headers: { ...(cookie ? { cookie } : {}), ...headers },
  };
  if (body !== undefined) options.payload = body as NonNullable<InjectOptions["payload"]>;
  const response = await app.inject(options);
  return answer<T>(response.statusCode, response.body, response.headers);
}

function answer<T>(
  status: number,
  text: string,
  headers: JsonResponse["headers"],
): JsonResponse<T> {
  const type = String(headers["content-type"] ?? "");
  const body = type.includes("json") && text !== "" ? (JSON.parse(text) as T) : (null as T);
  return { status, body, text, headers };
}

/** `value`, which the test expects to be there (not null or undefined): fails the test otherwise. */
export function present<T>(value: T | null | undefined, what = "the value"): T {
  expect(value, `${what} is there`).not.toBeNull();
  expect(value, `${what} is there`).toBeDefined();
  return value as T;
}

/** Week `index` of a plan (from 0); the test fails when the plan is shorter. */
export function weekOf(plan: Plan, index = 0): PlannedWeek {
  return present(plan.weeks[index], `week ${index} of the plan`);
}

/** A JSON Schema as the OpenAPI document holds one: the parts the tests read. */
export interface JsonSchema {
  readonly type?: string;
  readonly properties?: Readonly<Record<string, JsonSchema>>;
  readonly [keyword: string]: unknown;
}

/** One operation of the OpenAPI document. */
export interface OpenApiOperation {
  readonly tags?: readonly string[];
  readonly requestBody?: {
    readonly content: Readonly<Record<string, { readonly schema: JsonSchema } | undefined>>;
  };
}

/** `GET /api/openapi.json` (written by @fastify/swagger): the parts the tests read. */
export interface OpenApiDocument {
  readonly openapi: string;
  readonly info: { readonly title: string };
  readonly paths: Readonly<
    Record<string, Readonly<Record<string, OpenApiOperation | undefined>> | undefined>
  >;
}

/** The error of a refused answer, checked against the contract's `ErrorBody` first. */
export function problem(response: {
  readonly body: unknown;
  readonly text: string;
}): ErrorBody["error"] {
  expect(
    Value.Check(ErrorBodySchema, response.body),
    `an error body (docs/API.md, "Errors"), not ${response.text}`,
  ).toBe(true);
  return (response.body as ErrorBody).error;
}

/** Every row of every table, sorted, to compare the database before and after a request. */
export async function databaseRows(db: Kysely<Schema>): Promise<Record<string, string[]>> {
  const rows: Record<string, string[]> = {};
  for (const table of TABLES) {
    const found = await db.selectFrom(table).selectAll().execute();
    rows[table] = found.map((row) => JSON.stringify(row)).sort();
  }
  return rows;
}

/** A valid workout body: `sets` sets of quarter squats; `id` null for none. */
export function workoutBody(
  date = "2026-11-24",
  sets = 1,
  id: string | null = randomUUID(),
): { id?: string; date: string; sets: LoggedSet[] } {
  return {
    ...(id === null ? {} : { id }),
    date,
    sets: Array.from({ length: sets }, (_, i) => ({
      exercise: "quarter-squat",
      load: { value: 20 + i, unit: "kg" as const },
      reps: 10,
      rir: 2,
    })),
  };
}

/**
 * Every route the app serves, as "METHOD /path" (HEAD left out: Fastify adds it to each GET),
 * read from Fastify's own route tree so that a new route shows up without anyone listing it.
 */
export function appRoutes(app: FastifyInstance): string[] {
  const routes: string[] = [];
  const parents: string[] = [];
  for (const line of app.printRoutes({ commonPrefix: false }).split("\n")) {
    const match = /^([│ ]*)[└├]── (.*) \(([A-Z, ]+)\)$/.exec(line);
    if (!match) {
      if (line.trim() !== "") throw new Error(`cannot read the route line ${JSON.stringify(line)}`);
      continue;
    }
    const depth = (match[1] ?? "").length / 4;
    const path = `${depth === 0 ? "" : parents[depth - 1]}${match[2]}`;
    parents[depth] = path;
    for (const method of (match[3] ?? "").split(",").map((m) => m.trim())) {
      if (method !== "HEAD") routes.push(`${method} ${path}`);
    }
  }
  return routes.sort();
}

// ---- Server processes ----

export interface ServerProcess {
  /** http://127.0.0.1:PORT */
  readonly url: string;
  readonly port: number;
  readonly child: ChildProcess;
  /** What the process wrote on stderr so far. */
  stderr(): string;
  /** What the process wrote on stdout so far (its JSON log lines among it). */
  stdout(): string;
  /** Sends the signal and waits until the process has exited. */
  kill(signal?: NodeJS.Signals): Promise<void>;
}

const children = new Set<ChildProcess>();

function exited(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => child.once("exit", () => resolve()));
}

/**
 * Starts `node dist/server.js` on a free port (PORT=0) with only the given settings (no
 * DATABASE_URL or REDIS_URL from the outer environment), and waits for its "running on" line.
 */
export async function startServerProcess(env: Record<string, string>): Promise<ServerProcess> {
  const base: Record<string, string> = {};
  for (const key of ["PATH", "HOME", "TMPDIR", "LANG", "SystemRoot"]) {
    const value = process.env[key];
    if (value !== undefined) base[key] = value;
  }
  const child = spawn(process.execPath, [SERVER_JS], {
    cwd: ROOT,
    env: { ...base, PORT: "0", HOST: "127.0.0.1", LOG_LEVEL: "warn", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  children.add(child);
  child.once("exit", () => children.delete(child));
  let stdout = "";
  let stderr = "";
  child.stderr?.setEncoding("utf8");
  child.stderr?.on("data", (chunk: string) => {
    stderr += chunk;
  });
  const port = await new Promise<number>((resolve, reject) => {
    child.stdout?.setEncoding("utf8");
    child.stdout?.on("data", (chunk: string) => {
      stdout += chunk;
      const match = /Capacity is running on https?:\/\/[^\s:]+:(\d+)/.exec(stdout);
      if (match?.[1]) resolve(Number(match[1]));
    });
    child.once("exit", (code, signal) =>
      reject(
        new Error(
          `the server exited before it ran (code ${code}, signal ${signal}):\n${stderr}${stdout}`,
        ),
      ),
    );
    child.once("error", reject);
  });
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    child,
    stderr: () => stderr,
    stdout: () => stdout,
    async kill(signal: NodeJS.Signals = "SIGKILL") {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      await exited(child);
    },
  };
}

/** SIGKILLs every server process still running (afterAll, even after a failure). */
export async function killServerProcesses(): Promise<void> {
  await Promise.all(
    [...children].map((child) => {
      if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
      return exited(child);
    }),
  );
}

/** A request to a server process with fetch; the body read as JSON when it is JSON. */
export async function fetchJson<T = unknown>(
  base: string,
  method: string,
  path: string,
  cookie?: string | null,
  body?: unknown,
): Promise<JsonResponse<T> & { cookie: string | null }> {
  const response = await fetch(`${base}${path}`, {
    method,
    headers: {
      ...(cookie ? { cookie } : {}),
      ...(body === undefined ? {} : { "content-type": "application/json" }),
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await response.text();
  const headers: Record<string, string> = {};
  response.headers.forEach((value, key) => {
    headers[key] = value;
  });
  return {
    ...answer<T>(response.status, text, headers),
    cookie: sessionCookie(response.headers.getSetCookie()),
  };
}
