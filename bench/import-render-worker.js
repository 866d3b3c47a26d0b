// A worker thread of bench/import-history.js: renders runs (FIT, GPX or TCX bytes, gzipped
// when planned) so that the history is generated on every core.
import { parentPort } from "node:worker_threads";
import { renderRun } from "./import-history.js";

parentPort.on("message", (run) => {
  const { bytes, plainBytes } = renderRun(run);
  const owned = new Uint8Array(bytes.length);
  owned.set(bytes);
  parentPort.postMessage({ index: run.index, bytes: owned, plainBytes }, [owned.buffer]);
});
