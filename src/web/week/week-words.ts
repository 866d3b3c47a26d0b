/** The week's words worked out from the plan: titles, the phase line and which notes to say once. */
import { RULES } from "../../core/protocol/rules.js";
import type { DayLater, PlannedWeek, Profile } from "../shared/api.js";
import { addDays, daysBetween, humanDates, longDate, shortDate } from "../shared/dates.js";
import { PHASE_WORD, plural, RACE_WORD } from "../shared/words.js";

/** The rule ids the plan's notes end with, " (48h-apart)": people read the sentence alone. */
export const RULE_IDS = new RegExp(`\\s\\((?:${Object.keys(RULES).join("|")})\\)`, "g");

export function weekTitle(start: string, today: string): string {
  const offset = Math.floor(daysBetween(start, today) / 7);
  if (today >= start && today <= addDays(start, 6)) return "This week";
  if (offset === -1) return "Next week";
  if (offset === 1) return "Last week";
  return `Week of ${shortDate(start)}`;
}

/** "Base phase: building strength · 20 weeks to your marathon". */
export function phaseText(week: PlannedWeek, race: Profile["race"]): string {
  const phase = PHASE_WORD[week.phase] ?? week.phase;
  if (!race) return phase;
  const days = daysBetween(week.start, race.date);
  const name = RACE_WORD[race.distance] ?? race.distance;
  if (days < 0) return phase;
  if (days < 7) return `${phase} · your ${name} is on ${longDate(race.date)}`;
  return `${phase} · ${plural(Math.floor(days / 7), "week")} to your ${name}`;
}

/** The reason alone: the tally already says how many ("1 session missed: " goes). */
export function missedWhy(reason: string): string {
  return humanDates(
    reason
      .replace(RULE_IDS, "")
      .replace(/^\d+ sessions? (?:missed|of this week not logged):\s*/i, ""),
  );
}

/**
 * The week's notes but those said elsewhere: the day-later note (in its banner), the missed
 * sessions' reason (in the tally) and a note naming a dropped change's day and reason (in the
 * dropped list). Each thing said once.
 */
export function notesSaidOnce(week: PlannedWeek, laterNote: string | null): readonly string[] {
  const dropped = week.dropped ?? [];
  return week.notes.filter(
    (note) =>
      note !== laterNote &&
      !(week.missed > 0 && note === week.missedReason) &&
      !dropped.some(
        (change) =>
          note.includes(change.reason) &&
          note.includes(change.kind === "move" ? change.from : change.date),
      ),
  );
}

/**
 * The day-later rule's note when it concerns this week and the rule moved or dropped a session:
 * taken from the plan's own `dayLater`, so "your next session is later" is never said untrue.
 */
export function dayLaterNote(
  dayLater: DayLater | null | undefined,
  week: PlannedWeek,
): string | null {
  if (!dayLater?.note || dayLater.outcome === "unchanged") return null;
  const end = addDays(week.start, 6);
  const concerned = [dayLater.from, dayLater.to].some(
    (date) => date !== null && date >= week.start && date <= end,
  );
  return concerned ? dayLater.note : null;
}

/**
 * The session shown first: the first not yet done on today or later (the first of the week for
 * a week ahead); none in a week that is over.
 */
export function upNextDate(week: PlannedWeek, today: string): string | null {
  const next = week.sessions.find((session) => !session.done && session.date >= today);
  return next?.date ?? null;
}
