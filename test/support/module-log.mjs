// Preloaded with `node --import` by test/cli/lazy-commands.test.ts: registers loader hooks that
// write the URL of every module the process loads to the file named by CAPACITY_MODULE_LOG.
import { register } from "node:module";

register(new URL("./module-log-hooks.mjs", import.meta.url), {
  data: { file: process.env.CAPACITY_MODULE_LOG },
});
