import { createRequire } from "node:module";
import { Worker } from "node:worker_threads";

/**
 * SQLite's slow file work, moved off the event loop. By default the connection that commits
 * past 1,000 WAL pages copies the WAL back into the database file inside that COMMIT, and with
 * `synchronous = FULL` every COMMIT fsyncs the WAL: after a restore of 100,000 workouts the two
 * held the server for over half a second, every request waiting.
 *
 * Here the app's connection never checkpoints (`wal_autocheckpoint = 0`); a worker thread with
 * its own connection runs PASSIVE checkpoints on a timer. PASSIVE never waits for readers or
 * writers (sqlite.org/c3ref/wal_checkpoint_v2.html), so it cannot hold the app's connection
 * either, and once it has copied everything the next writer starts the WAL over. The worker
 * also fsyncs the WAL on request: a large transaction commits without the fsync and is
 * acknowledged once the worker has made it durable (see `largeTransaction` in database.ts).
 */
export interface WalCheckpointer {
  /** Whether the worker runs: false once it failed (the caller then keeps the work itself). */
  readonly alive: boolean;
  /** Resolves once everything committed so far is on disk (fsync of the WAL file). */
  sync(): Promise<void>;
  /** Stops the timer and closes the worker's connection (idempotent). */
  stop(): Promise<void>;
}

/** Often enough that the WAL of a busy server stays a few megabytes. */
export const CHECKPOINT_EVERY_MS = 1000;

// CommonJS run by the worker: better-sqlite3 is a CommonJS module, and an eval'd worker works
// the same from the TypeScript sources (tests) and from dist.
const WORKER_SOURCE = `
const { closeSync, fsyncSync, openSync } = require("node:fs");
const { workerData, parentPort } = require("node:worker_threads");
const Database = require(workerData.module);
const db = new Database(workerData.file, { timeout: 5000 });
let wal = null;
const checkpoint = () => {
  try {
    db.pragma("wal_checkpoint(PASSIVE)");
  } catch (error) {
    // SQLITE_BUSY (another checkpoint) or an I/O error: the next turn tries again, and the
    // app's own writes are unaffected; the WAL only grows until then.
  }
};
const timer = setInterval(checkpoint, workerData.everyMs);
parentPort.on("message", (message) => {
  if (message.sync !== undefined) {
    try {
      // The WAL exists from the first write on, and this worker's connection keeps it.
      wal ??= openSync(workerData.file + "-wal", "r");
      fsyncSync(wal);
      parentPort.postMessage({ synced: message.sync });
    } catch (error) {
      parentPort.postMessage({ synced: message.sync, error: String(error) });
    }
    return;
  }
  clearInterval(timer);
  checkpoint();
  if (wal !== null) closeSync(wal);
  db.close();
  parentPort.close();
});
`;

interface Pending {
  readonly resolve: () => void;
  readonly reject: (error: Error) => void;
}

/**
 * `onFailure` runs if the worker cannot open the file or dies: the caller then hands
 * checkpoints back to its own connection, so that the WAL never grows without end.
 */
export function startWalCheckpointer(
  file: string,
  onFailure: (error: Error) => void,
  everyMs: number = CHECKPOINT_EVERY_MS,
): WalCheckpointer {
  const module = createRequire(import.meta.url).resolve("better-sqlite3");
  const worker = new Worker(WORKER_SOURCE, {
    eval: true,
    workerData: { file, module, everyMs },
  });
  let alive = true;
  let nextSync = 1;
  const pending = new Map<number, Pending>();
  const fail = (error: Error) => {
    if (!alive) return;
    alive = false;
    for (const waiting of pending.values()) waiting.reject(error);
    pending.clear();
    onFailure(error);
  };
  worker.on("message", (message: { synced?: number; error?: string }) => {
    if (message.synced === undefined) return;
    const waiting = pending.get(message.synced);
    pending.delete(message.synced);
    if (message.error === undefined) waiting?.resolve();
    else waiting?.reject(new Error(`the WAL could not be synced: ${message.error}`));
  });
  worker.once("error", fail);
  const ended = new Promise<void>((resolve) =>
    worker.once("exit", () => {
      fail(new Error("the checkpoint worker ended"));
      resolve();
    }),
  );
  // A process that ends without stopping it (a CLI command, a test) is never kept alive by it.
  worker.unref();
  let stopping: Promise<void> | null = null;
  return {
    get alive() {
      return alive;
    },
    sync() {
      if (!alive) return Promise.reject(new Error("the checkpoint worker is not running"));
      const id = nextSync++;
      return new Promise<void>((resolve, reject) => {
        pending.set(id, { resolve, reject });
        worker.postMessage({ sync: id });
      });
    },
    stop() {
      stopping ??= (async () => {
        alive = false;
        worker.postMessage({ stop: true });
        const timeout = setTimeout(() => void worker.terminate(), 5000);
        await ended;
        clearTimeout(timeout);
      })();
      return stopping;
    },
  };
}
