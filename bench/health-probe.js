// `npm run bench` (bench/heavy.js): asks GET /api/health every 20 ms, as a monitor would, from
// its own process, so that the latencies are the server's and not those of the process that
// uploads the restore document. Stops when its stdin closes and prints the latencies (ms) as JSON.
const base = process.argv[2];
let running = true;
process.stdin.resume();
process.stdin.on("end", () => {
  running = false;
});
const latencies = [];
while (running) {
  const asked = performance.now();
  const answer = await fetch(`${base}/api/health`);
  await answer.arrayBuffer();
  latencies.push(performance.now() - asked);
  if (answer.status !== 200) {
    process.stderr.write(`health answered ${answer.status}\n`);
    process.exitCode = 1;
  }
  await new Promise((resolve) => setTimeout(resolve, 20));
}
process.stdout.write(JSON.stringify(latencies));
