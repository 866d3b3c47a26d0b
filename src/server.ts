import { fileURLToPath, pathToFileURL } from "node:url";
import type { FastifyInstance } from "fastify";
import { Redis } from "ioredis";
import { argon2Hasher, cryptoIds } from "./adapters/crypto.js";
import { buildApp } from "./adapters/http/app.js";
import { type Clock, systemClock } from "./app/ports.js";
import { type Config, ConfigError, readConfig } from "./config.js";
import {
  databaseTarget,
  describeTarget,
  openStoreForServer,
  PendingMigrations,
} from "./storage.js";

/** Composition root of the server: configuration, storage, HTTP. */
export async function startServer(
  config: Config,
): Promise<{ app: FastifyInstance; url: string; stop(): Promise<void> }> {
  // A long-running process: SQLite's checkpoints and a restore's fsync go to a worker thread.
  const { store } = await openStoreForServer(config, { checkpointInBackground: true });
  const redis = config.redisUrl
    ? new Redis(config.redisUrl, { maxRetriesPerRequest: 1, lazyConnect: false })
    : undefined;
  const app = await buildApp(
    {
      store,
      hasher: argon2Hasher,
      ids: cryptoIds,
      clock: config.fakeNow ? fakeClock(config.fakeNow) : systemClock,
      logInDays: config.logInDays,
    },
    {
      logLevel: config.logLevel,
      trustProxy: config.trustProxy,
      bodyLimitBytes: config.bodyLimitBytes,
      importLimitBytes: config.importLimitBytes,
      uploadDir: config.uploadDir,
      authRateLimit: config.authRateLimit,
      metrics: config.metrics,
      ...(redis ? { redis } : {}),
      webRoot: fileURLToPath(new URL("./web", import.meta.url)),
    },
  );
  app.addHook("onClose", async () => {
    await store.close();
    redis?.disconnect();
  });
  const address = await app.listen({ port: config.port, host: config.host });
  const url = address.replace("127.0.0.1", "localhost").replace("[::1]", "localhost");
  return { app, url, stop: () => app.close() };
}

/**
 * A clock that starts at `start` and runs on from there (tests only, CAPACITY_FAKE_TODAY): time
 * still passes, so what is saved keeps its order.
 */
function fakeClock(start: Date): Clock {
  const startedAt = Date.now();
  return { now: () => new Date(start.getTime() + (Date.now() - startedAt)) };
}

async function main(): Promise<void> {
  let config: Config;
  try {
    config = readConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(2);
    }
    throw error;
  }
  try {
    const server = await startServer(config);
    process.stdout.write(
      `Capacity is running on ${server.url} (data: ${describeTarget(databaseTarget(config))})\n`,
    );
    // Graceful: no new connections, requests under way answered, import jobs stopped between
    // two files (what they stored stays), the database closed; after SHUTDOWN_GRACE_MS the
    // process ends anyway. A second signal ends it at once.
    let stopping = false;
    const stop = (signal: NodeJS.Signals) => {
      if (stopping) process.exit(1);
      stopping = true;
      server.app.log.warn({ signal, graceMs: config.shutdownGraceMs }, "shutting down");
      const timer = setTimeout(() => {
        server.app.log.error("shutdown grace time over: exiting with work unfinished");
        process.exit(1);
      }, config.shutdownGraceMs);
      timer.unref();
      server.stop().then(
        () => process.exit(0),
        (error: unknown) => {
          server.app.log.error({ err: error }, "shutdown failed");
          process.exit(1);
        },
      );
    };
    process.on("SIGINT", stop);
    process.on("SIGTERM", stop);
  } catch (error) {
    if (error instanceof PendingMigrations) {
      process.stderr.write(`${error.message}\n`);
      process.exit(2);
    }
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "EADDRINUSE") {
      process.stderr.write(`Port ${config.port} is already in use: set PORT to another one.\n`);
      process.exit(2);
    }
    throw error;
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  main().catch((error: unknown) => {
    process.stderr.write(`Capacity could not start: ${(error as Error).stack ?? String(error)}\n`);
    process.exit(1);
  });
}
