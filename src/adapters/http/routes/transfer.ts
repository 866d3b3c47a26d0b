import type { Static } from "@sinclair/typebox";
import type { FastifyInstance } from "fastify";
import { exportPages, type ImportDocument, importAccount } from "../../../app/data-transfer.js";
import { type HttpDeps, requireUser, userOf } from "../context.js";
import { jsonStream } from "../export-stream.js";
import type { HeavyRequests } from "../heavy-requests.js";
import { sendAppError } from "../problems.js";
import { checkRestoreDocument, streamedRestoreBody } from "../restore-body.js";
import { ExportDocumentSchema } from "../schemas.js";

export function transferRoutes(
  app: FastifyInstance,
  deps: HttpDeps,
  importBodyLimit: number,
  heavy: HeavyRequests,
): void {
  const auth = requireUser(deps);

  app.get(
    "/api/export",
    {
      schema: { tags: ["data"], summary: "Everything of mine as one JSON document" },
      preHandler: [auth, heavy],
    },
    async (request, reply) => {
      const doc = await exportPages(deps.store, userOf(request), deps.clock);
      const day = doc.exportedAt.slice(0, 10);
      return reply
        .header("content-disposition", `attachment; filename="capacity-export-${day}.json"`)
        .type("application/json; charset=utf-8")
        .send(jsonStream({ ...doc }));
    },
  );

  // Its own scope: the restore's body is parsed as a stream and checked in slices
  // (restore-body.ts); every other route keeps the JSON parser of the app.
  app.register(async (scope) => {
    streamedRestoreBody(scope, importBodyLimit);
    scope.post<{ Body: Static<typeof ExportDocumentSchema> }>(
      "/api/import",
      {
        schema: {
          tags: ["data"],
          summary: "Restore an export into my account (idempotent)",
          body: ExportDocumentSchema,
        },
        // The schema is the contract (OpenAPI); checkRestoreDocument applies it in slices.
        validatorCompiler: () => (data) => ({ value: data }),
        preHandler: [auth, heavy],
        bodyLimit: importBodyLimit,
      },
      async (request, reply) => {
        const invalid = await checkRestoreDocument(request.body);
        if (invalid) throw invalid;
        const result = await importAccount(
          deps.store,
          userOf(request),
          request.body as ImportDocument,
          deps.clock,
        );
        return result.ok ? result.value : sendAppError(reply, result.error);
      },
    );
  });
}
