import { existsSync } from "node:fs";
import { availableParallelism } from "node:os";
import { fileURLToPath } from "node:url";
import { Worker } from "node:worker_threads";
import { type ImportBytesOptions, type ParsedBytes, parseBytes } from "./import-file.js";

/**
 * Worker threads that parse activity files (docs/importers.md, "Performance"): `parseBytes` on each file's
 * bytes, several files at once, off the thread that reads archives and stores activities.
 *
 * - A file's bytes are transferred to the worker, not copied.
 * - Workers start when there is work and a worker is free, up to `threads`; each parses one
 *   file at a time; `close()` ends them. Each worker's heap is limited (512 MB by default: a
 *   24-hour 1 Hz TCX with heart rate, about 60 MB, needs under 100 MB).
 * - The process shares one pool ({@link sharedParsePool}) among all its imports, so that
 *   several imports at once (HTTP jobs of several accounts) never run more workers than the
 *   cores. Each import parses through its own {@link ParseLane}: files are parsed in the
 *   order asked, whoever asked; closing a lane fails its files still waiting, ends the
 *   workers parsing its files (not the others'), and when it was the last lane open, ends
 *   the idle workers (idle workers never keep the process alive either).
 * - A worker that dies while parsing (a crash, or out of memory) makes that file a failed
 *   result, never a hang; the next file gets a new worker.
 * - Where no compiled worker exists (the sources run as TypeScript, as in vitest) or a worker
 *   cannot start, files are parsed in this thread instead: same results, one at a time.
 */

/** What the pool sends a worker. */
export interface ParseRequest {
  readonly id: number;
  readonly bytes: Uint8Array;
  readonly source: string;
  readonly options: ImportBytesOptions;
}

/** What a worker answers: once `{ ready: true }` when it has loaded, then one result per request. */
export type ParseResponse =
  | { readonly ready: true }
  | { readonly id: number; readonly parsed: ParsedBytes };

export interface ParsePoolOptions {
  /** Worker threads at most; 0 parses in this thread. Default: the cores, at most 4. */
  readonly threads?: number;
  /** Starts one worker (tests); by default the compiled `parse-worker.js` beside this module. */
  readonly spawn?: () => Worker;
  /** A worker's heap limit in MB: a file that needs more fails alone. Default 512. */
  readonly maxHeapMb?: number;
}

export interface ParsePool {
  /** The worker threads it may use; 0 when it parses in this thread. */
  readonly threads: number;
  /**
   * One file's results, as `parseBytes` gives them; never rejects. `bytes` is handed over
   * (transferred to a worker): the caller must not use it afterwards.
   */
  parse(bytes: Uint8Array, source: string, options?: ImportBytesOptions): Promise<ParsedBytes>;
  /** Ends the workers; files still queued fail. */
  close(): Promise<void>;
  /** A caller's own way in: its files can be dropped without touching the others'. */
  lane(): ParseLane;
}

/** One caller's use of a pool (one import). */
export interface ParseLane {
  /** As {@link ParsePool.parse}; after `close()`, fails at once ("the import stopped"). */
  parse(bytes: Uint8Array, source: string, options?: ImportBytesOptions): Promise<ParsedBytes>;
  /**
   * Fails this lane's files still waiting and ends the workers parsing its files; other
   * lanes' files go on. The last lane to close ends the idle workers.
   */
  close(): Promise<void>;
}

/** A worker's default heap limit (MB). */
export const DEFAULT_MAX_HEAP_MB = 512;

/** Worker threads started by any pool of this process and not yet ended. */
let liveWorkers = 0;

/** Worker threads of any parse pool in this process that have started and not yet ended. */
export function liveParseWorkers(): number {
  return liveWorkers;
}

const MAX_DEFAULT_THREADS = 4;
const WORKER_FILE = new URL("./parse-worker.js", import.meta.url);

/** The compiled worker script, or null when running from TypeScript sources. */
function compiledWorker(): URL | null {
  return WORKER_FILE.protocol === "file:" && existsSync(fileURLToPath(WORKER_FILE))
    ? WORKER_FILE
    : null;
}

