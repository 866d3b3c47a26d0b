import { type DBSchema, type IDBPDatabase, openDB } from "idb";
import type {
  FinishedWorkout,
  LoggedSet,
  OutboxItem,
  SavedSession,
  WorkoutInProgress,
} from "./types.js";

/**
 * The phone's own copy of everything logged in the gym (IndexedDB), and the outbox that
 * sends finished workouts to POST /api/workouts when there is a connection.
 *
 * A set is written here before anything else happens; a finished workout leaves the phone
 * only when the server answered 201 or 200 (the API stores a retried id once). Network
 * errors and 5xx keep it waiting; other 4xx keep it too, marked failed with the server's
 * message: nothing is ever dropped without the athlete seeing it.
 */

interface CapacityDB extends DBSchema {
  progress: { key: string; value: WorkoutInProgress };
  outbox: { key: string; value: OutboxItem; indexes: { bySeq: number } };
  finished: { key: string; value: FinishedWorkout };
  sessions: { key: string; value: SavedSession };
}

export const DB_NAME = "capacity";
const DB_VERSION = 1;
export const CHANGE_CHANNEL = "capacity-outbox";
const SEND_LOCK = "capacity-outbox-send";

export interface OutboxOptions {
  /** IndexedDB database name (tests use their own). */
  readonly dbName?: string;
  readonly fetch?: typeof fetch;
  /** BroadcastChannel that tells other tabs about changes; null for none. */
  readonly channel?: string | null;
  /** How long one POST may take before it counts as a network error. */
  readonly timeoutMs?: number;
  readonly now?: () => Date;
}

/** Why a send pass stopped: nothing left, no connection, a server problem, or no session. */
export type SendStop = "done" | "network" | "server" | "auth";

export interface SendResult {
  readonly sent: number;
  readonly failed: number;
  readonly stop: SendStop;
}

export interface SyncCounts {
  readonly waiting: number;
  readonly failed: number;
}

type Attempt =
  | { readonly kind: "stored" }
  | { readonly kind: "refused"; readonly message: string }
  | { readonly kind: "auth" }
  | { readonly kind: "retry"; readonly stop: "network" | "server"; readonly message: string };

interface ChannelLike {
  postMessage(message: unknown): void;
  close(): void;
  onmessage: ((event: MessageEvent) => void) | null;
}

interface LockManagerLike {
  request<T>(name: string, callback: () => Promise<T>): Promise<T>;
}

export class Outbox {
  private readonly dbName: string;
  private readonly fetcher: typeof fetch;
  private readonly timeoutMs: number;
  private readonly now: () => Date;
  private readonly listeners = new Set<() => void>();
  private readonly channel: ChannelLike | null;
  private dbPromise: Promise<IDBPDatabase<CapacityDB>> | null = null;
  private sending: Promise<SendResult> | null = null;

  constructor(options: OutboxOptions = {}) {
    this.dbName = options.dbName ?? DB_NAME;
    this.fetcher = options.fetch ?? ((input, init) => globalThis.fetch(input, init));
    this.timeoutMs = options.timeoutMs ?? 20_000;
    this.now = options.now ?? (() => new Date());
    const channelName = options.channel === undefined ? CHANGE_CHANNEL : options.channel;
    this.channel =
      channelName && typeof BroadcastChannel !== "undefined"
        ? (new BroadcastChannel(channelName) as unknown as ChannelLike)
        : null;
    if (this.channel) {
      // Node keeps a process alive for an open channel; a browser has no unref.
      (this.channel as unknown as { unref?: () => void }).unref?.();
      this.channel.onmessage = () => this.emitLocal();
    }
  }

  private db(): Promise<IDBPDatabase<CapacityDB>> {
    this.dbPromise ??= openDB<CapacityDB>(this.dbName, DB_VERSION, {
      upgrade(db) {
        db.createObjectStore("progress", { keyPath: "date" });
        const outbox = db.createObjectStore("outbox", { keyPath: "id" });
        outbox.createIndex("bySeq", "seq");
        db.createObjectStore("finished", { keyPath: "date" });
        db.createObjectStore("sessions", { keyPath: "date" });
      },
      blocking: () => {
        // A newer version of the app wants to upgrade the database: let it.
        void this.dbPromise?.then((db) => db.close());
        this.dbPromise = null;
      },
    });
    return this.dbPromise;
  }

  /** Called after every change here and in other tabs. */
  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private emitLocal(): void {
    for (const listener of [...this.listeners]) listener();
  }

  private changed(): void {
    this.emitLocal();
    try {
      this.channel?.postMessage("changed");
    } catch {
      // A closed channel only means other tabs refresh on their next look.
    }
  }

  close(): void {
    this.channel?.close();
    void this.dbPromise?.then((db) => db.close());
    this.dbPromise = null;
    this.listeners.clear();
  }

  private stamp(): string {
    return this.now().toISOString();
  }

