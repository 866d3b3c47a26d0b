/**
 * A training day as the athlete lives it: a calendar date with no time and no zone.
 * Held as days since 1970-01-01 so that day arithmetic is integer arithmetic; Date.UTC only
 * converts between calendar fields and that count (no clock, no local zone involved).
 */
export type DayNumber = number;

export const WEEKDAYS = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"] as const;
export type Weekday = (typeof WEEKDAYS)[number];

/** Milliseconds in a day: a day number times this is its UTC midnight in epoch ms. */
export const MS_PER_DAY = 86_400_000;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Parses `YYYY-MM-DD`; null for anything else, including impossible dates such as 2026-02-30. */
export function parseLocalDate(text: string): DayNumber | null {
  const match = ISO_DATE.exec(text);
  if (!match) return null;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  // setUTCFullYear, unlike Date.UTC, does not read years 0-99 as 1900-1999.
  const back = new Date(0);
  back.setUTCFullYear(year, month - 1, day);
  const ms = back.getTime();
  if (
    back.getUTCFullYear() !== year ||
    back.getUTCMonth() !== month - 1 ||
    back.getUTCDate() !== day
  ) {
    return null;
  }
  return ms / MS_PER_DAY;
}

/**
 * `YYYY-MM-DD` for a day count, by Howard Hinnant's civil_from_days algorithm
 * (chrono-Compatible Low-Level Date Algorithms): integer arithmetic only, which is many times
 * faster than going through Date and toISOString on the planner's hot path.
 */
export function formatLocalDate(day: DayNumber): string {
  const z = day + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor(
    (doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365,
  );
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const date = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  const year = yoe + era * 400 + (month <= 2 ? 1 : 0);
  return `${String(year).padStart(4, "0")}-${month < 10 ? "0" : ""}${month}-${date < 10 ? "0" : ""}${date}`;
}

export function weekdayOf(day: DayNumber): Weekday {
  // 1970-01-01 was a Thursday (index 3 from Monday).
  return WEEKDAYS[(((day + 3) % 7) + 7) % 7] as Weekday;
}

/** The first day of the week holding `day`, for a week that starts on `weekStart`. */
export function startOfWeek(day: DayNumber, weekStart: Weekday): DayNumber {
  const offset = (WEEKDAYS.indexOf(weekdayOf(day)) - WEEKDAYS.indexOf(weekStart) + 7) % 7;
  return day - offset;
}

export function yearOf(day: DayNumber): number {
  return new Date(day * MS_PER_DAY).getUTCFullYear();
}

const WEEKDAY_NAMES: Record<Weekday, string> = {
  mon: "Monday",
  tue: "Tuesday",
  wed: "Wednesday",
  thu: "Thursday",
  fri: "Friday",
  sat: "Saturday",
  sun: "Sunday",
};

export function weekdayName(day: DayNumber): string {
  return WEEKDAY_NAMES[weekdayOf(day)];
}
