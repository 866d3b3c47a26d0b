import { describe, expect, it } from "vitest";
import { ConfigError, readConfig } from "./config.js";

describe("readConfig", () => {
  it("has defaults that need no set-up", () => {
    const config = readConfig({}, "/srv/capacity");
    expect(config).toMatchObject({
      port: 3000,
      host: "localhost",
      dataDir: "/srv/capacity/data",
      databaseUrl: null,
      redisUrl: null,
      trustProxy: false,
      logLevel: "warn",
      logInDays: 30,
      authRateLimit: 10,
      importLimitBytes: 2 * 1024 * 1024 * 1024,
      uploadDir: "/srv/capacity/data/uploads",
      shutdownGraceMs: 10_000,
      metrics: false,
      fakeNow: null,
    });
  });

  it("reads every setting", () => {
    const config = readConfig(
      {
        PORT: "8080",
        HOST: "0.0.0.0",
        CAPACITY_DATA_DIR: "/var/lib/capacity",
        DATABASE_URL: "postgres://postgres@127.0.0.1:5432/capacity",
        REDIS_URL: "redis://127.0.0.1:6379",
        TRUST_PROXY: "true",
        LOG_LEVEL: "info",
        SESSION_DAYS: "7",
        AUTH_RATE_LIMIT: "5",
        BODY_LIMIT_BYTES: "2048",
        IMPORT_LIMIT_BYTES: "1048576",
        UPLOAD_DIR: "/tmp/capacity-uploads",
        SHUTDOWN_GRACE_MS: "2500",
        METRICS: "true",
        CAPACITY_FAKE_TODAY: "2026-11-25T10:00:00Z",
      },
      "/",
    );
    expect(config).toEqual({
      port: 8080,
      host: "0.0.0.0",
      dataDir: "/var/lib/capacity",
      databaseUrl: "postgres://postgres@127.0.0.1:5432/capacity",
      redisUrl: "redis://127.0.0.1:6379",
      trustProxy: true,
      logLevel: "info",
      logInDays: 7,
      authRateLimit: 5,
      bodyLimitBytes: 2048,
      importLimitBytes: 1_048_576,
      uploadDir: "/tmp/capacity-uploads",
      shutdownGraceMs: 2500,
      metrics: true,
      fakeNow: new Date("2026-11-25T10:00:00Z"),
    });
  });

  it("reads TRUST_PROXY as Fastify's trustProxy: all, none, a hop count, or addresses", () => {
    const read = (value: string) => readConfig({ TRUST_PROXY: value }, "/").trustProxy;
    expect(read("true")).toBe(true);
    expect(read("false")).toBe(false);
    expect(read("0")).toBe(false);
    expect(read("1")).toBe(1);
    expect(read("2")).toBe(2);
    expect(read("10.0.0.1")).toEqual(["10.0.0.1"]);
    expect(read("10.0.0.0/8, 192.168.1.1,::1, fd00::/8,loopback")).toEqual([
      "10.0.0.0/8",
      "192.168.1.1",
      "::1",
      "fd00::/8",
      "loopback",
    ]);
    for (const bad of ["10.0.0.0/33", "10.0.0", "proxy.example.com", "1,2", "::1/129"]) {
      expect(() => read(bad), bad).toThrow(/TRUST_PROXY/);
    }
  });

  it("takes CAPACITY_FAKE_TODAY (tests only) as a UTC instant, and nothing vaguer", () => {
    for (const bad of ["2026-11-25", "2026-11-25T10:00:00", "2026-13-40T10:00:00Z", "soon"]) {
      expect(() => readConfig({ CAPACITY_FAKE_TODAY: bad }, "/"), bad).toThrow(
        /CAPACITY_FAKE_TODAY/,
      );
    }
  });

  it("names every bad key in one error", () => {
    let error: unknown;
    try {
      readConfig({
        PORT: "70000",
        DATABASE_URL: "mysql://x",
        TRUST_PROXY: "maybe",
        LOG_LEVEL: "loud",
        SESSION_DAYS: "0",
        IMPORT_LIMIT_BYTES: "2GB",
      });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const problems = (error as ConfigError).problems;
    expect(problems).toHaveLength(6);
    for (const key of [
      "PORT",
      "DATABASE_URL",
      "TRUST_PROXY",
      "LOG_LEVEL",
      "SESSION_DAYS",
      "IMPORT_LIMIT_BYTES",
    ]) {
      expect(
        problems.some((problem) => problem.startsWith(key)),
        key,
      ).toBe(true);
    }
    expect((error as Error).message).toContain(
      'PORT="70000": expected a whole number from 0 to 65535',
    );
  });
});
