/**
 * The app installs (docs/web.md, "Installing"): the manifest and its icons are served, the
 * service worker keeps them on the phone, and Chromium's own installability check finds
 * nothing missing. The check needs a service worker with a fetch handler on localhost or
 * HTTPS: the test server listens on 127.0.0.1.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type BrowserContext, chromium, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PHONE, type Server, startServer } from "./support.js";

let server: Server;
let profileDir: string;
let context: BrowserContext;
const errors: string[] = [];

/*
 * Chromium answers "in-incognito" for the throwaway contexts the other journeys use: installing
 * needs a browser profile on disk, so this file launches its own persistent one.
 */
beforeAll(async () => {
  server = await startServer();
  profileDir = mkdtempSync(join(tmpdir(), "capacity-install-"));
  context = await chromium.launchPersistentContext(profileDir, {
    executablePath: process.env.CAPACITY_CHROMIUM ?? "/usr/bin/chromium",
    args: ["--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-sync"],
    baseURL: server.base,
    viewport: PHONE,
    deviceScaleFactor: 2,
    isMobile: true,
    hasTouch: true,
    locale: "en-GB",
  });
});

afterAll(async () => {
  await context?.close();
  await server?.stop();
  if (profileDir) rmSync(profileDir, { recursive: true, force: true });
});

interface Manifest {
  name: string;
  short_name: string;
  start_url: string;
  display: string;
  theme_color: string;
  background_color: string;
  icons: { src: string; sizes: string; type: string; purpose: string }[];
}

/** Width and height from a PNG's header (bytes 16 to 24 of the IHDR chunk). */
function pngSize(bytes: Buffer): string {
  const signature = bytes.subarray(0, 8).toString("hex");
  if (signature !== "89504e470d0a1a0a") return "not a PNG";
  return `${bytes.readUInt32BE(16)}x${bytes.readUInt32BE(20)}`;
}

/** What the page's own scripts see (this file is typed for Node, without the DOM's types). */
interface PageGlobals {
  navigator: { serviceWorker: { ready: Promise<unknown>; controller: unknown } };
  caches: { match(url: string): Promise<unknown> };
}

/** The page's service worker is active and controls it (a reload hands it the page). */
async function controlledBySw(page: Page): Promise<void> {
  const controlled = () =>
    page.evaluate(
      () => (globalThis as unknown as PageGlobals).navigator.serviceWorker.controller !== null,
    );
  await page.evaluate(async () => {
    await (globalThis as unknown as PageGlobals).navigator.serviceWorker.ready;
  });
  if (!(await controlled())) await page.reload();
  expect(await controlled()).toBe(true);
}

describe("installing the app", () => {
  it("serves a manifest with its icons, precaches them, and passes Chromium's installability check", async () => {
    const page = context.pages()[0] ?? (await context.newPage());
    page.on("console", (message) => {
      if (message.type() === "error") errors.push(message.text());
    });
    page.on("pageerror", (error) => errors.push(String(error)));
    await page.goto("/");
    await page.waitForURL("**/login");

    const manifestHref = await page.getAttribute('link[rel="manifest"]', "href");
    expect(manifestHref).toBe("/manifest.webmanifest");
    const touchHref = await page.getAttribute('link[rel="apple-touch-icon"]', "href");
    expect(touchHref).toBe("/apple-touch-icon.png");

    const answer = await page.request.get("/manifest.webmanifest");
    expect(answer.status()).toBe(200);
    expect(answer.headers()["content-type"]).toMatch(/^application\/manifest\+json/);
    const manifest = (await answer.json()) as Manifest;
    expect(manifest).toMatchObject({
      name: "Capacity",
      short_name: "Capacity",
      start_url: "/",
      display: "standalone",
    });
    expect(manifest.theme_color).toMatch(/^#[0-9a-f]{6}$/i);
    expect(manifest.background_color).toMatch(/^#[0-9a-f]{6}$/i);
    const sizes = (purpose: string) =>
      manifest.icons.filter((icon) => icon.purpose === purpose).map((icon) => icon.sizes);
    expect(sizes("any")).toEqual(expect.arrayContaining(["192x192", "512x512"]));
    expect(sizes("maskable")).toEqual(expect.arrayContaining(["512x512"]));

    // Each icon is a PNG of the size the manifest says.
    const icons = [
      ...manifest.icons.map((icon) => ({ src: icon.src, sizes: icon.sizes })),
      { src: touchHref ?? "", sizes: "180x180" },
    ];
    for (const icon of icons) {
      const file = await page.request.get(icon.src);
      expect(file.status(), icon.src).toBe(200);
      expect(file.headers()["content-type"], icon.src).toBe("image/png");
      expect(pngSize(await file.body()), icon.src).toBe(icon.sizes);
    }

    // The service worker keeps the manifest and every icon, so an installed app opens offline.
    await controlledBySw(page);
    const kept = await page.evaluate(
      async (urls) => {
        const found: string[] = [];
        const { caches } = globalThis as unknown as PageGlobals;
        for (const url of urls) if (await caches.match(url)) found.push(url);
        return found;
      },
      ["/manifest.webmanifest", ...icons.map((icon) => icon.src)],
    );
    expect(kept.sort()).toEqual(["/manifest.webmanifest", ...icons.map((i) => i.src)].sort());

    const cdp = await page.context().newCDPSession(page);
    const parsed = (await cdp.send("Page.getAppManifest")) as {
      url: string;
      errors: { message: string; critical: number }[];
    };
    expect(parsed.url).toMatch(/\/manifest\.webmanifest$/);
    expect(parsed.errors).toEqual([]);
    const { installabilityErrors } = (await cdp.send("Page.getInstallabilityErrors")) as {
      installabilityErrors: { errorId: string }[];
    };
    expect(installabilityErrors).toEqual([]);
    expect(errors, "console errors").toEqual([]);
  });
});
