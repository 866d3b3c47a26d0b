import type { Static } from "@sinclair/typebox";
import type { FastifyInstance } from "fastify";
import {
  listChangesWithState,
  moveOptions,
  moveSession,
  saveProfile,
  storedProfile,
  swapExercise,
  undoChange,
} from "../../../app/athlete-plan.js";
import { PlanCache } from "../../../app/plan-cache.js";
import { changeView } from "../../../contract/index.js";
import { excerpt } from "../../../core/excerpt.js";
import { listExercises } from "../../../core/exercise/filter.js";
import { EQUIPMENT, type Equipment, MUSCLES, type Muscle } from "../../../core/exercise/types.js";
import { type HttpDeps, requireUser, userOf, whole } from "../context.js";
import { JSON_COMPRESS_THRESHOLD, PrecompressedBodies } from "../precompressed.js";
import { InputProblem, sendAppError } from "../problems.js";
import {
  ExercisesQuery,
  IdParams,
  MoveBody,
  MoveOptionsQuery,
  PlanQuery,
  ProfileBody,
  SwapBody,
} from "../schemas.js";

// Over 80 lines: one short registration per route, sharing the log-in check; the routes of a
// resource read best side by side.
export function planningRoutes(app: FastifyInstance, deps: HttpDeps): void {
  const auth = requireUser(deps);
  const planDeps = { repos: deps.store, ids: deps.ids, clock: deps.clock };
  const plans = new PlanCache();
  const compressedPlans = new PrecompressedBodies(JSON_COMPRESS_THRESHOLD);

  app.get(
    "/api/profile",
    {
      schema: { tags: ["plan"], summary: "My profile (the planner's profile format)" },
      preHandler: auth,
    },
    async (request, reply) => {
      const profile = await storedProfile(planDeps, userOf(request).id);
      return profile ?? sendAppError(reply, { kind: "not-found", message: "No profile yet." });
    },
  );

  app.put<{ Body: Static<typeof ProfileBody> }>(
    "/api/profile",
    { schema: { tags: ["plan"], summary: "Save my profile", body: ProfileBody }, preHandler: auth },
    async (request, reply) => {
      const result = await saveProfile(planDeps, userOf(request).id, request.body);
      return result.ok ? result.value : sendAppError(reply, result.error);
    },
  );

  app.get<{ Querystring: Static<typeof PlanQuery> }>(
    "/api/plan",
    {
      schema: {
        tags: ["plan"],
        summary: "The plan from my profile, log, check-ins, moves and swaps (the planner's JSON)",
        querystring: PlanQuery,
      },
      preHandler: auth,
    },
    async (request, reply) => {
      const weeks = whole(request.query.weeks, "weeks");
      const result = await plans.plan(planDeps, userOf(request), {
        ...(request.query.from === undefined ? {} : { from: request.query.from }),
        ...(weeks === undefined ? {} : { weeks }),
      });
      return result.ok
        ? compressedPlans.send(request, reply, result.value)
        : sendAppError(reply, result.error);
    },
  );

  for (const kind of ["move", "swap"] as const) {
    const path = `/api/plan/${kind}s`;
    app.get(
      path,
      {
        schema: {
          tags: ["plan"],
          summary: `My ${kind}s, each with its state in today's plan: active, dropped (with the reason) or past`,
        },
        preHandler: auth,
      },
      async (request) => ({
        items: (await listChangesWithState(planDeps, userOf(request).id, kind)).map(
          ({ change, state }) => ({ ...changeView(change), ...state }),
        ),
      }),
    );
    app.delete<{ Params: Static<typeof IdParams> }>(
      `${path}/:id`,
      { schema: { tags: ["plan"], summary: `Undo a ${kind}`, params: IdParams }, preHandler: auth },
      async (request, reply) => {
        const result = await undoChange(planDeps, userOf(request).id, kind, request.params.id);
        return result.ok ? reply.code(204).send() : sendAppError(reply, result.error);
      },
    );
  }

  app.get<{ Querystring: Static<typeof MoveOptionsQuery> }>(
    "/api/plan/move-options",
    {
      schema: {
        tags: ["plan"],
        summary: "For the session on `from`: every other day of its week, allowed or not and why",
        querystring: MoveOptionsQuery,
      },
      preHandler: auth,
    },
    async (request, reply) => {
      const result = await moveOptions(planDeps, userOf(request).id, request.query.from);
      return result.ok ? { items: result.value } : sendAppError(reply, result.error);
    },
  );

  app.post<{ Body: Static<typeof MoveBody> }>(
    "/api/plan/moves",
    {
      schema: {
        tags: ["plan"],
        summary:
          "Move a planned session to another day of its week (409 with the rule when the day breaks one)",
        body: MoveBody,
      },
      preHandler: auth,
    },
    async (request, reply) => {
      const result = await moveSession(planDeps, userOf(request).id, request.body);
      return result.ok
        ? reply.code(201).send(changeView(result.value))
        : sendAppError(reply, result.error);
    },
  );

  app.post<{ Body: Static<typeof SwapBody> }>(
    "/api/plan/swaps",
    {
      schema: {
        tags: ["plan"],
        summary: "Swap an exercise of a session for another of the same muscle group",
        body: SwapBody,
      },
      preHandler: auth,
    },
    async (request, reply) => {
      const result = await swapExercise(planDeps, userOf(request).id, request.body);
      return result.ok
        ? reply.code(201).send(changeView(result.value))
        : sendAppError(reply, result.error);
    },
  );

  app.get<{ Querystring: Static<typeof ExercisesQuery> }>(
    "/api/exercises",
    {
      schema: {
        tags: ["exercises"],
        summary: "The exercise catalogue (optionally by muscle and equipment)",
        querystring: ExercisesQuery,
      },
    },
    async (request) => {
      const { muscle, equipment } = request.query;
      if (muscle !== undefined && !(MUSCLES as readonly string[]).includes(muscle)) {
        throw new InputProblem(
          "muscle",
          `${excerpt(muscle)} is not accepted; expected one of ${MUSCLES.join(", ")}`,
        );
      }
      const items = equipment
        ?.split(",")
        .map((item) => item.trim())
        .filter(Boolean);
      const unknown = items?.find((item) => !(EQUIPMENT as readonly string[]).includes(item));
      if (unknown !== undefined) {
        throw new InputProblem(
          "equipment",
          `${excerpt(unknown)} is not accepted; expected one of ${EQUIPMENT.join(", ")}`,
        );
      }
      return {
        items: listExercises({
          ...(muscle ? { muscle: muscle as Muscle } : {}),
          ...(items ? { equipment: items as Equipment[] } : {}),
        }),
      };
    },
  );
}
