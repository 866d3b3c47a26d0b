import type { IncomingMessage, ServerResponse } from "node:http";
import type { FastifyInstance } from "fastify";
import helmet, { type HelmetOptions } from "helmet";

/** The site's security headers, as helmet writes them (the content security policy above all). */
export const SECURITY_HEADER_OPTIONS: HelmetOptions = {
  // Sent by crossSiteProtection, and only over HTTPS.
  hsts: false,
  contentSecurityPolicy: {
    directives: {
      defaultSrc: ["'self'"],
      // Swagger UI styles itself inline; nothing else here needs it.
      styleSrc: ["'self'", "'unsafe-inline'"],
      imgSrc: ["'self'", "data:"],
      scriptSrc: ["'self'"],
      // Served over plain HTTP on a home network too: do not ask browsers to upgrade.
      upgradeInsecureRequests: null,
    },
  },
};

/**
 * The headers helmet writes for `options`, worked out once: helmet runs against a response
 * that only records what is set. Nothing in them depends on the request (no nonces).
 */
export function securityHeaders(options: HelmetOptions): ReadonlyArray<readonly [string, string]> {
  const headers = new Map<string, string>();
  const recorder = {
    setHeader(name: string, value: string | number | readonly string[]) {
      headers.set(name.toLowerCase(), Array.isArray(value) ? value.join(", ") : String(value));
      return recorder;
    },
    removeHeader(name: string) {
      headers.delete(name.toLowerCase());
    },
  };
  let failure: unknown = null;
  helmet(options)(
    {} as IncomingMessage,
    recorder as unknown as ServerResponse,
    (error?: unknown) => {
      if (error) failure = error;
    },
  );
  if (failure) throw failure;
  return [...headers.entries()];
}

/**
 * Sets the security headers on every answer from a list computed at start: @fastify/helmet
 * builds helmet's middleware again for each request (its header strings included). Set on the
 * raw response as helmet does, so a route's own header (Swagger UI's CSP) still wins.
 */
export function installSecurityHeaders(app: FastifyInstance, options = SECURITY_HEADER_OPTIONS) {
  const headers = securityHeaders(options);
  app.addHook("onRequest", (_request, reply, done) => {
    const raw = reply.raw;
    for (const [name, value] of headers) raw.setHeader(name, value);
    done();
  });
}
