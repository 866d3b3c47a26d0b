/**
 * The calendar feed: a secret token per account opens the next weeks of the plan, and nothing
 * else. The token is random (256 bits) and can be replaced or removed at any time.
 */
import { type CalendarEvent, calendarEvents } from "../core/calendar/events.js";
import { err, ok, type Result } from "../core/result.js";
import { athletePlan, type PlanDeps, storedProfile } from "./athlete-plan.js";
import { type AppError, notFound } from "./errors.js";

/** The feed covers this many weeks from the current one. */
export const FEED_WEEKS = 8;

/** The account's feed token, made on first use. */
export async function feedToken(deps: PlanDeps, ownerId: string): Promise<string> {
  const existing = await deps.repos.calendarFeeds.tokenOf(ownerId);
  if (existing !== null) return existing;
  const token = deps.ids.token();
  await deps.repos.calendarFeeds.put(ownerId, token, deps.clock.now().getTime());
  return token;
}

/** A new token: the old URL stops working at once. */
export async function rotateFeedToken(deps: PlanDeps, ownerId: string): Promise<string> {
  const token = deps.ids.token();
  await deps.repos.calendarFeeds.put(ownerId, token, deps.clock.now().getTime());
  return token;
}

export async function revokeFeedToken(deps: PlanDeps, ownerId: string): Promise<boolean> {
  return deps.repos.calendarFeeds.delete(ownerId);
}

export interface Feed {
  readonly events: CalendarEvent[];
  readonly timezone: string;
  /** Stable per account, and not the account id itself. */
  readonly uidPrefix: string;
}

/** Events of the plan for the account of `token`; not-found for an unknown or revoked token. */
export async function feedForToken(
  deps: PlanDeps,
  token: string,
  checkinUrl: string,
): Promise<Result<Feed, AppError>> {
  const ownerId = await deps.repos.calendarFeeds.ownerOf(token);
  if (ownerId === null) return err(notFound("Calendar feed"));
  return feedForOwner(deps, ownerId, checkinUrl);
}

export async function feedForOwner(
  deps: PlanDeps,
  ownerId: string,
  checkinUrl: string,
): Promise<Result<Feed, AppError>> {
  const profile = await storedProfile(deps, ownerId);
  const plan = await athletePlan(deps, ownerId, { weeks: FEED_WEEKS });
  if (!plan.ok || profile === null) return plan.ok ? err(notFound("Profile")) : plan;
  // Moves apply oldest first; a session moved twice goes back to the day it was planned on.
  const movedFrom = new Map<string, string>();
  for (const change of await deps.repos.planChanges.list(ownerId)) {
    if (change.kind !== "move") continue;
    movedFrom.set(change.to, movedFrom.get(change.from) ?? change.from);
    movedFrom.delete(change.from);
  }
  return ok({
    events: calendarEvents(plan.value, {
      checkinUrl,
      originOf: (date) => movedFrom.get(date) ?? date,
      ...(profile.sessionTime === undefined ? {} : { sessionTime: profile.sessionTime }),
      ...(profile.reminderMinutes === undefined
        ? {}
        : { reminderMinutes: profile.reminderMinutes }),
    }),
    timezone: profile.timezone ?? "UTC",
    uidPrefix: deps.ids.hashToken(`calendar:${ownerId}`).slice(0, 20),
  });
}
