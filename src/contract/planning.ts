import { type Static, Type } from "@sinclair/typebox";
import { DateSchema } from "../core/profile/profile.js";
import { closed, InstantSchema, instant } from "./shared.js";

/** A kept move of a planned session to another day of its week (`/api/plan/moves`). */
export const MoveSchema = Type.Object(
  {
    id: Type.String(),
    kind: Type.Literal("move"),
    from: DateSchema,
    to: DateSchema,
    createdAt: InstantSchema,
    /** In a listing: `active`, `dropped` (a later change made it unfit; `reason` says why) or `past`. */
    state: Type.Optional(
      Type.Union([Type.Literal("active"), Type.Literal("dropped"), Type.Literal("past")]),
    ),
    reason: Type.Optional(Type.Union([Type.String(), Type.Null()])),
  },
  closed,
);
export type Move = Static<typeof MoveSchema>;

/** A kept swap of one exercise of a planned session for another (`/api/plan/swaps`). */
export const SwapSchema = Type.Object(
  {
    id: Type.String(),
    kind: Type.Literal("swap"),
    date: DateSchema,
    exercise: Type.String(),
    with: Type.String(),
    createdAt: InstantSchema,
    /** In a listing: `active`, `dropped` (a later change made it unfit; `reason` says why) or `past`. */
    state: Type.Optional(
      Type.Union([Type.Literal("active"), Type.Literal("dropped"), Type.Literal("past")]),
    ),
    reason: Type.Optional(Type.Union([Type.String(), Type.Null()])),
  },
  closed,
);
export type Swap = Static<typeof SwapSchema>;
export type PlanChange = Move | Swap;

/** May the planned session go to this day, and if not, the rule and why (`/api/plan/move-options`). */
export const MoveOptionSchema = Type.Object(
  {
    date: DateSchema,
    allowed: Type.Boolean(),
    rule: Type.Union([Type.String(), Type.Null()]),
    reason: Type.Union([Type.String(), Type.Null()]),
    /** A day before today: never a day to move to (rule `past`). */
    past: Type.Boolean(),
  },
  closed,
);
export type MoveOption = Static<typeof MoveOptionSchema>;

/** A wire body as stored: the same fields, its instant in epoch milliseconds. */
type Stored<T extends { createdAt: string }> = Readonly<Omit<T, "createdAt">> & {
  readonly createdAt: number;
};

/** A move or swap as stored (the app's StoredPlanChange is this type). */
export type PlanChangeRecord = Stored<Move> | Stored<Swap>;

export function changeView(change: PlanChangeRecord & { readonly kind: "move" }): Move;
export function changeView(change: PlanChangeRecord & { readonly kind: "swap" }): Swap;
export function changeView(change: PlanChangeRecord): PlanChange;
export function changeView(change: PlanChangeRecord): PlanChange {
  return change.kind === "move"
    ? {
        id: change.id,
        kind: "move",
        from: change.from,
        to: change.to,
        createdAt: instant(change.createdAt),
      }
    : {
        id: change.id,
        kind: "swap",
        date: change.date,
        exercise: change.exercise,
        with: change.with,
        createdAt: instant(change.createdAt),
      };
}
