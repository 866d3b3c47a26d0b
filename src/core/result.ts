/** Expected failures are values; exceptions are for bugs. */
export type Result<T, E> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly error: E };

export const ok = <T>(value: T): Result<T, never> => ({ ok: true, value });
export const err = <E>(error: E): Result<never, E> => ({ ok: false, error });

/** Input that does not follow a contract: which field, and what would have been accepted. */
export interface InvalidInput {
  readonly kind: "invalid-input";
  /** Dotted path such as `runWeek.tue` or `sessions[0].sets[1].rir`; empty for the whole document. */
  readonly field: string;
  readonly message: string;
}

export function invalid(field: string, message: string): InvalidInput {
  return { kind: "invalid-input", field, message };
}

/** One line: `runWeek.tue: "hard" is not accepted; expected one of rest, easy, quality, long`. */
export function formatInvalid(problem: InvalidInput): string {
  return problem.field ? `${problem.field}: ${problem.message}` : problem.message;
}
