import { pathToFileURL } from "node:url";
import { systemClock } from "../app/ports.js";
import { MAIN_HELP } from "./help.js";
import { type CliIo, EXIT_OK, EXIT_USAGE, UsageError } from "./io.js";
import type { ErrTerminal } from "./progress-bar.js";

type Command = (argv: string[], io: CliIo & ErrTerminal) => Promise<number>;

/**
 * Each command is loaded when it runs, so a command pays only for what it uses: `plan` and
 * `exercises` never load the database drivers, argon2 or the importers.
 */
const COMMANDS: Record<string, () => Promise<Command>> = {
  plan: async () => (await import("./commands/plan.js")).planCommand,
  exercises: async () => (await import("./commands/exercises.js")).exercisesCommand,
  import: async () => (await import("./commands/import.js")).importCommand,
  db: async () => (await import("./commands/db.js")).dbCommand,
  user: async () => (await import("./commands/user.js")).userCommand,
};

/** Runs one command line; returns the exit code. Usage problems print one line, never a stack. */
export async function run(argv: string[], io: CliIo & ErrTerminal): Promise<number> {
  const [command, ...rest] = argv;
  if (command === undefined || command === "--help" || command === "-h" || command === "help") {
    if (command === "help" && rest[0] && COMMANDS[rest[0]]) return run([rest[0], "--help"], io);
    (command === undefined ? io.err : io.out)(MAIN_HELP);
    return command === undefined ? EXIT_USAGE : EXIT_OK;
  }
  const load = COMMANDS[command];
  if (!load) {
    io.err(
      `capacity: unknown command "${command}"; expected one of ${Object.keys(COMMANDS).join(", ")} (see capacity --help)\n`,
    );
    return EXIT_USAGE;
  }
  const handler = await load();
  try {
    return await handler(rest, io);
  } catch (error) {
    if (error instanceof UsageError) {
      io.err(`capacity ${command}: ${error.message}\n`);
      return EXIT_USAGE;
    }
    throw error;
  }
}

export const processIo: CliIo & ErrTerminal = {
  out: (text) => process.stdout.write(text),
  err: (text) => process.stderr.write(text),
  clock: systemClock,
  isTty: Boolean(process.stdout.isTTY),
  errIsTty: Boolean(process.stderr.isTTY),
  errColumns: () => process.stderr.columns || 80,
};

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  run(process.argv.slice(2), processIo).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      process.stderr.write(
        `capacity: internal error, please report it: ${(error as Error).stack ?? String(error)}\n`,
      );
      process.exitCode = 1;
    },
  );
}
