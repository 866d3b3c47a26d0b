/** Small JSON fetches for gym mode: a time limit (a gym basement may hang rather than fail) and no redirects. */

export type Fetched<T> =
  | { readonly ok: true; readonly value: T }
  | {
      readonly ok: false;
      readonly status: number;
      readonly kind: string;
      readonly message: string;
    };

const OFFLINE = { ok: false, status: 0, kind: "network", message: "No connection." } as const;

export async function fetchJson<T>(
  path: string,
  init: { method?: "GET" | "POST"; body?: unknown; timeoutMs?: number } = {},
): Promise<Fetched<T>> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), init.timeoutMs ?? 8_000);
  try {
    const response = await fetch(path, {
      method: init.method ?? "GET",
      credentials: "same-origin",
      headers: {
        accept: "application/json",
        ...(init.body === undefined ? {} : { "content-type": "application/json" }),
      },
      ...(init.body === undefined ? {} : { body: JSON.stringify(init.body) }),
      signal: controller.signal,
    });
    const data: unknown = await response.json().catch(() => null);
    if (response.ok) return { ok: true, value: data as T };
    const error = (data as { error?: { kind?: string; message?: string } } | null)?.error;
    return {
      ok: false,
      status: response.status,
      kind: error?.kind ?? (response.status === 503 ? "network" : "unknown"),
      message: error?.message ?? `The server answered ${response.status}.`,
    };
  } catch {
    return OFFLINE;
  } finally {
    clearTimeout(timer);
  }
}
