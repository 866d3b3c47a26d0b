import type { FastifyInstance } from "fastify";
import { storageUnavailable } from "../../db/unavailable.js";
import type { HttpDeps } from "../context.js";
import { sendDatabaseDown } from "../problems.js";
import { recentStorageFailure } from "../storage-health.js";

const PAGE = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Capacity: strength training for runners</title>
<style>
  body { font: 18px/1.5 system-ui, sans-serif; max-width: 40rem; margin: 2rem auto; padding: 0 1rem; color: #111; background: #fff; }
  @media (prefers-color-scheme: dark) { body { color: #eee; background: #121212; } a { color: #8ab4ff; } }
  h1 { font-size: 1.8rem; margin-bottom: .25rem; }
  code { font-size: .95em; }
</style>
</head>
<body>
<h1>Capacity</h1>
<p>Strength training for runners: two short sessions a week, placed around your runs, one set of
8 to 10 reps per exercise, stopping with 1 or 2 reps left in the tank.</p>
<p>The server is running. The app for your phone comes next; until then everything works
through the API:</p>
<ul>
  <li><a href="/api/docs">API documentation</a> (try it in the browser)</li>
  <li><a href="/api/openapi.json">OpenAPI document</a></li>
  <li><a href="/api/health">Health check</a></li>
</ul>
</body>
</html>
`;

export function homeRoutes(app: FastifyInstance, deps: HttpDeps, webApp: boolean): void {
  if (!webApp) {
    app.get("/", { schema: { hide: true } }, async (_request, reply) =>
      reply.type("text/html; charset=utf-8").send(PAGE),
    );
  }

  app.get(
    "/api/health",
    { schema: { tags: ["health"], summary: "Up, with the database reachable" } },
    async (request, reply) => {
      let reason: string | null;
      try {
        await deps.store.ping();
        reason = recentStorageFailure(request);
      } catch (error) {
        reply.log.error({ err: error }, "health check: database unreachable");
        reason = storageUnavailable(error) ?? "The database does not answer.";
      }
      if (reason === null) return { status: "ok" };
      return sendDatabaseDown(reply, reason);
    },
  );
}
