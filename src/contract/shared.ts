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
