import { Type } from "@sinclair/typebox";
import type { FastifyInstance } from "fastify";
import { athletePlan } from "../../../app/athlete-plan.js";
import { DateSchema } from "../../../core/profile/profile.js";
import { parseLocalDate } from "../../../core/units/local-date.js";
import { fitWorkoutFile } from "../../fit-workout.js";
import { type HttpDeps, requireUser, userOf } from "../context.js";
import { sendAppError, sendProblem } from "../problems.js";

const SessionParams = Type.Object({ date: DateSchema });

export function watchRoutes(app: FastifyInstance, deps: HttpDeps): void {
  const auth = requireUser(deps);
  const planDeps = { repos: deps.store, ids: deps.ids, clock: deps.clock };

  app.get<{ Params: { date: string } }>(
    "/api/plan/sessions/:date/workout.fit",
    {
      schema: {
        tags: ["plan"],
        summary:
          "The planned session of this day as a FIT workout file (for a Garmin watch's NewFiles folder)",
        params: SessionParams,
      },
      preHandler: auth,
    },
    async (request, reply) => {
      const { date } = request.params;
      // The schema checks the shape; a day like 2026-13-45 is refused here, under this route's
      // own field name rather than the plan's `from`.
      if (parseLocalDate(date) === null) {
        return sendProblem(reply, {
          kind: "invalid",
          message: `${JSON.stringify(date)} is not a real date; expected YYYY-MM-DD.`,
          field: "date",
        });
      }
      const plan = await athletePlan(planDeps, userOf(request).id, { from: date, weeks: 1 });
      if (!plan.ok) return sendAppError(reply, plan.error);
      const session = plan.value.weeks
        .flatMap((week) => week.sessions)
        .find((one) => one.date === date);
      if (!session) {
        return sendProblem(reply, {
          kind: "not-found",
          message: `No session is planned on ${date}.`,
          field: "date",
        });
      }
      return reply
        .type("application/vnd.ant.fit")
        .header("content-disposition", `attachment; filename="capacity-${date}.fit"`)
        .send(Buffer.from(fitWorkoutFile(session, deps.clock.now())));
    },
  );
}
