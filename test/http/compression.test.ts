/**
 * Compressed, cacheable answers over real HTTP (a `node dist/server.js` process): the web app's
 * build-time brotli and gzip files by `Accept-Encoding`, its caching headers, API JSON
 * compressed from 1 KB on, and the cached plan's bytes compressed once.
 */
import { mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import { request } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { brotliDecompressSync, gunzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { README_PROFILE } from "../builders.js";
import { ROOT, type ServerProcess, startServerProcess } from "../support/http.js";

interface Raw {
  readonly status: number;
  readonly headers: Record<string, string | string[] | undefined>;
  /** The bytes as they came over the wire, not decoded. */
  readonly body: Buffer;
}

function get(
  base: string,
  path: string,
  encoding?: string,
  headers: Record<string, string> = {},
): Promise<Raw> {
  return new Promise((resolve, reject) => {
    const req = request(
      `${base}${path}`,
      {
        headers: { ...headers, ...(encoding === undefined ? {} : { "accept-encoding": encoding }) },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (chunk: Buffer) => chunks.push(chunk));
        res.on("end", () =>
          resolve({
            status: res.statusCode ?? 0,
            headers: res.headers,
            body: Buffer.concat(chunks),
          }),
        );
        res.on("error", reject);
      },
    );
    req.on("error", reject);
    req.end();
  });
}

const WEB = join(ROOT, "dist/web");
let dir: string;
let server: ServerProcess;
let mainScript: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "capacity-compression-"));
  server = await startServerProcess({ CAPACITY_DATA_DIR: dir });
  const assets = await readdir(join(WEB, "assets"));
  const script = assets.find((name) => /^index-.*\.js$/.test(name));
  if (!script) throw new Error("dist/web/assets has no index-*.js: run `npm run build`");
  mainScript = script;
});

afterAll(async () => {
  await server?.kill();
  await rm(dir, { recursive: true, force: true });
});

describe("the web app's files", () => {
  it("go as brotli to a client that takes it, with Vary and a year of immutable caching", async () => {
    const plain = await readFile(join(WEB, "assets", mainScript));
    const raw = await get(server.url, `/assets/${mainScript}`, "gzip, deflate, br");
    expect(raw.status).toBe(200);
    expect(raw.headers["content-encoding"]).toBe("br");
    expect(String(raw.headers.vary)).toMatch(/accept-encoding/i);
    expect(raw.headers["cache-control"]).toBe("public, max-age=31536000, immutable");
    expect(raw.body.length).toBeLessThan(plain.length / 2);
    expect(brotliDecompressSync(raw.body).equals(plain)).toBe(true);
  });

  it("go as gzip to a client that takes only gzip, and plain to one that takes neither", async () => {
    const plain = await readFile(join(WEB, "assets", mainScript));
    const gzip = await get(server.url, `/assets/${mainScript}`, "gzip");
    expect(gzip.headers["content-encoding"]).toBe("gzip");
    expect(String(gzip.headers.vary)).toMatch(/accept-encoding/i);
    expect(gunzipSync(gzip.body).equals(plain)).toBe(true);
    const none = await get(server.url, `/assets/${mainScript}`);
    expect(none.headers["content-encoding"]).toBeUndefined();
    expect(none.body.equals(plain)).toBe(true);
  });

  it("keep index.html and the service worker uncached (no-cache), compressed too", async () => {
    for (const path of ["/", "/sw.js", "/week"]) {
      const raw = await get(server.url, path, "br");
      expect(raw.status, path).toBe(200);
      expect(raw.headers["cache-control"], path).toBe("no-cache");
    }
    const worker = await get(server.url, "/sw.js", "br");
    expect(worker.headers["content-encoding"]).toBe("br");
    expect(brotliDecompressSync(worker.body).equals(await readFile(join(WEB, "sw.js")))).toBe(true);
  });
});

