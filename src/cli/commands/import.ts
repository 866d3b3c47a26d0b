import { readdir, realpath, stat } from "node:fs/promises";
import { join, resolve } from "node:path";
import { performance } from "node:perf_hooks";
import { cryptoIds } from "../../adapters/crypto.js";
import type { Database } from "../../adapters/db/database.js";
import {
  type ImportSource,
  IN_THREAD_UP_TO,
  readSources,
} from "../../adapters/importers/read-sources.js";
import {
  type ImportCounts,
  type ImportReport,
  importActivities,
  type ParsedFile,
  SAME_IMPORT,
} from "../../app/import-activities.js";
import { accountForImport, importAccountOnDemand, isLocalOwner } from "../../app/local-owner.js";
import type { Store, User } from "../../app/ports.js";
import {
  databaseTarget,
  describeTarget,
  openStoreForServer,
  PendingMigrations,
} from "../../storage.js";
import { parseFlags } from "../args.js";
import { IMPORT_HELP } from "../help.js";
import { type CliIo, EXIT_FAILED, EXIT_OK, UsageError } from "../io.js";
import { type ErrTerminal, noProgressBar, type ProgressBar, progressBar } from "../progress-bar.js";
import { readCliConfig } from "../read-config.js";
import {
  choicesFromFlags,
  importStrengthFiles,
  type StrengthOutcome,
  splitStrengthFiles,
  strengthSummary,
} from "../strength-import.js";

/**
 * In a folder, the files whose name says they may hold activities: the formats, gzip (`.fit.gz`
 * and the like) and zip archives. Files named on the command line are read whatever their name.
 */
const IMPORTABLE = /\.(fit|gpx|tcx|csv|zip|gz)$/i;

const HINT = "(see capacity import --help)";

/** Where the files of the command line are: a list to read, and what could not be listed. */
interface Collected {
  readonly sources: ImportSource[];
  readonly failed: { source: string; error: string }[];
}

/**
 * `capacity import PATH... [--json] [--dry-run] [--user EMAIL]` (docs/importers.md). Exit 0 when
 * nothing failed, 1 when a file or path failed (the others are still imported), 2 for bad usage.
 *
 * Over 80 lines: a command's flags, database opening, import and report in sequence, each step a
 * guard with its own exit code and message.
 */
