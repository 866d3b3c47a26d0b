/**
 * What crosses the wire between the server and its clients: the response bodies as TypeBox
 * schemas and their types, and the mappers from stored records to those bodies. The HTTP
 * adapter answers with these, the web app reads them. It depends on the core only: the plan
 * and the profile are the core's own contracts (`Plan`, `Profile`).
 */
export * from "./accounts.js";
export * from "./activities.js";
export * from "./planning.js";
export * from "./problems.js";
export { UUID_PATTERN, Uuid } from "./shared.js";
export * from "./strength.js";
export * from "./training.js";

/** A list answer: `{ "items": [...] }`. */
export interface Items<T> {
  readonly items: readonly T[];
}
