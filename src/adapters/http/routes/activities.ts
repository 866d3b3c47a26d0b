import { createWriteStream } from "node:fs";
import { mkdir, mkdtemp, readdir, rm, stat } from "node:fs/promises";
import type { IncomingMessage } from "node:http";
import { join } from "node:path";
import { Transform } from "node:stream";
import { pipeline } from "node:stream/promises";
import multipart from "@fastify/multipart";
import type { Static } from "@sinclair/typebox";
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { notFound } from "../../../app/errors.js";
import { importActivities } from "../../../app/import-activities.js";
import type { ImportJobs, ImportSlot } from "../../../app/import-jobs.js";
import { activitiesBetween, runWeekProposal, weeklyRunningFor } from "../../../app/running.js";
import { activityView } from "../../../contract/index.js";
import { excerpt } from "../../../core/excerpt.js";
import { parseLocalDate } from "../../../core/units/local-date.js";
import { type ImportSource, readSources } from "../../importers/read-sources.js";
import { type HttpDeps, requireUser, userOf, whole } from "../context.js";
import {
  InputProblem,
  sendAppError,
  sendRateLimited,
  sendTimeout,
  TooLargeProblem,
} from "../problems.js";
import { ActivitiesQuery, IdParams, WeeklyQuery } from "../schemas.js";

export interface ActivityRouteOptions {
  /** The largest upload: the request body, and all its files together. */
  readonly importLimitBytes: number;
  /** Where uploads wait while imported: one new folder per upload inside it. */
  readonly uploadDir: string;
  readonly jobs: ImportJobs;
  /** An upload that sends nothing for this long is given up: 408, connection closed (default 60 s). */
  readonly uploadIdleMs?: number;
}

/** Files in one upload (a folder of watch files is many; an archive is one). */
export const MAX_UPLOAD_FILES = 10_000;
const DEFAULT_CHART_WEEKS = 12;
/** Upload folders older than this are left over from a server that was killed: removed at start. */
const STALE_UPLOAD_MS = 86_400_000; // a day
const UPLOAD_PREFIX = "import-";
const UPLOAD_IDLE_MS = 60_000;
const NOT_MULTIPART = "Send the files as multipart/form-data, each in a part named file.";

/** 2 GB, 64 MB, 512 KB: a size in words (binary units, as IMPORT_LIMIT_BYTES is set). */
export function sizeInWords(bytes: number): string {
  const units: [number, string][] = [
    [1024 ** 3, "GB"],
    [1024 ** 2, "MB"],
    [1024, "KB"],
  ];
  for (const [unit, name] of units) {
    if (bytes >= unit) return `${Number((bytes / unit).toFixed(1))} ${name}`;
  }
  return `${bytes} bytes`;
}

/**
 * The name an uploaded file is reported under. Only a label: files are written under names
 * the server makes, whatever the client calls them.
 */
function reportName(filename: string | undefined, index: number): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what is removed
  const cleaned = (filename ?? "").replace(/[\u0000-\u001f\u007f]/g, "").trim();
  return cleaned === "" ? `upload ${index}` : cleaned.slice(0, 255);
}

/** Removes upload folders a killed server left behind (other processes' recent ones stay). */
export async function sweepStaleUploads(uploadDir: string, now: number): Promise<void> {
  let names: string[];
  try {
    names = await readdir(uploadDir);
  } catch {
    return;
  }
  for (const name of names) {
    if (!name.startsWith(UPLOAD_PREFIX)) continue;
    const path = join(uploadDir, name);
    try {
      if (now - (await stat(path)).mtimeMs > STALE_UPLOAD_MS) {
        await rm(path, { recursive: true, force: true });
      }
    } catch {
      // Gone already, or not ours to remove: leave it.
    }
  }
}

/** Form fields beside the files (the web app sends none; a form may add a few). */
export const MAX_UPLOAD_FIELDS = 100;

/** The multipart error codes of @fastify/multipart and busboy that mean "too much". */
const TOO_MUCH = new Set([
  "FST_REQ_FILE_TOO_LARGE",
  "FST_FILES_LIMIT",
  "FST_PARTS_LIMIT",
  "FST_FIELDS_LIMIT",
]);

