/**
 * Who is signed in and their profile, loaded once and shared by every screen. The profile is
 * kept on the device too, so that the app still knows units and weekdays without a signal.
 */
import { useEffect, useState } from "preact/hooks";
import type { Account, Profile } from "../api/endpoints.js";
import { api } from "../api/endpoints.js";

export type SessionStatus = "idle" | "loading" | "ready" | "no-profile" | "signed-out" | "offline";

export interface SessionState {
  readonly status: SessionStatus;
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

let state: SessionState = { status: "idle", account: null, profile: storedProfile() };
let pending: Promise<SessionState> | null = null;
const listeners = new Set<() => void>();

function set(next: Partial<SessionState>): void {
  state = { ...state, ...next };
  for (const listener of listeners) listener();
}

export function getSession(): SessionState {
  return state;
}

/** GET /api/me and /api/profile together; shared by every caller until it answers. */
export function loadSession(force = false): Promise<SessionState> {
  if (pending) return pending;
  if (!force && (state.status === "ready" || state.status === "no-profile")) {
    return Promise.resolve(state);
  }
  set({ status: "loading" });
  pending = Promise.all([api.me(), api.profile()])
    .then(([me, profile]) => {
      if (!me.ok && me.error.status === 401) {
        storeProfile(null);
        set({ status: "signed-out", account: null, profile: null });
      } else if (!me.ok || (!profile.ok && profile.error.kind === "network")) {
        set({ status: "offline" });
      } else if (!profile.ok && profile.error.status === 404) {
        storeProfile(null);
        set({ status: "no-profile", account: me.value, profile: null });
      } else if (profile.ok) {
        storeProfile(profile.value);
        set({ status: "ready", account: me.value, profile: profile.value });
      } else {
        set({ status: "offline", account: me.value });
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
  storeProfile(null);
  set({ status: "no-profile", account, profile: null });
}

/**
 * Whether screens may ask the API for data: the session is known, or a profile is kept on this
 * device (then the data calls go out alongside GET /api/me instead of after it).
 */
export function canLoad(session: SessionState): boolean {
  if (session.status === "ready" || session.status === "offline") return true;
  return (session.status === "loading" || session.status === "idle") && session.profile !== null;
}

/** After log-out or account deletion: nothing of the last person stays on the device. */
export function clearSession(): void {
  storeProfile(null);
  set({ status: "signed-out", account: null, profile: null });
}

export function useSession(): SessionState {
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
