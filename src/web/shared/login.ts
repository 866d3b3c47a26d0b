/**
 * The log-in: who is logged in and their profile, loaded once and shared by every screen. The profile is
 * kept on the device too, so that the app still knows units and weekdays without a signal, and
 * so is the id of the account last signed in, so that gym mode knows whose workouts to show.
 */
import { useEffect, useState } from "preact/hooks";
import type { Account, Profile } from "./api.js";
import { api } from "./api.js";

export type LoginStatus = "idle" | "loading" | "ready" | "no-profile" | "signed-out" | "offline";

export interface LoginState {
  readonly status: LoginStatus;
  readonly account: Account | null;
  readonly profile: Profile | null;
}

const PROFILE_KEY = "capacity.profile";

function storedProfile(): Profile | null {
  try {
    const text = localStorage.getItem(PROFILE_KEY);
    return text ? (JSON.parse(text) as Profile) : null;
  } catch {
    return null;
  }
}

function storeProfile(profile: Profile | null): void {
  try {
    if (profile) localStorage.setItem(PROFILE_KEY, JSON.stringify(profile));
    else localStorage.removeItem(PROFILE_KEY);
  } catch {
    // Private mode or a full disk: the app still works, it just asks the server again.
  }
}

const ACCOUNT_KEY = "capacity.account";
let keptAccount: string | null = null;

function storedAccountId(): string | null {
  try {
    return localStorage.getItem(ACCOUNT_KEY);
  } catch {
    return keptAccount;
  }
}

function storeAccountId(id: string | null): void {
  keptAccount = id;
  try {
    if (id) localStorage.setItem(ACCOUNT_KEY, id);
    else localStorage.removeItem(ACCOUNT_KEY);
  } catch {
    // As for the profile: kept in memory for this visit only.
  }
}

/** The account GET /api/session (or sign-up) answered in this visit; null until then. */
let confirmed: string | null = null;

function confirm(id: string | null): void {
  confirmed = id;
  storeAccountId(id);
}

let state: LoginState = { status: "idle", account: null, profile: storedProfile() };
let pending: Promise<LoginState> | null = null;
const listeners = new Set<() => void>();

function set(next: Partial<LoginState>): void {
  state = { ...state, ...next };
  for (const listener of listeners) listener();
}

export function getLogin(): LoginState {
  return state;
}

/** GET /api/session: the account and its profile at once; shared by every caller until it answers. */
export function loadLogin(force = false): Promise<LoginState> {
  if (pending) return pending;
  if (!force && (state.status === "ready" || state.status === "no-profile")) {
    return Promise.resolve(state);
  }
  // Forced after a sign-in: whoever was signed in before may not be any more.
  if (force) confirm(null);
  set({ status: "loading" });
  pending = api
    .currentLogin()
    .then((answer) => {
      if (!answer.ok) {
        // No signal (or the server is down): keep what the phone knows.
        set({ status: "offline" });
        return state;
      }
      const { user, profile } = answer.value;
      confirm(user?.id ?? null);
      if (!user) {
        storeProfile(null);
        set({ status: "signed-out", account: null, profile: null });
      } else if (!profile) {
        storeProfile(null);
        set({ status: "no-profile", account: user, profile: null });
      } else {
        storeProfile(profile);
        set({ status: "ready", account: user, profile });
      }
      return state;
    })
    .finally(() => {
      pending = null;
    });
  return pending;
}

export function setProfile(profile: Profile): void {
  storeProfile(profile);
  set({ profile, status: "ready" });
}

/** Right after sign-up: the account is known and there is no profile yet (no need to ask). */
export function signedUp(account: Account): void {
  confirm(account.id);
  storeProfile(null);
  set({ status: "no-profile", account, profile: null });
}

/**
 * Whether screens may ask the API for data: the log-in is known, or a profile is kept on this
 * device (then the data calls go out alongside GET /api/session instead of after it).
 */
export function canLoad(session: LoginState): boolean {
  if (session.status === "ready" || session.status === "offline") return true;
  return (session.status === "loading" || session.status === "idle") && session.profile !== null;
}

/** After log-out or account deletion: nothing of the last person stays on the device. */
export function clearLogin(): void {
  confirm(null);
  storeProfile(null);
  set({ status: "signed-out", account: null, profile: null });
}

/**
 * The id of the account signed in, as the server said in this visit (GET /api/session, sign-up);
 * null while that is not known (loading, offline since the start, signed out).
 */
export function confirmedAccountId(): string | null {
  return confirmed;
}

/**
 * The account this device is used by: the one confirmed in this visit, else the one signed in
 * last (kept on the device, so that gym mode works offline); null when nobody is signed in.
 */
export function knownAccountId(): string | null {
  return confirmed ?? storedAccountId();
}

/** Called whenever the log-in changes (who is logged in, the profile, the status). */
export function subscribeLogin(listener: () => void): () => void {
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
  };
}

export function useLogin(): LoginState {
  const [, rerender] = useState(0);
  useEffect(() => {
    const listener = () => rerender((n) => n + 1);
    listeners.add(listener);
    return () => {
      listeners.delete(listener);
    };
  }, []);
  return state;
}
