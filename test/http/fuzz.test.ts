/**
 * Every route of the OpenAPI document under hostile input (fast-check): deep nesting, huge
 * arrays, wrong types, odd unicode, strange path ids, bodies built from the route's own schema
 * with values of the wrong kind. No answer is a 500, and every error body is under 4 KB.
 */
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Profile } from "../../src/core/profile/profile.js";
import {
  exampleProfile,
  type JsonSchema,
  json,
  type OpenApiDocument,
  signUp,
  type TestApp,
  testApp,
} from "../support/http.js";

const RUNS_PER_ROUTE = 40;
const MAX_ERROR_BYTES = 4096;
/** Routes that would end the fuzzing session itself. */
const SKIPPED = new Set(["DELETE /api/me", "POST /api/auth/logout"]);

let t: TestApp;
let cookie = "";
const routes: { method: string; path: string; schema: JsonSchema | null }[] = [];

beforeAll(async () => {
  t = await testApp({ bodyLimitBytes: 1_048_576 });
  cookie = await signUp(t.app);
  await json<Profile>(t.app, "PUT", "/api/profile", cookie, exampleProfile());
  const doc = (await json<OpenApiDocument>(t.app, "GET", "/api/openapi.json")).body;
  for (const [path, operations] of Object.entries(doc.paths)) {
    for (const [method, operation] of Object.entries(operations ?? {})) {
      const name = `${method.toUpperCase()} ${path}`;
      if (SKIPPED.has(name)) continue;
      const schema = operation?.requestBody?.content["application/json"]?.schema ?? null;
      routes.push({ method: method.toUpperCase(), path, schema });
    }
  }
});

afterAll(async () => {
  await t?.dispose();
});

const oddText = fc.oneof(
  fc.string({ unit: "binary", maxLength: 40 }),
  fc.string({ unit: "grapheme", maxLength: 40 }),
  fc.constantFrom("__proto__", "constructor", "..", "../../etc/passwd", "%00", "\u202e", "𝕏", ""),
  fc.integer({ min: 1, max: 20_000 }).map((n) => "ä".repeat(n)),
);

const pathId = fc.oneof(
  fc.uuid(),
  oddText,
  fc.integer({ min: 90, max: 5000 }).map((n) => "a".repeat(n)),
);

/** Nested arrays or objects, deeper than the limit or just under it. */
const deep = fc
  .tuple(fc.integer({ min: 10, max: 3000 }), fc.boolean())
  .map(([depth, objects]) =>
    objects
      ? `${'{"a":'.repeat(depth)}1${"}".repeat(depth)}`
      : `${"[".repeat(depth)}1${"]".repeat(depth)}`,
  );

const hugeArray = fc
  .tuple(fc.integer({ min: 1000, max: 50_000 }), fc.jsonValue({ maxDepth: 1 }))
  .map(([length, item]) => JSON.stringify(Array.from({ length }, () => item)));

/** The route's own fields, each given a value of any kind. */
function wrongTypes(schema: JsonSchema | null): fc.Arbitrary<string> {
  const keys = Object.keys(schema?.properties ?? {});
  if (keys.length === 0) return fc.jsonValue({ maxDepth: 3 }).map((v) => JSON.stringify(v));
  return fc
    .dictionary(fc.constantFrom(...keys), fc.oneof(fc.jsonValue({ maxDepth: 3 }), oddText), {
      maxKeys: keys.length,
    })
    .map((value) => JSON.stringify(value));
}

function body(schema: JsonSchema | null): fc.Arbitrary<{ payload: string; type: string } | null> {
  return fc.oneof(
    fc.constant(null),
    deep.map((payload) => ({ payload, type: "application/json" })),
    hugeArray.map((payload) => ({ payload, type: "application/json" })),
    wrongTypes(schema).map((payload) => ({ payload, type: "application/json" })),
    oddText.map((payload) => ({ payload, type: "application/json" })),
    oddText.map((payload) => ({ payload, type: "text/plain" })),
  );
}

describe("fuzzing every route of the OpenAPI document", () => {
  it("never answers 500, and every error body stays under 4 KB", async () => {
    expect(routes.length).toBeGreaterThan(20);
    let requests = 0;
    for (const route of routes) {
      await fc.assert(
        fc.asyncProperty(
          fc.array(pathId, { minLength: 1, maxLength: 3 }),
          body(route.schema),
          fc.boolean(),
          fc.dictionary(fc.constantFrom("weeks", "from", "to", "muscle", "equipment"), oddText, {
            maxKeys: 2,
          }),
          async (ids, sent, withCookie, query) => {
            let i = 0;
            const path = route.path.replace(/\{[^}]+\}/g, () =>
              encodeURIComponent(ids[i++ % ids.length] ?? ""),
            );
            const search = new URLSearchParams(query).toString();
            const response = await t.app.inject({
              method: route.method as "GET",
              url: search ? `${path}?${search}` : path,
              headers: {
                ...(withCookie ? { cookie } : {}),
                ...(sent ? { "content-type": sent.type } : {}),
              },
              ...(sent ? { payload: sent.payload } : {}),
            });
            requests++;
            const where = `${route.method} ${path.slice(0, 100)} → ${response.statusCode}: ${response.body.slice(0, 300)}`;
            expect(response.statusCode, where).not.toBe(500);
            if (response.statusCode >= 400) {
              expect(Buffer.byteLength(response.body), where).toBeLessThan(MAX_ERROR_BYTES);
            }
          },
        ),
        { numRuns: RUNS_PER_ROUTE },
      );
    }
    expect(requests).toBeGreaterThan(1000);
  }, 300_000);
});
