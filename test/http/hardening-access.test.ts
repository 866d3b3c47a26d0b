/**
 * Who may do what from where: the log-in rate limit keyed on the address TRUST_PROXY yields,
 * cross-site requests refused, HSTS only over HTTPS, the password rules at sign-up, and old
 * passwords still logging in.
 */
import { beforeAll, describe, expect, it } from "vitest";
import type { Account, Items, Workout } from "../../src/contract/index.js";
import {
  appPerFile,
  json,
  PASSWORD,
  problem,
  signUp,
  type TestApp,
  testApp,
  uniqueEmail,
  workoutBody,
} from "../support/http.js";

const t = appPerFile();
let cookie = "";

beforeAll(async () => {
  cookie = await signUp(t.app);
});

describe("log-in rate limit behind proxies", () => {
  const login = (app: TestApp["app"], forwardedFor: string) =>
    json<Account>(
      app,
      "POST",
      "/api/auth/login",
      null,
      { email: "nobody@example.com", password: PASSWORD },
      { "x-forwarded-for": forwardedFor },
    );

  it("with one trusted hop, a made-up X-Forwarded-For each time does not skip the limit", async () => {
    const limited = await testApp({ authRateLimit: 3, trustProxy: 1 });
    try {
      const statuses: number[] = [];
      for (let i = 0; i < 5; i++) {
        // The client makes up the first address; the one proxy appends the address it saw.
        statuses.push((await login(limited.app, `198.51.100.${i}, 203.0.113.9`)).status);
      }
      expect(statuses).toEqual([401, 401, 401, 429, 429]);
      // Another real client behind the same proxy has a limit of its own.
      expect((await login(limited.app, "198.51.100.1, 203.0.113.10")).status).toBe(401);
    } finally {
      await limited.dispose();
    }
  });

  it("with the proxy's address listed, only that proxy's word is taken", async () => {
    const limited = await testApp({ authRateLimit: 2, trustProxy: ["127.0.0.1"] });
    try {
      const statuses: number[] = [];
      for (let i = 0; i < 4; i++) {
        statuses.push((await login(limited.app, `198.51.100.${i}, 203.0.113.9`)).status);
      }
      expect(statuses).toEqual([401, 401, 429, 429]);
    } finally {
      await limited.dispose();
    }
  });
});

describe("cross-site requests", () => {
  const workout = () => workoutBody("2026-11-24", 1);

  it("refuses a state-changing request from a foreign Origin with 403 in the error shape", async () => {
    const answer = await json<Workout>(t.app, "POST", "/api/workouts", cookie, workout(), {
      origin: "https://evil.example",
    });
    expect(answer.status).toBe(403);
    expect(problem(answer)).toMatchObject({ kind: "forbidden", field: null });
    expect(
      (await json<Items<Workout>>(t.app, "GET", "/api/workouts", cookie)).body.items,
    ).toHaveLength(0);
  });

  it("refuses an opaque origin and, without Origin, a foreign Referer", async () => {
    for (const headers of [
      { origin: "null" },
      { referer: "https://evil.example/page" },
      { origin: "http://localhost:80.evil.example" },
    ]) {
      const answer = await json(t.app, "DELETE", "/api/me", cookie, undefined, headers);
      expect(answer.status, JSON.stringify(headers)).toBe(403);
    }
    expect((await json<Account>(t.app, "GET", "/api/me", cookie)).status).toBe(200);
  });

  it("refuses a multipart upload from a foreign Origin before reading it", async () => {
    const boundary = "x-boundary";
    const response = await t.app.inject({
      method: "POST",
      url: "/api/activities/import",
      headers: {
        cookie,
        origin: "https://evil.example",
        "content-type": `multipart/form-data; boundary=${boundary}`,
      },
      payload: `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="a.gpx"\r\n\r\n<gpx/>\r\n--${boundary}--\r\n`,
    });
    expect(response.statusCode).toBe(403);
  });

  it("lets same-site requests, reads and programs without Origin through", async () => {
    const host = "localhost:80";
    const same = await json<Workout>(t.app, "POST", "/api/workouts", cookie, workout(), {
      origin: `http://${host}`,
    });
    expect(same.status).toBe(201);
    const byReferer = await json<Workout>(t.app, "POST", "/api/workouts", cookie, workout(), {
      referer: `http://${host}/gym`,
    });
    expect(byReferer.status).toBe(201);
    expect((await json<Workout>(t.app, "POST", "/api/workouts", cookie, workout())).status).toBe(
      201,
    );
    const read = await json<Items<Workout>>(t.app, "GET", "/api/workouts", cookie, undefined, {
      origin: "https://evil.example",
    });
    expect(read.status).toBe(200);
  });
});

describe("HSTS", () => {
  it("is not sent over plain HTTP", async () => {
    const answer = await json(t.app, "GET", "/api/health");
    expect(answer.headers["strict-transport-security"]).toBeUndefined();
  });

  it("is sent when a trusted proxy says the request came over HTTPS, and only then", async () => {
    const proxied = await testApp({ trustProxy: 1 });
    try {
      const https = await json(proxied.app, "GET", "/api/health", null, undefined, {
        "x-forwarded-proto": "https",
      });
      expect(https.headers["strict-transport-security"]).toContain("max-age=");
    } finally {
      await proxied.dispose();
    }
    const untrusted = await json(t.app, "GET", "/api/health", null, undefined, {
      "x-forwarded-proto": "https",
    });
    expect(untrusted.headers["strict-transport-security"]).toBeUndefined();
  });
});

describe("passwords", () => {
  for (const [password, words] of [
    ["          ", "one character"],
    ["1234567890", "common"],
    ["short", "at least 10"],
  ] as const) {
    it(`refuses ${JSON.stringify(password)} at sign-up and says which rule`, async () => {
      const answer = await json<Account>(t.app, "POST", "/api/auth/signup", null, {
        email: uniqueEmail(),
        password,
        name: "Ana",
      });
      expect(answer.status).toBe(400);
      expect(problem(answer).field).toBe("password");
      expect(problem(answer).message).toContain(words);
    });
  }

  it("an account whose password predates the rules still logs in", async () => {
    const email = uniqueEmail();
    await signUp(t.app, email);
    const old = "1234567890";
    const { argon2Hasher } = await import("../../src/adapters/crypto.js");
    const user = await t.store.users.byEmail(email);
    if (!user) throw new Error("no user");
    await t.store.users.setPassword(user.id, await argon2Hasher.hash(old), Date.now());
    const login = await json<Account>(t.app, "POST", "/api/auth/login", null, {
      email,
      password: old,
    });
    expect(login.status).toBe(200);
  });
});
