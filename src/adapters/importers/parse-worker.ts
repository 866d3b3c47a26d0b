/**
 * A worker thread of the parse pool (parse-pool.ts): parses one file's bytes at a time with
 * `parseBytes` and answers with its results. It says it is ready once loaded, so that the pool
 * can tell a worker that cannot start from a file that crashes one.
 */
import { parentPort } from "node:worker_threads";
import { parseBytes } from "./import-file.js";
import type { ParseRequest, ParseResponse } from "./parse-pool.js";

const port = parentPort;
if (port === null) throw new Error("parse-worker runs as a worker thread of the parse pool.");

port.on("message", (request: ParseRequest) => {
  let response: ParseResponse;
  try {
    response = {
      id: request.id,
      parsed: parseBytes(request.bytes, request.source, request.options),
    };
  } catch (error) {
    // parseBytes does not throw; this keeps the worker alive if it ever does.
    const reason = error instanceof Error ? error.message : String(error);
    response = {
      id: request.id,
      parsed: {
        results: [
          {
            ok: false,
            format: null,
            error: `"${request.source}" could not be read: the parser stopped (${reason}).`,
          },
        ],
        inflatedBytes: 0,
      },
    };
  }
  port.postMessage(response);
});
port.postMessage({ ready: true } satisfies ParseResponse);
