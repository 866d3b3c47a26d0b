/**
 * Opens the database behind the store: an SQLite file inside the process (the default) or a
 * PostgreSQL pool (several app servers on one database). Same schema, queries and migrations.
 */
import { mkdirSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname } from "node:path";
import SqliteDatabase from "better-sqlite3";
import { Kysely, PostgresDialect, SqliteDialect, type Transaction } from "kysely";
import type { Schema } from "./schema.js";
import { startWalCheckpointer } from "./wal-checkpointer.js";

export type DatabaseTarget =
  | { readonly kind: "sqlite"; readonly file: string }
  | { readonly kind: "postgres"; readonly url: string };

export type DatabaseKind = DatabaseTarget["kind"];

export interface Database {
  readonly db: Kysely<Schema>;
  readonly kind: DatabaseKind;
  /** Closes the SQLite file or ends the pool (idempotent); the Kysely instance is unusable afterwards. */
  close(): Promise<void>;
  /**
   * `select 1` beside Kysely's connection: a health check answers while a long transaction
   * (a restore) holds the SQLite connection or every pooled PostgreSQL client.
   */
  ping(): Promise<void>;
  /**
   * One transaction of many rows (a restore). On an SQLite file with background checkpoints its
   * COMMIT skips the fsync, which for tens of megabytes would hold the event loop for a third of
   * a second, and the promise resolves once the checkpoint worker has synced the WAL: what is
   * acknowledged is on disk, as with any other commit. Elsewhere an ordinary transaction.
   */
  largeTransaction<T>(work: (trx: Transaction<Schema>) => Promise<T>): Promise<T>;
}

export interface OpenOptions {
  /**
   * Errors of idle PostgreSQL clients (the server went away, a network cut). The pool drops
   * such a client by itself; without a listener Node would crash the process on them.
   */
  readonly onPoolError?: (error: Error) => void;
  /**
   * SQLite's WAL checkpoints in a worker thread (wal-checkpointer.ts) instead of inside a
   * COMMIT on the event loop: for the server, where a long commit holds every request.
   */
  readonly checkpointInBackground?: boolean;
}

/** pg's type id of int8 (`bigint`): instants and `count(*)`. */
const PG_INT8 = 20;
const PG_POOL_MAX = 10;
const PG_CONNECT_TIMEOUT_MS = 5000;

export function openDatabase(target: DatabaseTarget, options: OpenOptions = {}): Database {
  return target.kind === "sqlite"
    ? openSqlite(target.file, options.checkpointInBackground === true)
    : openPostgres(target.url, options);
}

function openSqlite(file: string, checkpointInBackground: boolean): Database {
  if (file !== ":memory:") mkdirSync(dirname(file), { recursive: true });
  const sqlite = new SqliteDatabase(file, { timeout: 5000 });
  try {
    sqlite.pragma("journal_mode = WAL");
    sqlite.pragma("foreign_keys = ON");
    sqlite.pragma("busy_timeout = 5000");
    // In WAL mode NORMAL already survives a killed process (SIGKILL): a commit is in the WAL
    // file in the OS's cache. It can lose the last commits on power loss or an OS crash. FULL
    // syncs the WAL on every commit, so an answered 201 survives those too, for one fsync a
    // commit, which this write volume (a few sets a day per athlete) does not notice.
    sqlite.pragma("synchronous = FULL");
  } catch (error) {
    sqlite.close();
    throw new Error(`cannot set up the SQLite database ${file}`, { cause: error });
  }
  const db = new Kysely<Schema>({
    dialect: new SqliteDialect({ database: withStatementCache(sqlite) }),
  });
  const probe = sqlite.prepare("select 1");
  const checkpointer =
    checkpointInBackground && file !== ":memory:" ? backgroundCheckpoints(sqlite, file) : null;
  // Kysely's destroy closes the better-sqlite3 handle.
  return {
    db,
    kind: "sqlite",
    close: once(async () => {
      await checkpointer?.stop();
      await db.destroy();
    }),
    // The same handle, outside Kysely's one-query-at-a-time lock: a read inside an open
    // transaction is allowed, and better-sqlite3 runs it at once.
    ping: async () => {
      probe.get();
    },
    largeTransaction: async (work) => {
      if (!checkpointer?.alive) return db.transaction().execute(work);
      // Holding the connection: no other query runs on it while its safety level is lowered,
      // which SQLite allows only outside a transaction.
      const result = await db.connection().execute(async (connection) => {
        sqlite.pragma("synchronous = NORMAL");
        try {
          return await connection.transaction().execute(work);
        } finally {
          sqlite.pragma("synchronous = FULL");
        }
      });
      await checkpointer.sync();
      return result;
    },
  };
}

