/**
 * The service worker (built to /sw.js without a hash; see vite.config.ts).
 *
 * - The app shell (index.html, the hashed assets of this build, and src/web/public: the icons
 *   and the web app manifest, listed at build time) is cached on install: the app opens in a
 *   gym basement with no signal, and an installed app finds its icons there too.
 * - Navigations: network first, the cached index.html when the network fails or hangs.
 * - /assets/*: cache first (their names change with their content).
 * - GET /api/plan, GET /api/profile and GET /api/workouts: network first, the last answer kept as a fallback so
 *   the week's plan stays on the phone. A plan fetched with signal also keeps the two weeks from
 *   there and the profile (`keepAhead`), so every session of this and next week opens in gym mode
 *   without signal. GET /api/workouts likewise, so the workout history (and last time's sets)
 *   opens without signal after a reload, its corrections applied from the outbox. Nothing else
 *   under /api is ever cached; signing in, up or out, or deleting the account clears what was
 *   kept.
 *
 * Self-contained on purpose (no imports): a classic worker script that every browser runs.
 */

interface ExtendableEventLike extends Event {
  waitUntil(promise: Promise<unknown>): void;
}

interface FetchEventLike extends ExtendableEventLike {
  readonly request: Request;
  respondWith(response: Response | Promise<Response>): void;
}

interface WorkerScope {
  readonly location: Location;
  readonly clients: { claim(): Promise<void> };
  skipWaiting(): Promise<void>;
  addEventListener(
    type: "install" | "activate",
    listener: (event: ExtendableEventLike) => void,
  ): void;
  addEventListener(type: "fetch", listener: (event: FetchEventLike) => void): void;
}

const worker = self as unknown as WorkerScope;

/** Replaced at build time by the list of files of this build (vite.config.ts). */
const MANIFEST = "__CAPACITY_PRECACHE__";

function precacheList(): string[] {
  try {
    const files = JSON.parse(MANIFEST) as unknown;
    return Array.isArray(files)
      ? files.filter((file): file is string => typeof file === "string")
      : [];
  } catch {
    return []; // the dev server: nothing to precache
  }
}

const PRECACHE = precacheList();

/** A short fingerprint of the build, so a new release gets a fresh shell cache. */
function fingerprint(text: string): string {
  let hash = 5381;
  for (let i = 0; i < text.length; i += 1) hash = (hash * 33) ^ text.charCodeAt(i);
  return (hash >>> 0).toString(36);
}

const SHELL_PREFIX = "capacity-shell-";
const SHELL_CACHE = `${SHELL_PREFIX}${fingerprint(PRECACHE.join("|"))}`;
const API_CACHE = "capacity-api-v1";
const SHELL_URL = "/index.html";
const NAVIGATION_WAIT_MS = 4_000;
const API_WAIT_MS = 6_000;

const KEPT_API = new Set(["/api/plan", "/api/profile", "/api/workouts"]);
/** Who is signed in changes: what was kept belongs to someone else now. */
const ACCOUNT_CHANGES = new Set([
  "/api/auth/login",
  "/api/auth/signup",
  "/api/auth/logout",
  "/api/me",
]);

worker.addEventListener("install", (event) => {
  event.waitUntil(
    (async () => {
      const cache = await caches.open(SHELL_CACHE);
      const urls = PRECACHE.map((file) => `/${file.replace(/^\//, "")}`);
      await cache.addAll(urls.map((url) => new Request(url, { cache: "reload" })));
      await worker.skipWaiting();
    })(),
  );
});

worker.addEventListener("activate", (event) => {
  event.waitUntil(
    (async () => {
      for (const name of await caches.keys()) {
        if (name.startsWith(SHELL_PREFIX) && name !== SHELL_CACHE) await caches.delete(name);
      }
      await worker.clients.claim();
      await warmKept();
    })(),
  );
});

/**
 * The page that installed this worker fetched its plan before the worker was there: fetch the
 * profile and this and next week's plan now, so they are on the phone before the signal goes.
 */
async function warmKept(): Promise<void> {
  const cache = await caches.open(API_CACHE);
  await Promise.all(
    ["/api/profile", "/api/plan?weeks=2"].map(async (url) => {
      try {
        const response = await fetch(url, { credentials: "same-origin" });
        if (response.status === 200) await cache.put(url, response);
      } catch {
        // Offline or signed out: the next visit keeps them.
      }
    }),
  );
}

worker.addEventListener("fetch", (event) => {
  const { request } = event;
  const url = new URL(request.url);
  if (url.origin !== worker.location.origin) return;

  if (url.pathname === "/api" || url.pathname.startsWith("/api/")) {
    if (request.method === "GET" && KEPT_API.has(url.pathname)) {
      event.respondWith(keptApi(request, url, event));
    } else if (request.method !== "GET" && ACCOUNT_CHANGES.has(url.pathname)) {
      event.respondWith(clearingKept(request));
    }
    return; // every other API call goes straight to the network, never cached
  }
  if (request.method !== "GET") return;
  if (request.mode === "navigate") {
    event.respondWith(navigation(request));
    return;
  }
  // Hashed assets and the other files of the build (icons, the manifest): from the cache first.
  const built = PRECACHE.includes(url.pathname.slice(1)) && !url.pathname.endsWith(".html");
  if (url.pathname.startsWith("/assets/") || built) {
    event.respondWith(asset(request));
  }
});

