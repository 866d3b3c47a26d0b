import { Type } from "@sinclair/typebox";

/** Every response object is closed: a field the contract does not name is a bug. */
export const closed = { additionalProperties: false } as const;

/** An instant as the API writes it: ISO 8601 in UTC, from `Date.prototype.toISOString`. */
export const InstantSchema = Type.String({
  description: "an ISO 8601 instant such as 2026-11-30T09:00:00.000Z",
});

/** Stored instants are epoch milliseconds; the wire carries ISO 8601. */
export function instant(epochMs: number): string {
  return new Date(epochMs).toISOString();
}

export const UUID_PATTERN =
  "^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$";
/** A client-made id. */
export const Uuid = Type.String({
  pattern: UUID_PATTERN,
  description: "a UUID such as 3f2b8c1e-6d0a-4b7e-9c55-2a1d0e4f9b10",
});
