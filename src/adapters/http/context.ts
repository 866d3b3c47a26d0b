import type { FastifyReply, FastifyRequest } from "fastify";
import type { AccountDeps } from "../../app/accounts.js";
import { userForToken } from "../../app/accounts.js";
import type { Clock, Ids, PasswordHasher, Store, User } from "../../app/ports.js";
import { excerpt } from "../../core/excerpt.js";
import { InputProblem, sendUnauthorized } from "./problems.js";

export interface HttpDeps {
  readonly store: Store;
  readonly hasher: PasswordHasher;
  readonly ids: Ids;
  readonly clock: Clock;
  readonly logInDays: number;
}

/** The log-in cookie; its name is a contract (docs/API.md), older than the word log-in. */
export const LOG_IN_COOKIE = "capacity_session";

export function accountDeps(deps: HttpDeps): AccountDeps {
  return {
    repos: deps.store,
    hasher: deps.hasher,
    ids: deps.ids,
    clock: deps.clock,
    logInDays: deps.logInDays,
  };
}

/** Sends the log-in cookie: HttpOnly, SameSite=Lax, Secure when the request came over HTTPS. */
export function setLogInCookie(
  request: FastifyRequest,
  reply: FastifyReply,
  token: string,
  expiresAt: number,
): void {
  reply.setCookie(LOG_IN_COOKIE, token, {
    path: "/",
    httpOnly: true,
    sameSite: "lax",
    secure: request.protocol === "https",
    expires: new Date(expiresAt),
  });
}

export function clearLogInCookie(request: FastifyRequest, reply: FastifyReply): void {
  reply.clearCookie(LOG_IN_COOKIE, {
    path: "/",
    httpOnly: true,
    sameSite: "lax",
    secure: request.protocol === "https",
  });
}

const signedIn = new WeakMap<FastifyRequest, User>();

/** preHandler for routes that need an account: 401 without a live log-in. */
export function requireUser(deps: HttpDeps) {
  return async (request: FastifyRequest, reply: FastifyReply) => {
    const token = request.cookies[LOG_IN_COOKIE];
    const user = token ? await userForToken(accountDeps(deps), token) : null;
    if (!user) return sendUnauthorized(reply);
    signedIn.set(request, user);
  };
}

/** The user a `requireUser` preHandler let through. */
export function userOf(request: FastifyRequest): User {
  const user = signedIn.get(request);
  if (!user) throw new Error("userOf called on a route without requireUser");
  return user;
}

/** `?weeks=4` arrives as text; the schema checked its digits. */
export function whole(text: string | undefined, field: string): number | undefined {
  if (text === undefined) return undefined;
  const value = Number(text);
  if (!Number.isInteger(value))
    throw new InputProblem(field, `${excerpt(text)} is not a whole number`);
  return value;
}
