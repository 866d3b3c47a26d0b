import {
  type DBSchema,
  type IDBPDatabase,
  type IDBPTransaction,
  openDB,
  type StoreNames,
} from "idb";
import { API_PATHS, type LogInState } from "../api.js";
import { type ApiError, createHttpClient, type HttpClient, NO_MESSAGE } from "../http.js";
import {
  type CorrectedWorkout,
  type Correction,
  corrected,
  isDone,
  requestOf,
} from "./corrections.js";
import type {
  FinishedWorkout,
  LoggedSet,
  OutboxItem,
  Owner,
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
 *
 * Everything here belongs to an account (its id from GET /api/session): a phone may be shared,
 * and the log-in cookie that goes with a POST is whoever logged in last. A pass sends only the
 * items of the account it is given, and only after GET /api/session confirmed that the cookie
 * is that account's; the items of other accounts wait, untouched, until their account signs in.
 */

interface CapacityDB extends DBSchema {
  /** By workout id since version 2 (one per account and day); by date before. */
  progress: { key: string; value: WorkoutInProgress; indexes: { byDate: string } };
  outbox: { key: string; value: OutboxItem; indexes: { bySeq: number } };
  /** By workout id since version 2; by date before. */
  finished: { key: string; value: FinishedWorkout; indexes: { byDate: string } };
  sessions: { key: string; value: SavedSession };
}

type Store = StoreNames<CapacityDB>;
const STORES: readonly Store[] = ["progress", "outbox", "finished", "sessions"];

export const DB_NAME = "capacity";
/** 1: everything by date, no owners. 2: owners, and workouts by id. */
const DB_VERSION = 2;
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

/**
 * Why a send pass stopped: nothing left, no connection, a server problem, no session, or the
 * session is another account's than the one the pass was for.
 */
export type SendStop = "done" | "network" | "server" | "auth" | "account";

export interface SendResult {
  readonly sent: number;
  readonly failed: number;
  readonly stop: SendStop;
}

export interface SyncCounts {
  /** The account's items waiting to be sent. */
  readonly waiting: number;
  /** The account's items the server refused. */
  readonly failed: number;
  /** Items of other accounts (or of no account yet), waiting for theirs to sign in. */
  readonly others: number;
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
  private readonly http: HttpClient;
  private readonly timeoutMs: number;
  private readonly now: () => Date;
  private readonly listeners = new Set<() => void>();
  private readonly channel: ChannelLike | null;
  private dbPromise: Promise<IDBPDatabase<CapacityDB>> | null = null;
  private sending: { readonly owner: string; readonly pass: Promise<SendResult> } | null = null;

  constructor(options: OutboxOptions = {}) {
    this.dbName = options.dbName ?? DB_NAME;
    this.http = createHttpClient(options.fetch);
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
      upgrade(db, oldVersion, _newVersion, tx) {
        if (oldVersion < 1) {
          const outbox = db.createObjectStore("outbox", { keyPath: "id" });
          outbox.createIndex("bySeq", "seq");
          db.createObjectStore("sessions", { keyPath: "date" });
        }
        if (oldVersion < 1) {
          for (const name of ["progress", "finished"] as const) {
            db.createObjectStore(name, { keyPath: "id" }).createIndex("byDate", "date");
          }
        } else if (oldVersion < 2) {
          void byWorkoutId(db, tx);
        }
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

  /** The account's workout in progress on that day (another account's is never seen). */
  async progress(owner: string, date: string): Promise<WorkoutInProgress | undefined> {
    const db = await this.db();
    return latest(ownedOn(await db.getAllFromIndex("progress", "byDate", date), owner));
  }

  /** The account's workout in progress on that day, or a new one with a fresh client id. */
  async start(
    owner: string,
    date: string,
    create: () => Pick<WorkoutInProgress, "session" | "setup">,
  ): Promise<WorkoutInProgress> {
    const db = await this.db();
    const tx = db.transaction("progress", "readwrite");
    const existing = latest(ownedOn(await tx.store.index("byDate").getAll(date), owner));
    if (existing) {
      await tx.done;
      return existing;
    }
    const at = this.stamp();
    const workout: WorkoutInProgress = {
      id: crypto.randomUUID(),
      owner,
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
    owner: string,
    date: string,
    change: (workout: WorkoutInProgress) => WorkoutInProgress,
  ): Promise<WorkoutInProgress | undefined> {
    const db = await this.db();
    const tx = db.transaction("progress", "readwrite");
    const existing = latest(ownedOn(await tx.store.index("byDate").getAll(date), owner));
    if (!existing) {
      await tx.done;
      return undefined;
    }
    const next = {
      ...change(existing),
      id: existing.id,
      owner,
      date,
      updatedAt: this.stamp(),
    };
    await tx.store.put(next);
    await tx.done;
    this.changed();
    return next;
  }

  /** Records the set of one exercise (a second set of the same exercise replaces the first). */
  async logSet(
    owner: string,
    date: string,
    set: LoggedSet,
  ): Promise<WorkoutInProgress | undefined> {
    return this.update(owner, date, (workout) => ({
      ...workout,
      sets: withSet(workout.sets, set),
    }));
  }

  /** Drops the account's workout in progress (only on the athlete's explicit request). */
  async discard(owner: string, date: string): Promise<void> {
    const db = await this.db();
    const tx = db.transaction("progress", "readwrite");
    for (const workout of ownedOn(await tx.store.index("byDate").getAll(date), owner)) {
      await tx.store.delete(workout.id);
    }
    await tx.done;
    this.changed();
  }

  /**
   * Moves the workout in progress to the outbox, in one transaction: from now on it is a
   * finished workout waiting to be sent. Null when there is nothing logged.
   */
  async finish(owner: string, date: string): Promise<OutboxItem | null> {
    const db = await this.db();
    const tx = db.transaction(["progress", "outbox", "finished"], "readwrite");
    const progress = tx.objectStore("progress");
    const workout = latest(ownedOn(await progress.index("byDate").getAll(date), owner));
    if (!workout || workout.sets.length === 0) {
      await tx.done;
      return null;
    }
    const last = await tx.objectStore("outbox").index("bySeq").openCursor(null, "prev");
    const at = this.stamp();
    const item: OutboxItem = {
      id: workout.id,
      owner,
      date: workout.date,
      sets: workout.sets,
      seq: (last?.value.seq ?? 0) + 1,
      queuedAt: at,
      status: "waiting",
      attempts: 0,
      lastError: null,
    };
    await tx.objectStore("outbox").put(item);
    const finished = tx.objectStore("finished");
    // One summary per account and day: the newest.
    for (const old of ownedOn(await finished.index("byDate").getAll(date), owner)) {
      await finished.delete(old.id);
    }
    await finished.put({
      id: workout.id,
      owner,
      date: workout.date,
      sets: workout.sets,
      session: workout.session,
      swaps: workout.swaps,
      setup: workout.setup,
      finishedAt: at,
    });
    await progress.delete(workout.id);
    await tx.done;
    this.changed();
    return item;
  }

  /** The summary of the account's workout finished on that day. */
  async finished(owner: string, date: string): Promise<FinishedWorkout | undefined> {
    const db = await this.db();
    const all = ownedOn(await db.getAllFromIndex("finished", "byDate", date), owner);
    return all.sort((a, b) => b.finishedAt.localeCompare(a.finishedAt))[0];
  }

  /** Forgets a finished workout's summary (the workout itself stays in the outbox until sent). */
  async forgetFinished(owner: string, date: string): Promise<void> {
    const db = await this.db();
    const tx = db.transaction("finished", "readwrite");
    for (const done of ownedOn(await tx.store.index("byDate").getAll(date), owner)) {
      await tx.store.delete(done.id);
    }
    await tx.done;
  }

  // ── Sessions kept for offline use ─────────────────────────────────────────

  /** Keeps the account's session of a day (a copy only: another account's replaces it). */
  async saveSession(saved: SavedSession & { readonly owner: string }): Promise<void> {
    await (await this.db()).put("sessions", saved);
  }

  async savedSession(owner: string, date: string): Promise<SavedSession | undefined> {
    const saved = await (await this.db()).get("sessions", date);
    return saved && saved.owner === owner ? saved : undefined;
  }

  // ── Accounts ──────────────────────────────────────────────────────────────

  /**
   * Gives everything stored without an account (by a version of the app that did not record
   * one) to `owner`: the first account that signs in after the upgrade. Returns how many.
   */
  async adopt(owner: string): Promise<number> {
    const db = await this.db();
    const tx = db.transaction(STORES, "readwrite");
    let adopted = 0;
    for (const name of STORES) {
      const store = tx.objectStore(name);
      for (const record of await store.getAll()) {
        if (ownerOf(record) !== null) continue;
        await store.put({ ...record, owner });
        adopted += 1;
      }
    }
    await tx.done;
    if (adopted > 0) this.changed();
    return adopted;
  }

  /** Whether anything is stored without an account (see `adopt`). */
  async hasUnowned(): Promise<boolean> {
    const db = await this.db();
    const tx = db.transaction(STORES);
    let found = false;
    for (const name of STORES) {
      if (found) break;
      found = (await tx.objectStore(name).getAll()).some((record) => ownerOf(record) === null);
    }
    await tx.done;
    return found;
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

  /** Every item of every account, oldest first. */
  async items(): Promise<OutboxItem[]> {
    return (await (await this.db()).getAllFromIndex("outbox", "bySeq")).map(withOwner);
  }

  async item(id: string): Promise<OutboxItem | undefined> {
    const item = await (await this.db()).get("outbox", id);
    return item && withOwner(item);
  }

  /** The account's waiting and refused items, and how many belong to others (all when null). */
  async counts(owner: Owner): Promise<SyncCounts> {
    let waiting = 0;
    let failed = 0;
    let others = 0;
    for (const item of await this.items()) {
      if (owner === null || item.owner !== owner) others += 1;
      else if (item.status === "failed") failed += 1;
      else waiting += 1;
    }
    return { waiting, failed, others };
  }

  /**
   * How many of the account's workouts in progress hold a logged set: on the phone, not finished,
   * so not yet waiting to sync either (the sync status says so rather than "All saved").
   */
  async inProgress(owner: Owner): Promise<number> {
    if (owner === null) return 0;
    const all = await (await this.db()).getAll("progress");
    return all.filter((workout) => workout.owner === owner && workout.sets.length > 0).length;
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
   * Sends the waiting items of `owner`, the account signed in, oldest first; other accounts'
   * items stay as they are. First GET /api/session must say the log-in cookie is `owner`'s (else
   * the pass stops: "account"); then what is stored without an account becomes `owner`'s.
   * Stops at the first network error, 5xx or 401 (the rest would meet the same); a refused item
   * (other 4xx) is marked failed and the next one goes. Calls for the same account made while a
   * pass runs join it; across tabs a Web Lock keeps one pass at a time.
   */
  send(owner: string): Promise<SendResult> {
    const running = this.sending;
    if (running) {
      return running.owner === owner
        ? running.pass
        : running.pass.catch(() => undefined).then(() => this.send(owner));
    }
    const locks = (globalThis.navigator as { locks?: LockManagerLike } | undefined)?.locks;
    const pass = locks
      ? locks.request(SEND_LOCK, () => this.sendPass(owner))
      : this.sendPass(owner);
    const sending = {
      owner,
      pass: pass.finally(() => {
        if (this.sending === sending) this.sending = null;
      }),
    };
    this.sending = sending;
    return sending.pass;
  }

  private async sendPass(owner: string): Promise<SendResult> {
    const first = await this.nextWaiting(owner, 0);
    if (!first && !(await this.hasUnowned())) return { sent: 0, failed: 0, stop: "done" };
    const who = await this.signedIn();
    if (who.kind !== "account") {
      if (who.kind === "auth" && first) {
        await this.patch(first.id, { lastError: "Sign in again to send it." });
      }
      return { sent: 0, failed: 0, stop: who.kind };
    }
    if (who.id !== owner) return { sent: 0, failed: 0, stop: "account" };
    await this.adopt(owner);

    let sent = 0;
    let failed = 0;
    let after = 0;
    for (;;) {
      const item = await this.nextWaiting(owner, after);
      if (!item) return { sent, failed, stop: "done" };
      after = item.seq;
      const attempt = await this.post(item);
      if (attempt.kind === "stored") {
        await this.removeSent(item);
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

  /** The account's next waiting item after `afterSeq`. */
  private async nextWaiting(owner: string, afterSeq: number): Promise<OutboxItem | undefined> {
    const db = await this.db();
    let cursor = await db
      .transaction("outbox")
      .store.index("bySeq")
      .openCursor(IDBKeyRange.lowerBound(afterSeq, true));
    while (cursor) {
      const item = cursor.value;
      if (item.status === "waiting" && item.owner === owner) return item;
      cursor = await cursor.continue();
    }
    return undefined;
  }

  /** Whose log-in cookie this browser holds (GET /api/session), or why that is not known. */
  private async signedIn(): Promise<
    | { readonly kind: "account"; readonly id: string }
    | { readonly kind: "auth" | "network" | "server" }
  > {
    // /api/session answers 200 with user null when logged out: no error status in the console.
    const answer = await this.http.request<LogInState | null>(
      "GET",
      API_PATHS.currentLogin,
      undefined,
      { allowUnauthorized: true, timeoutMs: this.timeoutMs },
    );
    if (!answer.ok) {
      const { status } = answer.error;
      return { kind: status === 401 ? "auth" : status === 0 ? "network" : "server" };
    }
    if (answer.value?.user === null) return { kind: "auth" };
    const id = answer.value?.user?.id;
    return typeof id === "string" ? { kind: "account", id } : { kind: "server" };
  }

  /** Removes a sent item, unless it was corrected while on its way (then the newer one goes next). */
  private async removeSent(item: OutboxItem): Promise<void> {
    const db = await this.db();
    const tx = db.transaction("outbox", "readwrite");
    const now = await tx.store.get(item.id);
    if (now && now.revision === item.revision) await tx.store.delete(item.id);
    await tx.done;
  }

  /**
   * Queues a correction of a logged workout (corrections.ts): folded into what already waits
   * for it, in one transaction, so that it is sent once.
   */
  async correct(owner: string, workout: CorrectedWorkout, correction: Correction): Promise<void> {
    const db = await this.db();
    const tx = db.transaction("outbox", "readwrite");
    const existing = await tx.store.get(workout.id);
    const last = await tx.store.index("bySeq").openCursor(null, "prev");
    const step = corrected(
      existing && withOwner(existing),
      owner,
      workout,
      correction,
      (last?.value.seq ?? 0) + 1,
      this.stamp(),
    );
    if ("put" in step) await tx.store.put(step.put);
    else await tx.store.delete(step.remove);
    await tx.done;
    this.changed();
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
    const { method, path, body } = requestOf(item);
    const answer = await this.http.request<unknown>(method, path, body, {
      allowUnauthorized: true,
      timeoutMs: this.timeoutMs,
    });
    // 201 stored, 200 stored before (a retried id) or corrected, 204 deleted: nothing else is.
    if (isDone(item, answer.ok ? answer.status : answer.error.status)) return { kind: "stored" };
    if (answer.ok) {
      return { kind: "refused", message: `The server refused it (${answer.status}).` };
    }
    const { status } = answer.error;
    if (status === 0) return { kind: "retry", stop: "network", message: "No connection." };
    if (status === 401) return { kind: "auth" };
    // Timeouts and rate limits are worth another try; other client errors are not.
    if (status === 408 || status === 425 || status === 429 || status >= 500) {
      return { kind: "retry", stop: "server", message: `The server did not take it (${status}).` };
    }
    return { kind: "refused", message: refusal(answer.error) };
  }
}

/** The owner of a stored record: null when stored before owners were recorded. */
function ownerOf(record: { readonly owner?: Owner }): Owner {
  return record.owner ?? null;
}

function withOwner<T extends { readonly owner: Owner }>(record: T): T {
  return record.owner === undefined ? { ...record, owner: null } : record;
}

function ownedOn<T extends { readonly owner: Owner }>(records: readonly T[], owner: string): T[] {
  return records.filter((record) => record.owner === owner);
}

/** The most recently changed of the account's workouts in progress on a day (there is one). */
function latest(workouts: readonly WorkoutInProgress[]): WorkoutInProgress | undefined {
  return [...workouts].sort((a, b) => b.updatedAt.localeCompare(a.updatedAt))[0];
}

/**
 * Version 2 keeps workouts in progress and summaries by workout id, so that two accounts can
 * each have one on the same day. Runs inside the upgrade transaction: what version 1 stored is
 * read, its store made again by id, and written back unchanged (still without an owner).
 */
async function byWorkoutId(
  db: IDBPDatabase<CapacityDB>,
  tx: IDBPTransaction<CapacityDB, Store[], "versionchange">,
): Promise<void> {
  try {
    for (const name of ["progress", "finished"] as const) {
      const kept = await tx.objectStore(name).getAll();
      db.deleteObjectStore(name);
      const store = db.createObjectStore(name, { keyPath: "id" });
      store.createIndex("byDate", "date");
      for (const record of kept) await store.put(record);
    }
  } catch {
    // Better no upgrade (the app says it cannot save) than a workout lost on the way.
    try {
      tx.abort();
    } catch {
      // Already over.
    }
  }
}

/** The sets with `set` as the one of its exercise (replacing an earlier one, else appended). */
export function withSet(sets: readonly LoggedSet[], set: LoggedSet): LoggedSet[] {
  const index = sets.findIndex((item) => item.exercise === set.exercise);
  if (index < 0) return [...sets, set];
  return sets.map((item, i) => (i === index ? set : item));
}

/** The server's reason for refusing a workout, with the field it names. */
function refusal(error: ApiError): string {
  if (error.message === NO_MESSAGE) return `The server refused it (${error.status}).`;
  return error.field ? `${error.message} (${error.field})` : error.message;
}

let shared: Outbox | null = null;

/** The app's one outbox on the real database. */
export function sharedOutbox(): Outbox {
  shared ??= new Outbox();
  return shared;
}
