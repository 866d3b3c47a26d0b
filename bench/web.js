// `npm run bench` (web part): the first screen's bytes on the wire as the server sends them
// (Accept-Encoding br, gzip; goal ≤ 60 KB), and the first paint on a throttled phone (Chrome's
// slow 3G: 2 s round trip, 50 KB/s down; 4× CPU slowdown via CDP), cold and with the service
// worker installed. Goal: within 1.3× of the physical limit (round trips × latency + bytes ÷
// bandwidth).
import { spawn } from "node:child_process";
import { once } from "node:events";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { request } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { chromium } from "playwright-core";
import { machineLoad, median, ratioLine } from "./report.js";

const ROOT = new URL("..", import.meta.url).pathname;
const WEB = join(ROOT, "dist/web");
const CHROMIUM = process.env.CAPACITY_CHROMIUM ?? "/usr/bin/chromium";
const RUNS = Number(process.env.BENCH_WEB_RUNS ?? 3);
/** Chrome DevTools' "Slow 3G". */
const SLOW_3G = { latencyMs: 2000, downBytesPerS: 50_000, upBytesPerS: 50_000 };
/** Connection, index.html, then its scripts and styles in parallel: three round trips. */
const FIRST_PAINT_ROUND_TRIPS = 3;

/** One GET as it travels: header and body bytes, the body left encoded. */
function wire(base, path, encoding) {
  return new Promise((resolve, reject) => {
    const req = request(`${base}${path}`, { headers: { "accept-encoding": encoding } }, (res) => {
      let body = 0;
      res.on("data", (chunk) => {
        body += chunk.length;
      });
      res.on("end", () => {
        const head = res.rawHeaders.reduce((sum, part) => sum + part.length + 2, 20);
        resolve({ bytes: head + body, encoding: res.headers["content-encoding"] ?? "none" });
      });
      res.on("error", reject);
    });
    req.on("error", reject);
    req.end();
  });
}

/** index.html and what it loads at once (entry script, modulepreloads, styles), as served. */
async function firstScreenOnWire(base, encoding) {
  const html = readFileSync(join(WEB, "index.html"), "utf8");
  const files = [
    "/",
    ...new Set(
      [...html.matchAll(/(?:src|href)="(\/assets\/[^"]+\.(?:js|css))"/g)].map((m) => m[1]),
    ),
  ];
  let bytes = 0;
  const encodings = new Set();
  for (const file of files) {
    const got = await wire(base, file, encoding);
    bytes += got.bytes;
    encodings.add(got.encoding);
  }
  return { files: files.length, bytes, encodings: [...encodings].join("/") };
}

