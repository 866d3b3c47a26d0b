import { type Static, Type } from "@sinclair/typebox";
import { closed } from "./shared.js";

/** Every `kind` an error body may carry; the HTTP status follows from it (docs/API.md, "Errors"). */
export const ERROR_KINDS = [
  "invalid",
  "invalid-json",
  "unauthorized",
  "not-found",
  "conflict",
  "rule",
  "no-profile",
  "too-large",
  "unsupported-media-type",
  "timeout",
  "rate-limited",
  "database",
  "unavailable",
  "forbidden",
  "internal",
] as const;
export type ErrorKind = (typeof ERROR_KINDS)[number];

/** The API's error body: `{"error":{"kind","message","field"}}`, plus `rule` for a broken rule. */
export const ErrorBodySchema = Type.Object(
  {
    error: Type.Object(
      {
        kind: Type.Union(ERROR_KINDS.map((kind) => Type.Literal(kind))),
        message: Type.String(),
        field: Type.Union([Type.String(), Type.Null()]),
        rule: Type.Optional(Type.String()),
      },
      closed,
    ),
  },
  closed,
);
export type ErrorBody = Static<typeof ErrorBodySchema>;