interface Task {
  readonly id: number;
  /** The lane that asked, or null for {@link ParsePool.parse}. */
  readonly owner: object | null;
  readonly bytes: Uint8Array;
  readonly source: string;
  readonly options: ImportBytesOptions;
  readonly resolve: (parsed: ParsedBytes) => void;
}

interface Slot {
  readonly worker: Worker;
  task: Task | null;
  ready: boolean;
  error: Error | null;
  /** Being ended: gets no more files, but counts toward `threads` until it has exited. */
  retired: boolean;
}

/**
 * `parseBytes`, in whichever thread calls it (a worker, or this one when there is none). It does
 * not throw; should it ever, the file is a failed result ("the parser stopped") and the thread
 * goes on.
 */
export function parseHere(
  request: Pick<ParseRequest, "bytes" | "source" | "options">,
): ParsedBytes {
  try {
    return parseBytes(request.bytes, request.source, request.options);
  } catch (error) {
    return crashed(request.source, error instanceof Error ? error.message : String(error));
  }
}

function crashed(source: string, reason: string): ParsedBytes {
  const error = `"${source}" could not be read: the parser stopped (${reason}).`;
  return { results: [{ ok: false, format: null, error }], inflatedBytes: 0 };
}

/** The bytes as a Uint8Array that owns its whole buffer, so the buffer can be transferred. */
function transferable(bytes: Uint8Array): Uint8Array<ArrayBuffer> {
  const { buffer } = bytes;
  if (
    buffer instanceof ArrayBuffer &&
    bytes.byteOffset === 0 &&
    bytes.byteLength === buffer.byteLength
  ) {
    return bytes as Uint8Array<ArrayBuffer>;
  }
  // A copy of its own. Not `bytes.slice()`: on a Buffer that is a view of the same memory, often
  // Node's shared pool of small Buffers: not the file's to give away, and Node 24 refuses to
  // transfer it (DataCloneError, the parse then never answered).
  return Uint8Array.prototype.slice.call(bytes) as Uint8Array<ArrayBuffer>;
}

