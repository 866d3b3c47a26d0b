import type { Static } from "@sinclair/typebox";
import type { FastifyInstance } from "fastify";
import {
  changePassword,
  deleteAccount,
  logIn,
  logOut,
  publicUser,
  signUp,
} from "../../../app/accounts.js";
import {
  accountDeps,
  clearSessionCookie,
  type HttpDeps,
  requireUser,
  SESSION_COOKIE,
  setSessionCookie,
  userOf,
} from "../context.js";
import { sendAppError } from "../problems.js";
import { LoginBody, PasswordBody, SignupBody } from "../schemas.js";

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
      setSessionCookie(request, reply, result.value.token, result.value.expiresAt);
      return reply.code(201).send(publicUser(result.value.user));
    },
  );

  app.post<{ Body: Static<typeof LoginBody> }>(
    "/api/auth/login",
    { schema: { tags: ["accounts"], summary: "Log in", body: LoginBody }, config: limited },
    async (request, reply) => {
      const result = await logIn(accountDeps(deps), request.body);
      if (!result.ok) return sendAppError(reply, result.error);
      setSessionCookie(request, reply, result.value.token, result.value.expiresAt);
      return reply.send(publicUser(result.value.user));
    },
  );

  app.post(
    "/api/auth/logout",
    { schema: { tags: ["accounts"], summary: "Log out (ends this session)" } },
    async (request, reply) => {
      const token = request.cookies[SESSION_COOKIE];
      if (token) await logOut(accountDeps(deps), token);
      clearSessionCookie(request, reply);
      return reply.code(204).send();
    },
  );

  app.post<{ Body: Static<typeof PasswordBody> }>(
    "/api/auth/password",
    {
      schema: {
        tags: ["accounts"],
        summary: "Change the password (ends every other session)",
        body: PasswordBody,
      },
      preHandler: auth,
      config: limited,
    },
    async (request, reply) => {
      const result = await changePassword(accountDeps(deps), userOf(request), request.body);
      if (!result.ok) return sendAppError(reply, result.error);
      setSessionCookie(request, reply, result.value.token, result.value.expiresAt);
      return reply.code(204).send();
    },
  );

  app.get(
    "/api/me",
    { schema: { tags: ["accounts"], summary: "The account logged in" }, preHandler: auth },
    async (request) => publicUser(userOf(request)),
  );

  app.delete(
    "/api/me",
    {
      schema: { tags: ["accounts"], summary: "Delete my account and everything in it" },
      preHandler: auth,
    },
    async (request, reply) => {
      await deleteAccount(accountDeps(deps), userOf(request));
      clearSessionCookie(request, reply);
      return reply.code(204).send();
    },
  );
}
