import { type Static, Type } from "@sinclair/typebox";
import { ProfileSchema } from "../core/profile/profile.js";
import { closed, InstantSchema, instant } from "./shared.js";

/** An account as the API shows it (sign-up, log-in, `GET /api/me`, `GET /api/session`). */
export const AccountSchema = Type.Object(
  { id: Type.String(), email: Type.String(), name: Type.String(), createdAt: InstantSchema },
  closed,
);
export type Account = Static<typeof AccountSchema>;

/** `GET /api/session`: who is logged in (null when nobody) and their profile (null before one). */
export const LogInStateSchema = Type.Object(
  {
    user: Type.Union([AccountSchema, Type.Null()]),
    profile: Type.Union([ProfileSchema, Type.Null()]),
  },
  closed,
);
export type LogInState = Static<typeof LogInStateSchema>;

/** What accountView reads of a stored account (never its password hash). */
export interface AccountRecord {
  readonly id: string;
  readonly email: string;
  readonly name: string;
  readonly createdAt: number;
}

export function accountView(user: AccountRecord): Account {
  return { id: user.id, email: user.email, name: user.name, createdAt: instant(user.createdAt) };
}