describe("API JSON", () => {
  it("is compressed from 1 KB on, and small answers go as they are", async () => {
    const big = await get(server.url, "/api/exercises", "br");
    expect(big.status).toBe(200);
    expect(big.headers["content-encoding"]).toBe("br");
    expect(String(big.headers.vary)).toMatch(/accept-encoding/i);
    const items = JSON.parse(brotliDecompressSync(big.body).toString("utf8")).items;
    expect(items.length).toBeGreaterThan(10);
    const gzip = await get(server.url, "/api/exercises", "gzip");
    expect(gzip.headers["content-encoding"]).toBe("gzip");
    expect(JSON.parse(gunzipSync(gzip.body).toString("utf8")).items).toEqual(items);

    const small = await get(server.url, "/api/health", "br");
    expect(small.status).toBe(200);
    expect(small.body.length).toBeLessThan(1024);
    expect(small.headers["content-encoding"]).toBeUndefined();
  });
});

describe("the plan", () => {
  async function athlete(): Promise<string> {
    const signUp = await fetch(`${server.url}/api/auth/signup`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({
        email: `plan-${Date.now()}@example.com`,
        password: "a long enough password",
        name: "Ana",
      }),
    });
    expect(signUp.status).toBe(201);
    const cookie = (signUp.headers.getSetCookie()[0] ?? "").split(";")[0] ?? "";
    const profile = await fetch(`${server.url}/api/profile`, {
      method: "PUT",
      headers: { cookie, "content-type": "application/json" },
      body: JSON.stringify(README_PROFILE),
    });
    expect(profile.status).toBe(200);
    return cookie;
  }

  it("goes as the client takes it (br, gzip, br refused with q=0, none), always the same plan", async () => {
    const cookie = await athlete();
    const plain = await get(server.url, "/api/plan?weeks=4", undefined, { cookie });
    expect(plain.status).toBe(200);
    expect(plain.headers["content-encoding"]).toBeUndefined();
    const plan = JSON.parse(plain.body.toString("utf8"));
    expect(plan.weeks).toHaveLength(4);

    const br = await get(server.url, "/api/plan?weeks=4", "gzip, deflate, br, zstd", { cookie });
    expect(br.headers["content-encoding"]).toBe("br");
    expect(String(br.headers.vary)).toMatch(/accept-encoding/i);
    expect(String(br.headers["content-type"])).toMatch(/^application\/json/);
    expect(JSON.parse(brotliDecompressSync(br.body).toString("utf8"))).toEqual(plan);

    const gzip = await get(server.url, "/api/plan?weeks=4", "br;q=0, gzip", { cookie });
    expect(gzip.headers["content-encoding"]).toBe("gzip");
    expect(JSON.parse(gunzipSync(gzip.body).toString("utf8"))).toEqual(plan);

    const identity = await get(server.url, "/api/plan?weeks=4", "identity", { cookie });
    expect(identity.headers["content-encoding"]).toBeUndefined();
    expect(JSON.parse(identity.body.toString("utf8"))).toEqual(plan);
  });

  it("a plan served again from the cache sends the bytes compressed the first time", async () => {
    const cookie = await athlete();
    const first = await get(server.url, "/api/plan?weeks=2", "br", { cookie });
    const again = await get(server.url, "/api/plan?weeks=2", "br", { cookie });
    expect(again.headers["content-encoding"]).toBe("br");
    expect(again.body.equals(first.body)).toBe(true);
    // A logged workout changes the plan: its answer is compressed anew, and says so.
    const logged = await fetch(`${server.url}/api/workouts`, {
      method: "POST",
      headers: { cookie, "content-type": "application/json" },
      body: JSON.stringify({
        id: crypto.randomUUID(),
        // Today in the profile's zone: a workout is never logged ahead of it.
        date: new Intl.DateTimeFormat("en-CA", { timeZone: README_PROFILE.timezone }).format(
          new Date(),
        ),
        sets: [{ exercise: "quarter-squat", load: { value: 40, unit: "kg" }, reps: 9, rir: 2 }],
      }),
    });
    expect(logged.status, await logged.clone().text()).toBe(201);
    const after = await get(server.url, "/api/plan?weeks=2", "br", { cookie });
    expect(after.body.equals(first.body)).toBe(false);
    expect(JSON.parse(brotliDecompressSync(after.body).toString("utf8")).weeks).toHaveLength(2);
  });
});
