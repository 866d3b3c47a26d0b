/**
 * Hostile input on the JSON routes: nesting that would overflow a recursive parser, validator
 * or message builder, values too large to echo, non-JSON bodies. Each answers 400 in the API's
 * error shape with a body under 4 KB, and never 500.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { MAX_JSON_DEPTH, nestingExceeds } from "../../src/adapters/http/json-depth.js";
import type { Workout } from "../../src/contract/index.js";
import type { Profile } from "../../src/core/profile/profile.js";
import { STRONG_COLUMNS } from "../../src/core/strength-import/export.js";
import { appPerFile, json, problem, signUp } from "../support/http.js";

const MAX_ERROR_BYTES = 4096;

const t = appPerFile({ bodyLimitBytes: 1_048_576 });
let cookie = "";

beforeAll(async () => {
  cookie = await signUp(t.app);
});

function nested(depth: number, inner = "1"): string {
  return `${"[".repeat(depth)}${inner}${"]".repeat(depth)}`;
}

async function raw(url: string, payload: string, type = "application/json", method = "POST") {
  const response = await t.app.inject({
    method: method as "POST",
    url,
    headers: { cookie, "content-type": type },
    payload,
  });
  return { status: response.statusCode, text: response.body, body: response.json() };
}

describe("JSON nesting", () => {
  it("counts depth without being fooled by brackets inside strings", () => {
    expect(nestingExceeds(nested(64), 64)).toBe(false);
    expect(nestingExceeds(nested(65), 64)).toBe(true);
    expect(nestingExceeds(`["${"[".repeat(500)}"]`, 64)).toBe(false);
    expect(nestingExceeds(`["\\"${"[".repeat(500)}"]`, 64)).toBe(false);
    expect(nestingExceeds(`{"a":${nested(64)}}`, 64)).toBe(true);
  });

  for (const url of ["/api/auth/signup", "/api/auth/login", "/api/workouts", "/api/import"]) {
    it(`5,000 nested arrays on ${url}: 400 invalid-json, not 500`, async () => {
      const answer = await raw(url, nested(5000));
      expect(answer.status).toBe(400);
      expect(problem(answer).kind).toBe("invalid-json");
      expect(problem(answer).message).toContain(String(MAX_JSON_DEPTH));
      expect(answer.text.length).toBeLessThan(MAX_ERROR_BYTES);
    });
  }

  it("100,000 nested objects inside a field: refused before parsing", async () => {
    const deep = `{"email":${'{"a":'.repeat(100_000)}1${"}".repeat(100_000)}}`;
    const answer = await raw("/api/auth/login", deep);
    expect(answer.status).toBe(400);
    expect(problem(answer).kind).toBe("invalid-json");
  });

  it("a document within the depth limit still reaches validation", async () => {
    const answer = await raw("/api/auth/login", `{"email":${nested(60)},"password":"x"}`);
    expect(answer.status).toBe(400);
    expect(problem(answer).field).toBe("email");
    expect(answer.text.length).toBeLessThan(MAX_ERROR_BYTES);
  });

  it("__proto__ in a body is still refused by Fastify's parser", async () => {
    const answer = await raw("/api/auth/login", '{"__proto__":{"x":1},"email":"a@b.c"}');
    expect(answer.status).toBe(400);
  });
});

describe("error messages of bounded size", () => {
  it("a huge string in a field is named, not echoed", async () => {
    const huge = "x".repeat(500_000);
    const answer = await json<Workout>(t.app, "POST", "/api/workouts", cookie, {
      date: huge,
      sets: [],
    });
    expect(answer.status).toBe(400);
    expect(problem(answer).field).toBe("date");
    expect(answer.text.length).toBeLessThan(MAX_ERROR_BYTES);
  });

  it("a huge array where an object belongs is named, not echoed", async () => {
    const many = Array.from({ length: 100_000 }, (_, i) => i);
    const answer = await json<Profile>(t.app, "PUT", "/api/profile", cookie, many);
    expect(answer.status).toBe(400);
    expect(answer.text.length).toBeLessThan(MAX_ERROR_BYTES);
  });

  it("a text/plain body does not come back inside the message", async () => {
    const text = "secret words ".repeat(10_000);
    const answer = await raw("/api/workouts", text, "text/plain");
    expect(answer.status).toBe(400);
    expect(answer.text.length).toBeLessThan(MAX_ERROR_BYTES);
    expect(answer.text.split("secret words").length).toBeLessThan(10);
  });

  it("a huge cell of a lifting-app CSV is quoted as a short excerpt", async () => {
    const csv = `${STRONG_COLUMNS.join(",")}\n${"9".repeat(500_000)},Capacity,,Squat,1,100,5,0,0,,,8,kg\n`;
    const answer = await raw("/api/strength-imports", csv, "text/csv");
    expect(answer.status).toBe(400);
    expect(answer.body.error.message).toContain("…");
    expect(answer.body.error.message.length).toBeLessThan(300);
    expect(answer.text.length).toBeLessThan(MAX_ERROR_BYTES);
  });

  it("a long query value is not echoed", async () => {
    const answer = await json(t.app, "GET", `/api/plan?weeks=${"9".repeat(8000)}x`, cookie);
    expect(answer.status).toBe(400);
    expect(answer.text.length).toBeLessThan(MAX_ERROR_BYTES);
  });
});
