import { excerpt } from "../core/excerpt.js";
import { passwordRuleBroken } from "../core/password-rules.js";
import { err, ok, type Result } from "../core/result.js";
import { MS_PER_DAY } from "../core/units/local-date.js";
import { normaliseEmail } from "./email.js";
import { type AppError, invalidField } from "./errors.js";
import { isLocalOwner, LOCAL_OWNER_EMAIL, LOCAL_OWNER_PASSWORD_HASH } from "./local-owner.js";
import type { Clock, Ids, PasswordHasher, Repos, User } from "./ports.js";

export { PASSWORD_MAX, PASSWORD_MIN } from "../core/password-rules.js";
export const LOG_IN_DAYS = 30;

export interface AccountDeps {
  readonly repos: Repos;
  readonly hasher: PasswordHasher;
  readonly ids: Ids;
  readonly clock: Clock;
  readonly logInDays?: number;
}

/**
 * The password rules (core/password-rules.ts), said the same way everywhere. Only new
 * passwords are checked: an account whose password predates a rule still logs in.
 */
export function passwordProblem(password: string, field = "password"): AppError | null {
  const broken = passwordRuleBroken(password);
  return broken ? invalidField(field, broken.message) : null;
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export interface SignedIn {
  readonly user: User;
  /** The secret for the cookie; only its hash is stored. */
  readonly token: string;
  readonly expiresAt: number;
}

async function openLogIn(deps: AccountDeps, user: User): Promise<SignedIn> {
  const token = deps.ids.token();
  const now = deps.clock.now().getTime();
  const expiresAt = now + (deps.logInDays ?? LOG_IN_DAYS) * MS_PER_DAY;
  await deps.repos.logIns.create({
    id: deps.ids.hashToken(token),
    userId: user.id,
    createdAt: now,
    expiresAt,
  });
  return { user, token, expiresAt };
}

const EMAIL_TAKEN: AppError = {
  kind: "conflict",
  field: "email",
  message: "An account with this e-mail already exists. Log in instead.",
};

/**
 * Creates an account and logs it in. While the local owner account exists (runs
 * imported with `capacity import` before anyone signed up), the sign-up takes it over instead:
 * the same row gets the e-mail, name and password, so its activities, workouts and profile stay.
 * Only the first sign-up can: afterwards no account is the local owner any more.
 */
export async function signUp(
  deps: AccountDeps,
  input: { email: string; password: string; name: string },
): Promise<Result<SignedIn, AppError>> {
  const email = normaliseEmail(input.email);
  if (!EMAIL.test(email) || email.length > 254)
    return err(invalidField("email", "is not an e-mail address"));
  if (email === LOCAL_OWNER_EMAIL)
    return err(invalidField("email", "is reserved for the local owner account: use your own"));
  const name = input.name.trim();
  if (!name) return err(invalidField("name", "is empty"));
  const problem = passwordProblem(input.password);
  if (problem) return err(problem);
  const now = deps.clock.now().getTime();
  const passwordHash = await deps.hasher.hash(input.password);
  const takenOver = await deps.repos.users.takeOver(
    { email: LOCAL_OWNER_EMAIL, passwordHash: LOCAL_OWNER_PASSWORD_HASH },
    { email, name, passwordHash, passwordChangedAt: now },
  );
  if (takenOver === "email-taken") return err(EMAIL_TAKEN);
  if (takenOver) return ok(await openLogIn(deps, takenOver));
  const user: User = {
    id: deps.ids.uuid(),
    email,
    name,
    passwordHash,
    createdAt: now,
    passwordChangedAt: now,
    dataVersion: 0,
  };
  const created = await deps.repos.users.create(user);
  if (created === "email-taken") return err(EMAIL_TAKEN);
  return ok(await openLogIn(deps, created));
}

const WRONG = "Wrong e-mail or password.";

export async function logIn(
  deps: AccountDeps,
  input: { email: string; password: string },
): Promise<Result<SignedIn, AppError>> {
  const user = await deps.repos.users.byEmail(normaliseEmail(input.email));
  if (!user || isLocalOwner(user)) {
    // Hash anyway so that a missing account takes as long as a wrong password. The local owner
    // has no password: nobody logs into it, the first sign-up takes it over.
    await deps.hasher.hash(input.password);
    return err({ kind: "unauthorized", message: WRONG });
  }
  if (!(await deps.hasher.verify(user.passwordHash, input.password))) {
    return err({ kind: "unauthorized", message: WRONG });
  }
  return ok(await openLogIn(deps, user));
}

export async function logOut(deps: AccountDeps, token: string): Promise<void> {
  await deps.repos.logIns.delete(deps.ids.hashToken(token));
}

/** The signed-in user behind a cookie's token, or null (unknown, expired or logged out). */
export async function userForToken(deps: AccountDeps, token: string): Promise<User | null> {
  const found = await deps.repos.logIns.find(deps.ids.hashToken(token), deps.clock.now().getTime());
  return found?.user ?? null;
}

/** Ends every log-in of the account, then opens a fresh one for the device that asked. */
export async function changePassword(
  deps: AccountDeps,
  user: User,
  input: { current: string; next: string },
): Promise<Result<SignedIn, AppError>> {
  if (!(await deps.hasher.verify(user.passwordHash, input.current))) {
    return err(invalidField("current", "is not your current password"));
  }
  const problem = passwordProblem(input.next, "next");
  if (problem) return err(problem);
  await deps.repos.users.setPassword(
    user.id,
    await deps.hasher.hash(input.next),
    deps.clock.now().getTime(),
  );
  await deps.repos.logIns.deleteForUser(user.id);
  const fresh = await deps.repos.users.byId(user.id);
  return ok(await openLogIn(deps, fresh ?? user));
}

/** For an operator without e-mail: sets a new password and ends every log-in of the account. */
export async function resetPassword(
  deps: AccountDeps,
  email: string,
  password: string,
): Promise<Result<User, AppError>> {
  const user = await deps.repos.users.byEmail(normaliseEmail(email));
  if (!user)
    return err({ kind: "not-found", message: `No account with the e-mail ${excerpt(email)}.` });
  if (isLocalOwner(user)) {
    return err({
      kind: "conflict",
      message:
        "This is the local owner account of `capacity import`: it has no password; the first sign-up in the web app takes it over with its data.",
    });
  }
  const problem = passwordProblem(password);
  if (problem) return err(problem);
  await deps.repos.users.setPassword(
    user.id,
    await deps.hasher.hash(password),
    deps.clock.now().getTime(),
  );
  await deps.repos.logIns.deleteForUser(user.id);
  return ok(user);
}

export async function deleteAccount(deps: AccountDeps, user: User): Promise<void> {
  await deps.repos.users.delete(user.id);
}
