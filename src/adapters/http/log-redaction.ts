import type { FastifyRequest } from "fastify";

/**
 * What the request log may say about a URL: the calendar feed's secret is in its path, so it
 * is replaced before any log line is written.
 */
const FEED_PATH = /^(\/api\/calendar\/)[^/?#]+\.ics/;

export function redactUrl(url: string): string {
  return url.replace(FEED_PATH, "$1[redacted].ics");
}

/** Fastify's default request serializer, with the URL redacted. */
export const logSerializers = {
  req(request: FastifyRequest) {
    return {
      method: request.method,
      url: redactUrl(request.url),
      host: request.host,
      remoteAddress: request.ip,
      remotePort: request.socket?.remotePort ?? 0,
    };
  },
};
