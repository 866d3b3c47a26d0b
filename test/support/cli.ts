/**
 * The command line as the tests run it: in-process through `run` (fast, a fixed clock, output
 * captured) or spawned as the installed bin (`node bin/capacity.js`, which needs `dist/`).
 */
import { execFile } from "node:child_process";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { expect } from "vitest";
import { run } from "../../src/cli/main.js";
import type { ErrTerminal } from "../../src/cli/progress-bar.js";

export const ROOT = fileURLToPath(new URL("../../", import.meta.url));
export const BIN = join(ROOT, "bin/capacity.js");
const COMPILED = join(ROOT, "dist/cli/main.js");

/** What a command did: its exit code and everything it wrote. */
export interface CliOutcome {
  readonly code: number;
  readonly out: string;
  readonly err: string;
}

export interface InProcessOptions extends Partial<ErrTerminal> {
  /** The clock's instant (default Thursday 2026-11-26, 10:00 UTC); `null` for the real clock. */
  readonly now?: string | null;
}

/** Runs one command line in this process with captured output. */
export async function runCli(argv: string[], options: InProcessOptions = {}): Promise<CliOutcome> {
  const { now = "2026-11-26T10:00:00Z", ...terminal } = options;
  let out = "";
  let err = "";
  const code = await run(argv, {
    out: (text) => {
      out += text;
    },
    err: (text) => {
      err += text;
    },
    clock: { now: () => (now === null ? new Date() : new Date(now)) },
    isTty: false,
    ...terminal,
  });
  return { code, out, err };
}

export interface SpawnOptions {
  /** The folder it runs in (default the project's). */
  readonly cwd?: string;
  /**
   * Its environment: only these settings plus PATH, HOME, TMPDIR and LANG, so that no
   * DATABASE_URL or data folder of the outer shell leaks in.
   */
  readonly env?: Record<string, string>;
  /** Written to its stdin, which is then closed. */
  readonly input?: string;
  readonly timeoutMs?: number;
  /** Node's own options, before the bin (`--import` of a loader hook). */
  readonly nodeArgs?: readonly string[];
}

/** Runs `node bin/capacity.js ...` as a user's shell would. */
export function spawnCli(args: string[], options: SpawnOptions = {}): Promise<CliOutcome> {
  // bin/capacity.js imports dist/: without a build the test must fail, and say why.
  expect(
    existsSync(COMPILED),
    `${COMPILED} is missing: run \`npm run build\` first (\`npm test\` builds it in pretest)`,
  ).toBe(true);
  const base: Record<string, string> = {};
  for (const key of ["PATH", "HOME", "TMPDIR", "LANG"]) {
    const value = process.env[key];
    if (value !== undefined) base[key] = value;
  }
  return new Promise((resolve) => {
    const child = execFile(
      process.execPath,
      [...(options.nodeArgs ?? []), BIN, ...args],
      {
        cwd: options.cwd ?? ROOT,
        env: { ...base, ...options.env },
        encoding: "utf8",
        timeout: options.timeoutMs ?? 60_000,
      },
      (error, out, err) => {
        const code = error ? (typeof error.code === "number" ? error.code : -1) : 0;
        resolve({ code, out, err });
      },
    );
    if (options.input !== undefined) child.stdin?.end(options.input);
  });
}
