import { excerpt } from "../core/excerpt.js";
import { err, ok, type Result } from "../core/result.js";
import { normaliseEmail } from "./email.js";
import type { AppError } from "./errors.js";
import type { ImportDeps } from "./import-activities.js";
import type { Clock, Ids, Repos, User } from "./ports.js";

/**
 * The local owner (docs/importers.md): `capacity import` run before anyone signed up stores the runs in
 * this account, and the first sign-up in the web app takes it over with everything it holds
 * (see signUp). `.invalid` is a reserved top-level domain (RFC 2606), so no real address can
 * ever be this one, and nobody can sign up with it.
 */
export const LOCAL_OWNER_EMAIL = "owner@local.capacity.invalid";
export const LOCAL_OWNER_NAME = "Local owner";
/**
 * Not an argon2 (PHC) string, so no password verifies against it; the hasher answers false for
 * it rather than throwing, and logIn refuses the account before asking the hasher anyway.
 */
export const LOCAL_OWNER_PASSWORD_HASH = "!local-owner: no password matches this";

export function isLocalOwner(user: Pick<User, "email" | "passwordHash">): boolean {
  return user.email === LOCAL_OWNER_EMAIL && user.passwordHash === LOCAL_OWNER_PASSWORD_HASH;
}

export interface LocalOwnerDeps {
  readonly repos: Pick<Repos, "users">;
  readonly ids: Pick<Ids, "uuid">;
  readonly clock: Clock;
}

/** The account an import goes into, and whether it is the local owner not made yet (dry run). */
export type ImportAccount =
  | { readonly kind: "account"; readonly user: User; readonly made: boolean }
  | { readonly kind: "to-make" };

/**
 * The account `capacity import` writes into: the one named by `email`; without it the only
 * account; with no account at all the local owner, made here unless `dryRun` (a dry run stores
 * nothing, not even an account) or `later` (made by importAccountOnDemand once there is a run to
 * store). Several accounts and no e-mail, or an unknown e-mail, are the caller's mistake.
 */
export async function accountForImport(
  deps: LocalOwnerDeps,
  email: string | null,
  options: { readonly dryRun?: boolean; readonly later?: boolean } = {},
): Promise<Result<ImportAccount, AppError>> {
  if (email !== null) {
    const user = await deps.repos.users.byEmail(normaliseEmail(email));
    if (!user)
      return err({ kind: "not-found", message: `no account has the e-mail ${excerpt(email)}` });
    return ok({ kind: "account", user, made: false });
  }
  const accounts = await deps.repos.users.list(2);
  if (accounts.length > 1) {
    return err({
      kind: "conflict",
      field: "user",
      message: "the database holds several accounts: say which one with --user EMAIL",
    });
  }
  const only = accounts[0];
  if (only) return ok({ kind: "account", user: only, made: false });
  if (options.dryRun || options.later) return ok({ kind: "to-make" });
  const now = deps.clock.now().getTime();
  const created = await deps.repos.users.create({
    id: deps.ids.uuid(),
    email: LOCAL_OWNER_EMAIL,
    name: LOCAL_OWNER_NAME,
    passwordHash: LOCAL_OWNER_PASSWORD_HASH,
    createdAt: now,
    passwordChangedAt: now,
    dataVersion: 0,
  });
  if (created !== "email-taken") return ok({ kind: "account", user: created, made: true });
  // Another import made it at the same moment: use that one.
  const existing = await deps.repos.users.byEmail(LOCAL_OWNER_EMAIL);
  if (!existing) throw new Error("the local owner account vanished while it was being made");
  return ok({ kind: "account", user: existing, made: false });
}

/** The account an import stored into, as far as it went. */
export interface ImportedInto {
  /** Null while nothing was stored and no account had to be made. */
  readonly user: User | null;
  /** Whether this import made the local owner account. */
  readonly made: boolean;
}

export interface AccountOnDemand {
  /**
   * The activities of the import's account, for importActivities (whatever owner id it is
   * given): the first call that stores an activity makes the local owner account when there
   * is none to store into.
   */
  readonly activities: ImportDeps["repos"]["activities"];
  /** The account stored into so far. */
  current(): ImportedInto;
  /** The import's account, made now (the local owner) when there is none yet. */
  owner(): Promise<User>;
}

/**
 * The import's account, made only when there is a run to store: an import whose files all
 * failed, or that found none, leaves the database without an account, as it was. `account` is
 * what accountForImport answered (with `later`). When the account is made, the accounts are
 * looked at again: one made meanwhile (a sign-up in the web app) is the only account and is
 * used; several now make the store fail, and the import reports its files as not stored.
 */
export function importAccountOnDemand(
  deps: LocalOwnerDeps & { readonly repos: Pick<Repos, "users" | "activities"> },
  account: ImportAccount,
): AccountOnDemand {
  const repo = deps.repos.activities;
  let into: ImportedInto =
    account.kind === "account"
      ? { user: account.user, made: account.made }
      : { user: null, made: false };
  let making: Promise<User> | null = null;
  const owner = (): Promise<User> => {
    if (into.user !== null) return Promise.resolve(into.user);
    making ??= (async () => {
      const found = await accountForImport(deps, null);
      if (!found.ok) throw new Error(found.error.message);
      if (found.value.kind !== "account") throw new Error("the local owner account was not made");
      into = { user: found.value.user, made: found.value.made };
      return found.value.user;
    })().finally(() => {
      making = null;
    });
    return making;
  };
  return {
    activities: {
      async insertNew(_ownerId, activities) {
        if (activities.length === 0 && into.user === null) return { inserted: [], duplicates: [] };
        return repo.insertNew((await owner()).id, activities);
      },
      async list(_ownerId, range) {
        // No account yet: nothing is stored to compare with.
        return into.user === null ? [] : repo.list(into.user.id, range);
      },
    },
    current: () => into,
    owner,
  };
}
