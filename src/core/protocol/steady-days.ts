import { type DayNumber, weekdayName } from "../units/local-date.js";
import { crowdsSevenDays, type PlacementDay, type PlacementInput } from "./placement.js";

/**
 * Steady days (protocol section 4): while the run week and the phase stay the same, the
 * sessions keep last week's weekdays whenever those keep every hard rule. A week is a source
 * for the next when it was planned whole (no day of it past): the days a split week was left
 * with say nothing about the runner's habit.
 */
export interface SteadySource {
  /** Session days of the week as offsets from its first day: planned by the search, and done. */
  readonly offsets: readonly number[];
  /** The runs the rules read, day by day, and the run of the day after the week. */
  readonly runs: string;
  readonly phases: string;
  readonly phase: string;
}

/** What must stay the same for days to stay: the runs the rules read and the phases. */
export interface WeekShape {
  readonly runs: string;
  readonly phases: string;
}

/** Worked out once per week (the runs include the day after the week, which rule 2 reads). */
export function weekShape(
  days: readonly PlacementDay[],
  input: Pick<PlacementInput, "runOn">,
): WeekShape {
  let runs = "";
  let phases = "";
  for (const day of days) {
    runs += `${day.run},`;
    phases += `${day.phase},`;
  }
  return { runs: runs + input.runOn((days.at(-1)?.day ?? 0) + 1), phases };
}

export function steadySource(
  start: DayNumber,
  shape: WeekShape,
  days: readonly PlacementDay[],
  sessionDays: readonly DayNumber[],
): SteadySource {
  return {
    offsets: sessionDays.map((day) => day - start).sort((a, b) => a - b),
    runs: shape.runs,
    phases: shape.phases,
    phase: days.at(-1)?.phase ?? "base",
  };
}

/** Last week's weekdays in this week, when its runs and phases are last week's. */
export function steadyDaysFor(
  source: SteadySource | null,
  start: DayNumber,
  shape: WeekShape,
): ReadonlySet<DayNumber> | undefined {
  if (!source || source.offsets.length === 0) return undefined;
  if (source.runs !== shape.runs || source.phases !== shape.phases) return undefined;
  return new Set(source.offsets.map((offset) => start + offset));
}

function names(days: readonly DayNumber[]): string {
  const list = days.map(weekdayName);
  return list.length <= 1 ? (list[0] ?? "") : `${list.slice(0, -1).join(", ")} and ${list.at(-1)}`;
}

const PHASE_WORDS: Record<string, string> = {
  base: "base training",
  peak: "the peak weeks",
  taper: "the taper",
  "race-week": "race week",
  recovery: "recovery",
};

/**
 * The note for a week whose sessions fall on a weekday last week's did not, saying why; null
 * when they keep last week's weekdays (or either week holds none).
 */
export function steadyChangeNote(
  source: SteadySource | null,
  start: DayNumber,
  shape: WeekShape,
  days: readonly PlacementDay[],
  input: PlacementInput,
  chosen: readonly DayNumber[],
): string | null {
  if (!source || source.offsets.length === 0) return null;
  // Fewer sessions on last week's days is no change of days; other notes say why fewer.
  const kept = (day: DayNumber) => source.offsets.includes(day - start);
  if (chosen.every(kept) && input.fixed.every(kept)) return null;
  const now = [...new Set([...chosen, ...input.fixed])].sort((a, b) => a - b);
  const before = source.offsets.map((offset) => start + offset);
  const lead = `Your strength days change this week: ${names(now)} instead of ${names(before)}`;
  return `${lead}, because ${whyChanged(source, before, shape, days, input, chosen)}.`;
}

function whyChanged(
  source: SteadySource,
  before: readonly DayNumber[],
  shape: WeekShape,
  days: readonly PlacementDay[],
  input: PlacementInput,
  chosen: readonly DayNumber[],
): string {
  if (source.phases !== shape.phases) {
    const phase = days.find((day) => day.phase !== source.phase)?.phase ?? days[0]?.phase;
    return `${PHASE_WORDS[phase ?? "base"]} starts and asks for other days`;
  }
  if (source.runs !== shape.runs) return "this week's runs are not last week's";
  const done = input.fixed.filter((day) => !before.includes(day));
  if (done.length) return `your session of ${names(done)} is done and counts`;
  const others = [...(input.around ?? []), ...input.fixed];
  if (input.previous !== null) others.push(input.previous);
  for (const day of before) {
    if (chosen.includes(day) || input.fixed.includes(day)) continue;
    const info = days.find((entry) => entry.day === day);
    if (info?.closed) return `${weekdayName(day)} is ${info.closed.reason}`;
    if (input.avoid.has(day)) return `you were very sore: ${weekdayName(day)} is too soon`;
    if (crowdsSevenDays([day], others))
      return `${weekdayName(day)} would make three sessions in seven days`;
    if (others.some((other) => Math.abs(other - day) < 2))
      return `${weekdayName(day)} is less than 48 hours from another session`;
  }
  const open = before.filter((day) => !input.fixed.includes(day));
  if (crowdsSevenDays(open, others)) {
    const last = input.previous === null ? "" : ` with ${weekdayName(input.previous)}'s session`;
    return `${names(open)} would make three sessions in seven days${last}`;
  }
  return "last week's days no longer keep every rule together";
}
