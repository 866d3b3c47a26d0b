import { defineConfig } from "vitest/config";

/** Browser journeys: the built app and a real server, in Debian's Chromium, one file at a time. */
export default defineConfig({
  test: {
    include: ["test/e2e/**/*.test.ts"],
    testTimeout: 120_000,
    hookTimeout: 120_000,
    fileParallelism: false,
  },
});
