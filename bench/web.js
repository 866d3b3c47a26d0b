// `npm run bench` (web part): the first screen's JavaScript, gzipped (goal ≤ 60 KB), and the
// time to the first useful paint of "This week" under 4x CPU throttling in Chromium (goal
// under 1.5 s on localhost): from navigation start until the week's sessions are on screen.
import { spawn } from "node:child_process";
import { once } from "node:events";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { chromium } from "playwright-core";

const ROOT = new URL("..", import.meta.url).pathname;
const WEB = join(ROOT, "dist/web");
const CHROMIUM = process.env.CAPACITY_CHROMIUM ?? "/usr/bin/chromium";

/** Scripts index.html loads at once (the entry and its modulepreloads), gzipped. */
function firstScreenBytes() {
  const html = readFileSync(join(WEB, "index.html"), "utf8");
  const files = [...html.matchAll(/(?:src|href)="\/?(assets\/[^"]+\.js)"/g)].map((m) => m[1]);
  let raw = 0;
  let gzipped = 0;
  for (const file of new Set(files)) {
    const bytes = readFileSync(join(WEB, file));
    raw += bytes.length;
    gzipped += gzipSync(bytes, { level: 9 }).length;
  }
  return { files: files.length, raw, gzipped };
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
const size = firstScreenBytes();
console.log(
  `web: first screen JavaScript ${(size.gzipped / 1024).toFixed(1)} KB gzipped (${(size.raw / 1024).toFixed(1)} KB raw, ${size.files} files; goal ≤ 60 KB) ${size.gzipped <= 60 * 1024 ? "OK" : "OVER"}`,
);

if (!existsSync(CHROMIUM)) {
  console.log(`web: ${CHROMIUM} is missing (apt-get install -y chromium): paint time not measured`);
} else {
  const server = await startServer();
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
    const signup = await fetch(`${server.base}/api/auth/signup`, {
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
    await fetch(`${server.base}/api/profile`, {
      method: "PUT",
      headers: { "content-type": "application/json", cookie },
      body: JSON.stringify(profile),
    });
    const [name, value] = cookie.split("=");
    const times = [];
    for (let run = 0; run < 5; run++) {
      const context = await browser.newContext({
        viewport: { width: 390, height: 844 },
        deviceScaleFactor: 2,
        isMobile: true,
      });
      await context.addCookies([{ name, value, url: server.base }]);
      const page = await context.newPage();
      const cdp = await context.newCDPSession(page);
      await cdp.send("Emulation.setCPUThrottlingRate", { rate: 4 });
      await page.goto(server.base, { waitUntil: "commit" });
      await page.locator('[data-testid^="session-"]').first().waitFor({ timeout: 30_000 });
      times.push(await page.evaluate(() => performance.now()));
      await context.close();
    }
    const median = times.sort((a, b) => a - b)[2];
    console.log(
      `web: "This week" useful paint under 4x CPU throttling: ${median.toFixed(0)} ms, median of 5 (${times.map((t) => t.toFixed(0)).join(", ")}; goal < 1500 ms) ${median < 1500 ? "OK" : "SLOW"}`,
    );
  } finally {
    await browser.close();
    await server.stop();
  }
}
