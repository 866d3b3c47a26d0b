import type { ImportCounts, ImportReport } from "./import-activities.js";
import type { Clock, Ids } from "./ports.js";

/**
 * Import jobs (docs/importers.md): an upload is read and stored after the request that brought it has
 * been answered, and the web app follows it here.
 *
 * The registry lives in the memory of one server process. With several servers behind a
 * balancer, a job's progress is read from the server that took the upload (sticky sessions,
 * or one server for uploads); another server answers 404 for it. What an import stored is in
 * the database either way, and a new upload of the same files stores nothing twice.
 */

export type ImportJobStatus = "running" | "done" | "failed";

/** A job as the API shows it (`GET /api/activities/imports/:id`). */
export interface ImportJob {
  readonly id: string;
  readonly status: ImportJobStatus;
  /** Files in the upload. */
  readonly files: number;
  /** Bytes of those files. */
  readonly bytes: number;
  /** Files and archive entries dealt with; `total` grows when an archive's entries are counted. */
  readonly progress: { readonly done: number; readonly total: number | null };
  readonly counts: ImportCounts;
  /** Once done. */
  readonly report: ImportReport | null;
  /** Once failed: why, in words for the athlete. */
  readonly error: string | null;
  readonly createdAt: string;
}

/** What a running job's work is told and tells. */
export interface JobReporter {
  progress(done: number, total: number | null): void;
  counts(counts: ImportCounts): void;
  /** Aborted when the server stops: the work should end soon after. */
  readonly signal: AbortSignal;
  /**
   * The items with a turn of the event loop between two of them (requests are answered while
   * a long import is read), ending with an error once the job is stopped.
   */
  pace<T>(items: AsyncIterable<T>): AsyncIterable<T>;
}

/** One of an owner's import slots, taken while its upload is read (see ImportJobs.reserve). */
export interface ImportSlot {
  /**
   * Starts the import in this slot (see ImportJobs): `work` runs without being waited for;
   * `cleanUp` runs once it has ended, whichever way. Once only.
   */
  start(
    upload: { readonly files: number; readonly bytes: number },
    work: (reporter: JobReporter) => Promise<ImportReport>,
    cleanUp: () => Promise<void>,
  ): ImportJob;
  /** Gives the slot back: the upload failed before a job started. Nothing once started; twice is once. */
  release(): void;
}

export interface ImportJobsOptions {
  readonly clock: Clock;
  readonly ids: Pick<Ids, "uuid">;
  /** How long a finished job is kept for its owner to read (default an hour). */
  readonly keepMs?: number;
  /** Finished jobs kept per owner, the newest (default 10). */
  readonly keepPerOwner?: number;
  /** Finished jobs kept in all (default 500): reports of big imports are large. */
  readonly keepTotal?: number;
  /** Imports one owner may have running at once (default 3). */
  readonly maxRunningPerOwner?: number;
  /** Told of a job that failed on an unexpected error (a bug or a database outage). */
  readonly onUnexpected?: (error: unknown, jobId: string) => void;
}

interface Entry {
  readonly ownerId: string;
  readonly controller: AbortController;
  job: ImportJob;
  finishedAt: number | null;
  ended: Promise<void>;
}

/** Thrown into a job's work when the server stops it. */
export class JobStopped extends Error {
  override readonly name = "JobStopped";
  constructor() {
    super(
      "The server stopped before this import finished. What it had stored stays; upload the files again for the rest (nothing is stored twice).",
    );
  }
}

const HOUR_MS = 3_600_000;

const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

export class ImportJobs {
  private readonly entries = new Map<string, Entry>();
  /** Slots taken by uploads still being read (see reserve). */
  private readonly reserved = new Set<{ readonly ownerId: string }>();
  private readonly keepMs: number;
  private readonly keepPerOwner: number;
  private readonly keepTotal: number;
  private readonly maxRunningPerOwner: number;
  private closed = false;

  constructor(private readonly options: ImportJobsOptions) {
    this.keepMs = options.keepMs ?? HOUR_MS;
    this.keepPerOwner = options.keepPerOwner ?? 10;
    this.keepTotal = options.keepTotal ?? 500;
    this.maxRunningPerOwner = options.maxRunningPerOwner ?? 3;
  }

  /**
   * Takes one of the owner's import slots before a byte of the upload is read, or answers null
   * when all are taken (imports running and uploads still being read, together) or the server
   * is stopping. The slot is the job's once `start` is called, and free again when the job
   * ends; an upload that fails gives it back with `release`.
   */
  reserve(ownerId: string): ImportSlot | null {
    if (this.closed) return null;
    if (this.taken(ownerId) >= this.maxRunningPerOwner) return null;
    const reservation = { ownerId };
    this.reserved.add(reservation);
    let state: "reserved" | "started" | "released" = "reserved";
    return {
      start: (upload, work, cleanUp) => {
        if (state !== "reserved") throw new Error(`this import slot was already ${state}`);
        state = "started";
        try {
          // The job takes the slot over: counted as running from here until it ends.
          return this.start(ownerId, upload, work, cleanUp);
        } finally {
          this.reserved.delete(reservation);
        }
      },
      release: () => {
        if (state !== "reserved") return;
        state = "released";
        this.reserved.delete(reservation);
      },
    };
  }

  get maxRunning(): number {
    return this.maxRunningPerOwner;
  }

