// `npm run build`, after tsc: bundles the command line (dist/cli/main.js and the parse worker)
// into dist/cli-bundle/ with esbuild, one chunk per command as cli/main.ts loads them.
//
// Why: a command started from tsc's output resolves, reads and compiles some 400 files (Kysely
// alone is 263) before it does anything; `capacity import one.fit` spent most of its time there.
// A bundle is a few files. Native and optional packages stay outside, loaded from node_modules.
// The metafile lets test/cli/lazy-commands.test.ts tell which source modules a command loaded.
import { rmSync, writeFileSync } from "node:fs";
import { build } from "esbuild";

const OUT = "dist/cli-bundle";

rmSync(OUT, { recursive: true, force: true });
const result = await build({
  entryPoints: {
    main: "dist/cli/main.js",
    // parse-pool.ts starts its workers from "./parse-worker.js" beside its own chunk.
    "parse-worker": "dist/adapters/importers/parse-worker.js",
  },
  outdir: OUT,
  bundle: true,
  splitting: true,
  format: "esm",
  platform: "node",
  target: "node20",
  entryNames: "[name]",
  chunkNames: "[name]-[hash]",
  // Native addons (and pg's optional native binding) cannot be bundled.
  external: ["better-sqlite3", "argon2", "pg", "pg-native"],
  // CommonJS packages in an ES module bundle call require() for Node's own modules.
  banner: {
    js: "import { createRequire as __capacityRequire } from 'node:module'; const require = __capacityRequire(import.meta.url);",
  },
  sourcemap: true,
  metafile: true,
  logLevel: "warning",
});
writeFileSync(`${OUT}/meta.json`, JSON.stringify(result.metafile));