// Over 80 lines: the admission check, the upload reader and the routes share the upload's limits
// and the slot held by each request; split, that state would travel through every piece.
export function activityRoutes(
  app: FastifyInstance,
  deps: HttpDeps,
  options: ActivityRouteOptions,
): void {
  const auth = requireUser(deps);
  const appDeps = { repos: deps.store, ids: deps.ids, clock: deps.clock };
  const { importLimitBytes: limit, uploadDir, jobs } = options;
  const idleMs = options.uploadIdleMs ?? UPLOAD_IDLE_MS;
  const tooLargeMessage = `The upload is larger than the ${sizeInWords(limit)} this server takes at once (IMPORT_LIMIT_BYTES).`;

  /**
   * The import slot each admitted upload holds while it is read: taken in admit, before a byte
   * of the upload is read, so uploads arriving together count against the limit too; the job
   * takes it over, or the handler gives it back when the upload fails.
   */
  const slots = new WeakMap<FastifyRequest, ImportSlot>();

  /** Before a byte of the upload is read: a declared size that fits, and room for another import. */
  const admit = async (request: FastifyRequest, reply: FastifyReply) => {
    const declared = Number(request.headers["content-length"]);
    if (Number.isFinite(declared) && declared > limit) throw new TooLargeProblem(tooLargeMessage);
    // Not an upload at all: refused without taking a slot.
    if (!request.isMultipart()) throw new InputProblem("file", NOT_MULTIPART);
    const slot = jobs.reserve(userOf(request).id);
    if (slot === null) {
      return sendRateLimited(
        reply,
        `${jobs.maxRunning} imports of yours are already under way (being uploaded or imported): wait for one to finish, then upload again.`,
      );
    }
    // Nothing can fail between here and the handler, which gives the slot back or to a job.
    slots.set(request, slot);
  };

  // The upload route has a scope of its own: multipart is read there and nowhere else, and
  // no body parser of the rest of the API (JSON within BODY_LIMIT_BYTES) buffers an upload.
  app.register(async (scope) => {
    scope.removeAllContentTypeParsers();
    // Any other content type reaches the handler unread, which refuses it.
    scope.addContentTypeParser("*", (_request, _payload, done) => done(null, undefined));
    await scope.register(multipart, {
      limits: {
        // The total is counted across files below; one file over it is caught there too.
        fileSize: limit + 1,
        files: MAX_UPLOAD_FILES,
        parts: MAX_UPLOAD_FILES + MAX_UPLOAD_FIELDS,
        fields: MAX_UPLOAD_FIELDS,
        fieldSize: 4096,
        headerPairs: 100,
      },
    });

    scope.post(
      "/api/activities/import",
      {
        schema: {
          tags: ["activities"],
          summary: "Upload activity files or archives (multipart, field `file`): starts an import",
          description: `multipart/form-data with one or more file parts named \`file\`: FIT, GPX or TCX files (also gzipped), or zip archives such as a Strava or Garmin export. At most IMPORT_LIMIT_BYTES in all (413 \`too-large\`). Answers 202 with the import job, and Location: /api/activities/imports/{id} to follow it.`,
          consumes: ["multipart/form-data"],
        },
        preHandler: [auth, admit],
      },
      async (request, reply) => {
        const slot = slots.get(request);
        if (slot === undefined) throw new Error("an upload reached its handler without a slot");
        slots.delete(request);
        try {
          return await receive(request, reply, slot);
        } finally {
          // Given back unless a job took it (release does nothing then).
          slot.release();
        }
      },
    );
  });

  /**
   * Reads the upload into a folder of its own, then starts its job in the upload's slot.
   * Watched from its first line: a client that goes away (even before a byte is read, when the
   * multipart reader would wait for a body that never comes) or sends nothing for `idleMs`
   * ends the read at once, and the caller gives the slot back.
   *
   * Over 80 lines: one watched read of a multipart upload; the client's going away, the idle timer
   * and the file limits end the same read and must free the same slot and files.
   */
  const receive = async (request: FastifyRequest, reply: FastifyReply, slot: ImportSlot) => {
    const owner = userOf(request).id;
    const watch = watchUpload(request.raw, idleMs);
    const sources: ImportSource[] = [];
    let bytes = 0;
    /** Files opened on disk, the one being written included: what a refused upload cost. */
    let written = 0;
    let folder: string | null = null;
    try {
      if (watch.signal.aborted) throw watch.signal.reason;
      await mkdir(uploadDir, { recursive: true, mode: 0o700 });
      folder = await mkdtemp(join(uploadDir, UPLOAD_PREFIX));
      // Gone while the folder was made: the request's 'close' may be over before the multipart
      // reader starts listening for it.
      if (watch.signal.aborted) throw watch.signal.reason;
      /**
       * Over a limit: the read stops at once, before the multipart reader (which reads on past
       * a file's size limit, discarding the rest of the file) takes another chunk.
       */
      const refuse = (problem: TooLargeProblem) => {
        stopReading(request.raw);
        watch.fail(problem);
      };
      const parts = readAhead(request.parts()[Symbol.asyncIterator](), watch.fail, (part) => {
        if (part.type === "file") {
          part.file.once("limit", () => refuse(new TooLargeProblem(tooLargeMessage)));
        }
      });
      // The multipart reader reads the request from here on: each chunk it takes is a sign of life.
      request.raw.on("data", watch.touch);
      for (;;) {
        const next = await Promise.race([parts.next(), watch.stopped]);
        if (next.done) break;
        const part = next.value;
        if (part.type !== "file") continue;
        const index = sources.length + 1;
        // The name on disk is ours: the client's name is only ever a label in the report.
        const path = join(folder, String(index).padStart(5, "0"));
        let partBytes = 0;
        written += 1;
        const count = new Transform({
          transform(chunk: Buffer, _encoding, callback) {
            bytes += chunk.length;
            partBytes += chunk.length;
            if (bytes > limit) {
              const problem = new TooLargeProblem(tooLargeMessage);
              refuse(problem);
              callback(problem);
            } else callback(null, chunk);
          },
        });
        await pipeline(part.file, count, createWriteStream(path, { flags: "wx", mode: 0o600 }), {
          signal: watch.signal,
        });
        if (part.file.truncated) throw new TooLargeProblem(tooLargeMessage);
        // A form's empty file input sends a part without a name or a byte: no file.
        if (partBytes === 0 && (part.filename ?? "") === "") {
          await rm(path, { force: true });
          continue;
        }
        sources.push({ path, source: reportName(part.filename, index) });
      }
    } catch (caught) {
      // Stopped by the watch: its reason, not the multipart reader's or the pipeline's words.
      const error = watch.signal.aborted ? watch.signal.reason : caught;
      if (folder !== null) await rm(folder, { recursive: true, force: true });
      if (error instanceof UploadIdle) {
        request.log.info(
          { files: sources.length, bytes },
          "upload given up: nothing arrived for a while; its partial files were removed",
        );
        // Answered, then the connection closed: the rest of the body is not waited for.
        reply.raw.once("finish", () => request.raw.destroy());
        return sendTimeout(
          reply,
          `Nothing of the upload arrived for ${Math.round(idleMs / 1000)} seconds: it was given up. Upload again.`,
        );
      }
      const code = (error as { code?: unknown } | null)?.code;
      const ours =
        error instanceof TooLargeProblem ||
        error instanceof InputProblem ||
        (typeof code === "string" && TOO_MUCH.has(code));
      if (error instanceof ClientGone || (!ours && clientWentAway(request))) {
        // The client's doing (a closed tab, a lost connection), not the server's fault: nobody
        // is left to answer, and nothing was stored.
        request.log.info(
          { files: sources.length, bytes, reason: (caught as Error)?.message },
          "upload aborted by the client: its partial files were removed",
        );
        return;
      }
      const problem = uploadProblem(error, tooLargeMessage);
      if (problem instanceof TooLargeProblem) {
        stopReading(request.raw);
        request.log.info(
          { files: written, bytes },
          "upload refused over a limit: its partial files were removed",
        );
      }
      throw problem;
    } finally {
      watch.dispose();
    }
    if (sources.length === 0) {
      await rm(folder, { recursive: true, force: true });
      throw new InputProblem(
        "file",
        "No file arrived: send one or more files as multipart/form-data parts named file.",
      );
    }
    const uploaded = folder;
    const job = slot.start(
      { files: sources.length, bytes },
      (reporter) =>
        importActivities(
          appDeps,
          owner,
          reporter.pace(
            readSources(sources, {
              onProgress: (progress) => reporter.progress(progress.done, progress.total),
            }),
          ),
          { onCounts: (counts) => reporter.counts(counts) },
        ),
      () => rm(uploaded, { recursive: true, force: true }),
    );
    return reply.code(202).header("location", `/api/activities/imports/${job.id}`).send(job);
  };

  app.get<{ Params: Static<typeof IdParams> }>(
    "/api/activities/imports/:id",
    {
      schema: {
        tags: ["activities"],
        summary: "An import job of mine: progress, counts, and the report once done",
        params: IdParams,
      },
      preHandler: auth,
    },
    async (request, reply) => {
      const job = jobs.get(userOf(request).id, request.params.id);
      return job ?? sendAppError(reply, notFound("Import"));
    },
  );

  app.get<{ Querystring: Static<typeof ActivitiesQuery> }>(
    "/api/activities",
    {
      schema: {
        tags: ["activities"],
        summary: "My imported activities, oldest first; from/to are days in my time zone",
        querystring: ActivitiesQuery,
      },
      preHandler: auth,
    },
    async (request) => {
      const owner = userOf(request).id;
      const from = request.query.from === undefined ? null : day(request.query.from, "from");
      const to = request.query.to === undefined ? null : day(request.query.to, "to");
      if (from !== null && to !== null && to < from) {
        throw new InputProblem("to", `${request.query.to} is before from (${request.query.from})`);
      }
      const items = await activitiesBetween(appDeps, owner, from, to);
      return { items: items.map(activityView) };
    },
  );

  app.get<{ Querystring: Static<typeof WeeklyQuery> }>(
    "/api/activities/weekly",
    {
      schema: {
        tags: ["activities"],
        summary: "Weekly running distance and time, and imported strength, oldest week first",
        querystring: WeeklyQuery,
      },
      preHandler: auth,
    },
    async (request, reply) => {
      const weeks = whole(request.query.weeks, "weeks") ?? DEFAULT_CHART_WEEKS;
      const result = await weeklyRunningFor(appDeps, userOf(request).id, weeks);
      return result.ok ? { weeks: result.value } : sendAppError(reply, result.error);
    },
  );

  app.delete<{ Params: Static<typeof IdParams> }>(
    "/api/activities/:id",
    {
      schema: { tags: ["activities"], summary: "Delete an imported activity", params: IdParams },
      preHandler: auth,
    },
    async (request, reply) => {
      const deleted = await deps.store.activities.delete(userOf(request).id, request.params.id);
      return deleted ? reply.code(204).send() : sendAppError(reply, notFound("Activity"));
    },
  );

  app.get(
    "/api/run-week/proposal",
    {
      schema: {
        tags: ["activities"],
        summary:
          "The run week my imported runs suggest (accept it with PUT /api/profile), or why there is none",
      },
      preHandler: auth,
    },
    async (request) => runWeekProposal(appDeps, userOf(request).id),
  );
}

