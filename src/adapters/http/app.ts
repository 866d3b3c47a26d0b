import { randomUUID } from "node:crypto";
import { existsSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import compress from "@fastify/compress";
import cookie from "@fastify/cookie";
import rateLimit from "@fastify/rate-limit";
import swagger from "@fastify/swagger";
import swaggerUi from "@fastify/swagger-ui";
import Fastify, { type FastifyInstance, type FastifyReply } from "fastify";
import type { Redis } from "ioredis";
import { ImportJobs } from "../../app/import-jobs.js";
import type { HttpDeps } from "./context.js";
import { crossSiteProtection } from "./cross-site.js";
import { onePerAccount } from "./heavy-requests.js";
import { limitJsonDepth } from "./json-depth.js";
import { logSerializers } from "./log-redaction.js";
import { installMetrics } from "./metrics.js";
import { JSON_COMPRESS_THRESHOLD } from "./precompressed.js";
import {
  InputProblem,
  installErrorHandler,
  sendRoutingError,
  typeboxValidator,
} from "./problems.js";
import { accountRoutes } from "./routes/accounts.js";
import { activityRoutes, sweepStaleUploads } from "./routes/activities.js";
import { calendarRoutes } from "./routes/calendar.js";
import { homeRoutes } from "./routes/home.js";
import { planningRoutes } from "./routes/planning.js";
import { strengthRoutes } from "./routes/strength.js";
import { trainingRoutes } from "./routes/training.js";
import { transferRoutes } from "./routes/transfer.js";
import { watchRoutes } from "./routes/watch.js";
import { IdParams } from "./schemas.js";
import { installSecurityHeaders } from "./security-headers.js";
import { trackStorageHealth } from "./storage-health.js";
import { appPageFallback, serveWebApp } from "./web-app.js";

export interface HttpOptions {
  readonly logLevel: string;
  /** Fastify's trustProxy: all, none, a hop count, or addresses and CIDR ranges. */
  readonly trustProxy: boolean | number | readonly string[];
  readonly bodyLimitBytes: number;
  readonly authRateLimit: number;
  /** Shared counters when several processes serve the same users. */
  readonly redis?: Redis;
  /** The built web app (dist/web); without it `/` is a plain page about the API. */
  readonly webRoot?: string;
  /** The largest activity upload, all its files together (default 2 GiB). */
  readonly importLimitBytes?: number;
  /** Where uploads wait while imported (default a folder in the system's temp folder). */
  readonly uploadDir?: string;
  /** Where log lines go (default standard output); tests read them. */
  readonly logStream?: NodeJS.WritableStream;
  /** Serve `GET /metrics` (Prometheus text format). */
  readonly metrics?: boolean;
}

const DEFAULT_IMPORT_LIMIT = 2 * 1024 * 1024 * 1024;

/** An import carries years of workouts: it may be larger than any other body. */
const IMPORT_BODY_LIMIT = 50 * 1_048_576;

/** Longer than any request line Node takes: a long path parameter still finds its route. */
const MAX_PARAM_LENGTH = 65_536;

/** The longest id in a path (IdParams). */
const MAX_ID_LENGTH = IdParams.properties.id.maxLength ?? 100;

/**
 * A hop count as proxy-addr has always read it (the n addresses nearest the server are
 * proxies); Fastify 5 now trusts nobody for a bare number, which would ignore the setting.
 * Only right when the server is reachable through those proxies alone (README, TRUST_PROXY).
 */
function fastifyTrustProxy(
  setting: HttpOptions["trustProxy"],
): boolean | string[] | ((address: string, hop: number) => boolean) {
  if (typeof setting === "number") return (_address, hop) => hop < setting;
  return typeof setting === "boolean" ? setting : [...setting];
}

/**
 * The HTTP API and the page at `/`, ready for `listen` or, in tests, `inject`.
 *
 * Over 80 lines: the server's set-up in the order Fastify needs it (hooks, plugins, then routes);
 * each step is a call or a short hook, and the order is the point.
 */
export async function buildApp(deps: HttpDeps, options: HttpOptions): Promise<FastifyInstance> {
  const app = Fastify({
    // pino's JSON lines; each request's carry its id, also sent back as X-Request-Id.
    logger: {
      level: options.logLevel,
      serializers: logSerializers,
      ...(options.logStream ? { stream: options.logStream } : {}),
    },
    genReqId: () => randomUUID(),
    trustProxy: fastifyTrustProxy(options.trustProxy),
    bodyLimit: options.bodyLimitBytes,
    // A path parameter over find-my-way's default 100 characters would match no route, and a
    // GET would fall through to the web app's wildcard (404 echoing the path, or 403 from the
    // file system for a very long one). Every request line fits in this (Node's header limit
    // is 16 KB): the route is found, and the onRequest hook below refuses the id (400, field id).
    routerOptions: { maxParamLength: MAX_PARAM_LENGTH },
    // Errors Fastify meets before routing (a broken %-encoding, an over-long path parameter)
    // answer in the API's error shape too.
    frameworkErrors: (error, _request, reply) => {
      sendRoutingError(error, reply as FastifyReply);
    },
  });
  app.setValidatorCompiler(typeboxValidator);
  limitJsonDepth(app);
  crossSiteProtection(app);
  trackStorageHealth(app);
  const webRoot =
    options.webRoot && existsSync(join(options.webRoot, "index.html")) ? options.webRoot : null;
  installErrorHandler(app, webRoot ? appPageFallback : undefined);
  // An over-long id is refused by its length, before the body is read and without being echoed
  // back; the web app's wildcard (`*`) is a file path, not an id.
  // Hooks every request runs are written with `done` rather than async: no promise per request.
  app.addHook("onRequest", (request, _reply, done) => {
    const params = (request.params ?? {}) as Record<string, unknown>;
    for (const name in params) {
      const value = params[name];
      if (name !== "*" && typeof value === "string" && value.length > MAX_ID_LENGTH) {
        done(
          new InputProblem(
            name,
            `The ${name} in the path is too long: at most ${MAX_ID_LENGTH} characters.`,
          ),
        );
        return;
      }
    }
    done();
  });

  installSecurityHeaders(app);
  // API answers of 1 KB and more (a plan, a list) go compressed when the client takes it;
  // the web app's files are compressed at build time (web-app.ts), so only JSON is done here.
  await app.register(compress, {
    global: true,
    threshold: JSON_COMPRESS_THRESHOLD,
    encodings: ["br", "gzip"],
    customTypes: /^application\/json\b/,
  });
  await app.register(cookie);
  await app.register(rateLimit, {
    global: false,
    ...(options.redis ? { redis: options.redis, nameSpace: "capacity-rate-limit:" } : {}),
  });
  await app.register(swagger, {
    openapi: {
      openapi: "3.1.0",
      info: {
        title: "Capacity API",
        version: "1",
        description:
          'Strength training for runners. Errors are `{"error":{"kind","message","field"}}`; a session cookie (`capacity_session`) comes from sign-up or log-in.',
      },
    },
  });
  await app.register(swaggerUi, {
    routePrefix: "/api/docs",
    staticCSP: true,
    // Like the rest of the site, the docs are served over plain HTTP on a home network too.
    transformStaticCSP: (header) => header.replace(/\s*upgrade-insecure-requests;?/, ""),
  });

  app.get("/api/openapi.json", { schema: { hide: true } }, async () => app.swagger());
  if (webRoot) await serveWebApp(app, webRoot);
  homeRoutes(app, deps, webRoot !== null);
  accountRoutes(app, deps, options.authRateLimit);
  planningRoutes(app, deps);
  trainingRoutes(app, deps);
  // One place per account for every request that reads or writes all of it.
  const heavy = onePerAccount();
  transferRoutes(app, deps, Math.max(IMPORT_BODY_LIMIT, options.bodyLimitBytes), heavy);
  calendarRoutes(app, deps);
  watchRoutes(app, deps);
  strengthRoutes(app, deps, Math.max(IMPORT_BODY_LIMIT, options.bodyLimitBytes), heavy);

  // Activity imports run after their upload is answered; the server stops them between two
  // files when it closes, and they remove their uploaded files either way.
  const jobs = new ImportJobs({
    clock: deps.clock,
    ids: deps.ids,
    onUnexpected: (error, jobId) => app.log.error({ err: error, jobId }, "import job failed"),
  });
  const uploadDir = options.uploadDir ?? join(tmpdir(), "capacity-uploads");
  void sweepStaleUploads(uploadDir, Date.now());
  activityRoutes(app, deps, {
    importLimitBytes: options.importLimitBytes ?? DEFAULT_IMPORT_LIMIT,
    uploadDir,
    jobs,
  });
  // preClose: before the onClose hooks close the database the jobs write to.
  app.addHook("preClose", async () => {
    // The athlete cannot ask a stopped server what became of an import: the log keeps it.
    for (const job of await jobs.stop()) {
      app.log.warn(
        { jobId: job.id, status: job.status, counts: job.counts },
        "import job ended by the server stopping",
      );
    }
  });
  app.addHook("onSend", (request, reply, payload, done) => {
    reply.header("x-request-id", request.id);
    done(null, payload);
  });
  if (options.metrics) installMetrics(app, () => jobs.running());
  return app;
}
