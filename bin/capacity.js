#!/usr/bin/env node
// The command line is compiled to dist/ by `npm install` (the prepare script) and bundled into
// dist/cli-bundle/ (scripts/bundle-cli.js), so that a command starts in a few files.
import { processIo, run } from "../dist/cli-bundle/main.js";

process.exitCode = await run(process.argv.slice(2), processIo);
