import { type DayNumber, parseLocalDate } from "../core/units/local-date.js";
import type { Clock } from "./ports.js";

/** Formatters are slow to build and there are few zones: one per zone, kept. */
const FORMATTERS = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timezone: string): Intl.DateTimeFormat {
  let formatter = FORMATTERS.get(timezone);
  if (!formatter) {
    // en-CA formats as YYYY-MM-DD.
    formatter = new Intl.DateTimeFormat("en-CA", {
      timeZone: timezone,
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
    });
    if (FORMATTERS.size < 1000) FORMATTERS.set(timezone, formatter);
  }
  return formatter;
}

/** The athlete's calendar day now, in their time zone (the core never reads a clock). */
export function todayIn(timezone: string, clock: Clock): DayNumber {
  const text = formatterFor(timezone).format(clock.now());
  const day = parseLocalDate(text);
  if (day === null) throw new Error(`Intl gave an unexpected date: ${text}`);
  return day;
}

/** The athlete's calendar day of an instant (an activity's ISO 8601 UTC start) in their time zone. */
export function activityDay(startIso: string, timezone: string): DayNumber {
  const instant = new Date(startIso);
  if (Number.isNaN(instant.getTime())) throw new Error(`not an instant: ${startIso}`);
  const text = formatterFor(timezone).format(instant);
  const day = parseLocalDate(text);
  if (day === null) throw new Error(`Intl gave an unexpected date: ${text}`);
  return day;
}
