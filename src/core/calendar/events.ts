/**
 * The plan as calendar events (RFC 5545 is written by an adapter): one event per planned
 * session and a check-in reminder the morning after it. Pure: times are local to the athlete.
 */
import type { Plan, PlannedSession, Prescription } from "../protocol/plan-types.js";
import { formatLocalDate, parseLocalDate } from "../units/local-date.js";
import { formatWeight } from "../units/weight.js";

/** With no preferred time the session is an all-day event and its reminder rings at 08:00. */
export const ALL_DAY_REMINDER = "08:00";
/** The check-in question is asked the morning after (docs/protocol.md section 7). */
export const CHECKIN_TIME = "08:00";
export const CHECKIN_MINUTES = 5;
export const DEFAULT_REMINDER_MINUTES = 60;

export interface CalendarEvent {
  /** Stable across moves: see `CalendarOptions.originOf`. */
  readonly key: string;
  readonly date: string;
  /** Local "HH:MM"; null for an all-day event. */
  readonly time: string | null;
  readonly minutes: number;
  readonly summary: string;
  readonly description: string;
  readonly url: string | null;
  /** Minutes before a timed event, or the local time of day of an all-day one. */
  readonly alarm: { readonly minutesBefore: number } | { readonly at: string };
}

export interface CalendarOptions {
  /** The profile's `sessionTime`. */
  readonly sessionTime?: string;
  /** The profile's `reminderMinutes` (default 60). */
  readonly reminderMinutes?: number;
  /** Absolute URL of the app's check-in page. */
  readonly checkinUrl: string;
  /**
   * The day a planned session was first placed on, before the athlete moved it. The event's
   * key is that day, so a moved session keeps its UID and the calendar updates the event
   * rather than deleting one and adding another.
   */
  readonly originOf?: (date: string) => string;
}

const LOADED = new Set(["barbell", "dumbbells", "kettlebell", "leg-press", "machine", "cable"]);

function loadText(exercise: Prescription): string {
  if (exercise.load) {
    const each = exercise.implements === 2 ? " each hand" : "";
    return `${formatWeight(exercise.load)}${each}`;
  }
  return exercise.equipment.some((item) => LOADED.has(item))
    ? "choose a load you could lift 10 to 12 times"
    : "no weight to set";
}

export function sessionDescription(session: PlannedSession): string {
  const lines = [`Warm-up: ${session.warmup.minutes} minutes (${session.warmup.activity}).`];
  session.exercises.forEach((exercise, index) => {
    const sets = exercise.sets === 1 ? "1 set" : `${exercise.sets} sets`;
    lines.push(
      `${index + 1}. ${exercise.name}: ${sets} of ${exercise.reps.min}-${exercise.reps.max} reps, ` +
        `${exercise.rir.min}-${exercise.rir.max} reps in reserve, ${loadText(exercise)}.`,
    );
  });
  lines.push("", `Why: ${session.why}`);
  return lines.join("\n");
}

export function calendarEvents(plan: Plan, options: CalendarOptions): CalendarEvent[] {
  const events: CalendarEvent[] = [];
  const time = options.sessionTime ?? null;
  const reminder = options.reminderMinutes ?? DEFAULT_REMINDER_MINUTES;
  for (const week of plan.weeks) {
    for (const session of week.sessions) {
      const key = options.originOf?.(session.date) ?? session.date;
      events.push({
        key,
        date: session.date,
        time,
        minutes: session.minutes,
        summary: `Strength session (${session.minutes} min)${session.done ? ", done" : ""}`,
        description: sessionDescription(session),
        url: null,
        alarm: time === null ? { at: ALL_DAY_REMINDER } : { minutesBefore: reminder },
      });
      const day = parseLocalDate(session.date);
      if (day === null) throw new Error(`the plan has a bad date: ${session.date}`);
      events.push({
        key: `${key}/checkin`,
        date: formatLocalDate(day + 1),
        time: CHECKIN_TIME,
        minutes: CHECKIN_MINUTES,
        summary: "Check-in: how sore are you after yesterday's strength session?",
        description: `Answer two questions so the next loads fit how you feel: ${options.checkinUrl}`,
        url: options.checkinUrl,
        alarm: { minutesBefore: 0 },
      });
    }
  }
  return events;
}