  // ── The workout in progress ───────────────────────────────────────────────

  async progress(date: string): Promise<WorkoutInProgress | undefined> {
    return (await this.db()).get("progress", date);
  }

  /** The workout in progress on that day, or a new one with a fresh client id. */
  async start(
    date: string,
    create: () => Pick<WorkoutInProgress, "session" | "setup">,
  ): Promise<WorkoutInProgress> {
    const db = await this.db();
    const tx = db.transaction("progress", "readwrite");
    const existing = await tx.store.get(date);
    if (existing) {
      await tx.done;
      return existing;
    }
    const at = this.stamp();
    const workout: WorkoutInProgress = {
      id: crypto.randomUUID(),
      date,
      sets: [],
      swaps: {},
      warmup: { state: "idle" },
      startedAt: at,
      updatedAt: at,
      ...create(),
    };
    await tx.store.put(workout);
    await tx.done;
    this.changed();
    return workout;
  }

  /** Read, change and write the workout in progress in one transaction; undefined when none. */
  async update(
    date: string,
    change: (workout: WorkoutInProgress) => WorkoutInProgress,
  ): Promise<WorkoutInProgress | undefined> {
    const db = await this.db();
    const tx = db.transaction("progress", "readwrite");
    const existing = await tx.store.get(date);
    if (!existing) {
      await tx.done;
      return undefined;
    }
    const next = { ...change(existing), id: existing.id, date, updatedAt: this.stamp() };
    await tx.store.put(next);
    await tx.done;
    this.changed();
    return next;
  }

  /** Records the set of one exercise (a second set of the same exercise replaces the first). */
  async logSet(date: string, set: LoggedSet): Promise<WorkoutInProgress | undefined> {
    return this.update(date, (workout) => ({ ...workout, sets: withSet(workout.sets, set) }));
  }

  /** Drops a workout in progress (only on the athlete's explicit request). */
  async discard(date: string): Promise<void> {
    await (await this.db()).delete("progress", date);
    this.changed();
  }

  /**
   * Moves the workout in progress to the outbox, in one transaction: from now on it is a
   * finished workout waiting to be sent. Null when there is nothing logged.
   */
  async finish(date: string): Promise<OutboxItem | null> {
    const db = await this.db();
    const tx = db.transaction(["progress", "outbox", "finished"], "readwrite");
    const workout = await tx.objectStore("progress").get(date);
    if (!workout || workout.sets.length === 0) {
      await tx.done;
      return null;
    }
    const last = await tx.objectStore("outbox").index("bySeq").openCursor(null, "prev");
    const at = this.stamp();
    const item: OutboxItem = {
      id: workout.id,
      date: workout.date,
      sets: workout.sets,
      seq: (last?.value.seq ?? 0) + 1,
      queuedAt: at,
      status: "waiting",
      attempts: 0,
      lastError: null,
    };
    await tx.objectStore("outbox").put(item);
    await tx.objectStore("finished").put({
      id: workout.id,
      date: workout.date,
      sets: workout.sets,
      session: workout.session,
      swaps: workout.swaps,
      setup: workout.setup,
      finishedAt: at,
    });
    await tx.objectStore("progress").delete(date);
    await tx.done;
    this.changed();
    return item;
  }

  async finished(date: string): Promise<FinishedWorkout | undefined> {
    return (await this.db()).get("finished", date);
  }

  /** Forgets a finished workout's summary (the workout itself stays in the outbox until sent). */
  async forgetFinished(date: string): Promise<void> {
    await (await this.db()).delete("finished", date);
  }

  // ── Sessions kept for offline use ─────────────────────────────────────────

  async saveSession(saved: SavedSession): Promise<void> {
    await (await this.db()).put("sessions", saved);
  }

  async savedSession(date: string): Promise<SavedSession | undefined> {
    return (await this.db()).get("sessions", date);
  }

  /** Removes saved sessions and summaries older than `days` (never the outbox). */
  async prune(days: number): Promise<void> {
    const db = await this.db();
    const cutoff = this.now().getTime() - days * 86_400_000;
    const tx = db.transaction(["sessions", "finished"], "readwrite");
    for (const saved of await tx.objectStore("sessions").getAll()) {
      if (Date.parse(saved.savedAt) < cutoff) await tx.objectStore("sessions").delete(saved.date);
    }
    for (const done of await tx.objectStore("finished").getAll()) {
      if (Date.parse(done.finishedAt) < cutoff) await tx.objectStore("finished").delete(done.date);
    }
    await tx.done;
  }

  // ── The outbox ────────────────────────────────────────────────────────────

  /** Every item, oldest first. */
  async items(): Promise<OutboxItem[]> {
    return (await this.db()).getAllFromIndex("outbox", "bySeq");
  }

  async item(id: string): Promise<OutboxItem | undefined> {
    return (await this.db()).get("outbox", id);
  }