export async function importCommand(argv: string[], io: CliIo & ErrTerminal): Promise<number> {
  const { values, positionals } = parseFlags(
    "import",
    argv,
    {
      json: { type: "boolean" },
      "dry-run": { type: "boolean" },
      user: { type: "string" },
      map: { type: "string", multiple: true },
      skip: { type: "string", multiple: true },
      "skip-unmapped": { type: "boolean" },
      help: { type: "boolean", short: "h" },
    },
    true,
  );
  if (values.help) {
    io.out(IMPORT_HELP);
    return EXIT_OK;
  }
  if (positionals.length === 0) {
    throw new UsageError(
      `give at least one PATH: an activity file, a zip archive or a folder ${HINT}`,
    );
  }
  const email = values.user?.trim() ?? null;
  if (email === "") throw new UsageError(`--user needs the account's e-mail ${HINT}`);
  const dryRun = values["dry-run"] === true;
  const json = values.json === true;
  const choices = choicesFromFlags(values.map ?? [], values.skip ?? []);

  const config = readCliConfig();
  const target = describeTarget(databaseTarget(config));
  let opened: { store: Store; database: Database };
  try {
    opened = await openStoreForServer(config);
  } catch (error) {
    if (error instanceof PendingMigrations) throw new UsageError(error.message);
    io.err(`capacity import: cannot open the database (${target}): ${(error as Error).message}\n`);
    return EXIT_FAILED;
  }
  const { store } = opened;
  try {
    const accountDeps = { repos: store, ids: cryptoIds, clock: io.clock };
    // With no account yet, the local owner is made only once there is a run to store.
    const account = await accountForImport(accountDeps, email, { dryRun, later: true });
    if (!account.ok) throw new UsageError(`${account.error.message} ${HINT}`);
    const into = importAccountOnDemand(accountDeps, account.value);

    // Strong and Hevy exports are workouts, not activities: they take their own path.
    const split = await splitStrengthFiles(positionals);
    let strength: StrengthOutcome = { reports: [], failed: [] };
    if (split.strength.length > 0) {
      const owner = dryRun
        ? account.value.kind === "account"
          ? account.value.user.id
          : ""
        : (await into.owner()).id;
      strength = await importStrengthFiles(store, io.clock, owner, split.strength, {
        dryRun,
        choices,
        skipUnmapped: values["skip-unmapped"] === true,
      });
    }
    if (split.rest.length === 0) {
      if (json) {
        io.out(
          `${JSON.stringify({ imported: [], duplicates: [], failed: strength.failed, strength: strength.reports }, null, 2)}\n`,
        );
      } else {
        for (const failure of strength.failed) io.err(`${failureLine(failure)}\n`);
        for (const report of strength.reports) io.out(strengthSummary(report, dryRun));
      }
      return strength.failed.length > 0 ? EXIT_FAILED : EXIT_OK;
    }

    const collected = await collect(split.rest);
    const bar: ProgressBar =
      io.errIsTty === true
        ? progressBar({
            write: io.err,
            columns: io.errColumns ?? (() => 80),
            now: () => performance.now(),
            label: dryRun ? "Checking" : "Importing",
            unit: "files",
          })
        : noProgressBar;
    let progress = { done: 0, total: collected.sources.length };
    let counts: ImportCounts = { imported: 0, duplicates: 0, failed: collected.failed.length };
    const draw = () =>
      bar.update(
        progress.done + collected.failed.length,
        progress.total + collected.failed.length,
        `${counts.imported} ${dryRun ? "new" : "imported"}, ${counts.duplicates} duplicate${counts.duplicates === 1 ? "" : "s"}, ${counts.failed} failed`,
      );

    let report: ImportReport;
    try {
      report = await importActivities(
        // Stored into the account, made on the first run stored; a dry run without any
        // account compares with nothing and makes none.
        { repos: { activities: into.activities }, ids: cryptoIds, clock: io.clock },
        into.current().user?.id ?? "",
        parsedFiles(collected, (done, total) => {
          progress = { done, total };
          draw();
        }),
        {
          dryRun,
          onCounts: (next) => {
            counts = next;
            draw();
          },
        },
      );
    } finally {
      bar.clear();
    }

    if (json) {
      const withStrength =
        split.strength.length > 0
          ? {
              ...report,
              failed: [...strength.failed, ...report.failed],
              strength: strength.reports,
            }
          : report;
      io.out(`${JSON.stringify(withStrength, null, 2)}\n`);
    } else {
      for (const failure of [...strength.failed, ...report.failed]) {
        io.err(`${failureLine(failure)}\n`);
      }
      for (const strengthReport of strength.reports)
        io.out(strengthSummary(strengthReport, dryRun));
      const { user, made } = into.current();
      io.out(summary(report, user, made, dryRun, target));
    }
    return report.failed.length + strength.failed.length > 0 ? EXIT_FAILED : EXIT_OK;
  } finally {
    await store.close();
  }
}

/**
 * The paths of the command line as sources, in the order given: a folder is walked recursively
 * in sorted order, keeping the files named like activity files (hidden files and folders
 * skipped). A path that does not exist stays in the list: the reader reports it as failed.
 */
async function collect(paths: readonly string[]): Promise<Collected> {
  const sources: ImportSource[] = [];
  const failed: { source: string; error: string }[] = [];
  const seen = new Set<string>();
  const add = (path: string) => {
    const key = resolve(path);
    if (seen.has(key)) return;
    seen.add(key);
    sources.push({ path, source: path });
  };
  for (const path of paths) {
    let isFolder = false;
    try {
      isFolder = (await stat(path)).isDirectory();
    } catch {
      // Missing or unreadable: the reader says which.
    }
    if (!isFolder) {
      add(path);
      continue;
    }
    const before = { sources: sources.length, failed: failed.length };
    await walk(path, add, failed, new Set([await realpath(path).catch(() => path)]));
    if (sources.length === before.sources && failed.length === before.failed) {
      failed.push({
        source: path,
        error: `The folder "${path}" holds no file named .fit, .gpx, .tcx, .csv, .zip or .gz.`,
      });
    }
  }
  return { sources, failed };
}