function day(text: string, field: string): number {
  const parsed = parseLocalDate(text);
  if (parsed === null)
    throw new InputProblem(field, `${excerpt(text)} is not a real date; expected YYYY-MM-DD`);
  return parsed;
}

/**
 * Whether the client closed the connection before its upload was read to the end: Node ends
 * the request with "aborted" (ECONNRESET), the multipart reader with a premature close.
 */
function clientWentAway(request: FastifyRequest): boolean {
  const raw = request.raw;
  return raw.socket?.destroyed === true || (raw.destroyed && !raw.complete);
}

/**
 * Takes the parts off the multipart reader as soon as it has them, ahead of the writes to disk.
 * The reader parses the body ahead of its consumer and queues a limit it meets (too many files,
 * parts or fields) behind every part already parsed: read one write at a time, a request of
 * 10,001 one-byte files was refused only once 10,000 files had been written. Taken off at once,
 * the reader's error is seen at the first part over the limit, and `fail` stops the write under
 * way with it. What waits here is what the reader holds anyway: a file's stream takes only its
 * buffer's worth before the reader waits for it to be written.
 */
function readAhead<T>(
  parts: AsyncIterator<T>,
  fail: (reason: unknown) => void,
  taken: (part: T) => void,
): { next(): Promise<IteratorResult<T, undefined>> } {
  const queue: T[] = [];
  let first = 0;
  let ended = false;
  let waiting: (() => void) | null = null;
  const wake = () => {
    const resolve = waiting;
    waiting = null;
    resolve?.();
  };
  void (async () => {
    try {
      for (;;) {
        const next = await parts.next();
        if (next.done) break;
        queue.push(next.value);
        taken(next.value);
        wake();
      }
    } catch (error) {
      fail(error);
    } finally {
      ended = true;
      wake();
    }
  })();
  return {
    async next() {
      while (first === queue.length && !ended) {
        await new Promise<void>((resolve) => {
          waiting = resolve;
        });
      }
      if (first === queue.length) return { done: true, value: undefined };
      const value = queue[first] as T;
      // Let the parts already written go (their streams and buffers).
      queue[first] = undefined as T;
      first += 1;
      return { done: false, value };
    },
  };
}

