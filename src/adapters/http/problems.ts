import type { TSchema } from "@sinclair/typebox";
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import type { AppError } from "../../app/errors.js";
import { checkSchema } from "../../core/validation.js";
import { storageUnavailable } from "../db/unavailable.js";
import { markStorageFailure, RETRY_AFTER_SECONDS } from "./storage-health.js";

/** The API's error body: `{"error":{"kind","message","field"}}` (plus `rule` for a broken rule). */
export interface ErrorBody {
  readonly error: {
    readonly kind: string;
    readonly message: string;
    readonly field: string | null;
    readonly rule?: string;
  };
}

/** Bad input found while validating a request part; carries the field in the API's words. */
export class InputProblem extends Error {
  readonly statusCode = 400;
  constructor(
    readonly field: string,
    message: string,
    readonly kind = "invalid",
  ) {
    super(message);
  }
}

/**
 * An upload over its limit: 413 `too-large`. The connection is closed after the answer, so the
 * client is not left sending gigabytes that will be thrown away.
 */
export class TooLargeProblem extends Error {
  readonly statusCode = 413;
}

/** A request refused whatever its content (a cross-site form post): 403 `forbidden`. */
export class ForbiddenProblem extends Error {
  readonly statusCode = 403;
}

const STATUS: Record<AppError["kind"], number> = {
  invalid: 400,
  unauthorized: 401,
  "not-found": 404,
  conflict: 409,
  rule: 409,
  "no-profile": 409,
};

/** The one place where a use case's expected failure becomes an HTTP answer. */
export function sendAppError(reply: FastifyReply, error: AppError): FastifyReply {
  const body: ErrorBody = {
    error: {
      kind: error.kind,
      message: boundedMessage(error.message),
      field: "field" in error && error.field !== undefined ? boundedMessage(error.field) : null,
      ...(error.kind === "rule" ? { rule: error.rule } : {}),
    },
  };
  return reply.code(STATUS[error.kind]).send(body);
}

/** Request validation with TypeBox and the core's messages ("field: what is accepted"). */
export function typeboxValidator({ schema }: { schema: unknown }) {
  return (data: unknown) => {
    if (data === undefined || data === null) {
      const expectsObject = (schema as TSchema).type === "object";
      if (expectsObject)
        return { error: new InputProblem("", "a JSON object is required in the body") };
    }
    const problem = checkSchema(schema as TSchema, data);
    return problem ? { error: new InputProblem(problem.field, problem.message) } : { value: data };
  };
}

/**
 * The longest message an error body carries. Messages name the field and the rule with at most
 * a short excerpt of the value (core/excerpt.ts); this bound holds whatever a library says.
 */
export const MAX_MESSAGE_CHARS = 1000;

export function boundedMessage(message: string): string {
  return message.length > MAX_MESSAGE_CHARS
    ? `${message.slice(0, MAX_MESSAGE_CHARS - 1)}…`
    : message;
}

function body(kind: string, message: string, field: string | null = null): ErrorBody {
  return {
    error: { kind, message: boundedMessage(message), field: field && boundedMessage(field) },
  };
}

/** The API's error body, for routes that answer an error themselves. */
export const problemBody = body;

/**
 * Framework errors (bad JSON, huge bodies, rate limits, bugs) in the same shape as the rest.
 * Multipart errors never get here: the upload route (the only one that reads multipart) turns
 * them into TooLargeProblem or InputProblem itself (routes/activities.ts, uploadProblem).
 */
export function installErrorHandler(
  app: FastifyInstance,
  /** Answers a page address the server does not know (the web app's own routes); false to pass. */
  pageFallback?: (request: FastifyRequest, reply: FastifyReply) => boolean,
): void {
  app.setErrorHandler((error: FastifyError & { field?: string }, request, reply) => {
    if (error instanceof InputProblem)
      return reply.code(400).send(body(error.kind, error.message, error.field || null));
    const unavailable = storageUnavailable(error);
    if (unavailable) {
      request.log.error({ err: error }, "database unavailable");
      markStorageFailure(request, unavailable);
      return reply
        .code(503)
        .header("retry-after", String(RETRY_AFTER_SECONDS))
        .send(
          body(
            "unavailable",
            `${unavailable} Nothing of this request was saved; try again in a moment.`,
          ),
        );
    }
    if (error instanceof ForbiddenProblem)
      return reply.code(403).send(body("forbidden", error.message));
    if (error instanceof TooLargeProblem)
      return reply.code(413).header("connection", "close").send(body("too-large", error.message));
    switch (error.code) {
      case "FST_ERR_CTP_INVALID_JSON_BODY":
      case "FST_ERR_CTP_EMPTY_JSON_BODY":
        return reply
          .code(400)
          .send(body("invalid-json", `The body is not valid JSON: ${error.message}`));
      case "FST_ERR_CTP_BODY_TOO_LARGE":
        return reply
          .code(400)
          .send(body("too-large", "The body is larger than this server accepts."));
      case "FST_ERR_CTP_INVALID_MEDIA_TYPE":
        return reply
          .code(400)
          .send(body("invalid", "Send JSON with Content-Type: application/json."));
    }
    if (error.statusCode === 429) {
      return reply
        .code(429)
        .send(body("rate-limited", "Too many attempts. Wait a minute and try again."));
    }
    if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500) {
      return reply.code(error.statusCode).send(body("invalid", error.message));
    }
    request.log.error({ err: error }, "unexpected error");
    return reply
      .code(500)
      .send(
        body("internal", "Something went wrong on our side; nothing you sent was half-written."),
      );
  });
  app.setNotFoundHandler((request, reply) => {
    if (pageFallback?.(request, reply)) return reply;
    return reply
      .code(404)
      .send(body("not-found", `No route ${request.method} ${request.url.split("?")[0]}.`));
  });
}
