/**
 * A worker thread of the parse pool (parse-pool.ts): parses one file's bytes at a time with
 * `parseHere` (`parseBytes`, a failed result should it ever throw) and answers with its results.
 * It says it is ready once loaded, so that the pool can tell a worker that cannot start from a
 * file that crashes one.
 */
import { parentPort } from "node:worker_threads";
import { type ParseRequest, type ParseResponse, parseHere } from "./parse-pool.js";

const port = parentPort;
if (port === null) throw new Error("parse-worker runs as a worker thread of the parse pool.");

port.on("message", (request: ParseRequest) => {
  port.postMessage({ id: request.id, parsed: parseHere(request) } satisfies ParseResponse);
});
port.postMessage({ ready: true } satisfies ParseResponse);