/** Hands the connection's WAL checkpoints to a worker thread, and takes them back if it fails. */
function backgroundCheckpoints(sqlite: SqliteDatabase.Database, file: string) {
  sqlite.pragma("wal_autocheckpoint = 0");
  return startWalCheckpointer(file, () => {
    if (sqlite.open) sqlite.pragma("wal_autocheckpoint = 1000");
  });
}

/** Enough for every distinct query the repositories make; a query built on the fly never grows it past this. */
const STATEMENT_CACHE_SIZE = 500;

/**
 * Kysely prepares every SQLite statement again for each query; preparing costs as much as
 * running a small query. The dialect only calls `prepare` and `close`, so a handle that hands
 * back the statement already prepared for the same SQL text gives the saving to every query.
 */
function withStatementCache(sqlite: SqliteDatabase.Database): SqliteDatabase.Database {
  const statements = new Map<string, SqliteDatabase.Statement>();
  const prepare = (source: string): SqliteDatabase.Statement => {
    let statement = statements.get(source);
    if (!statement) {
      statement = sqlite.prepare(source);
      if (statements.size >= STATEMENT_CACHE_SIZE) statements.clear();
      statements.set(source, statement);
    }
    return statement;
  };
  return new Proxy(sqlite, {
    get(target, property, receiver) {
      return property === "prepare" ? prepare : Reflect.get(target, property, receiver);
    },
  });
}

/** pg (some thirty CommonJS modules) is required only when PostgreSQL is opened: SQLite never needs it. */
const require = createRequire(import.meta.url);

function openPostgres(url: string, options: OpenOptions): Database {
  const pg = require("pg") as typeof import("pg");
  // Type parsers set on this pool only: int8 as a JS number (epoch ms and counts stay far
  // below 2^53), leaving pg's global parsers alone for any other pool in the process.
  const types = new pg.TypeOverrides();
  types.setTypeParser(PG_INT8, (value: string) => Number(value));
  // A server that does not answer fails a request in seconds (503), rather than holding it.
  const pool = new pg.Pool({
    connectionString: url,
    max: PG_POOL_MAX,
    types,
    connectionTimeoutMillis: PG_CONNECT_TIMEOUT_MS,
  });
  pool.on("error", (error) => options.onPoolError?.(error));
  // The pool listens for errors of idle clients only: a client checked out between two queries
  // of a transaction when the server goes away would emit an unheard 'error' and end the
  // process. Its next query fails instead (answered 503), and the pool drops it on release.
  pool.on("connect", (client) => {
    client.on("error", (error) => options.onPoolError?.(error));
  });
  const db = new Kysely<Schema>({ dialect: new PostgresDialect({ pool }) });
  // Kysely's destroy ends the pool.
  return {
    db,
    kind: "postgres",
    close: once(() => db.destroy()),
    // A restore's transaction holds one client of the pool; the check takes another.
    ping: async () => {
      await pool.query("select 1");
    },
    largeTransaction: (work) => db.transaction().execute(work),
  };
}

/** close() may be called twice (the store, then a test's clean-up); the second waits for the first. */
function once(close: () => Promise<void>): () => Promise<void> {
  let closing: Promise<void> | undefined;
  return () => {
    closing ??= close();
    return closing;
  };
}
