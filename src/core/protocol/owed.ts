import type { DayNumber } from "../units/local-date.js";

/** A week's count (protocol section 4, "Today, the past and missed sessions"). */
export interface WeekCount {
  readonly target: number;
  readonly done: number;
  readonly owed: number;
  readonly missed: number;
  readonly missedReason: string | null;
}

const sessions = (n: number) => (n === 1 ? "1 session" : `${n} sessions`);

/**
 * Target, done, owed and missed for one week. `target` is what the week holds when planned
 * whole (as if no day were past); `placed` what today and the days left hold; `soreDrop` a
 * session the day-later rule dropped.
 */
export function countWeek(input: {
  readonly target: number;
  readonly done: number;
  readonly placed: number;
  readonly start: DayNumber;
  readonly today: DayNumber;
  readonly soreDrop: boolean;
}): WeekCount {
  const { target, done, placed, start, today, soreDrop } = input;
  const owed = Math.max(0, target - done);
  const missed = Math.max(0, owed - placed);
  let missedReason: string | null = null;
  if (missed > 0) {
    if (start + 7 <= today) {
      missedReason = `${sessions(missed)} of this week not logged: the week is over, and the next one starts fresh.`;
    } else if (soreDrop && missed === 1) {
      missedReason =
        "1 session dropped after a very sore day: no later day of the week keeps every rule.";
    } else {
      const left = placed === 0 ? "no room for another" : `room for only ${placed} more`;
      missedReason = `${sessions(missed)} missed: the days left this week have ${left} under every rule, counting the sessions before and after them. A missed session is not made up by crowding: never two days in a row, never three in seven days.`;
    }
  }
  return { target, done, owed, missed, missedReason };
}
