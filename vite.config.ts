import preact from "@preact/preset-vite";
import { defineConfig } from "vite";

/** The browser app: built into dist/web, served by the server at `/`. */
export default defineConfig({
  root: "src/web",
  plugins: [preact()],
  build: {
    outDir: "../../dist/web",
    emptyOutDir: true,
    target: "es2022",
    sourcemap: true,
    reportCompressedSize: false,
  },
  server: {
    // `npm run dev:web` talks to `npm start` on port 3000.
    proxy: { "/api": "http://localhost:3000" },
  },
});
