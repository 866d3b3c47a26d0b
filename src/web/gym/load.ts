import type { Profile } from "../../core/profile/profile.js";
import { api } from "../shared/api.js";
import type { RequestOptions } from "../shared/http.js";
import { getLogin } from "../shared/login.js";
import { sharedOutbox } from "../shared/outbox/outbox.js";
import type {
  FinishedWorkout,
  GymSetup,
  SavedSession,
  WorkoutInProgress,
} from "../shared/outbox/types.js";
import { type LastSets, refreshLastSets } from "./last-sets.js";
import { sessionOn } from "./logic.js";

/** Opening gym mode for a day: the phone first, then the server. */

export type Screen =
  | { readonly kind: "loading" }
  | {
      readonly kind: "missing";
      readonly title: string;
      readonly message: string;
      readonly action: { readonly href: string; readonly label: string };
    }
  | {
      readonly kind: "ready";
      readonly base: SavedSession;
      readonly workout: WorkoutInProgress | null;
      /** What was lifted before, per exercise (for "last time" on the cards). */
      readonly last: LastSets;
    }
  | { readonly kind: "summary"; readonly finished: FinishedWorkout };

export const DATE = /^\d{4}-\d{2}-\d{2}$/;
const WEEK = { href: "/", label: "Back to this week" } as const;
export const SIGN_IN: Screen = {
  kind: "missing",
  title: "Please sign in",
  message: "Sign in once with signal; after that gym mode works offline too.",
  action: { href: "/login", label: "Sign in" },
};

export async function openSession(owner: string, date: string): Promise<Screen> {
  if (!DATE.test(date)) {
    return {
      kind: "missing",
      title: "No such day",
      message: "This address does not name a day.",
      action: WEEK,
    };
  }
  const outbox = sharedOutbox();
  void outbox.prune(45).catch(() => undefined);
  const lastSets = refreshLastSets(owner);
  const [workout, finished, saved] = await Promise.all([
    outbox.progress(owner, date),
    outbox.finished(owner, date),
    outbox.savedSession(owner, date),
  ]).catch(() => [undefined, undefined, undefined] as const);
  if (workout) {
    const base = {
      owner,
      date,
      session: workout.session,
      setup: currentUnits(workout.setup),
      savedAt: workout.startedAt,
    };
    return {
      kind: "ready",
      base,
      workout: { ...workout, setup: base.setup },
      last: await lastSets,
    };
  }
  if (finished) return { kind: "summary", finished };

  const fresh = await fetchSession(owner, date);
  if (fresh.ok) {
    await outbox.saveSession(fresh.saved).catch(() => undefined);
    return { kind: "ready", base: fresh.saved, workout: null, last: await lastSets };
  }
  if (saved && fresh.reason !== "no-session") {
    return { kind: "ready", base: saved, workout: null, last: await lastSets };
  }
  switch (fresh.reason) {
    case "no-session":
      return {
        kind: "missing",
        title: "No session on this day",
        message: "Your plan has no strength session on this day. It may have moved.",
        action: WEEK,
      };
    case "signed-out":
      return SIGN_IN;
    case "no-profile":
      return {
        kind: "missing",
        title: "Set up your plan first",
        message: "A few questions about your runs and your equipment, and your sessions appear.",
        action: { href: "/onboarding", label: "Set up my plan" },
      };
    case "offline":
      return {
        kind: "missing",
        title: "No signal",
        message:
          "This session is not on your phone yet. Open it once with signal; after that it works offline.",
        action: WEEK,
      };
    default:
      return {
        kind: "missing",
        title: "Something went wrong",
        message: fresh.message,
        action: WEEK,
      };
  }
}

type FetchedSession =
  | { readonly ok: true; readonly saved: SavedSession & { readonly owner: string } }
  | {
      readonly ok: false;
      readonly reason: "no-session" | "signed-out" | "no-profile" | "offline" | "error";
      readonly message: string;
    };

/**
 * Gym mode says "sign in" in its own words rather than leaving the screen, and gives up on a
 * hanging request sooner than other screens: the phone's copy of the planned session is the fallback.
 */
export const GYM_REQUEST: RequestOptions = { allowUnauthorized: true, timeoutMs: 8_000 };

async function fetchSession(owner: string, date: string): Promise<FetchedSession> {
  const [plan, profile] = await Promise.all([
    api.plan(date, 1, GYM_REQUEST),
    api.profile(GYM_REQUEST),
  ]);
  for (const answer of [plan, profile]) {
    if (answer.ok) continue;
    const { error } = answer;
    const reason =
      error.status === 401
        ? "signed-out"
        : error.kind === "no-profile" || error.status === 404
          ? "no-profile"
          : error.kind === "network"
            ? "offline"
            : "error";
    return { ok: false, reason, message: error.message };
  }
  if (!plan.ok || !profile.ok) return { ok: false, reason: "error", message: "" };
  const session = sessionOn(plan.value, date);
  if (!session) return { ok: false, reason: "no-session", message: "" };
  return {
    ok: true,
    saved: {
      owner,
      date,
      session,
      setup: setupOf(profile.value),
      savedAt: new Date().toISOString(),
    },
  };
}

/**
 * A workout started before a switch of units goes on in the new one: its cards not yet logged
 * suggest their load converted onto the new steps, rather than keeping "14 kg suggested".
 */
function currentUnits(setup: GymSetup): GymSetup {
  const profile = getLogin().profile;
  if (!profile || profile.units === setup.units) return setup;
  return { ...setup, units: profile.units, increments: profile.increments ?? {} };
}

function setupOf(profile: Profile): GymSetup {
  return {
    units: profile.units,
    increments: profile.increments ?? {},
    equipment: profile.equipment,
    injuries: profile.injuries ?? [],
  };
}
