#!/usr/bin/env node
// The command line is compiled to dist/ by `npm install` (the prepare script).
import { processIo, run } from "../dist/cli/main.js";

process.exitCode = await run(process.argv.slice(2), processIo);