// Over 80 lines: the pool's workers, queue and lanes are one state that its inner functions (start,
// assign, pump) share; a class would only rename the closure.
export function createParsePool(options: ParsePoolOptions = {}): ParsePool {
  const file = options.spawn ? null : compiledWorker();
  const wanted = options.threads ?? Math.min(availableParallelism(), MAX_DEFAULT_THREADS);
  const threads = options.spawn || file ? Math.max(0, wanted) : 0;
  const maxHeapMb = options.maxHeapMb ?? DEFAULT_MAX_HEAP_MB;
  const spawn =
    options.spawn ??
    (() => new Worker(file as URL, { resourceLimits: { maxOldGenerationSizeMb: maxHeapMb } }));

  const queue: Task[] = [];
  const slots: Slot[] = [];
  let nextId = 1;
  let closed = false;
  /** Set when a worker could not even start: from then on, files are parsed in this thread. */
  let inThread = threads === 0;
  let openLanes = 0;

  function start(): Slot {
    const slot: Slot = { worker: spawn(), task: null, ready: false, error: null, retired: false };
    liveWorkers++;
    slot.worker.on("message", (message: ParseResponse) => {
      if (slot.retired) return;
      if ("ready" in message) {
        slot.ready = true;
        slot.worker.unref();
        pump();
        return;
      }
      const task = slot.task;
      if (task === null || task.id !== message.id) return;
      slot.task = null;
      slot.worker.unref();
      task.resolve(message.parsed);
      pump();
    });
    slot.worker.on("error", (error) => {
      slot.error = error;
    });
    slot.worker.on("exit", (code) => {
      liveWorkers--;
      slots.splice(slots.indexOf(slot), 1);
      // It never loaded (a broken install, no memory for a thread): parse here from now on.
      if (!slot.ready && !closed && !slot.retired) inThread = true;
      const task = slot.task;
      slot.task = null;
      if (task !== null) {
        task.resolve(
          crashed(task.source, closed ? "the import stopped" : reasonOf(slot.error, code)),
        );
      }
      pump();
    });
    slots.push(slot);
    return slot;
  }

  function assign(slot: Slot, task: Task): void {
    slot.task = task;
    slot.worker.ref();
    const bytes = transferable(task.bytes);
    const request: ParseRequest = {
      id: task.id,
      bytes,
      source: task.source,
      options: task.options,
    };
    slot.worker.postMessage(request, [bytes.buffer]);
  }

  function pump(): void {
    while (queue.length > 0) {
      if (closed) {
        const task = queue.shift() as Task;
        task.resolve(crashed(task.source, "the import stopped"));
        continue;
      }
      if (inThread) {
        const task = queue.shift() as Task;
        task.resolve(parseHere(task));
        continue;
      }
      // Only a worker that has loaded gets a file: bytes are never transferred to a worker
      // that cannot start, so they are still here to be parsed in this thread.
      const idle = slots.find((slot) => slot.ready && slot.task === null && !slot.retired);
      if (idle !== undefined) {
        assign(idle, queue.shift() as Task);
        continue;
      }
      const starting = slots.filter((slot) => !slot.ready && !slot.retired).length;
      if (slots.length >= threads || starting >= queue.length) return;
      try {
        start();
      } catch {
        inThread = true;
      }
    }
  }

  function enqueue(
    owner: object | null,
    bytes: Uint8Array,
    source: string,
    parseOptions: ImportBytesOptions,
  ): Promise<ParsedBytes> {
    return new Promise<ParsedBytes>((resolve) => {
      queue.push({ id: nextId++, owner, bytes, source, options: parseOptions, resolve });
      pump();
    });
  }

  /** Ends these workers; a file one is parsing fails as stopped. */
  function retire(ending: readonly Slot[]): Promise<unknown> {
    for (const slot of ending) {
      slot.retired = true;
      const task = slot.task;
      slot.task = null;
      task?.resolve(crashed(task.source, "the import stopped"));
    }
    return Promise.all(ending.map((slot) => slot.worker.terminate()));
  }

  function lane(): ParseLane {
    const owner = {};
    let open = true;
    openLanes++;
    return {
      parse(bytes, source, parseOptions = {}) {
        if (!open) return Promise.resolve(crashed(source, "the import stopped"));
        return enqueue(owner, bytes, source, parseOptions);
      },
      async close() {
        if (!open) return;
        open = false;
        openLanes--;
        for (let i = queue.length - 1; i >= 0; i--) {
          if (queue[i]?.owner !== owner) continue;
          const [task] = queue.splice(i, 1) as [Task];
          task.resolve(crashed(task.source, "the import stopped"));
        }
        const ending = slots.filter((slot) =>
          openLanes === 0
            ? !slot.retired && (slot.task === null || slot.task.owner === owner)
            : slot.task?.owner === owner,
        );
        await retire(ending);
      },
    };
  }

  return {
    get threads() {
      return inThread ? 0 : threads;
    },
    parse(bytes, source, parseOptions = {}) {
      return enqueue(null, bytes, source, parseOptions);
    },
    lane,
    async close() {
      closed = true;
      for (const task of queue.splice(0)) {
        task.resolve(crashed(task.source, "the import stopped"));
      }
      await Promise.all(slots.map((slot) => slot.worker.terminate()));
    },
  };
}

function reasonOf(error: Error | null, code: number): string {
  const kind = (error as NodeJS.ErrnoException | null)?.code;
  if (kind === "ERR_WORKER_OUT_OF_MEMORY") return "the file needs more memory than allowed";
  if (error !== null) return error.message;
  return `exit code ${code}`;
}

let shared: ParsePool | null = null;

/**
 * The pool every import of this process parses with (one lane each): at most as many
 * workers as the cores (4 at most), each with a 512 MB heap, whatever the number of imports.
 */
export function sharedParsePool(): ParsePool {
  shared ??= createParsePool();
  return shared;
}

/** Makes `pool` the shared pool (tests: workers loaded through tsx); returns the previous one. */
export function replaceSharedParsePool(pool: ParsePool | null): ParsePool | null {
  const previous = shared;
  shared = pool;
  return previous;
}
