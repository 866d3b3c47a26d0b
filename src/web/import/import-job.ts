/**
 * Following an import job until it ends (GET /api/activities/imports/:id every ~500 ms).
 * The server parses off the request thread; the job is what the screen shows meanwhile.
 */

import type { ImportJob } from "../shared/api.js";
import type { ApiResult } from "../shared/http.js";

export type JobEnd =
  | { readonly ok: true; readonly job: ImportJob }
  | { readonly ok: false; readonly message: string; readonly gone?: boolean };

export interface PollOptions {
  readonly fetchJob: (id: string) => Promise<ApiResult<ImportJob>>;
  readonly onUpdate: (job: ImportJob) => void;
  /** Called with a note while the connection is gone and the poller keeps trying; null when back. */
  readonly onTrouble?: (message: string | null) => void;
  readonly signal: AbortSignal;
  readonly intervalMs?: number;
  /** Failed polls in a row before giving up (a phone in a tunnel comes back within minutes). */
  readonly maxFailures?: number;
  readonly wait?: (ms: number, signal: AbortSignal) => Promise<void>;
}

const sleep = (ms: number, signal: AbortSignal) =>
  new Promise<void>((resolve) => {
    if (signal.aborted) return resolve();
    const timer = setTimeout(resolve, ms);
    signal.addEventListener(
      "abort",
      () => {
        clearTimeout(timer);
        resolve();
      },
      { once: true },
    );
  });

/** Resolves when the job is done or failed, or when it cannot be followed any more. */
export async function followImportJob(id: string, options: PollOptions): Promise<JobEnd> {
  const interval = options.intervalMs ?? 500;
  const maxFailures = options.maxFailures ?? 240;
  const wait = options.wait ?? sleep;
  let failures = 0;
  while (!options.signal.aborted) {
    const answer = await options.fetchJob(id);
    if (options.signal.aborted) break;
    if (answer.ok) {
      if (failures > 0) options.onTrouble?.(null);
      failures = 0;
      options.onUpdate(answer.value);
      if (answer.value.status !== "running") return { ok: true, job: answer.value };
    } else if (answer.error.status === 404) {
      return {
        ok: false,
        gone: true,
        message:
          "The server no longer has this import (it keeps them for an hour, and forgets them when it restarts). What it stored is in your runs; upload the files again to be sure: nothing is stored twice.",
      };
    } else if (answer.error.status === 401) {
      return { ok: false, message: "You were signed out. Sign in again to see this import." };
    } else {
      failures++;
      if (failures >= maxFailures) {
        return {
          ok: false,
          message:
            "Lost touch with the server while it read your files. They may still be importing: open this page again later to see the result.",
        };
      }
      options.onTrouble?.(
        answer.error.kind === "network"
          ? "No connection. Your files are uploaded and the server keeps reading them; waiting for the signal…"
          : "The server did not answer about this import; trying again…",
      );
    }
    await wait(failures > 0 ? Math.min(interval * 2 ** failures, 5_000) : interval, options.signal);
  }
  return { ok: false, message: "Stopped following this import." };
}

/** "42 of 120 files read", "3 files read": processing progress in words. */
export function processingText(job: ImportJob): string {
  const { done, total } = job.progress;
  const noun = (count: number) => (count === 1 ? "file" : "files");
  if (total === null) return `${done} ${noun(done)} read so far`;
  return `${done} of ${total} ${noun(total)} read`;
}

const KEPT_JOB = "capacity.import-job";

/** The running import of this account, kept so that coming back to /import shows it again. */
export function keepRunningJob(id: string, account: string | null): void {
  try {
    localStorage.setItem(KEPT_JOB, JSON.stringify({ id, account }));
  } catch {
    // Private mode: the ?job= address still brings it back.
  }
}

export function runningJobOf(account: string | null): string | null {
  try {
    const kept = JSON.parse(localStorage.getItem(KEPT_JOB) ?? "null") as {
      id?: unknown;
      account?: unknown;
    } | null;
    return kept && typeof kept.id === "string" && kept.account === account ? kept.id : null;
  } catch {
    return null;
  }
}

export function forgetRunningJob(): void {
  try {
    localStorage.removeItem(KEPT_JOB);
  } catch {
    // Nothing kept.
  }
}
