import { Type } from "@sinclair/typebox";
import type { FastifyInstance, FastifyRequest } from "fastify";
import {
  feedForToken,
  feedToken,
  revokeFeedToken,
  rotateFeedToken,
} from "../../../app/calendar.js";
import { writeIcs } from "../../calendar/ics.js";
import { type HttpDeps, requireUser, userOf } from "../context.js";
import { sendAppError, sendProblem } from "../problems.js";

const FeedUrl = Type.Object({ url: Type.String() });
const FeedParams = Type.Object({ file: Type.String({ minLength: 1, maxLength: 100 }) });

/** Where this server is reached, as the client sees it (X-Forwarded-* with TRUST_PROXY). */
export function origin(request: FastifyRequest): string {
  return `${request.protocol}://${request.host}`;
}

const NOT_FOUND = { kind: "not-found", message: "No such calendar feed." } as const;

export function calendarRoutes(app: FastifyInstance, deps: HttpDeps): void {
  const auth = requireUser(deps);
  const planDeps = { repos: deps.store, ids: deps.ids, clock: deps.clock };
  const feedUrl = (request: FastifyRequest, token: string) => ({
    url: `${origin(request)}/api/calendar/${token}.ics`,
  });

  app.get(
    "/api/calendar",
    {
      schema: {
        tags: ["calendar"],
        summary: "My calendar feed's secret URL (made on first use)",
        response: { 200: FeedUrl },
      },
      preHandler: auth,
    },
    async (request) => feedUrl(request, await feedToken(planDeps, userOf(request).id)),
  );

  app.post(
    "/api/calendar/rotate",
    {
      schema: {
        tags: ["calendar"],
        summary: "A new secret URL for my calendar feed; the old one answers 404 from now on",
        response: { 200: FeedUrl },
      },
      preHandler: auth,
    },
    async (request) => feedUrl(request, await rotateFeedToken(planDeps, userOf(request).id)),
  );

  app.delete(
    "/api/calendar",
    {
      schema: { tags: ["calendar"], summary: "Turn my calendar feed off (204)" },
      preHandler: auth,
    },
    async (request, reply) => {
      await revokeFeedToken(planDeps, userOf(request).id);
      return reply.code(204).send();
    },
  );

  app.get<{ Params: { file: string } }>(
    "/api/calendar/:file",
    {
      schema: {
        tags: ["calendar"],
        summary:
          "The next 8 weeks of my plan as iCalendar (RFC 5545); the token in the URL is the only key",
        params: FeedParams,
      },
    },
    async (request, reply) => {
      const { file } = request.params;
      if (!file.endsWith(".ics")) return sendProblem(reply, NOT_FOUND);
      const feed = await feedForToken(planDeps, file.slice(0, -4), `${origin(request)}/checkin`);
      if (!feed.ok) {
        return feed.error.kind === "not-found"
          ? sendProblem(reply, NOT_FOUND)
          : sendAppError(reply, feed.error);
      }
      const body = writeIcs(feed.value.events, {
        timezone: feed.value.timezone,
        uidPrefix: feed.value.uidPrefix,
        now: deps.clock.now(),
        calendarName: "Capacity strength",
      });
      return reply
        .header("cache-control", "private, no-store")
        .header("referrer-policy", "no-referrer")
        .type("text/calendar; charset=utf-8")
        .send(body);
    },
  );
}
