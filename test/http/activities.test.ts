/**
 * Activity import over HTTP (docs/importers.md): uploads streamed to disk, import jobs followed to the
 * end, the activities listed and deleted, the upload limit, and the running routes' shapes.
 * Corpus cases read CAPACITY_CORPUS_DIR: unset, they skip; set and a file missing, they fail.
 */
import { randomUUID } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { connect } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { PassThrough, Readable } from "node:stream";
import cookiePlugin from "@fastify/cookie";
import rateLimit from "@fastify/rate-limit";
import Fastify, { type FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import yazl from "yazl";
import { argon2Hasher, cryptoIds } from "../../src/adapters/crypto.js";
import { buildApp } from "../../src/adapters/http/app.js";
import { installErrorHandler, typeboxValidator } from "../../src/adapters/http/problems.js";
import { accountRoutes } from "../../src/adapters/http/routes/accounts.js";
import { activityRoutes } from "../../src/adapters/http/routes/activities.js";
import { type ImportJob, ImportJobs } from "../../src/app/import-jobs.js";
import type { Account, ActivityView, Items } from "../../src/contract/index.js";
import type { RunWeekAnswer } from "../../src/core/running/propose-week.js";
import type { WeeklyRunning } from "../../src/core/running/weekly.js";
import { testStore } from "../support/database.js";
import {
  databaseRows,
  exampleProfile,
  json,
  type OpenApiDocument,
  present,
  problem,
  ROOT,
  signUp,
  type TestClock,
  testClock,
} from "../support/http.js";

const CORPUS = process.env.CAPACITY_CORPUS_DIR;
const MINUTE = 60_000;

interface Harness {
  readonly app: FastifyInstance;
  readonly store: Awaited<ReturnType<typeof testStore>>;
  readonly clock: TestClock;
  readonly uploadDir: string;
  dispose(): Promise<void>;
}

/** A log call the app made for a request: its level and message. */
interface Logged {
  readonly level: string;
  readonly message: string;
  readonly err: unknown;
  /** The object logged with the message, if any. */
  readonly data: unknown;
}

const LEVELS = ["fatal", "error", "warn", "info", "debug", "trace"];

/**
 * Records every log call made through a request's logger, whatever the level set (the app logs
 * nothing in tests): the request's and the reply's logger become a recording wrapper.
 */
function recordLogs(app: FastifyInstance, logs: Logged[]): void {
  app.addHook("onRequest", async (request, reply) => {
    const original = request.log;
    const wrapper = new Proxy(original, {
      get(target, property, receiver) {
        const value = Reflect.get(target, property, receiver);
        if (typeof property !== "string" || !LEVELS.includes(property)) return value;
        return (first: unknown, second?: unknown) => {
          const message = typeof first === "string" ? first : String(second ?? "");
          const err =
            typeof first === "object" && first !== null
              ? (first as { err?: unknown }).err
              : undefined;
          logs.push({
            level: property,
            message,
            err,
            data: typeof first === "object" ? first : null,
          });
          return (value as (...args: unknown[]) => void).call(target, first, second);
        };
      },
    });
    request.log = wrapper;
    reply.log = wrapper;
  });
}

/** The app over a fresh database with its own upload folder (to see that uploads are removed). */
async function harness(
  options: { importLimitBytes?: number; logs?: Logged[] } = {},
): Promise<Harness> {
  const store = await testStore();
  const clock = testClock();
  const uploadDir = await mkdtemp(join(tmpdir(), "capacity-upload-test-"));
  const app = await buildApp(
    { store: store.store, hasher: argon2Hasher, ids: cryptoIds, clock, logInDays: 30 },
    {
      logLevel: "silent",
      trustProxy: false,
      bodyLimitBytes: 4096,
      authRateLimit: 1000,
      uploadDir,
      ...(options.importLimitBytes === undefined
        ? {}
        : { importLimitBytes: options.importLimitBytes }),
    },
  );
  if (options.logs) recordLogs(app, options.logs);
  await app.ready();
  let disposed = false;
  return {
    app,
    store,
    clock,
    uploadDir,
    async dispose() {
      if (disposed) return;
      disposed = true;
      try {
        await app.close();
      } finally {
        await store.dispose();
        await rm(uploadDir, { recursive: true, force: true });
      }
    },
  };
}

// ---- Files made here ----

interface RunSpec {
  readonly start: string;
  readonly minutes?: number;
  /** Seconds between points. */
  readonly step?: number;
}

/** A GPX run: a point every `step` seconds heading north at about 3.3 m/s. */
function gpx({ start, minutes = 30, step = 10 }: RunSpec): string {
  const t0 = Date.parse(start);
  const count = Math.floor((minutes * 60) / step) + 1;
  const points = Array.from({ length: count }, (_, i) => {
    const time = new Date(t0 + i * step * 1000).toISOString();
    const lat = (48 + (i * step * 3.3) / 111_320).toFixed(6);
    return `<trkpt lat="${lat}" lon="2.000000"><ele>100</ele><time>${time}</time></trkpt>`;
  }).join("");
  return `<?xml version="1.0" encoding="UTF-8"?><gpx version="1.1" creator="Capacity test" xmlns="http://www.topografix.com/GPX/1/1"><trk><name>Run</name><type>running</type><trkseg>${points}</trkseg></trk></gpx>`;
}

const BROKEN_GPX = '<?xml version="1.0"?><gpx version="1.1"><trk><trkseg><trkpt lat="48"';

function zip(entries: readonly (readonly [string, string | Buffer])[]): Promise<Buffer> {
  const file = new yazl.ZipFile();
  for (const [name, data] of entries) file.addBuffer(Buffer.from(data), name);
  file.end();
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    file.outputStream.on("data", (chunk: Buffer) => chunks.push(chunk));
    file.outputStream.on("end", () => resolve(Buffer.concat(chunks)));
    file.outputStream.on("error", reject);
  });
}

interface Part {
  readonly name?: string;
  readonly data?: string | Buffer;
  /** The form field; `file` unless said. */
  readonly field?: string;
  /** A plain field rather than a file. */
  readonly value?: string;
}

