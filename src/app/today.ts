import { type DayNumber, parseLocalDate } from "../core/units/local-date.js";
import type { Clock } from "./ports.js";

/** The athlete's calendar day now, in their time zone (the core never reads a clock). */
export function todayIn(timezone: string, clock: Clock): DayNumber {
  // en-CA formats as YYYY-MM-DD.
  const text = new Intl.DateTimeFormat("en-CA", {
    timeZone: timezone,
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
  }).format(clock.now());
  const day = parseLocalDate(text);
  if (day === null) throw new Error(`Intl gave an unexpected date: ${text}`);
  return day;
}
