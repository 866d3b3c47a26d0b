import type { Static } from "@sinclair/typebox";
import type { FastifyInstance } from "fastify";
import {
  changePassword,
  deleteAccount,
  logIn,
  logOut,
  signUp,
  userForToken,
} from "../../../app/accounts.js";
import { storedProfile } from "../../../app/athlete-plan.js";
import { accountView, type LogInState } from "../../../contract/index.js";
import {
  accountDeps,
  clearLogInCookie,
  type HttpDeps,
  LOG_IN_COOKIE,
  requireUser,
  setLogInCookie,
  userOf,
} from "../context.js";
import { sendAppError } from "../problems.js";
import { LoginBody, PasswordBody, SignupBody } from "../schemas.js";

// Over 80 lines: one short registration per route, sharing the log-in check and the rate limit; the
// routes of a resource read best side by side.
export function accountRoutes(app: FastifyInstance, deps: HttpDeps, authRateLimit: number): void {
  const auth = requireUser(deps);
  const limited = { rateLimit: { max: authRateLimit, timeWindow: "1 minute" } };

  app.post<{ Body: Static<typeof SignupBody> }>(
    "/api/auth/signup",
    {
      schema: { tags: ["accounts"], summary: "Create an account and log in", body: SignupBody },
      config: limited,
    },
    async (request, reply) => {
      const result = await signUp(accountDeps(deps), request.body);
      if (!result.ok) return sendAppError(reply, result.error);
      setLogInCookie(request, reply, result.value.token, result.value.expiresAt);
      return reply.code(201).send(accountView(result.value.user));
    },
  );

  app.post<{ Body: Static<typeof LoginBody> }>(
    "/api/auth/login",
    { schema: { tags: ["accounts"], summary: "Log in", body: LoginBody }, config: limited },
    async (request, reply) => {
      const result = await logIn(accountDeps(deps), request.body);
      if (!result.ok) return sendAppError(reply, result.error);
      setLogInCookie(request, reply, result.value.token, result.value.expiresAt);
      return reply.send(accountView(result.value.user));
    },
  );

  app.post(
    "/api/auth/logout",
    { schema: { tags: ["accounts"], summary: "Log out (ends this log-in)" } },
    async (request, reply) => {
      const token = request.cookies[LOG_IN_COOKIE];
      if (token) await logOut(accountDeps(deps), token);
      clearLogInCookie(request, reply);
      return reply.code(204).send();
    },
  );

  app.post<{ Body: Static<typeof PasswordBody> }>(
    "/api/auth/password",
    {
      schema: {
        tags: ["accounts"],
        summary: "Change the password (ends every other log-in)",
        body: PasswordBody,
      },
      preHandler: auth,
      config: limited,
    },
    async (request, reply) => {
      const result = await changePassword(accountDeps(deps), userOf(request), request.body);
      if (!result.ok) return sendAppError(reply, result.error);
      setLogInCookie(request, reply, result.value.token, result.value.expiresAt);
      return reply.code(204).send();
    },
  );

  app.get(
    "/api/me",
    { schema: { tags: ["accounts"], summary: "The account logged in" }, preHandler: auth },
    async (request) => accountView(userOf(request)),
  );

  // For the app's start: who is signed in and their profile, in one answer that is never an
  // error (a 401 or 404 here would only fill the browser's console on every first visit).
  app.get(
    "/api/session",
    {
      schema: {
        tags: ["accounts"],
        summary:
          "Who is signed in (user null when nobody) and their profile (null before one is saved)",
      },
    },
    async (request): Promise<LogInState> => {
      const token = request.cookies[LOG_IN_COOKIE];
      const user = token ? await userForToken(accountDeps(deps), token) : null;
      if (!user) return { user: null, profile: null };
      const profile = await storedProfile(
        { repos: deps.store, ids: deps.ids, clock: deps.clock },
        user.id,
      );
      return { user: accountView(user), profile };
    },
  );

  app.delete(
    "/api/me",
    {
      schema: { tags: ["accounts"], summary: "Delete my account and everything in it" },
      preHandler: auth,
    },
    async (request, reply) => {
      await deleteAccount(accountDeps(deps), userOf(request));
      clearLogInCookie(request, reply);
      return reply.code(204).send();
    },
  );
}
