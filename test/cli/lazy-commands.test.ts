/**
 * A command loads only what it uses (cli/main.ts): `plan` and `exercises` never load the
 * database, argon2 or the importers. Spawns the built command with loader hooks that list every
 * module the process imports (test/support/module-log.mjs; a CommonJS package shows by its entry).
 * The command runs from its bundle (scripts/bundle-cli.js): a loaded chunk stands for the source
 * modules esbuild put in it, as its metafile lists them.
 */
import { existsSync, readFileSync } from "node:fs";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ROOT, spawnCli } from "../support/cli.js";

const HOOK = fileURLToPath(new URL("../support/module-log.mjs", import.meta.url));

/** Packages and folders a planning command has no use for. */
const HEAVY = [
  /node_modules\/kysely\//,
  /node_modules\/pg\//,
  /node_modules\/better-sqlite3\//,
  /node_modules\/@node-rs\//,
  /node_modules\/yauzl\//,
  /node_modules\/saxes\//,
  /node_modules\/fit-file-parser\//,
  /\/dist\/adapters\//,
];

let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "capacity-modules-"));
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

let runs = 0;

/** The modules `capacity ARGS` loaded, and its exit code. */
async function modulesOf(
  args: string[],
): Promise<{ code: number; modules: string[]; loaded: string[] }> {
  runs += 1;
  const log = join(dir, `modules-${runs}.txt`);
  const { code } = await spawnCli(args, {
    nodeArgs: ["--import", HOOK],
    env: { CAPACITY_MODULE_LOG: log, CAPACITY_DATA_DIR: dir },
    timeoutMs: 20_000,
  });
  const text = existsSync(log) ? await readFile(log, "utf8") : "";
  const loaded = text.split("\n").filter(Boolean);
  return { code, modules: sourcesOf(loaded), loaded };
}

/** The bundle's metafile: for each chunk, the source modules (paths from the project's root) in it. */
function bundleInputs(): Map<string, string[]> {
  const meta = JSON.parse(readFileSync(join(ROOT, "dist/cli-bundle/meta.json"), "utf8")) as {
    outputs: Record<string, { inputs: Record<string, unknown> }>;
  };
  return new Map(
    Object.entries(meta.outputs).map(([chunk, { inputs }]) => [
      `file://${join(ROOT, chunk)}`,
      Object.keys(inputs).map((input) => `file://${join(ROOT, input)}`),
    ]),
  );
}

/** Each loaded module, a bundle chunk replaced by the source modules it holds. */
function sourcesOf(urls: readonly string[]): string[] {
  const chunks = bundleInputs();
  return urls.flatMap((url) => [url, ...(chunks.get(url) ?? [])]);
}

const heavyIn = (modules: readonly string[]) =>
  modules.filter((url) => HEAVY.some((pattern) => pattern.test(url)));

describe("each command loads what it uses", () => {
  it("plan loads no database, importer or password code", async () => {
    const { code, modules } = await modulesOf([
      "plan",
      "--profile",
      "examples/marathoner.json",
      "--from",
      "2026-12-07",
    ]);
    expect(code).toBe(0);
    expect(modules.some((url) => url.endsWith("/dist/cli/commands/plan.js"))).toBe(true);
    expect(heavyIn(modules)).toEqual([]);
  });

  it("plan of a valid profile loads no TypeBox: its compiled check is kept as text", async () => {
    const { code, modules } = await modulesOf([
      "plan",
      "--profile",
      "examples/marathoner.json",
      "--from",
      "2026-12-07",
    ]);
    expect(code).toBe(0);
    expect(modules.filter((url) => /node_modules\/@sinclair\//.test(url))).toEqual([]);
  });

  it("plan of a wrong profile loads TypeBox for its words (the check can fail)", async () => {
    const bad = join(dir, "bad-profile.json");
    await writeFile(bad, JSON.stringify({ name: "Ana", units: "stone" }));
    const { code, modules } = await modulesOf(["plan", "--profile", bad]);
    expect(code).toBe(2);
    expect(modules.some((url) => /node_modules\/@sinclair\//.test(url))).toBe(true);
  });

  it("exercises loads no database, importer or password code", async () => {
    const { code, modules } = await modulesOf(["exercises", "--muscle", "calves"]);
    expect(code).toBe(0);
    expect(modules.some((url) => url.endsWith("/dist/cli/commands/exercises.js"))).toBe(true);
    expect(heavyIn(modules)).toEqual([]);
  });

  it("sees the heavy modules where a command does use them (the check can fail)", async () => {
    const { modules } = await modulesOf(["import", "--help"]);
    const heavy = heavyIn(modules).join("\n");
    expect(heavy).toMatch(/node_modules\/saxes\//);
    expect(heavy).toMatch(/node_modules\/kysely\//);
  });

  it("runs from the bundle: nothing of dist/ is loaded outside it", async () => {
    const { code, loaded } = await modulesOf(["exercises", "--muscle", "calves"]);
    expect(code).toBe(0);
    const fromDist = loaded.filter((url) => url.includes("/dist/"));
    expect(fromDist.some((url) => url.endsWith("/dist/cli-bundle/main.js"))).toBe(true);
    expect(fromDist.filter((url) => !url.includes("/dist/cli-bundle/"))).toEqual([]);
  });
});