  /** The owner's slots in use: jobs not ended yet, and uploads reserved and still being read. */
  private taken(ownerId: string): number {
    let count = 0;
    for (const entry of this.entries.values()) {
      if (entry.ownerId === ownerId && entry.finishedAt === null) count++;
    }
    for (const reservation of this.reserved) {
      if (reservation.ownerId === ownerId) count++;
    }
    return count;
  }

  /**
   * Starts `work` without waiting for it and answers the running job. `cleanUp` runs once the
   * work has ended, whichever way (the upload's files are removed there). A job started once
   * the server is stopping (its upload was being read when close() came) is stopped at once:
   * it cleans up and ends failed, like the others.
   */
  private start(
    ownerId: string,
    upload: { readonly files: number; readonly bytes: number },
    work: (reporter: JobReporter) => Promise<ImportReport>,
    cleanUp: () => Promise<void>,
  ): ImportJob {
    this.forgetOld();
    const controller = new AbortController();
    if (this.closed) controller.abort();
    const entry: Entry = {
      ownerId,
      controller,
      job: {
        id: this.options.ids.uuid(),
        status: "running",
        files: upload.files,
        bytes: upload.bytes,
        progress: { done: 0, total: upload.files },
        counts: { imported: 0, duplicates: 0, failed: 0 },
        report: null,
        error: null,
        createdAt: this.options.clock.now().toISOString(),
      },
      finishedAt: null,
      ended: Promise.resolve(),
    };
    const update = (change: Partial<ImportJob>) => {
      if (entry.finishedAt === null) entry.job = { ...entry.job, ...change };
    };
    const reporter: JobReporter = {
      progress: (done, total) => update({ progress: { done, total } }),
      counts: (counts) => update({ counts }),
      signal: controller.signal,
      pace: <T>(items: AsyncIterable<T>) => paced(items, controller.signal),
    };
    this.entries.set(entry.job.id, entry);
    entry.ended = (async () => {
      let end: Partial<ImportJob>;
      try {
        // A turn first: the 202 goes out before any file is read.
        await nextTurn();
        if (controller.signal.aborted) throw new JobStopped();
        const report = await work(reporter);
        end = {
          status: "done",
          report,
          counts: {
            imported: report.imported.length,
            duplicates: report.duplicates.length,
            failed: report.failed.length,
          },
        };
      } catch (error) {
        if (!(error instanceof JobStopped)) this.options.onUnexpected?.(error, entry.job.id);
        end = {
          status: "failed",
          error:
            error instanceof JobStopped
              ? error.message
              : `The import stopped on an error: ${(error as Error)?.message ?? String(error)}. What it had stored stays; upload the files again for the rest (nothing is stored twice).`,
        };
      }
      try {
        await cleanUp();
      } catch (error) {
        this.options.onUnexpected?.(error, entry.job.id);
      }
      // Ended only once its files are gone: a job seen done has left nothing behind.
      entry.job = { ...entry.job, ...end };
      entry.finishedAt = this.options.clock.now().getTime();
      this.forgetOld();
    })();
    return entry.job;
  }

  /** The owner's job; null for anyone else's, an unknown id, or one forgotten. */
  get(ownerId: string, id: string): ImportJob | null {
    this.forgetOld();
    const entry = this.entries.get(id);
    return entry && entry.ownerId === ownerId ? entry.job : null;
  }

  /** Jobs not ended yet and uploads still being read, over every owner (metrics). */
  running(): number {
    let count = this.reserved.size;
    for (const entry of this.entries.values()) if (entry.finishedAt === null) count++;
    return count;
  }

  /** Resolves once every job has ended (tests, and a server that stops). */
  async idle(): Promise<void> {
    await Promise.all([...this.entries.values()].map((entry) => entry.ended));
  }

  /**
   * Stops every running job between two files and waits until they have cleaned up; answers
   * those jobs as they ended (failed, or done when their last file was already being stored),
   * so that a stopping server can say what became of each.
   */
  async stop(): Promise<ImportJob[]> {
    this.closed = true;
    const stopped = [...this.entries.values()].filter((entry) => entry.finishedAt === null);
    for (const entry of stopped) entry.controller.abort();
    await this.idle();
    return stopped.map((entry) => entry.job);
  }

  /** stop() for a hook that must resolve to nothing (a Fastify preClose hook takes a value for an error). */
  async close(): Promise<void> {
    await this.stop();
  }

  /** Drops finished jobs past their time, and the oldest past the counts kept. */
  private forgetOld(): void {
    const now = this.options.clock.now().getTime();
    const finished: Entry[] = [];
    for (const [id, entry] of this.entries) {
      if (entry.finishedAt === null) continue;
      if (now - entry.finishedAt >= this.keepMs) this.entries.delete(id);
      else finished.push(entry);
    }
    finished.sort((a, b) => (b.finishedAt ?? 0) - (a.finishedAt ?? 0));
    const perOwner = new Map<string, number>();
    finished.forEach((entry, index) => {
      const kept = (perOwner.get(entry.ownerId) ?? 0) + 1;
      perOwner.set(entry.ownerId, kept);
      if (kept > this.keepPerOwner || index >= this.keepTotal) this.entries.delete(entry.job.id);
    });
  }
}

async function* paced<T>(items: AsyncIterable<T>, signal: AbortSignal): AsyncGenerator<T> {
  for await (const item of items) {
    if (signal.aborted) throw new JobStopped();
    yield item;
    await nextTurn();
  }
  if (signal.aborted) throw new JobStopped();
}
