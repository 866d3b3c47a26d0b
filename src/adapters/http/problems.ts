import type { TSchema } from "@sinclair/typebox";
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import type { AppError } from "../../app/errors.js";
import type { ErrorBody, ErrorKind } from "../../contract/index.js";
import { checkSchema } from "../../core/validation.js";
import { storageUnavailable } from "../db/unavailable.js";
import { markStorageFailure, RETRY_AFTER_SECONDS } from "./storage-health.js";

/**
 * The one place where an HTTP error answer is made: the use cases' AppError values, the
 * problems found while reading a request (InputProblem, TooLargeProblem), the framework's own
 * errors (bad JSON, huge bodies, unknown routes, rate limits) and the few the routes meet
 * themselves (no log-in, an upload gone idle, too many imports, the database down). Every body
 * is the contract's ErrorBody: `{"error":{"kind","message","field"}}`.
 */

/** An error answer that is not a use case's: the HTTP layer's own kinds. */
export interface HttpProblem {
  readonly kind: ErrorKind;
  readonly message: string;
  readonly field?: string | null;
}

/** Bad input found while validating a request part; carries the field in the API's words. */
export class InputProblem extends Error {
  readonly statusCode = 400;
  constructor(
    readonly field: string,
    message: string,
    readonly kind: ErrorKind = "invalid",
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

const STATUS: Record<ErrorKind, number> = {
  invalid: 400,
  "invalid-json": 400,
  unauthorized: 401,
  forbidden: 403,
  "not-found": 404,
  timeout: 408,
  conflict: 409,
  rule: 409,
  "no-profile": 409,
  "too-large": 413,
  "unsupported-media-type": 415,
  "rate-limited": 429,
  internal: 500,
  database: 503,
  unavailable: 503,
};

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

function body(problem: AppError | HttpProblem): ErrorBody {
  return {
    error: {
      kind: problem.kind,
      message: boundedMessage(problem.message),
      field: "field" in problem && problem.field ? boundedMessage(problem.field) : null,
      ...(problem.kind === "rule" && "rule" in problem ? { rule: problem.rule } : {}),
    },
  };
}

interface SendOptions {
  /** Another status than the kind's own (a JSON body over the limit is a 400 `too-large`). */
  readonly status?: number;
  /** Close the connection after the answer: the client is not left sending a body nobody reads. */
  readonly close?: boolean;
  /** Fields beside `error` that a route's contract adds (the health check's `status`). */
  readonly extra?: Readonly<Record<string, unknown>>;
  /** Seconds after which the client may try again (`Retry-After`). */
  readonly retryAfter?: number;
}

/** Sends an error answer; every error status of the API is written here. */
export function sendProblem(
  reply: FastifyReply,
  problem: AppError | HttpProblem,
  options: SendOptions = {},
): FastifyReply {
  reply.code(options.status ?? STATUS[problem.kind]);
  if (options.close) reply.header("connection", "close");
  if (options.retryAfter !== undefined) reply.header("retry-after", String(options.retryAfter));
  return reply.send({ ...options.extra, ...body(problem) });
}

/** The one place where a use case's expected failure becomes an HTTP answer. */
export function sendAppError(reply: FastifyReply, error: AppError): FastifyReply {
  return sendProblem(reply, error);
}

/** 401: a route that needs an account, without a live log-in. */
export function sendUnauthorized(reply: FastifyReply): FastifyReply {
  return sendProblem(reply, { kind: "unauthorized", message: "Log in first." });
}

/** 503 from the health check: `{"status":"unavailable","error":{…}}`, with the reason. */
export function sendDatabaseDown(
  reply: FastifyReply,
  reason = "The database does not answer.",
): FastifyReply {
  return sendProblem(
    reply,
    { kind: "database", message: reason },
    { extra: { status: "unavailable" }, retryAfter: RETRY_AFTER_SECONDS },
  );
}

/** 408: an upload that sent nothing for too long; the connection is closed after the answer. */
export function sendTimeout(reply: FastifyReply, message: string): FastifyReply {
  return sendProblem(reply, { kind: "timeout", message }, { close: true });
}

/** 429: too many attempts, or too many imports (or restores and exports) of one account under way. */
export function sendRateLimited(
  reply: FastifyReply,
  message = "Too many attempts. Wait a minute and try again.",
  retryAfter?: number,
): FastifyReply {
  return sendProblem(
    reply,
    { kind: "rate-limited", message },
    retryAfter === undefined ? {} : { retryAfter },
  );
}

/**
 * Errors Fastify meets before routing (a broken %-encoding, an over-long path parameter), for
 * its `frameworkErrors` option.
 */
export function sendRoutingError(error: { code?: string }, reply: FastifyReply): FastifyReply {
  const message =
    error.code === "FST_ERR_MAX_PARAM_LENGTH"
      ? "The id in the path is too long."
      : "The URL is not valid.";
  return sendProblem(reply, { kind: "invalid", message });
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
 * Framework errors (bad JSON, huge bodies, rate limits, bugs) in the same shape as the rest.
 * Multipart errors never get here: the upload route (the only one that reads multipart) turns
 * them into TooLargeProblem or InputProblem itself (routes/activities.ts, uploadProblem).
 */
export function installErrorHandler(
  app: FastifyInstance,
  /** Answers a page address the server does not know (the web app's own routes); false to pass. */
  pageFallback?: (request: FastifyRequest, reply: FastifyReply) => boolean,
): void {
  app.setErrorHandler((error: FastifyError, request, reply) =>
    sendProblem(reply, ...problemOf(error, request)),
  );
  app.setNotFoundHandler((request, reply) => {
    if (pageFallback?.(request, reply)) return reply;
    return sendProblem(reply, {
      kind: "not-found",
      message: `No route ${request.method} ${request.url.split("?")[0]}.`,
    });
  });
}

/** A thrown error as the API answers it (logged when it is the server's own fault). */
function problemOf(error: FastifyError, request: FastifyRequest): [HttpProblem, SendOptions] {
  if (error instanceof InputProblem)
    return [{ kind: error.kind, message: error.message, field: error.field }, {}];
  if (error instanceof TooLargeProblem)
    return [{ kind: "too-large", message: error.message }, { close: true }];
  if (error instanceof ForbiddenProblem) return [{ kind: "forbidden", message: error.message }, {}];
  const unavailable = storageUnavailable(error);
  if (unavailable) {
    request.log.error({ err: error }, "database unavailable");
    markStorageFailure(request, unavailable);
    return [
      {
        kind: "unavailable",
        message: `${unavailable} Nothing of this request was saved; try again in a moment.`,
      },
      { retryAfter: RETRY_AFTER_SECONDS },
    ];
  }
  switch (error.code) {
    case "FST_ERR_CTP_INVALID_JSON_BODY":
    case "FST_ERR_CTP_EMPTY_JSON_BODY":
      return [
        { kind: "invalid-json", message: `The body is not valid JSON: ${error.message}` },
        {},
      ];
    case "FST_ERR_CTP_BODY_TOO_LARGE":
      return [
        { kind: "too-large", message: "The body is larger than this server accepts." },
        { status: 400 },
      ];
    case "FST_ERR_CTP_INVALID_MEDIA_TYPE":
      return [{ kind: "invalid", message: "Send JSON with Content-Type: application/json." }, {}];
  }
  if (error.statusCode === 429)
    return [
      { kind: "rate-limited", message: "Too many attempts. Wait a minute and try again." },
      {},
    ];
  if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500)
    return [{ kind: "invalid", message: error.message }, { status: error.statusCode }];
  request.log.error({ err: error }, "unexpected error");
  return [
    {
      kind: "internal",
      message: "Something went wrong on our side; nothing you sent was half-written.",
    },
    {},
  ];
}
