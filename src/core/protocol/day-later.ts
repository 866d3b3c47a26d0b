import { type DayNumber, formatLocalDate, weekdayName } from "../units/local-date.js";
import {
  brokenRules,
  dayKeepsEveryRule,
  type Placement,
  type PlacementInput,
} from "./placement.js";
import type { DayLater } from "./plan-types.js";

/**
 * The day-later rule (protocol section 7) counts 72 hours from the check-in: the next
 * session moves when it falls on the check-in's day or one of the two days after it, which is
 * within 72 hours whatever the hours of the two.
 */
export const DAY_LATER_WITHIN_DAYS = 2;

export interface VerySore {
  readonly session: DayNumber;
  readonly checkin: DayNumber;
  readonly soreness: number;
}

export interface DayLaterResult {
  readonly placement: Placement;
  readonly outcome: DayLater;
  /** The session this week lost (dropped), if any. */
  readonly droppedDay: DayNumber | null;
}

function outcomeOf(
  sore: VerySore,
  outcome: DayLater["outcome"],
  from: DayNumber | null,
  to: DayNumber | null,
  note: string | null,
): DayLater {
  return {
    sessionDate: formatLocalDate(sore.session),
    checkinDate: formatLocalDate(sore.checkin),
    soreness: sore.soreness,
    outcome,
    from: from === null ? null : formatLocalDate(from),
    to: to === null ? null : formatLocalDate(to),
    note,
  };
}

/** When the plan's weeks hold no session after the sore one: nothing moved. */
export function dayLaterUnchanged(sore: VerySore): DayLater {
  return outcomeOf(sore, "unchanged", null, null, null);
}

/**
 * Applies the rule to this week's placement; null when the week holds no planned session
 * after the sore one (the next week's first session is then the next session). The session
 * goes to the first later day of its week that keeps every hard rule, relaxing none and
 * never a past day; without one, the week drops it.
 */
export function applyDayLater(
  placement: Placement,
  input: PlacementInput,
  sore: VerySore,
): DayLaterResult | null {
  const next = placement.days.find((day) => day > sore.session);
  if (next === undefined) return null;
  if (next - sore.checkin > DAY_LATER_WITHIN_DAYS) {
    return {
      placement,
      outcome: outcomeOf(sore, "unchanged", next, next, null),
      droppedDay: null,
    };
  }
  const rest = placement.days.filter((day) => day !== next);
  const others = [...rest, ...input.fixed, ...(input.around ?? [])];
  if (input.previous !== null) others.push(input.previous);
  const last = input.days.at(-1)?.day ?? next;
  const feel = `You were very sore on ${formatLocalDate(sore.checkin)} (${sore.soreness}/10 after ${formatLocalDate(sore.session)})`;
  for (let day = next + 1; day <= last; day++) {
    if (!dayKeepsEveryRule(day, others, input)) continue;
    const days = [...rest, day].sort((a, b) => a - b);
    const note = `${feel}: ${weekdayName(next)}'s session moves to ${weekdayName(day)}, the first later day that keeps every rule.`;
    return {
      placement: { days, relaxed: brokenRules(days, input) ?? placement.relaxed },
      outcome: outcomeOf(sore, "moved", next, day, note),
      droppedDay: null,
    };
  }
  const note = `${feel}: no later day this week keeps every rule for ${weekdayName(next)}'s session, so this week drops it rather than crowd it in.`;
  return {
    placement: { days: rest, relaxed: brokenRules(rest, input) ?? placement.relaxed },
    outcome: outcomeOf(sore, "dropped", next, null, note),
    droppedDay: next,
  };
}
