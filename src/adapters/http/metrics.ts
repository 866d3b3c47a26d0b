import type { FastifyInstance } from "fastify";
import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from "prom-client";
import { storageFailureOf } from "./storage-health.js";

/**
 * `GET /metrics` in Prometheus's text format (METRICS=true): requests by route and status, their
 * latency, import jobs running, database failures, and Node's own (memory, event-loop delay).
 * A registry per app, so that two apps in one process (tests) count apart.
 */
export function installMetrics(app: FastifyInstance, importJobsRunning: () => number): void {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: "capacity_" });
  const requests = new Counter({
    name: "capacity_http_requests_total",
    help: "HTTP requests answered, by method, route and status",
    labelNames: ["method", "route", "status"],
    registers: [registry],
  });
  const latency = new Histogram({
    name: "capacity_http_request_duration_seconds",
    help: "Time from request to answer, by method and route",
    labelNames: ["method", "route"],
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [registry],
  });
  const databaseErrors = new Counter({
    name: "capacity_database_errors_total",
    help: "Requests answered 503 because the database could not serve",
    registers: [registry],
  });
  new Gauge({
    name: "capacity_import_jobs_running",
    help: "Activity imports running or being uploaded",
    registers: [registry],
    collect() {
      this.set(importJobsRunning());
    },
  });

  app.addHook("onResponse", async (request, reply) => {
    // The route's pattern, not the URL: ids would make a series per workout.
    const route = request.routeOptions.url ?? "unmatched";
    requests.inc({ method: request.method, route, status: String(reply.statusCode) });
    latency.observe({ method: request.method, route }, reply.elapsedTime / 1000);
    if (storageFailureOf(request) !== undefined) databaseErrors.inc();
  });
  app.get("/metrics", { schema: { hide: true } }, async (_request, reply) =>
    reply.type(registry.contentType).send(await registry.metrics()),
  );
}
