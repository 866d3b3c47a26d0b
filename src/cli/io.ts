import { readFile } from "node:fs/promises";
import type { Clock } from "../app/ports.js";

/** What a command may touch; tests pass their own. */
export interface CliIo {
  readonly out: (text: string) => void;
  readonly err: (text: string) => void;
  readonly clock: Clock;
  /** True when stdout is a terminal (colour and width may follow). */
  readonly isTty: boolean;
}

export const EXIT_OK = 0;
export const EXIT_FAILED = 1;
export const EXIT_USAGE = 2;

/** A problem the user can fix: printed as one line, exit code 2, never a stack trace. */
export class UsageError extends Error {
  override readonly name = "UsageError";
}

/** Reads and parses a JSON file, turning every failure into a message that names the file. */
export async function readJsonFile(path: string, what: string): Promise<unknown> {
  let text: string;
  try {
    text = await readFile(path, "utf8");
  } catch (cause) {
    const code = (cause as NodeJS.ErrnoException).code;
    const reason =
      code === "ENOENT"
        ? "no such file"
        : code === "EISDIR"
          ? "it is a folder"
          : code === "EACCES"
            ? "permission denied"
            : String(code ?? cause);
    throw new UsageError(`cannot read the ${what} file ${path}: ${reason}`);
  }
  try {
    return JSON.parse(text.replace(/^\uFEFF/, ""));
  } catch (cause) {
    throw new UsageError(`the ${what} file ${path} is not valid JSON: ${(cause as Error).message}`);
  }
}
