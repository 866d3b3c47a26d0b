import { type Static, Type } from "@sinclair/typebox";
import type { FastifyInstance } from "fastify";
import { storedProfile } from "../../../app/athlete-plan.js";
import { workoutPages } from "../../../app/data-transfer.js";
import { chooseNames, importStrengthCsv, pendingReview } from "../../../app/strength-import.js";
import { todayIn } from "../../../app/today.js";
import { strongCsvWriter } from "../../../core/strength-import/export.js";
import { formatLocalDate } from "../../../core/units/local-date.js";
import { type HttpDeps, requireUser, userOf } from "../context.js";
import { textStream } from "../export-stream.js";
import type { HeavyRequests } from "../heavy-requests.js";
import { sendAppError, sendProblem } from "../problems.js";

const ImportQuery = Type.Object(
  {
    name: Type.Optional(
      Type.String({ minLength: 1, maxLength: 200, description: "the file's name, for the report" }),
    ),
  },
  { additionalProperties: false },
);

const ChoicesBody = Type.Object(
  {
    choices: Type.Array(
      Type.Object(
        {
          name: Type.String({
            minLength: 1,
            maxLength: 200,
            description: "a name from the review",
          }),
          exercise: Type.Union([Type.String({ minLength: 1, maxLength: 80 }), Type.Null()], {
            description: "a catalogue id, or null to skip the name",
          }),
        },
        { additionalProperties: false },
      ),
      { minItems: 1, maxItems: 500 },
    ),
  },
  { additionalProperties: false },
);

// Over 80 lines: one short registration per route, sharing the log-in check and the body limit; the
// routes of a resource read best side by side.
export function strengthRoutes(
  app: FastifyInstance,
  deps: HttpDeps,
  bodyLimit: number,
  heavy: HeavyRequests,
): void {
  const auth = requireUser(deps);
  const strengthDeps = { repos: deps.store, ids: deps.ids, clock: deps.clock };
  // A lifting app's export is sent as it is, as CSV text.
  app.addContentTypeParser("text/csv", { parseAs: "string", bodyLimit }, (_request, body, done) =>
    done(null, body),
  );

  app.post<{ Querystring: Static<typeof ImportQuery>; Body: string }>(
    "/api/strength-imports",
    {
      schema: {
        tags: ["data"],
        summary:
          "Import a Strong or Hevy CSV export (body: the file as text/csv); names to review are listed and kept",
        querystring: ImportQuery,
      },
      preHandler: auth,
      bodyLimit,
    },
    async (request, reply) => {
      if (typeof request.body !== "string") {
        return sendProblem(reply, {
          kind: "unsupported-media-type",
          message: "Send the CSV file itself as the body, with content-type text/csv.",
        });
      }
      const result = await importStrengthCsv(strengthDeps, userOf(request).id, request.body, {
        source: request.query.name ?? "upload.csv",
      });
      return result.ok ? result.value : sendAppError(reply, result.error);
    },
  );

  app.get(
    "/api/strength-imports/review",
    {
      schema: {
        tags: ["data"],
        summary: "Exercise names of imported files waiting for a choice (map or skip)",
      },
      preHandler: auth,
    },
    async (request) => ({ items: await pendingReview(strengthDeps, userOf(request).id) }),
  );

  app.post<{ Body: Static<typeof ChoicesBody> }>(
    "/api/strength-imports/review",
    {
      schema: {
        tags: ["data"],
        summary:
          "Map names to catalogue ids or skip them (null); remembered, and the files waiting are imported again",
        body: ChoicesBody,
      },
      preHandler: auth,
    },
    async (request, reply) => {
      const result = await chooseNames(strengthDeps, userOf(request).id, request.body.choices);
      return result.ok ? result.value : sendAppError(reply, result.error);
    },
  );

  app.get(
    "/api/export.csv",
    {
      schema: { tags: ["data"], summary: "Every workout of mine in Strong's CSV layout" },
      preHandler: [auth, heavy],
    },
    async (request, reply) => {
      const owner = userOf(request).id;
      const profile = await storedProfile(strengthDeps, owner);
      const day = formatLocalDate(todayIn(profile?.timezone ?? "UTC", deps.clock));
      const writer = strongCsvWriter(profile?.units ?? "kg");
      async function* parts(): AsyncGenerator<string> {
        yield writer.header;
        for await (const page of workoutPages(deps.store, owner)) {
          yield writer.lines(
            page.map((workout) => ({ date: workout.date, sets: [...workout.sets] })),
          );
        }
      }
      return reply
        .type("text/csv; charset=utf-8")
        .header("content-disposition", `attachment; filename="capacity-workouts-${day}.csv"`)
        .send(textStream(parts()));
    },
  );
}
