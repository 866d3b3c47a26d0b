import { join, resolve } from "node:path";
import { excerpt } from "./core/excerpt.js";
import { parseTrustProxy, type TrustProxy } from "./trust-proxy.js";

/**
 * The only reader of the environment: every setting is parsed and checked here once, and a
 * bad start names every bad key at the same time.
 */
export interface Config {
  readonly port: number;
  readonly host: string;
  readonly dataDir: string;
  /** `postgres://…` switches from the embedded SQLite file to PostgreSQL. */
  readonly databaseUrl: string | null;
  /** Shared rate-limit counters for several server processes. */
  readonly redisUrl: string | null;
  /**
   * Which proxies in front are believed about X-Forwarded-* (needed for Secure cookies behind
   * HTTPS): all, none, a hop count, or their addresses and CIDR ranges (src/trust-proxy.ts).
   */
  readonly trustProxy: TrustProxy;
  readonly logLevel: "fatal" | "error" | "warn" | "info" | "debug" | "trace" | "silent";
  readonly logInDays: number;
  /** Sign-up and log-in attempts per IP and minute. */
  readonly authRateLimit: number;
  readonly bodyLimitBytes: number;
  /** The largest activity upload (POST /api/activities/import), all its files together. */
  readonly importLimitBytes: number;
  /**
   * Where uploads wait while they are imported, one folder per upload, removed when its import
   * ends. On disk rather than in memory: an upload may be gigabytes.
   */
  readonly uploadDir: string;
  /** On SIGTERM: how long in-flight requests and imports get before the process ends anyway. */
  readonly shutdownGraceMs: number;
  /** `GET /metrics` in Prometheus text format, off by default. */
  readonly metrics: boolean;
  /**
   * For tests only (the end-to-end journeys): `CAPACITY_FAKE_TODAY=2026-11-25T10:00:00Z` starts
   * the server's clock at that instant, so a journey can live a chosen weekday. Never set it in
   * production: log-in expiry and every "today" follow it. Null: the system clock.
   */
  readonly fakeNow: Date | null;
}

export class ConfigError extends Error {
  override readonly name = "ConfigError";
  constructor(readonly problems: readonly string[]) {
    super(
      `Capacity cannot start, the configuration has ${problems.length === 1 ? "a bad value" : "bad values"}:\n${problems.map((p) => `  - ${p}`).join("\n")}`,
    );
  }
}

const GIB = 1024 * 1024 * 1024;

const LOG_LEVELS = ["fatal", "error", "warn", "info", "debug", "trace", "silent"] as const;

// Over 80 lines: one line per setting, read with the small readers at its top so that every problem
// is collected and reported together.
export function readConfig(env: NodeJS.ProcessEnv = process.env, cwd = process.cwd()): Config {
  const problems: string[] = [];
  const text = (key: string): string | undefined => {
    const value = env[key];
    return value === undefined || value.trim() === "" ? undefined : value.trim();
  };
  const integer = (key: string, fallback: number, min: number, max: number): number => {
    const value = text(key);
    if (value === undefined) return fallback;
    const parsed = Number(value);
    if (!/^\d+$/.test(value) || parsed < min || parsed > max) {
      problems.push(`${key}=${excerpt(value)}: expected a whole number from ${min} to ${max}`);
      return fallback;
    }
    return parsed;
  };
  const url = (key: string, protocols: string[]): string | null => {
    const value = text(key);
    if (value === undefined) return null;
    try {
      const parsed = new URL(value);
      if (!protocols.includes(parsed.protocol)) throw new Error("protocol");
      return value;
    } catch {
      problems.push(`${key}: expected a ${protocols.map((p) => `${p}//…`).join(" or ")} URL`);
      return null;
    }
  };
  const boolean = (key: string, fallback: boolean): boolean => {
    const value = text(key)?.toLowerCase();
    if (value === undefined) return fallback;
    if (["1", "true", "yes"].includes(value)) return true;
    if (["0", "false", "no"].includes(value)) return false;
    problems.push(`${key}=${excerpt(value)}: expected true or false`);
    return fallback;
  };

  const port = integer("PORT", 3000, 0, 65535);
  const host = text("HOST") ?? "localhost";
  const dataDir = resolve(cwd, text("CAPACITY_DATA_DIR") ?? "data");
  const databaseUrl = url("DATABASE_URL", ["postgres:", "postgresql:"]);
  const redisUrl = url("REDIS_URL", ["redis:", "rediss:"]);
  const trustProxy = ((): TrustProxy => {
    const value = text("TRUST_PROXY");
    if (value === undefined) return false;
    const parsed = parseTrustProxy(value);
    if ("value" in parsed) return parsed.value;
    problems.push(`TRUST_PROXY=${JSON.stringify(value.slice(0, 200))}: ${parsed.problem}`);
    return false;
  })();
  const level = text("LOG_LEVEL") ?? "warn";
  if (!(LOG_LEVELS as readonly string[]).includes(level)) {
    problems.push(`LOG_LEVEL=${excerpt(level)}: expected one of ${LOG_LEVELS.join(", ")}`);
  }
  const logInDays = integer("SESSION_DAYS", 30, 1, 365);
  const authRateLimit = integer("AUTH_RATE_LIMIT", 10, 1, 10_000);
  const bodyLimitBytes = integer("BODY_LIMIT_BYTES", 1_048_576, 1024, 100 * 1_048_576);
  const importLimitBytes = integer("IMPORT_LIMIT_BYTES", 2 * GIB, 1024, 1024 * GIB);
  const uploadDir = resolve(cwd, text("UPLOAD_DIR") ?? join(dataDir, "uploads"));
  const shutdownGraceMs = integer("SHUTDOWN_GRACE_MS", 10_000, 0, 3_600_000);
  const metrics = boolean("METRICS", false);
  const fakeNow = ((): Date | null => {
    const value = text("CAPACITY_FAKE_TODAY");
    if (value === undefined) return null;
    const parsed = new Date(value);
    if (
      !/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?Z$/.test(value) ||
      Number.isNaN(parsed.getTime())
    ) {
      problems.push(
        `CAPACITY_FAKE_TODAY=${JSON.stringify(value.slice(0, 40))}: expected YYYY-MM-DDTHH:MM:SSZ`,
      );
      return null;
    }
    return parsed;
  })();
  if (problems.length) throw new ConfigError(problems);
  return {
    port,
    host,
    dataDir,
    databaseUrl,
    redisUrl,
    trustProxy,
    logLevel: level as Config["logLevel"],
    logInDays,
    authRateLimit,
    bodyLimitBytes,
    importLimitBytes,
    uploadDir,
    shutdownGraceMs,
    metrics,
    fakeNow,
  };
}
