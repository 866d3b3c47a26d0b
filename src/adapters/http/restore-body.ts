import type { IncomingMessage } from "node:http";
import type { TSchema } from "@sinclair/typebox";
import { JSONParser } from "@streamparser/json";
import type { FastifyInstance, FastifyRequest } from "fastify";
import { checkSchema } from "../../core/validation.js";
import { MAX_JSON_DEPTH } from "./json-depth.js";
import { InputProblem } from "./problems.js";
import { ExportDocumentSchema } from "./schemas.js";

/** Bytes parsed, or items checked, between two turns of the event loop. */
const SLICE_BYTES = 128 * 1024;
const ITEMS_PER_TURN = 1000;

const breathe = () => new Promise<void>((resolve) => setImmediate(resolve));

/** The arrays of an export: checked item by item, a thousand at a time. */
const ARRAYS = ["workouts", "checkins", "planChanges", "activities"] as const;

/** How deep the text nests so far, across the chunks it arrives in. */
class DepthScan {
  private depth = 0;
  private inString = false;
  private escaped = false;

  /** False once the nesting passes `limit`. */
  feed(text: string, limit: number): boolean {
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (this.inString) {
        if (this.escaped) this.escaped = false;
        else if (c === 0x5c) this.escaped = true;
        else if (c === 0x22) this.inString = false;
      } else if (c === 0x22) {
        this.inString = true;
      } else if (c === 0x5b || c === 0x7b) {
        if (++this.depth > limit) return false;
      } else if (c === 0x5d || c === 0x7d) {
        this.depth--;
      }
    }
    return true;
  }
}

/**
 * A `__proto__` key, also spelt with \u escapes, as Fastify's own JSON parser refuses it
 * (secure-json-parse). Seen in the text, so that it never reaches an object.
 */
const PROTO_KEY =
  /"(?:_|\\u005[Ff])(?:_|\\u005[Ff])(?:p|\\u0070)(?:r|\\u0072)(?:o|\\u006[Ff])(?:t|\\u0074)(?:o|\\u006[Ff])(?:_|\\u005[Ff])(?:_|\\u005[Ff])"\s*:/;

/** The longest spelling of the key above: a slice keeps this much of the one before it. */
const PROTO_CARRY = 64;

class BodyTooLarge extends Error {
  readonly code = "FST_ERR_CTP_BODY_TOO_LARGE";
  readonly statusCode = 413;
}

/**
 * The body parser of the restore route (its own scope): the export is parsed as it arrives, a
 * slice at a time with the event loop handed back between slices, instead of one JSON.parse of
 * up to 50 MiB that would stop every other request for a second or more. The byte limit and
 * the nesting limit are checked on the way, before anything is built from the excess.
 */
export function streamedRestoreBody(scope: FastifyInstance, limit: number): void {
  scope.removeContentTypeParser("application/json");
  scope.addContentTypeParser(
    "application/json",
    async (request: FastifyRequest, payload: IncomingMessage) => {
      const declared = Number(request.headers["content-length"]);
      if (Number.isFinite(declared) && declared > limit) throw new BodyTooLarge();
      const depth = new DepthScan();
      const parser = new JSONParser({ paths: ["$"], keepStack: false });
      let root: unknown;
      let found = false;
      let failure: Error | null = null;
      parser.onValue = ({ value, stack }) => {
        if (stack.length === 0) {
          root = value;
          found = true;
        }
      };
      parser.onError = (error) => {
        failure ??= error;
      };
      const decoder = new TextDecoder("utf-8", { fatal: false });
      let tail = "";
      let bytes = 0;
      const take = async (text: string) => {
        for (let at = 0; at < text.length; at += SLICE_BYTES) {
          const slice = text.slice(at, at + SLICE_BYTES);
          if (!depth.feed(slice, MAX_JSON_DEPTH)) {
            throw new InputProblem(
              "",
              `The JSON nests deeper than ${MAX_JSON_DEPTH} levels of arrays and objects.`,
              "invalid-json",
            );
          }
          if (PROTO_KEY.test(tail + slice)) {
            throw new InputProblem(
              "",
              "The body is not valid JSON here: it holds a __proto__ key.",
              "invalid-json",
            );
          }
          tail = slice.slice(-PROTO_CARRY);
          if (failure === null) parser.write(slice);
          if (failure !== null) break;
          await breathe();
        }
      };
      for await (const chunk of payload) {
        bytes += (chunk as Buffer).length;
        if (bytes > limit) throw new BodyTooLarge();
        await take(decoder.decode(chunk as Buffer, { stream: true }));
        if (failure !== null) break;
      }
      await take(decoder.decode());
      // The parser ends by itself after the document's one value; end() is for text cut short.
      if (failure === null && bytes > 0 && !found) {
        try {
          parser.end();
        } catch (error) {
          failure = error as Error;
        }
      }
      if (bytes === 0)
        throw new InputProblem("", "The body is empty: send the export as JSON.", "invalid-json");
      if (failure !== null || !found) {
        const reason = failure ? (failure as Error).message.slice(0, 200) : "it ends too early";
        throw new InputProblem("", `The body is not valid JSON: ${reason}`, "invalid-json");
      }
      return root;
    },
  );
}

/**
 * The restore document checked against ExportDocumentSchema as the route's validator would,
 * with the same field names in its answer, but its long arrays a thousand items at a time
 * between turns of the event loop (one pass over 100,000 workouts would hold it for long).
 */
export async function checkRestoreDocument(doc: unknown): Promise<InputProblem | null> {
  const problem = (found: ReturnType<typeof checkSchema>) =>
    found ? new InputProblem(found.field, found.message) : null;
  if (typeof doc !== "object" || doc === null || Array.isArray(doc)) {
    return (
      problem(checkSchema(ExportDocumentSchema, doc)) ??
      new InputProblem("", "a JSON object is required in the body")
    );
  }
  const record = doc as Record<string, unknown>;
  const shell: Record<string, unknown> = { ...record };
  for (const name of ARRAYS) if (Array.isArray(record[name])) shell[name] = [];
  const top = problem(checkSchema(ExportDocumentSchema, shell));
  if (top) return top;
  const properties = ExportDocumentSchema.properties as Record<string, TSchema>;
  for (const name of ARRAYS) {
    const items = record[name];
    if (!Array.isArray(items)) continue;
    const schema = properties[name] as TSchema;
    const max = schema.maxItems as number | undefined;
    if (max !== undefined && items.length > max) {
      return new InputProblem(name, `holds ${items.length} items; at most ${max} are accepted`);
    }
    const itemSchema = schema.items as TSchema;
    for (let from = 0; from < items.length; from += ITEMS_PER_TURN) {
      const to = Math.min(items.length, from + ITEMS_PER_TURN);
      for (let i = from; i < to; i++) {
        const found = problem(checkSchema(itemSchema, items[i], `${name}[${i}]`));
        if (found) return found;
      }
      await breathe();
    }
  }
  return null;
}
