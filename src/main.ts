import { fileURLToPath } from "node:url";
import { processIo, run } from "./cli/main.js";

/**
 * `npm start`: until the server exists, print the plan for the example marathoner, so that a
 * first look at the project shows what it does.
 */
const example = fileURLToPath(new URL("../examples/marathoner.json", import.meta.url));
process.exitCode = await run(["plan", "--profile", example, "--weeks", "2"], processIo);
