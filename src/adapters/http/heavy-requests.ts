import type { FastifyReply, FastifyRequest } from "fastify";
import { userOf } from "./context.js";
import { sendRateLimited } from "./problems.js";

/** Restores and exports (JSON and CSV) of one account running at once; the rest are asked to wait. */
export const HEAVY_PER_ACCOUNT = 1;

/**
 * A preHandler (after requireUser) for requests that read or write a whole account: each
 * account runs at most HEAVY_PER_ACCOUNT of them at a time, so one athlete (or one script
 * retrying) cannot pile up restores that each hold a transaction and tens of megabytes.
 * The place is given back when the answer is sent or the client goes away.
 */
export type HeavyRequests = (request: FastifyRequest, reply: FastifyReply) => Promise<unknown>;

export function onePerAccount(): HeavyRequests {
  const running = new Map<string, number>();
  return async (request: FastifyRequest, reply: FastifyReply) => {
    const owner = userOf(request).id;
    const count = running.get(owner) ?? 0;
    if (count >= HEAVY_PER_ACCOUNT) {
      return sendRateLimited(
        reply,
        "A restore or export (JSON or CSV) of this account is already under way: wait for it to finish, then try again.",
        5,
      );
    }
    running.set(owner, count + 1);
    let released = false;
    const release = () => {
      if (released) return;
      released = true;
      const left = (running.get(owner) ?? 1) - 1;
      if (left <= 0) running.delete(owner);
      else running.set(owner, left);
    };
    reply.raw.once("close", release);
    reply.raw.once("finish", release);
  };
}
