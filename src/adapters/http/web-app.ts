import fastifyStatic from "@fastify/static";
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";

/**
 * Serves the built web app. Hashed assets are cached for a year; `index.html` and the service
 * worker never, so a new release reaches phones on the next visit. The build writes brotli and
 * gzip copies beside each text file (vite.precompress.ts): sent by `Accept-Encoding`, with
 * `Vary: Accept-Encoding`, compressed once at build time rather than on every request.
 */
export async function serveWebApp(app: FastifyInstance, root: string): Promise<void> {
  await app.register(fastifyStatic, {
    root,
    prefix: "/",
    wildcard: true,
    index: ["index.html"],
    preCompressed: true,
    setHeaders: (reply, path) => {
      const immutable = /[/\\]assets[/\\]/.test(path);
      reply.header("cache-control", immutable ? "public, max-age=31536000, immutable" : "no-cache");
    },
  });
}

/** The app's own addresses (/week, /gym/…) load index.html; /api and files that do not exist stay 404. */
export function appPageFallback(request: FastifyRequest, reply: FastifyReply): boolean {
  const path = request.url.split("?")[0] ?? "/";
  if (
    request.method !== "GET" ||
    path.startsWith("/api/") ||
    path === "/api" ||
    /\.[a-z0-9]+$/i.test(path)
  ) {
    return false;
  }
  reply.header("cache-control", "no-cache").sendFile("index.html");
  return true;
}