async function startServer() {
  const dataDir = mkdtempSync(join(tmpdir(), "capacity-bench-web-"));
  const child = spawn(process.execPath, [join(ROOT, "dist/server.js")], {
    env: {
      ...process.env,
      PORT: "0",
      HOST: "127.0.0.1",
      CAPACITY_DATA_DIR: dataDir,
      AUTH_RATE_LIMIT: "1000",
    },
    stdio: ["ignore", "pipe", "inherit"],
  });
  let output = "";
  const base = await new Promise((resolve, reject) => {
    child.stdout.on("data", (chunk) => {
      output += chunk;
      const match = /running on (http:\/\/\S+)/.exec(output);
      if (match) resolve(match[1].replace("localhost", "127.0.0.1"));
    });
    child.once("exit", (code) => reject(new Error(`server exited with ${code}`)));
  });
  return {
    base,
    async stop() {
      child.kill("SIGTERM");
      await once(child, "exit");
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

if (!existsSync(join(WEB, "index.html"))) throw new Error("dist/web is missing: npm run build");
const server = await startServer();
try {
  const brotli = await firstScreenOnWire(server.base, "br, gzip");
  const gzip = await firstScreenOnWire(server.base, "gzip");
  const plain = await firstScreenOnWire(server.base, "identity");
  const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;
  console.log(`web (${machineLoad()}):`);
  console.log(
    `  first screen on the wire (${brotli.files} files): ${kb(brotli.bytes)} with br (${brotli.encodings}), ${kb(gzip.bytes)} with gzip, ${kb(plain.bytes)} plain; goal ≤ 60 KB ${brotli.bytes <= 60 * 1024 ? "PASS" : "MISS"}`,
  );
  console.log(
    ratioLine("first screen br / plain", brotli.bytes / plain.bytes, null, true, "1 load"),
  );
  if (!existsSync(CHROMIUM)) {
    console.log(`  ${CHROMIUM} is missing (apt-get install -y chromium): paint not measured`);
  } else {
    await paints(server.base, brotli.bytes);
  }
} finally {
  await server.stop();
}

async function paints(base, bytes) {
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--no-first-run",
    ],
  });
  try {
    const signup = await fetch(`${base}/api/auth/signup`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({
        email: "bench@example.com",
        password: "benchmark password",
        name: "Bench",
      }),
    });
    const cookie = signup.headers.get("set-cookie").split(";")[0];
    const profile = JSON.parse(readFileSync(join(ROOT, "examples/marathoner.json"), "utf8"));
    await fetch(`${base}/api/profile`, {
      method: "PUT",
      headers: { "content-type": "application/json", cookie },
      body: JSON.stringify(profile),
    });
    const [name, value] = cookie.split("=");
    const cold = [];
    const warm = [];
    const weekCold = [];
    for (let run = 0; run < RUNS; run++) {
      const context = await browser.newContext({
        viewport: { width: 390, height: 844 },
        deviceScaleFactor: 2,
        isMobile: true,
      });
      await context.addCookies([{ name, value, url: base }]);
      const page = await context.newPage();
      const cdp = await context.newCDPSession(page);
      await cdp.send("Network.enable");
      await cdp.send("Network.emulateNetworkConditions", {
        offline: false,
        latency: SLOW_3G.latencyMs,
        downloadThroughput: SLOW_3G.downBytesPerS,
        uploadThroughput: SLOW_3G.upBytesPerS,
      });
      await cdp.send("Emulation.setCPUThrottlingRate", { rate: 4 });
      const firstPaint = () =>
        page.evaluate(
          () =>
            new Promise((resolve) => {
              const seen = performance.getEntriesByName("first-contentful-paint")[0];
              if (seen) return resolve(seen.startTime);
              new PerformanceObserver((list) => resolve(list.getEntries()[0].startTime)).observe({
                type: "paint",
                buffered: true,
              });
            }),
        );
      await page.goto(base, { waitUntil: "commit", timeout: 120_000 });
      cold.push(await firstPaint());
      await page.locator('[data-testid^="session-"]').first().waitFor({ timeout: 120_000 });
      weekCold.push(await page.evaluate(() => performance.now()));
      await page.evaluate(() => navigator.serviceWorker?.ready);
      await page.reload({ waitUntil: "commit", timeout: 120_000 });
      warm.push(await firstPaint());
      await context.close();
    }
    const limit =
      FIRST_PAINT_ROUND_TRIPS * SLOW_3G.latencyMs + (bytes / SLOW_3G.downBytesPerS) * 1000;
    const ms = (list) =>
      `${median(list).toFixed(0)} ms (${list.map((t) => t.toFixed(0)).join(", ")})`;
    console.log(
      `  slow 3G + 4× CPU: first paint cold ${ms(cold)}, with the service worker ${ms(warm)}, week shown cold ${ms(weekCold)}; physical limit ${limit.toFixed(0)} ms`,
    );
    const runs = `median of ${RUNS} loads`;
    console.log(
      ratioLine("first paint cold / physical limit", median(cold) / limit, 1.3, true, runs),
    );
    console.log(
      ratioLine(
        "first paint with service worker / cold",
        median(warm) / median(cold),
        null,
        true,
        runs,
      ),
    );
  } finally {
    await browser.close();
  }
}
