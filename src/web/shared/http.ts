/** A small typed fetch client for /api: JSON in and out, the session cookie sent, errors as values. */

export interface ApiError {
  /** The API's kinds (`invalid`, `rule`, `conflict`, …), plus `network` when the server was not reached. */
  readonly kind: string;
  readonly message: string;
  readonly field: string | null;
  /** The rule's id when `kind` is `rule`. */
  readonly rule?: string;
  readonly status: number;
}

export type ApiResult<T> =
  | { readonly ok: true; readonly value: T; readonly status: number }
  | { readonly ok: false; readonly error: ApiError };

type Navigate = (url: string) => void;

let navigate: Navigate = (url) => window.location.assign(url);

/** The app shell hands its router here so that a 401 moves to /login without a reload. */
export function setNavigator(next: Navigate): void {
  navigate = next;
}

const AUTH_PAGES = new Set(["/login", "/signup"]);

/** A 401 outside the sign-in pages: the session ended, go and sign in again. */
export function onUnauthorized(): void {
  if (!AUTH_PAGES.has(window.location.pathname)) navigate("/login");
}

export interface RequestOptions {
  /** Answer 401 as a value instead of going to /login (log-in, sign-up). */
  readonly allowUnauthorized?: boolean;
}

export async function request<T>(
  method: "GET" | "POST" | "PUT" | "PATCH" | "DELETE",
  path: string,
  body?: unknown,
  options: RequestOptions = {},
): Promise<ApiResult<T>> {
  const offline: ApiResult<T> = {
    ok: false,
    error: {
      kind: "network",
      message: "No connection. Check your signal and try again.",
      field: null,
      status: 0,
    },
  };
  // Offline, only what the service worker keeps on the phone (the plan, the profile) is worth
  // asking for; anything else would only fail, noisily.
  const kept =
    method === "GET" && (path.startsWith("/api/plan") || path.startsWith("/api/profile"));
  if (typeof navigator !== "undefined" && navigator.onLine === false && !kept) return offline;
  let response: Response;
  try {
    response = await fetch(path, {
      method,
      credentials: "same-origin",
      headers: {
        accept: "application/json",
        ...(body === undefined ? {} : { "content-type": "application/json" }),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
  } catch {
    return offline;
  }

  const text = await response.text().catch(() => "");
  let data: unknown = null;
  if (text) {
    try {
      data = JSON.parse(text);
    } catch {
      data = null;
    }
  }

  if (response.ok) return { ok: true, value: data as T, status: response.status };

  const raw = (data as { error?: Partial<ApiError> } | null)?.error;
  const error: ApiError = {
    kind: raw?.kind ?? "unknown",
    message: raw?.message ?? "Something went wrong. Please try again.",
    field: raw?.field ?? null,
    ...(raw?.rule ? { rule: raw.rule } : {}),
    status: response.status,
  };
  if (response.status === 401 && !options.allowUnauthorized) onUnauthorized();
  return { ok: false, error };
}