async function walk(
  folder: string,
  add: (path: string) => void,
  failed: { source: string; error: string }[],
  visited: Set<string>,
): Promise<void> {
  let names: string[];
  try {
    names = (await readdir(folder)).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  } catch (error) {
    failed.push({
      source: folder,
      error: `The folder "${folder}" cannot be read: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}.`,
    });
    return;
  }
  for (const name of names) {
    if (name.startsWith(".")) continue;
    const path = join(folder, name);
    let info: Awaited<ReturnType<typeof stat>>;
    try {
      info = await stat(path);
    } catch {
      // A dangling link or a file gone meanwhile: named like an activity, the reader says why.
      if (IMPORTABLE.test(name)) add(path);
      continue;
    }
    if (info.isDirectory()) {
      // A link back up the tree would never end: each real folder is walked once.
      const real = await realpath(path).catch(() => path);
      if (visited.has(real)) continue;
      visited.add(real);
      await walk(path, add, failed, visited);
    } else if (info.isFile() && IMPORTABLE.test(name)) {
      add(path);
    }
  }
}

/** The folders that could not be listed first, then every file and archive entry read. */
async function* parsedFiles(
  collected: Collected,
  onProgress: (done: number, total: number) => void,
): AsyncGenerator<ParsedFile> {
  for (const { source, error } of collected.failed) {
    yield { source, result: { ok: false, format: null, error } };
  }
  if (collected.sources.length === 0) return;
  yield* readSources(collected.sources, {
    onProgress: ({ done, total }) => onProgress(done, total),
    inThreadUpTo: IN_THREAD_UP_TO,
  });
}

function failureLine({ source, error }: { source: string; error: string }): string {
  // Only a quoted name counts as naming the file: a short source ("a.fit") may occur in any text.
  return error.includes(`"${source}"`) ? `failed: ${error}` : `failed: ${source}: ${error}`;
}

function plural(count: number, one: string, many: string): string {
  return `${count} ${count === 1 ? one : many}`;
}

function accountName(user: User | null, made: boolean): string {
  if (user === null) return "a local owner account (none made: dry run)";
  if (!isLocalOwner(user)) return user.email;
  return `${made ? "a new" : "the"} local owner account (the first sign-up in the web app takes it over with its runs)`;
}

function summary(
  report: ImportReport,
  user: User | null,
  made: boolean,
  dryRun: boolean,
  target: string,
): string {
  const details: string[] = [];
  const twice = report.duplicates.filter((one) => one.warnings.includes(SAME_IMPORT)).length;
  const stored = report.duplicates.length - twice;
  if (stored) {
    details.push(`${plural(stored, "duplicate", "duplicates")} already stored`);
  }
  if (twice) {
    details.push(
      `${plural(twice, "duplicate", "duplicates")}: the same activity twice in this import`,
    );
  }
  if (report.failed.length) {
    // One file may fail in several ways (the bad rows of an activities.csv): files are counted.
    const files = new Set(report.failed.map((failure) => failure.source)).size;
    const problems = report.failed.length > files ? ` (${report.failed.length} problems)` : "";
    details.push(`${plural(files, "file", "files")} failed${problems}`);
  }
  const counts = `${plural(report.imported.length, "activity", "activities")}${details.length ? ` (${details.join(", ")})` : ""}`;
  if (user === null && !dryRun) {
    return `Imported ${counts}: nothing to store, so no account was made — ${target}.\n`;
  }
  const where = `${accountName(user, made)} — ${target}`;
  return dryRun
    ? `Dry run: would import ${counts} into ${where}. Nothing was stored.\n`
    : `Imported ${counts} into ${where}.\n`;
}
