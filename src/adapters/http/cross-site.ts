import type { FastifyInstance, FastifyRequest } from "fastify";
import { ForbiddenProblem } from "./problems.js";

const STATE_CHANGING = new Set(["POST", "PUT", "PATCH", "DELETE"]);

/** What browsers are told to remember: HTTPS only, for a year. */
const HSTS = "max-age=31536000; includeSubDomains";

/** A host without the default ports, lower case: `Host: localhost:80` is `http://localhost`. */
function sameHost(host: string): string {
  return host.toLowerCase().replace(/:(80|443)$/, "");
}

/** `https://host:port` → `host:port`; null for `null` or anything unreadable. */
function hostOf(url: string): string | null {
  try {
    const parsed = new URL(url);
    return parsed.host === "" ? null : sameHost(parsed.host);
  } catch {
    return null;
  }
}

/**
 * The site a browser says the request comes from: its Origin header, or without one (older
 * browsers on same-origin POSTs, some form posts) the Referer's origin; undefined when the
 * client sent neither, as curl, the CLI and other programs do.
 */
function claimedSite(request: FastifyRequest): string | null | undefined {
  const origin = request.headers.origin;
  if (typeof origin === "string") return hostOf(origin);
  const referer = request.headers.referer;
  if (typeof referer === "string") return hostOf(referer);
  return undefined;
}

/**
 * Cross-site protection on top of the SameSite=Lax session cookie: a state-changing request
 * whose browser says it comes from another site (another host, or an opaque `null` origin) is
 * refused with 403 before its body is read. Requests without Origin or Referer are not from a
 * browser page and carry no ambient cookie risk. HSTS is only sent on a request that arrived
 * over HTTPS (directly or through a proxy TRUST_PROXY believes): over plain HTTP on a home
 * network it would make browsers refuse the site.
 */
export function crossSiteProtection(app: FastifyInstance): void {
  app.addHook("onRequest", (request, _reply, done) => {
    if (!STATE_CHANGING.has(request.method)) return done();
    const site = claimedSite(request);
    if (site === undefined) return done();
    if (site === null || site !== sameHost(request.host)) {
      return done(
        new ForbiddenProblem(
          "This request comes from another site (its Origin or Referer is not this server): refused to protect your account.",
        ),
      );
    }
    done();
  });
  app.addHook("onSend", (request, reply, payload, done) => {
    if (request.protocol === "https") reply.header("strict-transport-security", HSTS);
    done(null, payload);
  });
}
