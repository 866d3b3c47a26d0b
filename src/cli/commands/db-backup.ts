import { existsSync, mkdirSync } from "node:fs";
import { dirname, resolve } from "node:path";
import SqliteDatabase from "better-sqlite3";
import type { DatabaseTarget } from "../../adapters/db/database.js";
import { MIGRATIONS } from "../../adapters/db/migrations/index.js";
import { describeTarget } from "../../storage.js";
import { type CliIo, EXIT_OK, UsageError } from "../io.js";

const PG_WORDS =
  "On PostgreSQL use its own tools: pg_dump --format=custom --file=FILE DATABASE_URL, and pg_restore --clean --dbname=DATABASE_URL FILE (README, Backups).";

function sqliteFile(target: DatabaseTarget): string {
  if (target.kind !== "sqlite") throw new UsageError(PG_WORDS);
  return target.file;
}

/**
 * `capacity db backup FILE`: a consistent copy of the SQLite database while the server keeps
 * running (SQLite's online backup API through better-sqlite3: pages are copied in steps, and a
 * write in between restarts the copy of what changed).
 */
export async function dbBackup(target: DatabaseTarget, file: string, io: CliIo): Promise<number> {
  const source = sqliteFile(target);
  const destination = resolve(file);
  if (!existsSync(source)) throw new UsageError(`${describeTarget(target)} does not exist yet.`);
  if (existsSync(destination)) {
    throw new UsageError(`${destination} exists already: choose a new file for the backup.`);
  }
  const database = new SqliteDatabase(source, { fileMustExist: true, timeout: 5000 });
  try {
    await database.backup(destination);
  } finally {
    database.close();
  }
  io.out(`Backed up ${describeTarget(target)} to ${destination}.\n`);
  return EXIT_OK;
}

/** What is wrong with a file offered as a backup, or null when it is a Capacity database. */
function backupProblem(file: string): string | null {
  let database: SqliteDatabase.Database;
  try {
    database = new SqliteDatabase(file, { readonly: true, fileMustExist: true });
  } catch (error) {
    return `cannot be opened as an SQLite database (${(error as Error).message})`;
  }
  try {
    const integrity = database.pragma("integrity_check", { simple: true });
    if (integrity !== "ok") return `is damaged (integrity check: ${String(integrity)})`;
    const table = database
      .prepare("select name from sqlite_master where type = 'table' and name = 'kysely_migration'")
      .get();
    if (!table) return "is not a Capacity database (it has no migration table)";
    const applied = (
      database.prepare("select name from kysely_migration").all() as { name: string }[]
    ).map((row) => row.name);
    const known = new Set(Object.keys(MIGRATIONS));
    const newer = applied.filter((name) => !known.has(name));
    if (newer.length) {
      return `comes from a newer Capacity (migrations ${newer.join(", ")}): update Capacity first`;
    }
    return null;
  } catch (error) {
    return `cannot be read (${(error as Error).message})`;
  } finally {
    database.close();
  }
}

/**
 * `capacity db restore FILE`: replaces the SQLite database with a backup. The file is checked
 * first (an SQLite database, undamaged, from this Capacity or an older one: the server applies
 * the missing migrations at its next start); the database it replaces is kept beside it as
 * `capacity.sqlite.before-restore-<time>`. The copy goes through SQLite's backup API into the
 * database file, so a reader never sees half of it; the server must still be stopped first
 * (README): a running one would answer from what it had read before.
 */
export async function dbRestore(
  target: DatabaseTarget,
  file: string,
  io: CliIo,
  now = new Date(),
): Promise<number> {
  const live = sqliteFile(target);
  const backup = resolve(file);
  if (!existsSync(backup)) throw new UsageError(`${backup} does not exist.`);
  const problem = backupProblem(backup);
  if (problem) throw new UsageError(`${backup} ${problem}; nothing was changed.`);
  let kept: string | null = null;
  if (existsSync(live)) {
    kept = `${live}.before-restore-${now.toISOString().replace(/[:.]/g, "-")}`;
    // The current database through the backup API too: a consistent copy, WAL included.
    const current = new SqliteDatabase(live, { fileMustExist: true, timeout: 5000 });
    try {
      await current.backup(kept);
    } finally {
      current.close();
    }
  }
  mkdirSync(dirname(live), { recursive: true });
  const source = new SqliteDatabase(backup, { readonly: true, fileMustExist: true });
  try {
    await source.backup(live);
  } finally {
    source.close();
  }
  io.out(
    `Restored ${describeTarget(target)} from ${backup}.${kept ? ` The database it replaced is kept as ${kept}.` : ""}\n`,
  );
  return EXIT_OK;
}
