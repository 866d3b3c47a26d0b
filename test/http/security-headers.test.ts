/**
 * The security headers, computed once at start (adapters/http/security-headers.ts), are the
 * ones @fastify/helmet wrote on every request with the same options: same names, same values.
 */
import helmetPlugin, { type FastifyHelmetOptions } from "@fastify/helmet";
import Fastify from "fastify";
import { describe, expect, it } from "vitest";
import { SECURITY_HEADER_OPTIONS } from "../../src/adapters/http/security-headers.js";
import { appPerFile } from "../support/http.js";

/** What a bare Fastify answer carries whatever the plugins: not security headers. */
const PLAIN = new Set(["date", "connection", "keep-alive", "content-type", "content-length"]);

async function helmetHeaders(): Promise<Record<string, string>> {
  const app = Fastify();
  // The same options; @fastify/helmet types them against its own copy of helmet's types.
  await app.register(helmetPlugin, SECURITY_HEADER_OPTIONS as unknown as FastifyHelmetOptions);
  app.get("/api/health", async () => ({ ok: true }));
  const response = await app.inject({ method: "GET", url: "/api/health" });
  await app.close();
  return Object.fromEntries(
    Object.entries(response.headers)
      .filter(([name]) => !PLAIN.has(name))
      .map(([name, value]) => [name, String(value)]),
  );
}

const t = appPerFile();

describe("security headers", () => {
  it("are exactly those @fastify/helmet sent, on an API answer and on an error", async () => {
    const expected = await helmetHeaders();
    expect(Object.keys(expected)).toEqual(
      expect.arrayContaining([
        "content-security-policy",
        "referrer-policy",
        "x-content-type-options",
        "x-frame-options",
      ]),
    );
    // HSTS is sent by the cross-site protection, and only over HTTPS (hardening tests).
    expect(expected["strict-transport-security"]).toBeUndefined();
    for (const url of ["/api/health", "/api/plan", "/api/no-such-route"]) {
      const response = await t.app.inject({ method: "GET", url });
      for (const [name, value] of Object.entries(expected)) {
        expect(String(response.headers[name]), `${url} ${name}`).toBe(value);
      }
    }
  });

  it("let the API docs keep their own content security policy", async () => {
    const expected = await helmetHeaders();
    const docs = await t.app.inject({ method: "GET", url: "/api/docs" });
    expect(docs.statusCode).toBe(200);
    expect(docs.headers["content-security-policy"]).toBeDefined();
    expect(docs.headers["content-security-policy"]).not.toBe(expected["content-security-policy"]);
    expect(docs.headers["x-content-type-options"]).toBe("nosniff");
  });
});
