import type { RuleId } from "../core/protocol/rules.js";

/** Expected failures of the use cases; the HTTP adapter maps each kind to a status in one place. */
export type AppError =
  | { readonly kind: "invalid"; readonly field: string; readonly message: string }
  | { readonly kind: "unauthorized"; readonly message: string }
  | { readonly kind: "not-found"; readonly message: string }
  | { readonly kind: "conflict"; readonly message: string; readonly field?: string }
  | {
      readonly kind: "rule";
      readonly rule: RuleId;
      readonly message: string;
      readonly field?: string;
    }
  | { readonly kind: "no-profile"; readonly message: string };

export const invalidField = (field: string, message: string): AppError => ({
  kind: "invalid",
  field,
  message,
});
export const notFound = (what: string): AppError => ({
  kind: "not-found",
  message: `${what} not found.`,
});