/** A multipart/form-data body, in chunks (sent whole, or as a stream without a length). */
function form(parts: readonly Part[]): { chunks: Buffer[]; type: string } {
  const boundary = `----capacity-${randomUUID()}`;
  const chunks: Buffer[] = [];
  for (const part of parts) {
    const field = part.field ?? "file";
    if (part.value !== undefined) {
      chunks.push(
        Buffer.from(
          `--${boundary}\r\nContent-Disposition: form-data; name="${field}"\r\n\r\n${part.value}\r\n`,
        ),
      );
      continue;
    }
    chunks.push(
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="${field}"; filename="${part.name ?? ""}"\r\nContent-Type: application/octet-stream\r\n\r\n`,
      ),
      Buffer.from(part.data ?? ""),
      Buffer.from("\r\n"),
    );
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return { chunks, type: `multipart/form-data; boundary=${boundary}` };
}

async function upload(
  app: FastifyInstance,
  cookie: string | null,
  parts: readonly Part[],
  options: { stream?: boolean } = {},
) {
  const body = form(parts);
  const response = await app.inject({
    method: "POST",
    url: "/api/activities/import",
    headers: { "content-type": body.type, ...(cookie ? { cookie } : {}) },
    payload: options.stream ? Readable.from(body.chunks) : Buffer.concat(body.chunks),
  });
  const text = response.body;
  return {
    status: response.statusCode,
    headers: response.headers,
    text,
    body: (text ? JSON.parse(text) : null) as ImportJob,
  };
}

/** `GET /api/activities/weekly`. */
interface WeeklyAnswer {
  readonly weeks: readonly WeeklyRunning[];
}

/** Polls the job until it is no longer running. */
async function finished(app: FastifyInstance, cookie: string, id: string): Promise<ImportJob> {
  for (let i = 0; i < 2000; i++) {
    const response = await json<ImportJob>(app, "GET", `/api/activities/imports/${id}`, cookie);
    expect(response.status, response.text).toBe(200);
    if (response.body.status !== "running") return response.body;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  throw new Error(`import ${id} still running`);
}

/** Waits until `condition` holds (a few seconds at most). */
async function until(condition: () => boolean, what = "the condition"): Promise<void> {
  for (let i = 0; i < 1000; i++) {
    if (condition()) return;
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  throw new Error(`waited in vain for ${what}`);
}

/**
 * An upload sent without a length whose body is held open after its first part's headers:
 * the server reads it until then and waits. `finish` sends the rest.
 */
function heldUpload(app: FastifyInstance, cookie: string, parts: readonly Part[]) {
  const body = form(parts);
  const stream = new PassThrough();
  stream.write(body.chunks[0]);
  const response = app
    .inject({
      method: "POST",
      url: "/api/activities/import",
      headers: { "content-type": body.type, cookie },
      payload: stream,
    })
    .then((answer) => ({
      status: answer.statusCode,
      text: answer.body,
      body: (answer.body ? JSON.parse(answer.body) : null) as ImportJob,
    }));
  return {
    response,
    finish() {
      for (const chunk of body.chunks.slice(1)) stream.write(chunk);
      stream.end();
    },
  };
}

/** Uploads and follows the job to its end; the upload must be accepted. */
async function imported(h: Harness, cookie: string, parts: readonly Part[]): Promise<ImportJob> {
  const response = await upload(h.app, cookie, parts);
  expect(response.status, response.text).toBe(202);
  return finished(h.app, cookie, response.body.id);
}

async function activities(
  h: Harness,
  cookie: string,
  query = "",
): Promise<readonly ActivityView[]> {
  const response = await json<Items<ActivityView>>(h.app, "GET", `/api/activities${query}`, cookie);
  expect(response.status, response.text).toBe(200);
  return response.body.items;
}

/** Upload folders left behind (every upload's folder goes once its job ends). */
function leftovers(h: Harness): string[] {
  return readdirSync(h.uploadDir);
}

function corpusFile(relative: string): Buffer {
  return readFileSync(join(CORPUS as string, relative));
}

// ---- Tests ----

let h: Harness;

beforeAll(async () => {
  h = await harness();
});

afterAll(async () => {
  await h?.dispose();
});

describe("POST /api/activities/import", () => {
  it("takes a GPX made here: 202 with the job and its Location, then done with the report", async () => {
    const cookie = await signUp(h.app);
    const data = gpx({ start: "2026-11-20T20:00:00Z", minutes: 30 });
    const response = await upload(h.app, cookie, [{ name: "evening run.gpx", data }]);
    expect(response.status, response.text).toBe(202);
    const job = response.body;
    expect(response.headers.location).toBe(`/api/activities/imports/${job.id}`);
    expect(job).toEqual({
      id: expect.any(String),
      status: "running",
      files: 1,
      bytes: Buffer.byteLength(data),
      progress: { done: 0, total: 1 },
      counts: { imported: 0, duplicates: 0, failed: 0 },
      report: null,
      error: null,
      createdAt: "2026-11-30T09:00:00.000Z",
    });

    const done = await finished(h.app, cookie, job.id);
    expect(done).toMatchObject({
      id: job.id,
      status: "done",
      files: 1,
      progress: { done: 1, total: 1 },
      counts: { imported: 1, duplicates: 0, failed: 0 },
      error: null,
    });
    expect(present(done.report).failed).toEqual([]);
    expect(present(done.report).duplicates).toEqual([]);
    expect(present(done.report).imported).toEqual([
      expect.objectContaining({
        source: "evening run.gpx",
        format: "gpx",
        sport: "run",
        start: "2026-11-20T20:00:00.000Z",
        elapsedS: 1800,
        id: expect.any(String),
      }),
    ]);
    expect(leftovers(h)).toEqual([]);

    const items = await activities(h, cookie);
    expect(items).toEqual([
      {
        id: present(done.report).imported[0]?.id,
        sport: "run",
        start: "2026-11-20T20:00:00.000Z",
        // No profile yet: days are UTC days.
        date: "2026-11-20",
        elapsedS: 1800,
        movingS: expect.any(Number),
        distanceM: expect.any(Number),
        avgHr: null,
        maxHr: null,
        ascentM: expect.anything(),
        sourceName: expect.anything(),
        format: "gpx",
        source: "evening run.gpx",
        warnings: expect.any(Array),
        createdAt: "2026-11-30T09:00:00.000Z",
      },
    ]);
    expect(present(items[0]).distanceM).toBeGreaterThan(5500);
    expect(present(items[0]).distanceM).toBeLessThan(6500);
  });

  it.skipIf(!CORPUS)(
    "takes a real FIT file, and the same run as GPX in the same upload is a duplicate",
    async () => {
      const cookie = await signUp(h.app);
      const job = await imported(h, cookie, [
        { name: "6782987395.fit", data: corpusFile("fit/6782987395.fit") },
        { name: "6782987395.gpx", data: corpusFile("gpx/6782987395.gpx") },
        {
          name: "activity-small-fenix2-run.fit",
          data: corpusFile("fit/activity-small-fenix2-run.fit"),
        },
      ]);
      expect(job.status, job.error ?? undefined).toBe("done");
      expect(job.counts).toEqual({ imported: 2, duplicates: 1, failed: 0 });
      expect(present(job.report).imported.map((a) => [a.source, a.format, a.sport])).toEqual([
        ["6782987395.fit", "fit", "run"],
        ["activity-small-fenix2-run.fit", "fit", "run"],
      ]);
      expect(present(job.report).duplicates.map((a) => a.source)).toEqual(["6782987395.gpx"]);
      const items = await activities(h, cookie);
      expect(items.map((a) => a.source).sort()).toEqual([
        "6782987395.fit",
        "activity-small-fenix2-run.fit",
      ]);
      expect(leftovers(h)).toEqual([]);
    },
  );

  it("reads a zip entry by entry: a duplicate and a broken file are counted and reported; a re-upload stores nothing twice", async () => {
    const cookie = await signUp(h.app);
    const first = gpx({ start: "2026-11-10T06:00:00Z", minutes: 40 });
    const archive = await zip([
      ["activities/monday.gpx", first],
      ["activities/monday-again.gpx", first],
      ["activities/broken.gpx", BROKEN_GPX],
      ["activities/wednesday.gpx", gpx({ start: "2026-11-12T06:00:00Z", minutes: 50 })],
    ]);
    const job = await imported(h, cookie, [{ name: "export.zip", data: archive }]);
    expect(job).toMatchObject({
      status: "done",
      files: 1,
      bytes: archive.length,
      progress: { done: 4, total: 4 },
      counts: { imported: 2, duplicates: 1, failed: 1 },
    });
    expect(present(job.report).imported.map((a) => a.source)).toEqual([
      "activities/monday.gpx",
      "activities/wednesday.gpx",
    ]);
    expect(present(job.report).duplicates.map((a) => a.source)).toEqual([
      "activities/monday-again.gpx",
    ]);
    expect(present(job.report).failed).toEqual([
      { source: "activities/broken.gpx", error: expect.any(String) },
    ]);
    const stored = await activities(h, cookie);
    expect(stored.map((a) => a.source)).toEqual([
      "activities/monday.gpx",
      "activities/wednesday.gpx",
    ]);

    const again = await imported(h, cookie, [{ name: "export.zip", data: archive }]);
    expect(again.counts).toEqual({ imported: 0, duplicates: 3, failed: 1 });
    expect(await activities(h, cookie)).toEqual(stored);
    expect(leftovers(h)).toEqual([]);
  });

  it("takes several files in one upload, reports each under its base name, and never writes under it", async () => {
    const cookie = await signUp(h.app);
    const job = await imported(h, cookie, [
      { name: "../../escape.gpx", data: gpx({ start: "2026-11-02T07:00:00Z" }) },
      { name: "/etc/passwd", data: gpx({ start: "2026-11-03T07:00:00Z" }) },
      { name: "notes.txt", data: "not an activity" },
    ]);
    expect(job).toMatchObject({
      status: "done",
      files: 3,
      progress: { done: 3, total: 3 },
      counts: { imported: 2, duplicates: 0, failed: 1 },
    });
    // Reported under their base names; stored under names the server makes.
    expect(present(job.report).imported.map((a) => a.source)).toEqual(["escape.gpx", "passwd"]);
    expect(present(job.report).failed.map((f) => f.source)).toEqual(["notes.txt"]);
    expect(leftovers(h)).toEqual([]);
  });

  it("answers 400 invalid `file` when no file arrives, and stores nothing", async () => {
    const cookie = await signUp(h.app);
    const before = await databaseRows(h.store.db);
    // Sent together: the three multipart ones take the account's three import slots while
    // they are read; the others are refused before that.
    const noFile = [
      upload(h.app, cookie, [{ field: "note", value: "hello" }]),
      upload(h.app, cookie, []),
      // A form's empty file input: a part with no name and no byte.
      upload(h.app, cookie, [{ name: "", data: "" }]),
      json(h.app, "POST", "/api/activities/import", cookie, { file: "run.gpx" }),
      json(h.app, "POST", "/api/activities/import", cookie, undefined, {
        "content-type": "application/octet-stream",
      }),
    ];
    for (const response of await Promise.all(noFile)) {
      expect(response.status, response.text).toBe(400);
      expect(response.body).toEqual({
        error: { kind: "invalid", message: expect.any(String), field: "file" },
      });
    }
    expect(await databaseRows(h.store.db)).toEqual(before);
    expect(leftovers(h)).toEqual([]);
  });

  it("answers 401 without a session and reads nothing", async () => {
    const response = await upload(h.app, null, [
      { name: "a.gpx", data: gpx({ start: "2026-11-02T07:00:00Z" }) },
    ]);
    expect(response.status).toBe(401);
    expect(leftovers(h)).toEqual([]);
  });
});

describe("the upload limit", () => {
  const LIMIT = 64 * 1024;
  let small: Harness;

  beforeAll(async () => {
    small = await harness({ importLimitBytes: LIMIT });
  });

  afterAll(async () => {
    await small?.dispose();
  });

  const big = (bytes: number) => Buffer.alloc(bytes, "x");

  const expectTooLarge = (response: { status: number; body: unknown; text: string }) => {
    expect(response.status, response.text).toBe(413);
    expect(response.body).toEqual({
      error: { kind: "too-large", message: expect.stringContaining("64 KB"), field: null },
    });
  };

  it("413 too-large for a body declared over the limit, before it is read (even when the file alone would fit)", async () => {
    const cookie = await signUp(small.app);
    const before = await databaseRows(small.store.db);
    expectTooLarge(await upload(small.app, cookie, [{ name: "huge.fit", data: big(LIMIT + 1) }]));
    // The multipart framing takes the body over the limit: the declared length decides.
    expectTooLarge(await upload(small.app, cookie, [{ name: "edge.fit", data: big(LIMIT - 50) }]));
    expect(await databaseRows(small.store.db)).toEqual(before);
    expect(leftovers(small)).toEqual([]);
  });

  it("413 too-large when a streamed upload (no length) passes the limit, in one file or across several; the partial files are removed", async () => {
    const cookie = await signUp(small.app);
    const before = await databaseRows(small.store.db);
    expectTooLarge(
      await upload(small.app, cookie, [{ name: "huge.fit", data: big(LIMIT + 1) }], {
        stream: true,
      }),
    );
    const third = Math.ceil(LIMIT / 3) + 10;
    expectTooLarge(
      await upload(
        small.app,
        cookie,
        [
          { name: "a.gpx", data: gpx({ start: "2026-11-02T07:00:00Z", minutes: 1 }) },
          { name: "b.fit", data: big(third) },
          { name: "c.fit", data: big(third) },
          { name: "d.fit", data: big(third) },
        ],
        { stream: true },
      ),
    );
    expect(await databaseRows(small.store.db)).toEqual(before);
    expect(leftovers(small)).toEqual([]);
  });

  it("takes an upload just under the limit, streamed or not", async () => {
    const cookie = await signUp(small.app);
    for (const stream of [false, true]) {
      const response = await upload(
        small.app,
        cookie,
        [{ name: "almost.gpx", data: gpx({ start: "2026-11-05T07:00:00Z", minutes: 60 }) }],
        { stream },
      );
      expect(response.status, response.text).toBe(202);
      await finished(small.app, cookie, response.body.id);
    }
    expect(await activities(small, cookie)).toHaveLength(1);
  });

  it("JSON elsewhere keeps BODY_LIMIT_BYTES", async () => {
    const cookie = await signUp(small.app);
    const response = await json(small.app, "PUT", "/api/profile", cookie, {
      ...exampleProfile(),
      name: "x".repeat(5000),
    });
    expect(response.status).toBe(400);
    expect(problem(response).kind).toBe("too-large");
  });
});

describe("parts and files in one upload", () => {
  /** The route's log line for an upload refused over a limit: how many files it had opened. */
  const refusedFiles = (logs: readonly Logged[]) =>
    logs
      .filter((entry) => entry.message.startsWith("upload refused over a limit"))
      .map((entry) => entry.data as { files: number; bytes: number });

  it("10,001 one-byte files: 413 at the first file over the limit, with few files ever written and none left", async () => {
    const logs: Logged[] = [];
    const own = await harness({ logs });
    try {
      const cookie = await signUp(own.app);
      const before = await databaseRows(own.store.db);
      const parts = Array.from({ length: 10_001 }, (_, i) => ({ name: `${i}.fit`, data: "x" }));
      for (const stream of [false, true]) {
        const response = await upload(own.app, cookie, parts, { stream });
        expect(response.status, response.text).toBe(413);
        expect(response.body).toEqual({
          error: {
            kind: "too-large",
            message: expect.stringContaining("at most 10000 files"),
            field: null,
          },
        });
        expect(response.headers.connection).toBe("close");
      }
      // Refused once the reader met file 10,001, not after the 10,000 before it were written.
      const refused = refusedFiles(logs);
      expect(refused).toHaveLength(2);
      for (const count of refused) expect(count.files).toBeLessThan(100);
      expect(await databaseRows(own.store.db)).toEqual(before);
      expect(leftovers(own)).toEqual([]);
      // The slots came back: an upload after them is taken.
      const after = await upload(own.app, cookie, [
        { name: "run.gpx", data: gpx({ start: "2026-11-03T07:00:00Z", minutes: 2 }) },
      ]);
      expect(after.status, after.text).toBe(202);
      await finished(own.app, cookie, after.body.id);
    } finally {
      await own.dispose();
    }
  });

  it("101 form fields beside a file: 413 too-large naming the fields, nothing left", async () => {
    const cookie = await signUp(h.app);
    const fields = Array.from({ length: 101 }, (_, i) => ({ field: `note${i}`, value: "x" }));
    const response = await upload(h.app, cookie, [
      { name: "run.gpx", data: gpx({ start: "2026-11-04T07:00:00Z", minutes: 2 }) },
      ...fields,
    ]);
    expect(response.status, response.text).toBe(413);
    expect(problem(response)).toEqual({
      kind: "too-large",
      message: expect.stringContaining("at most 100 form fields"),
      field: null,
    });
    expect(leftovers(h)).toEqual([]);
  });

  it("a 1 GB file streamed without a length is refused once past the limit: little of it is ever read", async () => {
    const LIMIT = 1024 * 1024;
    const own = await harness({ importLimitBytes: LIMIT });
    try {
      const cookie = await signUp(own.app);
      const body = form([{ name: "huge.fit", data: "" }]);
      const [opening, , closing] = [body.chunks[0], body.chunks[1], body.chunks.slice(2)];
      const CHUNK = 64 * 1024;
      const GIGABYTE = 1024 ** 3;
      let pulled = 0;
      const chunk = Buffer.alloc(CHUNK, "x");
      async function* gigabyte() {
        yield opening as Buffer;
        for (let sent = 0; sent < GIGABYTE; sent += CHUNK) {
          pulled += CHUNK;
          yield chunk;
        }
        yield* closing;
      }
      const response = await own.app.inject({
        method: "POST",
        url: "/api/activities/import",
        headers: { "content-type": body.type, cookie },
        payload: Readable.from(gigabyte(), { objectMode: false }),
      });
      expect(response.statusCode, response.body).toBe(413);
      expect(JSON.parse(response.body).error.kind).toBe("too-large");
      // Refused at the limit, not at the file's end: the rest was never asked for.
      expect(pulled).toBeLessThan(16 * LIMIT);
      expect(leftovers(own)).toEqual([]);
    } finally {
      await own.dispose();
    }
  });
});

describe("import jobs", () => {
  it("are their owner's only: another user's job id answers 404", async () => {
    const owner = await signUp(h.app);
    const other = await signUp(h.app);
    const response = await upload(h.app, owner, [
      { name: "a.gpx", data: gpx({ start: "2026-11-06T07:00:00Z" }) },
    ]);
    expect(response.status).toBe(202);
    const id = response.body.id;
    const theirs = await json(h.app, "GET", `/api/activities/imports/${id}`, other);
    expect(theirs.status).toBe(404);
    expect(problem(theirs).kind).toBe("not-found");
    expect(theirs.text).not.toContain("a.gpx");
    await finished(h.app, owner, id);
    expect((await json(h.app, "GET", `/api/activities/imports/${id}`, other)).status).toBe(404);
    expect(
      (await json(h.app, "GET", `/api/activities/imports/${randomUUID()}`, owner)).status,
    ).toBe(404);
  });

  it("tell their progress while they run, and requests are answered meanwhile", async () => {
    const cookie = await signUp(h.app);
    const files = Array.from({ length: 20 }, (_, i) => ({
      name: `long-${i}.gpx`,
      data: gpx({
        start: new Date(Date.UTC(2026, 8, 1 + i, 7)).toISOString(),
        minutes: 60,
        step: 1,
      }),
    }));
    const response = await upload(h.app, cookie, files);
    expect(response.status).toBe(202);
    const seen: ImportJob["progress"][] = [];
    let job = response.body;
    while (job.status === "running") {
      const polled = await json<ImportJob>(
        h.app,
        "GET",
        `/api/activities/imports/${job.id}`,
        cookie,
      );
      job = polled.body;
      if (job.status === "running") seen.push(job.progress);
      await new Promise((resolve) => setTimeout(resolve, 2));
    }
    expect(job.status).toBe("done");
    expect(job.progress).toEqual({ done: 20, total: 20 });
    expect(job.counts).toEqual({ imported: 20, duplicates: 0, failed: 0 });
    // Polled between two files several times: the import did not hold the server for its whole length.
    const between = seen.filter((p) => p.done > 0 && p.done < 20 && p.total === 20);
    expect(new Set(between.map((p) => p.done)).size).toBeGreaterThan(3);
  });

  it("are forgotten an hour after they end", async () => {
    const cookie = await signUp(h.app);
    const job = await imported(h, cookie, [
      { name: "a.gpx", data: gpx({ start: "2026-11-07T07:00:00Z" }) },
    ]);
    h.clock.advance(59 * MINUTE);
    expect((await json(h.app, "GET", `/api/activities/imports/${job.id}`, cookie)).status).toBe(
      200,
    );
    h.clock.advance(MINUTE);
    expect((await json(h.app, "GET", `/api/activities/imports/${job.id}`, cookie)).status).toBe(
      404,
    );
    h.clock.set("2026-11-30T09:00:00Z");
  });

  it("are stopped when the server closes: their uploaded files are removed", async () => {
    const own = await harness();
    try {
      const cookie = await signUp(own.app);
      const many = Array.from({ length: 30 }, (_, i) => ({
        name: `run-${i}.gpx`,
        data: gpx({
          start: new Date(Date.UTC(2026, 9, 1 + i, 7)).toISOString(),
          minutes: 60,
          step: 1,
        }),
      }));
      const me = (await json<Account>(own.app, "GET", "/api/me", cookie)).body;
      const response = await upload(own.app, cookie, many);
      expect(response.status).toBe(202);
      expect(leftovers(own)).toHaveLength(1);
      await own.app.close();
      expect(leftovers(own)).toEqual([]);
      // Stopped between two files: not all 30 were stored.
      expect((await own.store.store.activities.list(me.id)).length).toBeLessThan(30);
    } finally {
      await own.dispose();
    }
  });
});

describe("imports running at once", () => {
  const file = (i: number): Part[] => [
    {
      name: `run-${i}.gpx`,
      data: gpx({ start: new Date(Date.UTC(2026, 7, 1 + i, 7)).toISOString(), minutes: 5 }),
    },
  ];

  it("are three per account even when the uploads arrive together: a fourth is refused (429) before it is read", async () => {
    const own = await harness();
    try {
      const cookie = await signUp(own.app);
      const other = await signUp(own.app);
      const held = [0, 1, 2].map((i) => heldUpload(own.app, cookie, file(i)));
      // All three are being read: none has become a job yet.
      await until(() => leftovers(own).length === 3, "three uploads being read");
      const fourth = await upload(own.app, cookie, file(3), { stream: true });
      expect(fourth.status, fourth.text).toBe(429);
      expect(problem(fourth)).toEqual({
        kind: "rate-limited",
        message: expect.stringContaining("3 imports"),
        field: null,
      });
      expect(leftovers(own)).toHaveLength(3);
      // Another account is not held up by them.
      const theirs = await upload(own.app, other, file(4));
      expect(theirs.status, theirs.text).toBe(202);

      for (const upload of held) upload.finish();
      const answers = await Promise.all(held.map((upload) => upload.response));
      expect(answers.map((answer) => answer.status)).toEqual([202, 202, 202]);
      // Each slot is given back when its job ends.
      for (const answer of answers) await finished(own.app, cookie, answer.body.id);
      await finished(own.app, other, theirs.body.id);
      const again = await Promise.all([5, 6, 7].map((i) => upload(own.app, cookie, file(i))));
      expect(again.map((answer) => answer.status)).toEqual([202, 202, 202]);
      for (const answer of again) await finished(own.app, cookie, answer.body.id);
      expect(await activities(own, cookie)).toHaveLength(6);
      expect(leftovers(own)).toEqual([]);
    } finally {
      await own.dispose();
    }
  });

  it("give the slot of an upload that failed back at once", async () => {
    const small = await harness({ importLimitBytes: 64 * 1024 });
    try {
      const cookie = await signUp(small.app);
      const failures = [
        upload(small.app, cookie, [{ field: "note", value: "no file" }]),
        upload(small.app, cookie, [{ name: "huge.fit", data: Buffer.alloc(70_000, "x") }], {
          stream: true,
        }),
        json(small.app, "POST", "/api/activities/import", cookie, { file: "run.gpx" }),
        upload(small.app, cookie, [{ name: "", data: "" }], { stream: true }),
      ];
      expect((await Promise.all(failures)).map((answer) => answer.status)).toEqual([
        400, 413, 400, 400,
      ]);
      const held = [0, 1, 2].map((i) => heldUpload(small.app, cookie, file(i)));
      await until(() => leftovers(small).length === 3, "three uploads being read");
      for (const upload of held) upload.finish();
      const answers = await Promise.all(held.map((upload) => upload.response));
      expect(answers.map((answer) => answer.status)).toEqual([202, 202, 202]);
      for (const answer of answers) await finished(small.app, cookie, answer.body.id);
    } finally {
      await small.dispose();
    }
  });
});

describe("a client that goes away in the middle of its upload", () => {
  it("is logged as the client's abort, not as an error; its partial files are removed and its slot given back", async () => {
    const logs: Logged[] = [];
    const own = await harness({ logs });
    try {
      const cookie = await signUp(own.app);
      const address = await own.app.listen({ port: 0, host: "127.0.0.1" });
      const port = Number(new URL(address).port);
      for (let i = 0; i < 4; i++) {
        const body = form([{ name: "big.fit", data: Buffer.alloc(300_000, "x") }]);
        const whole = Buffer.concat(body.chunks);
        const socket = connect(port, "127.0.0.1");
        socket.on("error", () => {});
        await new Promise((resolve) => socket.once("connect", resolve));
        socket.write(
          `POST /api/activities/import HTTP/1.1\r\nHost: 127.0.0.1\r\nCookie: ${cookie}\r\nContent-Type: ${body.type}\r\nContent-Length: ${whole.length}\r\n\r\n`,
        );
        socket.write(whole.subarray(0, 100_000));
        await until(() => leftovers(own).length === 1, "the upload being read");
        const before = logs.length;
        socket.destroy();
        // The route has dealt with it once it says so, in whichever words.
        await until(
          () =>
            logs
              .slice(before)
              .some((entry) => entry.level === "error" || /abort/i.test(entry.message)),
          "the abort dealt with",
        );
        await until(() => leftovers(own).length === 0, "the partial upload removed");
      }
      const loud = logs.filter((entry) => ["fatal", "error", "warn"].includes(entry.level));
      expect(loud.map((entry) => `${entry.level}: ${entry.message} ${String(entry.err)}`)).toEqual(
        [],
      );
      const aborts = logs.filter((entry) => /abort/i.test(entry.message));
      expect(aborts).toHaveLength(4);
      expect(aborts.every((entry) => entry.level === "info")).toBe(true);
      // Four aborted uploads took no slot of the three with them.
      const answers = await Promise.all(
        [0, 1, 2].map((i) =>
          upload(own.app, cookie, [
            {
              name: `after-${i}.gpx`,
              data: gpx({ start: new Date(Date.UTC(2026, 7, 10 + i, 7)).toISOString() }),
            },
          ]),
        ),
      );
      expect(answers.map((answer) => answer.status)).toEqual([202, 202, 202]);
      for (const answer of answers) await finished(own.app, cookie, answer.body.id);
      expect(leftovers(own)).toEqual([]);
    } finally {
      await own.dispose();
    }
  });
});

describe("an upload the client abandons or lies about (real sockets)", () => {
  /** A listening app with one account: raw requests are sent to its port. */
  async function listening(): Promise<{ own: Harness; cookie: string; port: number }> {
    const own = await harness();
    const cookie = await signUp(own.app);
    const address = await own.app.listen({ port: 0, host: "127.0.0.1" });
    return { own, cookie, port: Number(new URL(address).port) };
  }

  /** The head of a raw upload request declaring `length` bytes of `type`. */
  function head(cookie: string, type: string, length: number): string {
    return `POST /api/activities/import HTTP/1.1\r\nHost: 127.0.0.1\r\nCookie: ${cookie}\r\nContent-Type: ${type}\r\nContent-Length: ${length}\r\n\r\n`;
  }

  /** A connected socket; it resolves once the server has closed it (or it was destroyed). */
  async function socketTo(port: number) {
    const socket = connect(port, "127.0.0.1");
    socket.on("error", () => {});
    socket.on("data", () => {});
    const closed = new Promise<void>((resolve) => socket.once("close", () => resolve()));
    await new Promise((resolve) => socket.once("connect", resolve));
    return { socket, closed };
  }

  /** An app taking uploads, and its upload folder. */
  type Uploads = Pick<Harness, "app" | "uploadDir">;

  /** Upload folders in the upload dir (only import-* folders are the route's). */
  const importFolders = (own: Uploads) =>
    readdirSync(own.uploadDir).filter((name) => name.startsWith("import-"));

  /**
   * Within a few seconds: no upload folder left, and the account can start three imports at
   * once (every slot free again). Imports started on the way are followed to their end.
   */
  async function slotsFree(own: Uploads, cookie: string): Promise<void> {
    const deadline = Date.now() + 5000;
    let statuses: number[] = [];
    for (let attempt = 0; Date.now() < deadline; attempt++) {
      if (importFolders(own).length === 0) {
        const answers = await Promise.all(
          [0, 1, 2].map((i) =>
            upload(own.app, cookie, [
              {
                name: `after-${attempt}-${i}.gpx`,
                data: gpx({
                  start: new Date(Date.UTC(2026, 5, 1 + i, 7)).toISOString(),
                  minutes: 2,
                }),
              },
            ]),
          ),
        );
        for (const answer of answers) {
          if (answer.status === 202) await finished(own.app, cookie, answer.body.id);
        }
        statuses = answers.map((answer) => answer.status);
        if (statuses.every((status) => status === 202)) {
          await until(() => importFolders(own).length === 0, "the imports' folders removed");
          return;
        }
      }
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    expect({ statuses, folders: importFolders(own) }).toEqual({
      statuses: [202, 202, 202],
      folders: [],
    });
  }

  /**
   * How much of the body is sent before the client gives up: none, less than the server buffers
   * before it stops reading the socket (it then sees the close before the route reads a byte),
   * and more.
   */
  const SENT = [0, 300, 4000, 40_000];

  /** Headers and the first `sent` bytes of a 1 MB upload, then the socket destroyed at once. */
  async function abandon(port: number, cookie: string, sent: number): Promise<void> {
    const body = form([{ name: "big.fit", data: Buffer.alloc(1_000_000, "x") }]);
    const whole = Buffer.concat(body.chunks);
    const { socket, closed } = await socketTo(port);
    socket.write(head(cookie, body.type, whole.length));
    if (sent > 0) socket.write(whole.subarray(0, sent));
    socket.destroy();
    await closed;
  }

  it("destroyed right after its first bytes, 30 at once: every slot comes back, no folder stays", async () => {
    const { own, cookie, port } = await listening();
    try {
      for (let wave = 0; wave < 3; wave++) {
        await Promise.all(
          Array.from({ length: 30 }, (_, i) => abandon(port, cookie, SENT[i % SENT.length] ?? 0)),
        );
      }
      await slotsFree(own, cookie);
    } finally {
      await own.dispose();
    }
  }, 30_000);

  it("destroyed right after its first bytes, one after another: every slot comes back, no folder stays", async () => {
    const { own, cookie, port } = await listening();
    try {
      for (let i = 0; i < 20; i++) await abandon(port, cookie, SENT[i % SENT.length] ?? 0);
      await slotsFree(own, cookie);
    } finally {
      await own.dispose();
    }
  }, 30_000);

  it("a body shorter than its Content-Length, then the client's write side closed: the slot comes back, no folder stays", async () => {
    const { own, cookie, port } = await listening();
    try {
      for (const size of [10, 2000, 200_000]) {
        const body = form([{ name: "big.fit", data: Buffer.alloc(size, "x") }]);
        const whole = Buffer.concat(body.chunks);
        const { socket, closed } = await socketTo(port);
        socket.write(head(cookie, body.type, whole.length + 100_000));
        socket.write(whole);
        socket.end();
        await closed;
      }
      await slotsFree(own, cookie);
    } finally {
      await own.dispose();
    }
  }, 30_000);

  it("silent for the idle time: 408 timeout, the connection closed, the slot back, no folder", async () => {
    // The route alone with a short idle time (the server's is 60 s).
    const store = await testStore();
    const uploadDir = await mkdtemp(join(tmpdir(), "capacity-upload-test-"));
    const deps = {
      store: store.store,
      hasher: argon2Hasher,
      ids: cryptoIds,
      clock: testClock(),
      logInDays: 30,
    };
    const app = Fastify({ logger: false });
    app.setValidatorCompiler(typeboxValidator);
    installErrorHandler(app);
    await app.register(cookiePlugin);
    await app.register(rateLimit, { global: false });
    accountRoutes(app, deps, 1000);
    const jobs = new ImportJobs({ clock: deps.clock, ids: cryptoIds });
    activityRoutes(app, deps, { importLimitBytes: 1 << 22, uploadDir, jobs, uploadIdleMs: 300 });
    app.addHook("preClose", () => jobs.close());
    const own = { app, uploadDir };
    try {
      const cookie = await signUp(app);
      const address = await app.listen({ port: 0, host: "127.0.0.1" });
      const port = Number(new URL(address).port);
      for (const sent of [0, 300, 40_000]) {
        const body = form([{ name: "big.fit", data: Buffer.alloc(1_000_000, "x") }]);
        const whole = Buffer.concat(body.chunks);
        const { socket, closed } = await socketTo(port);
        let answer = "";
        socket.on("data", (chunk: Buffer) => {
          answer += chunk.toString();
        });
        socket.write(head(cookie, body.type, whole.length));
        if (sent > 0) socket.write(whole.subarray(0, sent));
        await Promise.race([closed, new Promise((resolve) => setTimeout(resolve, 5000))]);
        socket.destroy();
        expect(answer).toMatch(/^HTTP\/1\.1 408 /);
        expect(answer).toContain('"kind":"timeout"');
      }
      await slotsFree(own, cookie);
    } finally {
      await app.close();
      await store.dispose();
      await rm(uploadDir, { recursive: true, force: true });
    }
  }, 30_000);

  it("a body longer than its Content-Length: the slot comes back, no folder stays", async () => {
    const { own, cookie, port } = await listening();
    try {
      for (const size of [2000, 200_000]) {
        const body = form([{ name: "big.fit", data: Buffer.alloc(size, "x") }]);
        const whole = Buffer.concat(body.chunks);
        const { socket, closed } = await socketTo(port);
        socket.write(head(cookie, body.type, whole.length - 1000));
        socket.write(whole);
        socket.write(Buffer.alloc(50_000, "y"));
        // The server answers and closes, or the test closes it after a moment.
        await Promise.race([closed, new Promise((resolve) => setTimeout(resolve, 500))]);
        socket.destroy();
      }
      await slotsFree(own, cookie);
    } finally {
      await own.dispose();
    }
  }, 30_000);
});

describe("GET /api/activities", () => {
  it("gives each activity its day in the profile's time zone and keeps the days asked for", async () => {
    const cookie = await signUp(h.app);
    const profile = { ...exampleProfile(), timezone: "Pacific/Auckland" };
    expect((await json(h.app, "PUT", "/api/profile", cookie, profile)).status).toBe(200);
    await imported(h, cookie, [
      // 09:00 on Saturday 21 November in Auckland (UTC+13).
      { name: "saturday.gpx", data: gpx({ start: "2026-11-20T20:00:00Z" }) },
      { name: "monday.gpx", data: gpx({ start: "2026-11-23T05:00:00Z" }) },
    ]);
    const all = await activities(h, cookie);
    expect(all.map((a) => [a.source, a.date])).toEqual([
      ["saturday.gpx", "2026-11-21"],
      ["monday.gpx", "2026-11-23"],
    ]);
    expect(
      (await activities(h, cookie, "?from=2026-11-21&to=2026-11-21")).map((a) => a.source),
    ).toEqual(["saturday.gpx"]);
    expect(await activities(h, cookie, "?from=2026-11-20&to=2026-11-20")).toEqual([]);
    expect((await activities(h, cookie, "?from=2026-11-22")).map((a) => a.source)).toEqual([
      "monday.gpx",
    ]);
    expect((await activities(h, cookie, "?to=2026-11-22")).map((a) => a.source)).toEqual([
      "saturday.gpx",
    ]);
  });

  it.each([
    ["?from=2026-02-30", "from"],
    ["?to=2026-13-01", "to"],
    ["?from=yesterday", "from"],
    ["?from=2026-11-22&to=2026-11-21", "to"],
    ["?since=2026-11-01", "since"],
  ])("refuses %s naming %s", async (query, field) => {
    const cookie = await signUp(h.app);
    const response = await json(h.app, "GET", `/api/activities${query}`, cookie);
    expect(response.status, response.text).toBe(400);
    expect(problem(response)).toMatchObject({ kind: "invalid", field });
  });
});

describe("an over-long id in the path", () => {
  it("answers 400 invalid, field id, on the job and the activity routes alike, with the web app served too", async () => {
    const store = await testStore();
    const app = await buildApp(
      {
        store: store.store,
        hasher: argon2Hasher,
        ids: cryptoIds,
        clock: testClock(),
        logInDays: 30,
      },
      {
        logLevel: "silent",
        trustProxy: false,
        bodyLimitBytes: 4096,
        authRateLimit: 1000,
        uploadDir: h.uploadDir,
        // The built web app: its wildcard route is what an unmatched GET fell through to.
        webRoot: join(ROOT, "dist/web"),
      },
    );
    try {
      const cookie = await signUp(app);
      for (const length of [101, 1000, 5000]) {
        const id = "a".repeat(length);
        for (const [method, url] of [
          ["GET", `/api/activities/imports/${id}`],
          ["DELETE", `/api/activities/${id}`],
        ] as const) {
          const response = await json(app, method, url, cookie);
          expect(response.status, `${method} ${length}: ${response.text}`).toBe(400);
          expect(problem(response)).toEqual({
            kind: "invalid",
            message: expect.any(String),
            field: "id",
          });
          // The path is not echoed back.
          expect(response.text).not.toContain("aaaaaaaaaa");
        }
      }
      const unknown = await json(app, "GET", `/api/activities/imports/${"a".repeat(100)}`, cookie);
      expect(unknown.status).toBe(404);
      expect(problem(unknown).kind).toBe("not-found");
    } finally {
      await app.close();
      await store.dispose();
    }
  });
});

describe("DELETE /api/activities/:id", () => {
  it("deletes the owner's activity (204, then 404); another user's id answers 404 and stays", async () => {
    const owner = await signUp(h.app);
    const other = await signUp(h.app);
    const job = await imported(h, owner, [
      { name: "a.gpx", data: gpx({ start: "2026-11-08T07:00:00Z" }) },
      { name: "b.gpx", data: gpx({ start: "2026-11-09T07:00:00Z" }) },
    ]);
    const [a, b] = present(job.report).imported.map((x) => x.id);
    const refused = await json(h.app, "DELETE", `/api/activities/${a}`, other);
    expect(refused.status).toBe(404);
    expect(problem(refused).kind).toBe("not-found");
    expect((await activities(h, owner)).map((x) => x.id)).toEqual([a, b]);

    expect((await json(h.app, "DELETE", `/api/activities/${a}`, owner)).status).toBe(204);
    expect((await json(h.app, "DELETE", `/api/activities/${a}`, owner)).status).toBe(404);
    expect((await activities(h, owner)).map((x) => x.id)).toEqual([b]);
  });
});

describe("running from the imported history", () => {
  /** Six weeks before Monday 2026-11-30: easy Tuesday and Thursday runs, a long Sunday run. */
  async function history(cookie: string): Promise<void> {
    const entries: [string, string][] = [];
    for (let week = 1; week <= 6; week++) {
      const monday = Date.UTC(2026, 10, 30) - week * 7 * 86_400_000;
      const at = (days: number) => new Date(monday + days * 86_400_000 + 7 * 3_600_000);
      entries.push(
        [`w${week}-tue.gpx`, gpx({ start: at(1).toISOString(), minutes: 40, step: 20 })],
        [`w${week}-thu.gpx`, gpx({ start: at(3).toISOString(), minutes: 45, step: 20 })],
        [`w${week}-sun.gpx`, gpx({ start: at(6).toISOString(), minutes: 110, step: 20 })],
      );
    }
    const job = await imported(h, cookie, [{ name: "history.zip", data: await zip(entries) }]);
    expect(job.counts).toEqual({ imported: 18, duplicates: 0, failed: 0 });
  }

  it("GET /api/run-week/proposal: a reason without runs, a run week from six weeks of them", async () => {
    const cookie = await signUp(h.app);
    const none = await json(h.app, "GET", "/api/run-week/proposal", cookie);
    expect(none.status).toBe(200);
    expect(none.body).toEqual({ proposal: null, reason: expect.any(String) });

    await history(cookie);
    const answer = await json<RunWeekAnswer>(h.app, "GET", "/api/run-week/proposal", cookie);
    expect(answer.status, answer.text).toBe(200);
    expect(answer.body.reason).toBeNull();
    const proposal = present(answer.body.proposal);
    expect(proposal).toEqual({
      runWeek: {
        mon: "rest",
        tue: expect.stringMatching(/^(easy|quality)$/),
        wed: "rest",
        thu: expect.stringMatching(/^(easy|quality)$/),
        fri: "rest",
        sat: "rest",
        sun: "long",
      },
      from: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
      to: "2026-11-29",
      weeks: 6,
      runs: 18,
      days: expect.any(Array),
      notes: expect.any(Array),
    });
    expect(proposal.days).toHaveLength(7);
    expect(proposal.days[0]).toEqual({
      weekday: "mon",
      kind: "rest",
      weeksRun: 0,
      long: 0,
      quality: 0,
      reason: expect.any(String),
    });
    // Accepting it is the profile's own route.
    const accepted = await json(h.app, "PUT", "/api/profile", cookie, {
      ...exampleProfile(),
      runWeek: proposal.runWeek,
    });
    expect(accepted.status, accepted.text).toBe(200);
  });

  it("GET /api/activities/weekly: the last N weeks, oldest first, this week last", async () => {
    const cookie = await signUp(h.app);
    await history(cookie);
    const response = await json<WeeklyAnswer>(
      h.app,
      "GET",
      "/api/activities/weekly?weeks=4",
      cookie,
    );
    expect(response.status, response.text).toBe(200);
    const weeks = response.body.weeks;
    expect(weeks.map((w) => w.start)).toEqual([
      "2026-11-09",
      "2026-11-16",
      "2026-11-23",
      "2026-11-30",
    ]);
    expect(weeks.map((w) => w.runs)).toEqual([3, 3, 3, 0]);
    expect(weeks[0]).toEqual({
      start: "2026-11-09",
      runs: 3,
      distanceM: expect.any(Number),
      movingS: expect.any(Number),
      strength: 0,
    });
    expect(present(weeks[0]).movingS).toBeGreaterThan(190 * 60);
    expect(weeks[3]).toEqual({
      start: "2026-11-30",
      runs: 0,
      distanceM: 0,
      movingS: 0,
      strength: 0,
    });
    const byDefault = await json<WeeklyAnswer>(h.app, "GET", "/api/activities/weekly", cookie);
    expect(byDefault.body.weeks).toHaveLength(12);
  });

  it.each(["0", "521", "abc", "1.5"])(
    "GET /api/activities/weekly?weeks=%s: 400 naming weeks",
    async (weeks) => {
      const cookie = await signUp(h.app);
      const response = await json(h.app, "GET", `/api/activities/weekly?weeks=${weeks}`, cookie);
      expect(response.status, response.text).toBe(400);
      expect(problem(response)).toMatchObject({ kind: "invalid", field: "weeks" });
    },
  );
});

describe("OpenAPI", () => {
  it("lists the activity routes with a tag", async () => {
    const doc = (await json<OpenApiDocument>(h.app, "GET", "/api/openapi.json")).body;
    for (const [path, method] of [
      ["/api/activities/import", "post"],
      ["/api/activities/imports/{id}", "get"],
      ["/api/activities", "get"],
      ["/api/activities/weekly", "get"],
      ["/api/activities/{id}", "delete"],
      ["/api/run-week/proposal", "get"],
    ] as const) {
      expect(doc.paths[path]?.[method]?.tags, `${method} ${path}`).toEqual(["activities"]);
    }
  });
});
