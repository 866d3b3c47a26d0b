import type { FastifyInstance } from "fastify";
import { InputProblem } from "./problems.js";

/** Deeper than any document of the API (an export nests 5 levels) by a wide margin. */
export const MAX_JSON_DEPTH = 64;

/**
 * How deep the arrays and objects of a JSON text nest, stopping as soon as `limit` is passed.
 * One pass over the characters with a counter, no recursion: a body of 100,000 `[` costs a
 * scan of the text, not a parser's (or a validator's) stack. Brackets inside strings are text.
 */
export function nestingExceeds(text: string, limit: number): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c)
        i++; // a backslash: the next character is escaped
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) {
      inString = true;
    } else if (c === 0x5b || c === 0x7b) {
      if (++depth > limit) return true;
    } else if (c === 0x5d || c === 0x7d) {
      depth--;
    }
  }
  return false;
}

/**
 * Replaces Fastify's JSON body parser with one that refuses a body nested deeper than
 * MAX_JSON_DEPTH before JSON.parse, the validator or an error message recurse into it, then
 * parses with Fastify's own parser (which refuses `__proto__` and `constructor.prototype`).
 */
export function limitJsonDepth(app: FastifyInstance): void {
  const parse = app.getDefaultJsonParser("error", "error");
  app.removeContentTypeParser("application/json");
  app.addContentTypeParser("application/json", { parseAs: "string" }, (request, body, done) => {
    const text = body as string;
    if (nestingExceeds(text, MAX_JSON_DEPTH)) {
      done(
        new InputProblem(
          "",
          `The JSON nests deeper than ${MAX_JSON_DEPTH} levels of arrays and objects.`,
          "invalid-json",
        ),
        undefined,
      );
      return;
    }
    parse(request, text, done);
  });
}
