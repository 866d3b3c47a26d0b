import type { Static } from "@sinclair/typebox";
import type { FastifyInstance } from "fastify";
import { notFound } from "../../../app/errors.js";
import { logWorkout, recordCheckin, updateWorkout } from "../../../app/training.js";
import { checkinView, workoutView } from "../../../contract/index.js";
import { type HttpDeps, requireUser, userOf } from "../context.js";
import { sendAppError } from "../problems.js";
import { CheckinBody, IdParams, WorkoutBody, WorkoutPatch } from "../schemas.js";

// Over 80 lines: one short registration per route, sharing the log-in check; the routes of a
// resource read best side by side.
export function trainingRoutes(app: FastifyInstance, deps: HttpDeps): void {
  const auth = requireUser(deps);
  const training = { repos: deps.store, ids: deps.ids, clock: deps.clock };

  app.post<{ Body: Static<typeof WorkoutBody> }>(
    "/api/workouts",
    {
      schema: {
        tags: ["workouts"],
        summary: "Log a workout (a retry with the same id is stored once)",
        body: WorkoutBody,
      },
      preHandler: auth,
    },
    async (request, reply) => {
      const result = await logWorkout(training, userOf(request).id, request.body);
      if (!result.ok) return sendAppError(reply, result.error);
      return reply
        .code(result.value.status === "created" ? 201 : 200)
        .send(workoutView(result.value.workout));
    },
  );

  app.get(
    "/api/workouts",
    { schema: { tags: ["workouts"], summary: "My workouts" }, preHandler: auth },
    async (request) => ({
      items: (await deps.store.workouts.list(userOf(request).id)).map(workoutView),
    }),
  );

  app.get<{ Params: Static<typeof IdParams> }>(
    "/api/workouts/:id",
    { schema: { tags: ["workouts"], summary: "One workout", params: IdParams }, preHandler: auth },
    async (request, reply) => {
      const workout = await deps.store.workouts.get(userOf(request).id, request.params.id);
      return workout ? workoutView(workout) : sendAppError(reply, notFound("Workout"));
    },
  );

  app.patch<{ Params: Static<typeof IdParams>; Body: Static<typeof WorkoutPatch> }>(
    "/api/workouts/:id",
    {
      schema: {
        tags: ["workouts"],
        summary: "Correct a workout's date or sets",
        params: IdParams,
        body: WorkoutPatch,
      },
      preHandler: auth,
    },
    async (request, reply) => {
      const result = await updateWorkout(
        training,
        userOf(request).id,
        request.params.id,
        request.body,
      );
      return result.ok ? workoutView(result.value) : sendAppError(reply, result.error);
    },
  );

  app.delete<{ Params: Static<typeof IdParams> }>(
    "/api/workouts/:id",
    {
      schema: { tags: ["workouts"], summary: "Delete a workout", params: IdParams },
      preHandler: auth,
    },
    async (request, reply) => {
      const deleted = await deps.store.workouts.delete(userOf(request).id, request.params.id);
      return deleted ? reply.code(204).send() : sendAppError(reply, notFound("Workout"));
    },
  );

  app.post<{ Body: Static<typeof CheckinBody> }>(
    "/api/checkins",
    {
      schema: {
        tags: ["check-ins"],
        summary: "The next-day check-in (one per day; a second answer replaces the first)",
        body: CheckinBody,
      },
      preHandler: auth,
    },
    async (request, reply) => {
      const result = await recordCheckin(training, userOf(request).id, request.body);
      return result.ok
        ? reply.code(201).send(checkinView(result.value))
        : sendAppError(reply, result.error);
    },
  );

  app.get(
    "/api/checkins",
    { schema: { tags: ["check-ins"], summary: "My check-ins" }, preHandler: auth },
    async (request) => ({
      items: (await deps.store.checkins.list(userOf(request).id)).map(checkinView),
    }),
  );
}