  async counts(): Promise<SyncCounts> {
    let waiting = 0;
    let failed = 0;
    for (const item of await this.items()) {
      if (item.status === "failed") failed += 1;
      else waiting += 1;
    }
    return { waiting, failed };
  }

  /** Puts a failed item back in line (after the athlete fixed what the message said). */
  async retry(id: string): Promise<void> {
    const db = await this.db();
    const tx = db.transaction("outbox", "readwrite");
    const item = await tx.store.get(id);
    if (item?.status === "failed") {
      await tx.store.put({ ...item, status: "waiting", attempts: 0, lastError: null });
    }
    await tx.done;
    this.changed();
  }

  /**
   * Sends waiting items oldest first. Stops at the first network error, 5xx or 401 (the rest
   * would meet the same); a refused item (other 4xx) is marked failed and the next one goes.
   * Calls made while a pass runs join it; across tabs a Web Lock keeps one pass at a time.
   */
  send(): Promise<SendResult> {
    if (!this.sending) {
      const locks = (globalThis.navigator as { locks?: LockManagerLike } | undefined)?.locks;
      const pass = locks ? locks.request(SEND_LOCK, () => this.sendPass()) : this.sendPass();
      this.sending = pass.finally(() => {
        this.sending = null;
      });
    }
    return this.sending;
  }

  private async sendPass(): Promise<SendResult> {
    let sent = 0;
    let failed = 0;
    let after = 0;
    for (;;) {
      const item = await this.nextWaiting(after);
      if (!item) return { sent, failed, stop: "done" };
      after = item.seq;
      const attempt = await this.post(item);
      if (attempt.kind === "stored") {
        await (await this.db()).delete("outbox", item.id);
        sent += 1;
        this.changed();
        continue;
      }
      if (attempt.kind === "refused") {
        await this.patch(item.id, { status: "failed", lastError: attempt.message });
        failed += 1;
        continue;
      }
      if (attempt.kind === "auth") {
        await this.patch(item.id, { lastError: "Sign in again to send it." });
        return { sent, failed, stop: "auth" };
      }
      await this.patch(item.id, { attempts: item.attempts + 1, lastError: attempt.message });
      return { sent, failed, stop: attempt.stop };
    }
  }

  private async nextWaiting(afterSeq: number): Promise<OutboxItem | undefined> {
    const db = await this.db();
    let cursor = await db
      .transaction("outbox")
      .store.index("bySeq")
      .openCursor(IDBKeyRange.lowerBound(afterSeq, true));
    while (cursor) {
      if (cursor.value.status === "waiting") return cursor.value;
      cursor = await cursor.continue();
    }
    return undefined;
  }

  private async patch(id: string, change: Partial<OutboxItem>): Promise<void> {
    const db = await this.db();
    const tx = db.transaction("outbox", "readwrite");
    const item = await tx.store.get(id);
    if (item) await tx.store.put({ ...item, ...change });
    await tx.done;
    this.changed();
  }

  private async post(item: OutboxItem): Promise<Attempt> {
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), this.timeoutMs);
    let response: Response;
    try {
      response = await this.fetcher("/api/workouts", {
        method: "POST",
        headers: { "content-type": "application/json" },
        credentials: "same-origin",
        body: JSON.stringify({ id: item.id, date: item.date, sets: item.sets }),
        signal: controller.signal,
      });
    } catch {
      return { kind: "retry", stop: "network", message: "No connection." };
    } finally {
      clearTimeout(timer);
    }
    const { status } = response;
    if (status === 200 || status === 201) return { kind: "stored" };
    if (status === 401) return { kind: "auth" };
    // Timeouts and rate limits are worth another try; other client errors are not.
    if (status === 408 || status === 425 || status === 429 || status >= 500) {
      return { kind: "retry", stop: "server", message: `The server did not take it (${status}).` };
    }
    return { kind: "refused", message: await errorMessage(response) };
  }
}

/** The sets with `set` as the one of its exercise (replacing an earlier one, else appended). */
export function withSet(sets: readonly LoggedSet[], set: LoggedSet): LoggedSet[] {
  const index = sets.findIndex((item) => item.exercise === set.exercise);
  if (index < 0) return [...sets, set];
  return sets.map((item, i) => (i === index ? set : item));
}

async function errorMessage(response: Response): Promise<string> {
  try {
    const body = (await response.json()) as {
      error?: { message?: unknown; field?: unknown };
    };
    const message = typeof body.error?.message === "string" ? body.error.message : null;
    const field = typeof body.error?.field === "string" ? body.error.field : null;
    if (message) return field ? `${message} (${field})` : message;
  } catch {
    // Not JSON: fall through to the status.
  }
  return `The server refused it (${response.status}).`;
}

let shared: Outbox | null = null;

/** The app's one outbox on the real database. */
export function sharedOutbox(): Outbox {
  shared ??= new Outbox();
  return shared;
}
