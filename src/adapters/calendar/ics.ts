/**
 * The plan's calendar events as an iCalendar file (RFC 5545), written by ical-generator:
 * CRLF line ends, lines folded at 75 octets without splitting a UTF-8 sequence, text escaped.
 * Timed events are written in UTC (no VTIMEZONE needed); all-day events as dates.
 */
import ical, { ICalAlarmType, ICalCalendarMethod } from "ical-generator";
import type { CalendarEvent } from "../../core/calendar/events.js";

const MS_PER_MINUTE = 60_000;

/** Offset of `timezone` from UTC at an instant, in ms (positive east of Greenwich). */
function zoneOffset(instant: number, timezone: string): number {
  const parts = new Intl.DateTimeFormat("en-US", {
    timeZone: timezone,
    hourCycle: "h23",
    year: "numeric",
    month: "numeric",
    day: "numeric",
    hour: "numeric",
    minute: "numeric",
    second: "numeric",
  }).formatToParts(new Date(instant));
  const part = (type: string) => Number(parts.find((one) => one.type === type)?.value);
  const asUtc = Date.UTC(
    part("year"),
    part("month") - 1,
    part("day"),
    part("hour"),
    part("minute"),
    part("second"),
  );
  return asUtc - Math.floor(instant / 1000) * 1000;
}

/**
 * The instant of a local date and time of day in an IANA zone. A time that a spring-forward
 * skips lands after the gap; a time that falls back twice is its first occurrence.
 */
export function zonedInstant(date: string, time: string, timezone: string): Date {
  const [year, month, day] = date.split("-").map(Number);
  const [hour, minute] = time.split(":").map(Number);
  const wall = Date.UTC(year ?? 0, (month ?? 1) - 1, day ?? 1, hour ?? 0, minute ?? 0);
  let instant = wall - zoneOffset(wall, timezone);
  // A second pass settles times near a change of offset.
  instant = wall - zoneOffset(instant, timezone);
  return new Date(instant);
}

export interface IcsOptions {
  readonly timezone: string;
  /** Unique per account and stable: joined to each event's key to make its UID. */
  readonly uidPrefix: string;
  /** DTSTAMP: when the file was written. */
  readonly now: Date;
  readonly calendarName: string;
}

export function writeIcs(events: readonly CalendarEvent[], options: IcsOptions): string {
  const calendar = ical({
    name: options.calendarName,
    prodId: { company: "Capacity", product: "Strength plan", language: "EN" },
    method: ICalCalendarMethod.PUBLISH,
    // Calendar apps poll a subscribed feed; every 6 hours keeps moves and new weeks visible.
    ttl: 6 * 60 * 60,
  });
  for (const event of events) {
    const uid = `${options.uidPrefix}-${event.key}@capacity`;
    if (event.time === null) {
      const start = new Date(`${event.date}T00:00:00Z`);
      const made = calendar.createEvent({
        id: uid,
        stamp: options.now,
        start,
        allDay: true,
        summary: event.summary,
        description: event.description,
        ...(event.url ? { url: event.url } : {}),
      });
      addAlarm(made, event);
    } else {
      const start = zonedInstant(event.date, event.time, options.timezone);
      const made = calendar.createEvent({
        id: uid,
        stamp: options.now,
        start,
        end: new Date(start.getTime() + event.minutes * MS_PER_MINUTE),
        summary: event.summary,
        description: event.description,
        ...(event.url ? { url: event.url } : {}),
      });
      addAlarm(made, event);
    }
  }
  // RFC 5545 ends every content line with CRLF, the last one too.
  const text = calendar.toString();
  return text.endsWith("\r\n") ? text : `${text}\r\n`;
}

function addAlarm(made: ReturnType<ReturnType<typeof ical>["createEvent"]>, event: CalendarEvent) {
  if ("at" in event.alarm) {
    // Relative to the all-day event's start (local midnight): "+PT8H" rings at 08:00 in any zone.
    const [hour, minute] = event.alarm.at.split(":").map(Number);
    made.createAlarm({
      type: ICalAlarmType.display,
      triggerAfter: ((hour ?? 0) * 60 + (minute ?? 0)) * 60,
      description: event.summary,
    });
  } else {
    made.createAlarm({
      type: ICalAlarmType.display,
      triggerBefore: event.alarm.minutesBefore * 60,
      description: event.summary,
    });
  }
}
