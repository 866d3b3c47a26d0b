import type { FastifyInstance, FastifyRequest } from "fastify";

/** How long a failed write keeps `/api/health` at 503 when nothing has written since. */
export const FAILURE_REMEMBERED_MS = 30_000;

/** Seconds a client is asked to wait (Retry-After) when the database cannot serve. */
export const RETRY_AFTER_SECONDS = 5;

interface StorageHealth {
  failure: { reason: string; at: number } | null;
}

const healthOf = new WeakMap<object, StorageHealth>();
const failedRequests = new WeakMap<FastifyRequest, string>();

/** The error handler's note that this request failed because the database could not serve. */
export function markStorageFailure(request: FastifyRequest, reason: string): void {
  failedRequests.set(request, reason);
}

/** The reason this request was answered 503 for the database, if it was. */
export function storageFailureOf(request: FastifyRequest): string | undefined {
  return failedRequests.get(request);
}

/**
 * Why the database could not write lately, for `/api/health`: a read (its ping) may still work
 * on a full disk or a read-only file. Forgotten as soon as a write succeeds again, or after
 * FAILURE_REMEMBERED_MS without another failure: the service resumes by itself.
 */
export function recentStorageFailure(request: FastifyRequest, now = Date.now()): string | null {
  const failure = healthOf.get(request.server.server)?.failure ?? null;
  if (failure === null || now - failure.at > FAILURE_REMEMBERED_MS) return null;
  return failure.reason;
}

const WRITES = new Set(["POST", "PUT", "PATCH", "DELETE"]);

/** Follows the outcome of writes: a 503 from the database remembered, a success clears it. */
export function trackStorageHealth(app: FastifyInstance): void {
  // The Node server is shared by every encapsulated scope of the app (and by `inject`).
  const health: StorageHealth = { failure: null };
  healthOf.set(app.server, health);
  app.addHook("onResponse", (request, reply, done) => {
    const reason = failedRequests.get(request);
    if (reason !== undefined) {
      health.failure = { reason, at: Date.now() };
    } else if (WRITES.has(request.method) && reply.statusCode < 300) {
      health.failure = null;
    }
    done();
  });
}
