/**
 * What every journey needs: a real server on the built app (dist/) with its own data folder,
 * Debian's Chromium driven by playwright-core on a phone-sized screen, console errors
 * collected, and an axe-core scan that fails on serious or critical violations.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { once } from "node:events";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type Browser, type BrowserContext, chromium, type Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, expect } from "vitest";
import { formatLocalDate, parseLocalDate } from "../../src/core/units/local-date.js";

const ROOT = new URL("../..", import.meta.url).pathname;
const CHROMIUM = process.env.CAPACITY_CHROMIUM ?? "/usr/bin/chromium";
export const PHONE = { width: 390, height: 844 };

export interface Server {
  readonly base: string;
  stop(): Promise<void>;
}

/** `env`: more of the server's environment, such as CAPACITY_FAKE_TODAY to start its clock. */
export async function startServer(env: Readonly<Record<string, string>> = {}): Promise<Server> {
  const entry = join(ROOT, "dist/server.js");
  if (!existsSync(join(ROOT, "dist/web/index.html"))) {
    throw new Error("dist/web is missing: run `npm run build` first (npm run test:e2e does)");
  }
  const dataDir = mkdtempSync(join(tmpdir(), "capacity-e2e-"));
  const child: ChildProcess = spawn(process.execPath, [entry], {
    env: {
      ...process.env,
      PORT: "0",
      HOST: "127.0.0.1",
      CAPACITY_DATA_DIR: dataDir,
      AUTH_RATE_LIMIT: "1000",
      ...env,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stderr?.on("data", (chunk) => {
    output += String(chunk);
  });
  const base = await new Promise<string>((resolve, reject) => {
    child.stdout?.on("data", (chunk) => {
      output += String(chunk);
      const match = /running on (http:\/\/\S+)/.exec(output);
      if (match?.[1]) resolve(match[1].replace("localhost", "127.0.0.1"));
    });
    child.once("exit", (code) => reject(new Error(`server exited with ${code}: ${output}`)));
  });
  return {
    base,
    async stop() {
      if (child.exitCode === null) {
        child.kill("SIGTERM");
        await once(child, "exit");
      }
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export async function launchBrowser(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(
      `${CHROMIUM} is missing: install Debian's chromium (apt-get install -y chromium)`,
    );
  }
  return chromium.launch({
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
}

export interface PhonePage {
  readonly context: BrowserContext;
  readonly page: Page;
  /** Console errors and uncaught page errors seen so far. */
  readonly errors: string[];
}

export async function phone(browser: Browser, base: string): Promise<PhonePage> {
  const context = await browser.newContext({
    baseURL: base,
    viewport: PHONE,
    deviceScaleFactor: 2,
    isMobile: true,
    hasTouch: true,
    locale: "en-GB",
    timezoneId: "Europe/Berlin",
    // axe-core is injected as a script; the app's CSP (script-src 'self') would block it.
    bypassCSP: true,
  });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on("console", (message) => {
    if (message.type() === "error") {
      const where = message.location().url;
      errors.push(where ? `${message.text()} (${where})` : message.text());
    }
  });
  page.on("pageerror", (error) => errors.push(String(error)));
  return { context, page, errors };
}

const require = createRequire(import.meta.url);
const AXE = require.resolve("axe-core/axe.min.js");

/** axe-core on the page as it is; returns the serious and critical violations, described. */
export async function accessibilityProblems(page: Page): Promise<string[]> {
  await page.addScriptTag({ path: AXE });
  const violations = await page.evaluate(async () => {
    const axe = (
      globalThis as unknown as {
        axe: {
          run(): Promise<{
            violations: {
              id: string;
              impact: string;
              help: string;
              nodes: { target: string[] }[];
            }[];
          }>;
        };
      }
    ).axe;
    const result = await axe.run();
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      targets: v.nodes.map((n) => n.target.join(" ")),
    }));
  });
  return violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => `${v.impact} ${v.id}: ${v.help} (${v.targets.slice(0, 3).join(", ")})`);
}

/** No part of the page is wider than the screen. */
/**
 * True when the page is wider than the screen: it scrolls sideways, or, on a phone, content
 * wider than the screen widened the layout itself (the page is zoomed out instead of scrolling).
 */
export async function scrollsSideways(page: Page): Promise<boolean> {
  const screen = page.viewportSize()?.width ?? Number.POSITIVE_INFINITY;
  return page.evaluate((screenWidth) => {
    const view = globalThis as unknown as {
      innerWidth: number;
      document: { documentElement: { scrollWidth: number } };
    };
    return (
      view.document.documentElement.scrollWidth > view.innerWidth + 1 ||
      view.innerWidth > screenWidth + 1
    );
  }, screen);
}

export async function screenshot(page: Page, name: string): Promise<void> {
  const dir = process.env.CAPACITY_SCREENSHOTS;
  if (dir) await page.screenshot({ path: join(dir, `${name}.png`), fullPage: true });
}

/**
 * What every screen of a journey must pass: a screenshot (when CAPACITY_SCREENSHOTS is set), no
 * serious accessibility problem, and nothing wider than the phone.
 */
export async function checkScreen(page: Page, name: string): Promise<void> {
  await screenshot(page, name);
  expect(await accessibilityProblems(page), `${name}: accessibility`).toEqual([]);
  expect(await scrollsSideways(page), `${name}: sideways scrolling`).toBe(false);
}

export interface Journeys {
  /** This file's server (started before its first journey). */
  server(): Server;
  /**
   * A fresh phone for one journey, on this file's server or `base`. After the journey it is
   * closed and must have logged no console error, except those matching `expectedErrors`.
   */
  open(options?: { base?: string; expectedErrors?: RegExp }): Promise<PhonePage>;
}

/**
 * One server and one browser for a file's journeys, and a phone per journey: call it where the
 * journeys are declared (a file or a describe); it registers the hooks there. `now` (a UTC
 * instant) sets the server's clock (CAPACITY_FAKE_TODAY) and every phone's to that moment.
 */
export function journeyHarness(options: { readonly now?: string } = {}): Journeys {
  let server: Server | undefined;
  let browser: Browser | undefined;
  let current: { phone: PhonePage; expectedErrors: RegExp | null } | null = null;

  beforeAll(async () => {
    server = await startServer(options.now ? { CAPACITY_FAKE_TODAY: options.now } : {});
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  afterEach(async () => {
    if (!current) return;
    const { phone: open, expectedErrors } = current;
    current = null;
    await open.context.close();
    const errors = open.errors.filter((error) => !expectedErrors?.test(error));
    expect(errors, "console errors during the journey").toEqual([]);
  });

  const started = () => {
    if (!server || !browser) throw new Error("the journeys' server has not started");
    return { server, browser };
  };

  return {
    server: () => started().server,
    async open(journey = {}) {
      const { server: own, browser: shared } = started();
      const opened = await phone(shared, journey.base ?? own.base);
      // The browser's today is the server's: both clocks read the same instant.
      if (options.now) await opened.context.clock.setFixedTime(new Date(options.now));
      current = { phone: opened, expectedErrors: journey.expectedErrors ?? null };
      return opened;
    },
  };
}

export const byId = (page: Page, id: string) => page.getByTestId(id);

/** Waits until the service worker controls the page: only then does the app work without signal. */
export async function serviceWorkerInControl(page: Page): Promise<void> {
  await page.waitForFunction(
    () =>
      Boolean(
        (globalThis as unknown as { navigator: { serviceWorker?: { controller: unknown } } })
          .navigator.serviceWorker?.controller,
      ),
    undefined,
    { timeout: 30_000 },
  );
}

/** `YYYY-MM-DD` a number of days later (earlier when negative), by the core's calendar. */
export function addDays(date: string, days: number): string {
  const day = parseLocalDate(date);
  if (day === null) throw new Error(`not a date: ${date}`);
  return formatLocalDate(day + days);
}

/**
 * An instant on a weekday of the current week (Monday first, by UTC), at `time` UTC: a fixed
 * clock kept near the real one, since the browser's cookie store still reads the real clock and
 * would drop a log-in cookie that expired by it.
 */
export function thisWeeks(
  weekday: "mon" | "tue" | "wed" | "thu" | "fri" | "sat" | "sun",
  time: string,
): string {
  const now = new Date();
  const today = formatLocalDate(Math.floor(now.getTime() / 86_400_000));
  const fromMonday = (now.getUTCDay() + 6) % 7;
  const offset = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"].indexOf(weekday);
  return `${addDays(today, offset - fromMonday)}T${time}Z`;
}

let accounts = 0;

/** Steps through onboarding with what it offers, then finishes it and waits for the week. */
export async function finishOnboarding(page: Page): Promise<void> {
  for (let step = 0; step < 12; step++) {
    if (await byId(page, "onboarding-finish").isVisible()) break;
    await byId(page, "onboarding-next").click();
  }
  await byId(page, "onboarding-finish").click();
  await byId(page, "week-view").waitFor();
}

/**
 * Signs up through the form (a new email each time) and finishes onboarding with its defaults;
 * `check` also runs the screen checks on the sign-up and first onboarding screens.
 */
export async function signUpAndOnboard(
  page: Page,
  name: string,
  options: { readonly check?: boolean } = {},
): Promise<void> {
  accounts++;
  await page.goto("/signup");
  await byId(page, "signup-name").fill(name);
  await byId(page, "signup-email").fill(
    `${name.toLowerCase()}${accounts}-${Date.now()}@example.com`,
  );
  await byId(page, "signup-password").fill("a long pass phrase");
  if (options.check) await checkScreen(page, "signup");
  await byId(page, "signup-submit").click();
  await page.waitForURL("**/onboarding");
  if (options.check) await checkScreen(page, "onboarding");
  await finishOnboarding(page);
}
