import {
  formatLocalDate,
  MS_PER_DAY,
  parseLocalDate,
  WEEKDAYS,
  type Weekday,
  weekdayName,
  weekdayOf,
} from "../../core/units/local-date.js";

export { WEEKDAYS, type Weekday };

/** English throughout the app; dates in the English the phone prefers (24 Nov or Nov 24). */
const LOCALE =
  typeof navigator !== "undefined" && navigator.language?.toLowerCase().startsWith("en")
    ? navigator.language
    : "en-GB";

/** Today as `YYYY-MM-DD` in a time zone (the profile's), or in the phone's own zone. */
export function today(timeZone?: string): string {
  const now = new Date();
  try {
    const parts = new Intl.DateTimeFormat("en-CA", {
      timeZone: timeZone || undefined,
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
    }).formatToParts(now);
    const get = (type: string) => parts.find((part) => part.type === type)?.value ?? "";
    return `${get("year")}-${get("month")}-${get("day")}`;
  } catch {
    const local = new Date(now.getTime() - now.getTimezoneOffset() * 60_000);
    return local.toISOString().slice(0, 10);
  }
}

export function addDays(date: string, days: number): string {
  const day = parseLocalDate(date);
  return day === null ? date : formatLocalDate(day + days);
}

export function daysBetween(from: string, to: string): number {
  const a = parseLocalDate(from);
  const b = parseLocalDate(to);
  return a === null || b === null ? 0 : b - a;
}

export function weekdayOfDate(date: string): Weekday {
  const day = parseLocalDate(date);
  return day === null ? "mon" : weekdayOf(day);
}

/** Day 4 (1970-01-05) was a Monday: the core names each weekday from there. */
const A_MONDAY = 4;

/** "Monday" … "Sunday", as the core names them. */
export const WEEKDAY_NAME = Object.fromEntries(
  WEEKDAYS.map((weekday, index) => [weekday, weekdayName(A_MONDAY + index)]),
) as Record<Weekday, string>;

/** "Mon" … "Sun". */
export const WEEKDAY_SHORT = Object.fromEntries(
  WEEKDAYS.map((weekday) => [weekday, WEEKDAY_NAME[weekday].slice(0, 3)]),
) as Record<Weekday, string>;

/** The seven weekdays starting on the athlete's first day of the week. */
export function orderedWeekdays(weekStart: Weekday): Weekday[] {
  const first = WEEKDAYS.indexOf(weekStart);
  return WEEKDAYS.map((_, index) => WEEKDAYS[(first + index) % 7] as Weekday);
}

function asDate(date: string): Date {
  return new Date((parseLocalDate(date) ?? 0) * MS_PER_DAY);
}

const dayMonth = new Intl.DateTimeFormat(LOCALE, {
  day: "numeric",
  month: "short",
  timeZone: "UTC",
});
const dayMonthYear = new Intl.DateTimeFormat(LOCALE, {
  day: "numeric",
  month: "short",
  year: "numeric",
  timeZone: "UTC",
});

/** "24 Nov" (or "Nov 24"). */
export function shortDate(date: string): string {
  return dayMonth.format(asDate(date));
}

/** "24 Nov 2026". */
export function longDate(date: string): string {
  return dayMonthYear.format(asDate(date));
}

/** "Tuesday 24 Nov". */
export function dayAndDate(date: string): string {
  return `${WEEKDAY_NAME[weekdayOfDate(date)]} ${shortDate(date)}`;
}

/** Unix seconds at noon UTC of a local date: what the charts put on their x axis. */
export function chartTime(date: string): number {
  return ((parseLocalDate(date) ?? 0) * MS_PER_DAY) / 1000 + 43_200;
}

/** The first day of the week (per the browser's locale), Monday when the browser cannot say. */
export function localeWeekStart(): Weekday {
  try {
    const locale = new Intl.Locale(navigator.language || "en-GB") as Intl.Locale & {
      weekInfo?: { firstDay?: number };
      getWeekInfo?: () => { firstDay?: number };
    };
    const info = locale.getWeekInfo?.() ?? locale.weekInfo;
    const first = info?.firstDay;
    if (typeof first === "number" && first >= 1 && first <= 7) {
      return WEEKDAYS[first - 1] as Weekday;
    }
  } catch {
    // An old browser: fall back to Monday.
  }
  return "mon";
}

export function browserTimeZone(): string | undefined {
  try {
    return Intl.DateTimeFormat().resolvedOptions().timeZone || undefined;
  } catch {
    return undefined;
  }
}

/** The API's sentences name days as 2026-11-25; people read "Wednesday 25 Nov". */
export function humanDates(text: string): string {
  return text.replace(/\b(\d{4}-\d{2}-\d{2})\b/g, (date) =>
    parseLocalDate(date) === null ? date : dayAndDate(date),
  );
}
