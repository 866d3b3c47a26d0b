import { afterEach, describe, expect, it, vi } from "vitest";
import { createHttpClient, NO_MESSAGE, setNavigator } from "./http.js";

const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { "content-type": "application/json" } });

/** A fetch that records its calls and answers with `answer`. */
function recording(answer: (init: RequestInit | undefined) => Promise<Response>) {
  const calls: { url: string; init: RequestInit | undefined }[] = [];
  const fetcher = ((input: RequestInfo | URL, init?: RequestInit) => {
    calls.push({ url: String(input), init });
    return answer(init);
  }) as typeof fetch;
  return { calls, fetcher };
}

function online(value: boolean): void {
  vi.stubGlobal("navigator", { onLine: value });
}

function at(pathname: string): string[] {
  const went: string[] = [];
  vi.stubGlobal("window", { location: { pathname, assign: () => undefined } });
  setNavigator((url) => went.push(url));
  return went;
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe("the browser's HTTP client", () => {
  it("sends JSON with the cookie and gives the answer with its status", async () => {
    const { calls, fetcher } = recording(async () => json(201, { id: "w1" }));
    const answer = await createHttpClient(fetcher).request("POST", "/api/workouts", { a: 1 });
    expect(answer).toEqual({ ok: true, value: { id: "w1" }, status: 201 });
    expect(calls[0]?.url).toBe("/api/workouts");
    expect(calls[0]?.init?.credentials).toBe("same-origin");
    expect(calls[0]?.init?.body).toBe('{"a":1}');
  });

  it("sends a text body as it is with its own content type (a CSV export)", async () => {
    const { calls, fetcher } = recording(async () => json(200, { stored: 1 }));
    const csv = 'Date,Workout Name\n"2026-11-02 07:00:00","Legs"\n';
    await createHttpClient(fetcher).request("POST", "/api/strength-imports?name=a.csv", csv, {
      contentType: "text/csv",
    });
    expect(calls[0]?.init?.body).toBe(csv);
    const headers = (calls[0]?.init?.headers ?? {}) as Record<string, string>;
    expect(headers["content-type"]).toBe("text/csv");
  });

  it("gives the server's error as a value, and its own words when the server has none", async () => {
    const refused = { kind: "rule", message: "Not the day before a long run.", field: "to" };
    const said = recording(async () => json(409, { error: { ...refused, rule: "r1" } }));
    expect(await createHttpClient(said.fetcher).request("POST", "/api/plan/moves")).toEqual({
      ok: false,
      error: { ...refused, rule: "r1", status: 409 },
    });
    const silent = recording(async () => new Response("", { status: 500 }));
    const answer = await createHttpClient(silent.fetcher).request("GET", "/api/workouts");
    expect(answer).toEqual({
      ok: false,
      error: { kind: "unknown", message: NO_MESSAGE, field: null, status: 500 },
    });
  });

  it("counts a request that hangs past its time limit as no connection", async () => {
    const { fetcher } = recording(
      (init) =>
        new Promise((_resolve, reject) => {
          init?.signal?.addEventListener("abort", () => reject(new DOMException("", "AbortError")));
        }),
    );
    const answer = await createHttpClient(fetcher).request("GET", "/api/plan", undefined, {
      timeoutMs: 10,
    });
    expect(answer.ok ? null : answer.error).toMatchObject({ kind: "network", status: 0 });
  });

  it("offline, asks only for what the phone keeps (the plan, the profile, the workouts)", async () => {
    online(false);
    const { calls, fetcher } = recording(async () => json(200, {}));
    const client = createHttpClient(fetcher);
    for (const path of ["/api/activities", "/api/workouts/w-1", "/api/plan/move-options"]) {
      const refused = await client.request("GET", path);
      expect(refused.ok ? null : refused.error.kind, path).toBe("network");
    }
    expect((await client.request("POST", "/api/workouts", {})).ok).toBe(false);
    expect((await client.request("GET", "/api/plan?weeks=1")).ok).toBe(true);
    expect((await client.request("GET", "/api/profile")).ok).toBe(true);
    expect((await client.request("GET", "/api/workouts")).ok).toBe(true);
    expect(calls.map((call) => call.url)).toEqual([
      "/api/plan?weeks=1",
      "/api/profile",
      "/api/workouts",
    ]);
  });

  it("goes to /login on a 401, unless the caller answers it itself", async () => {
    const went = at("/progress");
    const { fetcher } = recording(async () => json(401, { error: { kind: "auth", message: "" } }));
    const client = createHttpClient(fetcher);
    await client.request("GET", "/api/session", undefined, { allowUnauthorized: true });
    expect(went).toEqual([]);
    const answer = await client.request("GET", "/api/workouts");
    expect(answer.ok ? null : answer.error.status).toBe(401);
    expect(went).toEqual(["/login"]);
  });
});
