// Shared by the benchmarks: the machine's load beside every wall-clock figure, and pass marks
// that judge ratios measured in the same run (other processes slow both sides alike).
import { availableParallelism, loadavg } from "node:os";

export function machineLoad() {
  const [one, five] = loadavg();
  return `load ${one.toFixed(2)} (1 min) ${five.toFixed(2)} (5 min), ${availableParallelism()} cores`;
}

export function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** "PASS" or "MISS" for a ratio against its goal; `atMost` for ratios that should stay low. */
export function mark(ratio, goal, atMost = false) {
  return (atMost ? ratio <= goal : ratio >= goal) ? "PASS" : "MISS";
}

export function ratioLine(name, ratio, goal, atMost, runs) {
  const target = goal === null ? "no goal" : `goal ${atMost ? "≤" : "≥"} ${goal}×`;
  const verdict = goal === null ? "" : ` ${mark(ratio, goal, atMost)}`;
  return `  ${name}: ${ratio.toFixed(2)}× (${target}; ${runs})${verdict}`;
}
