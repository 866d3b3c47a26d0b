/**
 * The browser's one HTTP client for /api: JSON in and out, the log-in cookie sent, a time limit
 * (a gym basement may hang rather than fail), the offline gate, 401 handling and one result
 * shape, errors as values. Every address it is given comes from `api.ts`.
 */

export interface ApiError {
  /** The API's kinds (`invalid`, `rule`, `conflict`, …), plus `network` when the server was not reached. */
  readonly kind: string;
  readonly message: string;
  readonly field: string | null;
  /** The rule's id when `kind` is `rule`. */
  readonly rule?: string;
  /** The HTTP status; 0 when the server was not reached (offline, timed out). */
  readonly status: number;
}

export type ApiResult<T> =
  | { readonly ok: true; readonly value: T; readonly status: number }
  | { readonly ok: false; readonly error: ApiError };

export type Method = "GET" | "POST" | "PUT" | "PATCH" | "DELETE";

export interface RequestOptions {
  /**
   * Answer 401 as a value instead of going to /login: the log-in pages themselves, and the
   * screens and the outbox that work offline and say "sign in" in their own words.
   */
  readonly allowUnauthorized?: boolean;
  /** How long to wait before counting the request as a lost connection (default 20 s). */
  readonly timeoutMs?: number;
  /**
   * Send `body` as it is (a string) with this content type instead of as JSON: a lifting app's
   * CSV export goes to the server as the file itself.
   */
  readonly contentType?: string;
}

type Navigate = (url: string) => void;

let navigate: Navigate = (url) => window.location.assign(url);

/** The app shell hands its router here so that a 401 moves to /login without a reload. */
export function setNavigator(next: Navigate): void {
  navigate = next;
}

const AUTH_PAGES = new Set(["/login", "/signup"]);

/** A 401 outside the log-in pages: the log-in ended, go and log in again. */
export function onUnauthorized(): void {
  if (!AUTH_PAGES.has(window.location.pathname)) navigate("/login");
}

const DEFAULT_TIMEOUT_MS = 20_000;

/** The message of an error the server gave no words for. */
export const NO_MESSAGE = "Something went wrong. Please try again.";

/** The server's `{"error": …}` body, whatever it holds. */
type ErrorBody = { readonly error?: Partial<ApiError> } | null;

const OFFLINE: ApiError = {
  kind: "network",
  message: "No connection. Check your signal and try again.",
  field: null,
  status: 0,
};

/** What the service worker keeps on the phone (`sw.ts`, `KEPT_API`): worth asking for offline. */
const KEPT_OFFLINE = ["/api/plan", "/api/profile", "/api/workouts"];

/**
 * Offline, only what the service worker keeps on the phone is worth asking for; anything else
 * would only fail, noisily. A single workout (`/api/workouts/<id>`) is not kept.
 */
function gatedOffline(method: Method, path: string): boolean {
  if (typeof navigator === "undefined" || navigator.onLine !== false) return false;
  const pathname = path.split("?")[0] ?? path;
  return !(method === "GET" && KEPT_OFFLINE.includes(pathname));
}

function errorOf(status: number, data: unknown): ApiError {
  const raw = (data as ErrorBody)?.error;
  return {
    // The service worker answers 503 without a body of its own when the phone has no copy.
    kind: raw?.kind ?? (status === 503 ? "network" : "unknown"),
    message: raw?.message ?? NO_MESSAGE,
    field: raw?.field ?? null,
    ...(raw?.rule ? { rule: raw.rule } : {}),
    status,
  };
}

export interface HttpClient {
  request<T>(
    method: Method,
    path: string,
    body?: unknown,
    options?: RequestOptions,
  ): Promise<ApiResult<T>>;
}

/** A client over a given `fetch` (tests hand in their own; the app uses the browser's). */
export function createHttpClient(
  fetcher: typeof fetch = (input, init) => globalThis.fetch(input, init),
): HttpClient {
  return {
    async request<T>(
      method: Method,
      path: string,
      body?: unknown,
      options: RequestOptions = {},
    ): Promise<ApiResult<T>> {
      if (gatedOffline(method, path)) return { ok: false, error: OFFLINE };
      const controller = new AbortController();
      const timer = setTimeout(() => controller.abort(), options.timeoutMs ?? DEFAULT_TIMEOUT_MS);
      let response: Response;
      let text: string;
      try {
        response = await fetcher(path, {
          method,
          credentials: "same-origin",
          headers: {
            accept: "application/json",
            ...(body === undefined
              ? {}
              : { "content-type": options.contentType ?? "application/json" }),
          },
          ...(body === undefined
            ? {}
            : { body: options.contentType ? String(body) : JSON.stringify(body) }),
          signal: controller.signal,
        });
        text = await response.text();
      } catch {
        return { ok: false, error: OFFLINE };
      } finally {
        clearTimeout(timer);
      }
      let data: unknown = null;
      try {
        data = text ? JSON.parse(text) : null;
      } catch {
        data = null;
      }
      if (response.ok) return { ok: true, value: data as T, status: response.status };
      if (response.status === 401 && !options.allowUnauthorized) onUnauthorized();
      return { ok: false, error: errorOf(response.status, data) };
    },
  };
}

const browser = createHttpClient();

/** A request with the browser's fetch: what every screen uses, through `api.ts`. */
export function request<T>(
  method: Method,
  path: string,
  body?: unknown,
  options: RequestOptions = {},
): Promise<ApiResult<T>> {
  return browser.request<T>(method, path, body, options);
}