/**
 * An upload refused over a limit is read no further, by the multipart reader (which reads on
 * past a limit) or anyone: its answer closes the connection, so the rest is never waited for.
 */
function stopReading(raw: IncomingMessage): void {
  raw.unpipe();
  raw.pause();
}

/** The client closed the connection before its upload's end. */
class ClientGone extends Error {
  override readonly name = "ClientGone";
  constructor() {
    super("the client closed the connection before the upload's end");
  }
}

/** Nothing of the upload arrived for the idle time. */
class UploadIdle extends Error {
  override readonly name = "UploadIdle";
  constructor() {
    super("nothing of the upload arrived for the idle time");
  }
}

/**
 * Watches a request while its upload is read. `signal` is aborted with ClientGone once the
 * request or its connection closes before the body's end (already closed counts too: its
 * 'close' may have come and gone while the session was checked), or with UploadIdle once
 * `idleMs` pass without `touch` before the body's end, or with what `fail` is given (the
 * multipart reader's error, seen ahead of the writes); `stopped` rejects then. `dispose` stops
 * watching.
 */
function watchUpload(raw: IncomingMessage, idleMs: number) {
  const controller = new AbortController();
  const gone = () => {
    if (!raw.readableEnded) controller.abort(new ClientGone());
  };
  const timer = setTimeout(() => controller.abort(new UploadIdle()), idleMs);
  timer.unref();
  const socket = raw.socket as IncomingMessage["socket"] | null | undefined;
  raw.on("close", gone);
  raw.on("aborted", gone);
  if (typeof socket?.on === "function") socket.on("close", gone);
  if (raw.destroyed || socket?.destroyed === true) gone();
  const stopped = new Promise<never>((_resolve, reject) => {
    const stop = () => reject(controller.signal.reason);
    if (controller.signal.aborted) stop();
    else controller.signal.addEventListener("abort", stop, { once: true });
  });
  // Raced against the reads; nobody else waits on it.
  stopped.catch(() => {});
  const touch = () => {
    timer.refresh();
  };
  // The whole body has arrived: what is left to write is the server's own pace, not idleness.
  const arrived = () => clearTimeout(timer);
  raw.once("end", arrived);
  return {
    signal: controller.signal,
    stopped,
    /** A sign of life: the idle time starts again (a 'data' listener; removed by dispose). */
    touch,
    /** Stops the read with this reason (the first reason given stays). */
    fail: (reason: unknown) => {
      if (!controller.signal.aborted) controller.abort(reason);
    },
    dispose: () => {
      clearTimeout(timer);
      raw.off("close", gone);
      raw.off("aborted", gone);
      raw.off("data", touch);
      raw.off("end", arrived);
      if (typeof socket?.off === "function") socket.off("close", gone);
    },
  };
}

/** What went wrong while an upload was read, as the API answers it. */
function uploadProblem(error: unknown, tooLargeMessage: string): Error {
  if (error instanceof TooLargeProblem || error instanceof InputProblem) return error;
  const code = (error as { code?: string }).code;
  if (code !== undefined && TOO_MUCH.has(code)) {
    return new TooLargeProblem(
      code === "FST_REQ_FILE_TOO_LARGE"
        ? tooLargeMessage
        : code === "FST_FIELDS_LIMIT"
          ? `An upload may hold at most ${MAX_UPLOAD_FIELDS} form fields beside its files.`
          : `An upload may hold at most ${MAX_UPLOAD_FILES} files: upload them in groups, or as one zip archive.`,
    );
  }
  // The server's own trouble (a full disk: ENOSPC) is a 500, not the client's fault.
  if (code !== undefined && /^E[A-Z]+$/.test(code)) return error as Error;
  if (error instanceof Error) {
    return new InputProblem(
      "file",
      `The upload could not be read as multipart/form-data: ${(error as Error).message}`,
    );
  }
  return error as Error;
}
