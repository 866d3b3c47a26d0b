import { openDatabase } from "../../adapters/db/database.js";
import { migrateToLatest, pendingMigrations } from "../../adapters/db/migrator.js";
import { excerpt } from "../../core/excerpt.js";
import { databaseTarget, describeTarget } from "../../storage.js";
import { parseFlags } from "../args.js";
import { DB_HELP } from "../help.js";
import { type CliIo, EXIT_OK, UsageError } from "../io.js";
import { readCliConfig } from "../read-config.js";
import { dbBackup, dbRestore } from "./db-backup.js";

export async function dbCommand(argv: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseFlags(
    "db",
    argv,
    { help: { type: "boolean", short: "h" } },
    true,
  );
  if (values.help || positionals.length === 0) {
    io.out(DB_HELP);
    return values.help ? EXIT_OK : 2;
  }
  const [action, ...rest] = positionals;
  const withFile = action === "backup" || action === "restore";
  if (withFile && rest.length !== 1) {
    throw new UsageError(`capacity db ${action} takes one FILE (see capacity db --help)`);
  }
  if (!withFile && rest.length)
    throw new UsageError(`unexpected argument ${excerpt(rest[0])} (see capacity db --help)`);
  if (action !== "migrate" && action !== "status" && !withFile) {
    throw new UsageError(
      `unknown action "${action}"; expected migrate or status, or backup FILE or restore FILE (see capacity db --help)`,
    );
  }
  const config = readCliConfig();
  const target = databaseTarget(config);
  if (action === "backup") return dbBackup(target, rest[0] ?? "", io);
  if (action === "restore") return dbRestore(target, rest[0] ?? "", io);
  const database = openDatabase(target);
  try {
    if (action === "status") {
      const pending = await pendingMigrations(database.db);
      io.out(
        pending.length
          ? `${describeTarget(target)}: ${pending.length} migration(s) to apply: ${pending.join(", ")}\n`
          : `${describeTarget(target)}: up to date.\n`,
      );
      return EXIT_OK;
    }
    const applied = await migrateToLatest(database.db);
    io.out(
      applied.length
        ? `${describeTarget(target)}: applied ${applied.join(", ")}.\n`
        : `${describeTarget(target)}: already up to date.\n`,
    );
    return EXIT_OK;
  } finally {
    await database.close();
  }
}
