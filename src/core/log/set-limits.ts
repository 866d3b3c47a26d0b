// Apart from the log's schema, so that readers of sets (the strength importers) need no TypeBox.

export const MAX_REPS = 100;
export const MAX_RIR = 5;

/** A set that is not a working set: kept in the log, skipped by progression (added to the contract). */
export const SET_KINDS = ["warmup", "drop"] as const;
export type SetKind = (typeof SET_KINDS)[number];
