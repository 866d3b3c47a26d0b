import { readdirSync } from "node:fs";
import { fileURLToPath } from "node:url";
import preact from "@preact/preset-vite";
import { defineConfig, type Plugin } from "vite";
import { precompress } from "./vite.precompress.js";

const PRECACHE_TOKEN = "__CAPACITY_PRECACHE__";
const SW_NAME = "sw";

/**
 * Writes the files of this build into sw.js (the placeholder `__CAPACITY_PRECACHE__`), so the
 * service worker precaches exactly this release's index.html and hashed assets.
 */
function precacheManifest(): Plugin {
  return {
    name: "capacity-precache-manifest",
    apply: "build",
    enforce: "post",
    generateBundle(_options, bundle) {
      // The public folder (icons, the web app manifest) is copied as is and never enters the bundle: list it too.
      const publicFiles = readdirSync(fileURLToPath(new URL("./src/web/public", import.meta.url)));
      const files = [...Object.keys(bundle), ...publicFiles]
        .filter((file) => file !== `${SW_NAME}.js` && !file.endsWith(".map"))
        .sort();
      const worker = bundle[`${SW_NAME}.js`];
      if (worker?.type !== "chunk") {
        this.error(`${SW_NAME}.js is missing from the build`);
        return;
      }
      if (!worker.code.includes(PRECACHE_TOKEN)) {
        this.error(`${SW_NAME}.js lost its precache placeholder`);
        return;
      }
      if (worker.imports.length > 0) {
        this.error(`${SW_NAME}.js must not import other chunks: ${worker.imports.join(", ")}`);
        return;
      }
      // The JSON text goes inside a string literal (single or double quoted): escape it as one.
      const literal = JSON.stringify(JSON.stringify(files)).slice(1, -1);
      worker.code = worker.code.replace(PRECACHE_TOKEN, literal);
    },
  };
}

/** The browser app: built into dist/web, served by the server at `/`. */
export default defineConfig({
  root: "src/web",
  plugins: [preact(), precacheManifest(), precompress()],
  build: {
    outDir: "../../dist/web",
    emptyOutDir: true,
    target: "es2022",
    sourcemap: true,
    reportCompressedSize: false,
    rolldownOptions: {
      input: {
        index: fileURLToPath(new URL("./src/web/index.html", import.meta.url)),
        [SW_NAME]: fileURLToPath(new URL("./src/web/sw.ts", import.meta.url)),
      },
      output: {
        // The service worker keeps one address (/sw.js); everything else is hashed under /assets.
        entryFileNames: (chunk) =>
          chunk.name === SW_NAME ? `${SW_NAME}.js` : "assets/[name]-[hash].js",
      },
    },
  },
  server: {
    // `npm run dev:web` talks to `npm start` on port 3000.
    proxy: { "/api": "http://localhost:3000" },
  },
});
