import { type ParseArgsConfig, parseArgs } from "node:util";
import { UsageError } from "./io.js";

type Options = NonNullable<ParseArgsConfig["options"]>;

/** node:util parseArgs in strict mode, with its errors turned into usage errors for `command`. */
export function parseFlags<O extends Options>(
  command: string,
  argv: string[],
  options: O,
  allowPositionals = false,
) {
  // `--weeks -1` would read as a flag: glue a negative number to its option so that the
  // value reaches validation and gets the message that says what is accepted.
  const args: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    const next = argv[i + 1];
    const name = arg.startsWith("--") ? arg.slice(2) : null;
    if (name && options[name]?.type === "string" && next !== undefined && /^-\d/.test(next)) {
      args.push(`${arg}=${next}`);
      i++;
    } else {
      args.push(arg);
    }
  }
  try {
    return parseArgs({ args, options, strict: true, allowPositionals });
  } catch (cause) {
    const message = (cause as Error).message.replace(/\. To specify a positional argument.*$/s, "");
    throw new UsageError(`${message} (see capacity ${command} --help)`);
  }
}