/** Resolves with the promise's value, or rejects after `ms` (the promise keeps running). */
function within<T>(promise: Promise<T>, ms: number): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error("timeout")), ms);
    promise.then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      (error: unknown) => {
        clearTimeout(timer);
        reject(error);
      },
    );
  });
}

async function navigation(request: Request): Promise<Response> {
  const network = fetch(request).then(async (response) => {
    const type = response.headers.get("content-type") ?? "";
    if (response.ok && type.includes("text/html")) {
      const cache = await caches.open(SHELL_CACHE);
      await cache.put(SHELL_URL, response.clone());
    }
    return response;
  });
  try {
    return await within(network, NAVIGATION_WAIT_MS);
  } catch {
    const shell = await caches.match(SHELL_URL);
    if (shell) return shell;
    return network.catch(() => offlineText());
  }
}

async function asset(request: Request): Promise<Response> {
  const cached = await caches.match(request);
  if (cached) return cached;
  const response = await fetch(request);
  if (response.ok) {
    const cache = await caches.open(SHELL_CACHE);
    await cache.put(request, response.clone());
  }
  return response;
}

async function keptApi(request: Request, url: URL, event: FetchEventLike): Promise<Response> {
  const network = fetch(request).then(async (response) => {
    if (response.status === 200) {
      const cache = await caches.open(API_CACHE);
      await cache.put(request, response.clone());
      const ahead = keepAhead(url);
      if (ahead) event.waitUntil(ahead);
    }
    return response;
  });
  try {
    return await within(network, API_WAIT_MS);
  } catch {
    const kept = (await fromKept(request)) ?? (await coveringPlan(url));
    if (kept) return kept;
    return network.catch(() => offlineApi());
  }
}

/** Plans of two weeks or more already hold next week. */
const AHEAD_WEEKS = 2;

/**
 * The week screen asks for one week; gym mode may open any session of this and next week once
 * the signal is gone (docs/web.md, "Offline"). So a plan that came from the network brings the
 * two weeks from the same day, and the profile that gym mode needs with them, onto the phone.
 */
function keepAhead(url: URL): Promise<void> | null {
  if (url.pathname !== "/api/plan") return null;
  if ((Number(url.searchParams.get("weeks") ?? "1") || 1) >= AHEAD_WEEKS) return null;
  const ahead = new URL(url.href);
  ahead.searchParams.set("weeks", String(AHEAD_WEEKS));
  return Promise.all(
    [`${ahead.pathname}${ahead.search}`, "/api/profile"].map(async (path) => {
      try {
        const response = await fetch(path, { credentials: "same-origin" });
        if (response.status === 200) await (await caches.open(API_CACHE)).put(path, response);
      } catch {
        // The signal went meanwhile: the next plan fetched with signal keeps them.
      }
    }),
  ).then(() => undefined);
}

async function fromKept(request: Request): Promise<Response | undefined> {
  const cache = await caches.open(API_CACHE);
  const response = await cache.match(request);
  return response ? marked(await response.text()) : undefined;
}

interface PlanLike {
  readonly weeks?: readonly { readonly days?: readonly { readonly date?: string }[] }[];
}

/**
 * A kept plan that holds the asked day: the week screen may have fetched several weeks from
 * Monday while gym mode asks from Thursday. The answer starts at the week holding that day.
 */
async function coveringPlan(url: URL): Promise<Response | undefined> {
  if (url.pathname !== "/api/plan") return undefined;
  const from = url.searchParams.get("from") ?? localToday();
  const count = Number(url.searchParams.get("weeks") ?? "1") || 1;
  const cache = await caches.open(API_CACHE);
  for (const key of [...(await cache.keys())].reverse()) {
    if (new URL(key.url).pathname !== "/api/plan") continue;
    const response = await cache.match(key);
    const plan = (await response?.json().catch(() => null)) as PlanLike | null;
    const weeks = plan?.weeks;
    if (!Array.isArray(weeks)) continue;
    const index = weeks.findIndex((week) =>
      (week.days ?? []).some((day: { readonly date?: string }) => day.date === from),
    );
    if (index < 0) continue;
    return marked(JSON.stringify({ ...plan, weeks: weeks.slice(index, index + count) }));
  }
  return undefined;
}

function localToday(): string {
  const now = new Date();
  const pad = (value: number) => String(value).padStart(2, "0");
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** A kept answer, marked so the page can tell it came from the phone. */
function marked(body: string): Response {
  return new Response(body, {
    status: 200,
    headers: { "content-type": "application/json; charset=utf-8", "x-capacity-offline": "1" },
  });
}

async function clearingKept(request: Request): Promise<Response> {
  const response = await fetch(request);
  if (response.ok) await caches.delete(API_CACHE);
  return response;
}

function offlineApi(): Response {
  const error = {
    kind: "network",
    message: "No connection, and this is not kept on the phone yet.",
    field: null,
  };
  return new Response(JSON.stringify({ error }), {
    status: 503,
    headers: { "content-type": "application/json; charset=utf-8" },
  });
}

function offlineText(): Response {
  return new Response("Capacity is offline and not stored on this device yet.", {
    status: 503,
    headers: { "content-type": "text/plain; charset=utf-8" },
  });
}
