import type { Static } from "@sinclair/typebox";
import type { FastifyInstance } from "fastify";
import { exportAccount, type ImportDocument, importAccount } from "../../../app/data-transfer.js";
import { type HttpDeps, requireUser, userOf } from "../context.js";
import { sendAppError } from "../problems.js";
import { ExportDocumentSchema } from "../schemas.js";

export function transferRoutes(
  app: FastifyInstance,
  deps: HttpDeps,
  importBodyLimit: number,
): void {
  const auth = requireUser(deps);

  app.get(
    "/api/export",
    {
      schema: { tags: ["data"], summary: "Everything of mine as one JSON document" },
      preHandler: auth,
    },
    async (request, reply) => {
      const doc = await exportAccount(deps.store, userOf(request), deps.clock);
      const day = doc.exportedAt.slice(0, 10);
      return reply
        .header("content-disposition", `attachment; filename="capacity-export-${day}.json"`)
        .send(doc);
    },
  );

  app.post<{ Body: Static<typeof ExportDocumentSchema> }>(
    "/api/import",
    {
      schema: {
        tags: ["data"],
        summary: "Restore an export into my account (idempotent)",
        body: ExportDocumentSchema,
      },
      preHandler: auth,
      bodyLimit: importBodyLimit,
    },
    async (request, reply) => {
      const result = await importAccount(
        deps.store,
        userOf(request),
        request.body as ImportDocument,
        deps.clock,
      );
      return result.ok ? result.value : sendAppError(reply, result.error);
    },
  );
}
