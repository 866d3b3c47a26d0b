import { type DayNumber, MS_PER_DAY, parseLocalDate } from "../core/units/local-date.js";
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

/**
 * The day last worked out per zone, and the UTC minute it was worked out in. Every zone's
 * offset is a whole number of minutes (IANA's current rules; most are whole hours or quarter
 * hours), so a local midnight always falls on a UTC minute boundary: within one UTC minute the
 * local day cannot change, and Intl (the larger part of a cached plan's answer) runs once a
 * minute per zone instead of once a request.
 */
const TODAY = new Map<string, { readonly minute: number; readonly day: DayNumber }>();
const MS_PER_MINUTE = 60_000;

/** The athlete's calendar day now, in their time zone (the core never reads a clock). */
export function todayIn(timezone: string, clock: Clock): DayNumber {
  const now = clock.now().getTime();
  const minute = Math.floor(now / MS_PER_MINUTE);
  const known = TODAY.get(timezone);
  if (known?.minute === minute) return known.day;
  const text = formatterFor(timezone).format(now);
  const day = parseLocalDate(text);
  if (day === null) throw new Error(`Intl gave an unexpected date: ${text}`);
  if (TODAY.size >= 1000) TODAY.clear();
  TODAY.set(timezone, { minute, day });
  return day;
}

/** The athlete's calendar day of an instant (an activity's ISO 8601 UTC start) in their time zone. */
export function activityDay(startIso: string, timezone: string): DayNumber {
  // Every uncached plan asks again for the same stored activities' days, and Intl's
  // formatToParts costs more than the rest of reading an activity: answers are kept (a pure
  // function of its two arguments), up to a bound.
  const key = `${timezone} ${startIso}`;
  const known = ACTIVITY_DAYS.get(key);
  if (known !== undefined) return known;
  const day = activityDayOf(startIso, timezone);
  if (ACTIVITY_DAYS.size >= MAX_ACTIVITY_DAYS) ACTIVITY_DAYS.clear();
  ACTIVITY_DAYS.set(key, day);
  return day;
}

const ACTIVITY_DAYS = new Map<string, DayNumber>();
const MAX_ACTIVITY_DAYS = 100_000;

function activityDayOf(startIso: string, timezone: string): DayNumber {
  const instant = new Date(startIso);
  if (Number.isNaN(instant.getTime())) throw new Error(`not an instant: ${startIso}`);
  // From the parts, not the formatted text: a year past 9999 has five digits, which a
  // YYYY-MM-DD parser refuses, and one bad date must not break a whole list.
  const parts = formatterFor(timezone).formatToParts(instant);
  const part = (type: string) => Number(parts.find((one) => one.type === type)?.value);
  const utcMidnight = Date.UTC(part("year"), part("month") - 1, part("day"));
  if (Number.isNaN(utcMidnight)) throw new Error(`Intl gave unexpected parts for ${startIso}`);
  return Math.round(utcMidnight / MS_PER_DAY);
}
