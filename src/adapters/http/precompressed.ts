import { promisify } from "node:util";
import { brotliCompress, constants, gzip } from "node:zlib";
import { negotiate } from "@fastify/accept-negotiator";
import type { FastifyReply, FastifyRequest } from "fastify";

const brotli = promisify(brotliCompress);
const gzipped = promisify(gzip);

/** JSON answers from this size on are compressed (smaller ones gain less than it costs). */
export const JSON_COMPRESS_THRESHOLD = 1024;

type Encoding = "br" | "gzip";
/** The order @fastify/compress prefers for the rest of the API. */
const ENCODINGS: Encoding[] = ["br", "gzip"];

/**
 * JSON bodies answered many times over (a cached plan), kept compressed. @fastify/compress
 * compresses every answer again: for a cached plan of 7 KB that was most of the request, a
 * browser (which always sends Accept-Encoding) getting a third of the answers a client
 * without it got. Here each body is compressed once per encoding, off the event loop, and the
 * bytes are sent as they are (a Content-Encoding already set makes @fastify/compress pass).
 *
 * Keyed by the body itself: the cache that hands out the same string for the same plan keeps
 * its hash, so a lookup does not read the 7 KB again.
 */
export class PrecompressedBodies {
  private readonly bodies = new Map<string, Map<Encoding, Promise<Buffer>>>();

  constructor(
    /** Bodies below this are sent as they are (as the app's compression threshold). */
    private readonly threshold: number,
    private readonly maxBodies = 2000,
  ) {}

  async send(request: FastifyRequest, reply: FastifyReply, json: string): Promise<FastifyReply> {
    reply.type("application/json; charset=utf-8");
    const encoding = this.encodingFor(request, json);
    if (encoding === null) return reply.send(json);
    const bytes = await this.compressed(json, encoding);
    return reply.header("content-encoding", encoding).header("vary", "accept-encoding").send(bytes);
  }

  private encodingFor(request: FastifyRequest, json: string): Encoding | null {
    const header = request.headers["accept-encoding"];
    if (json.length < this.threshold || header === undefined) return null;
    // As @fastify/compress reads it: x-gzip is gzip.
    const chosen = negotiate(header.toLowerCase().replace(/x-gzip/g, "gzip"), ENCODINGS);
    return chosen === "br" || chosen === "gzip" ? chosen : null;
  }

  private compressed(json: string, encoding: Encoding): Promise<Buffer> {
    let forms = this.bodies.get(json);
    if (!forms) {
      if (this.bodies.size >= this.maxBodies) this.bodies.clear();
      forms = new Map();
      this.bodies.set(json, forms);
    }
    let bytes = forms.get(encoding);
    if (!bytes) {
      const text = Buffer.from(json);
      bytes =
        encoding === "br"
          ? brotli(text, {
              params: {
                [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
                [constants.BROTLI_PARAM_SIZE_HINT]: text.length,
              },
            })
          : gzipped(text);
      // A failure (it does not happen for a string) is not kept: the next answer tries again.
      bytes.catch(() => forms?.delete(encoding));
      forms.set(encoding, bytes);
    }
    return bytes;
  }
}
