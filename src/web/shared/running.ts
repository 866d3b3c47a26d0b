/**
 * The imported runs as the week and progress screens show them: the plan's additions read
 * defensively (an older server sends none of them) and the words for numbers.
 */
import type { PlannedActivity } from "../../core/protocol/plan-types.js";
import { RUN_EFFORTS } from "../../core/running/classify.js";
import type { RunningTotals } from "../../core/running/weekly.js";
import type { PlannedDay, PlannedWeek, RunEffort, WeeklyRunning } from "./api.js";
import { addDays } from "./dates.js";
import { plural } from "./words.js";

/**
 * An imported activity on a day of the plan (PlannedDay.activities); its sport is any text, so
 * that a sport this app does not know yet (from a newer server) still shows (SPORT_WORD.other).
 */
export interface DayActivity extends Omit<PlannedActivity, "sport"> {
  readonly sport: string;
}

export interface DayRunning {
  readonly activities: readonly DayActivity[];
  /** The profile's run for that day; null when the server does not say (then it is `run`). */
  readonly plannedRun: string | null;
  readonly importedStrength: boolean;
}

const num = (value: unknown): number | null =>
  typeof value === "number" && Number.isFinite(value) ? value : null;

const EFFORTS: ReadonlySet<string> = new Set(RUN_EFFORTS);

function activityOf(raw: unknown): DayActivity | null {
  if (!raw || typeof raw !== "object") return null;
  const item = raw as Record<string, unknown>;
  if (typeof item.sport !== "string" || typeof item.start !== "string") return null;
  return {
    id: typeof item.id === "string" ? item.id : null,
    sport: item.sport,
    start: item.start,
    movingS: num(item.movingS),
    elapsedS: num(item.elapsedS),
    distanceM: num(item.distanceM),
    avgHr: num(item.avgHr),
    effort:
      typeof item.effort === "string" && EFFORTS.has(item.effort)
        ? (item.effort as RunEffort)
        : null,
  };
}

/** What the plan says was really done on a day; empty for a plan without these fields. */
export function dayRunning(day: PlannedDay): DayRunning {
  const extra = day as unknown as Record<string, unknown>;
  const list = Array.isArray(extra.activities) ? extra.activities : [];
  return {
    activities: list.map(activityOf).filter((item): item is DayActivity => item !== null),
    plannedRun: typeof extra.plannedRun === "string" ? extra.plannedRun : null,
    importedStrength: extra.importedStrength === true,
  };
}

/** The week's running totals, or null when the server does not send them. */
export function weekRunning(week: PlannedWeek): RunningTotals | null {
  const raw = (week as unknown as Record<string, unknown>).running;
  if (!raw || typeof raw !== "object") return null;
  const totals = raw as Record<string, unknown>;
  return {
    runs: num(totals.runs) ?? 0,
    distanceM: num(totals.distanceM) ?? 0,
    movingS: num(totals.movingS) ?? 0,
  };
}

/** "10.2 km" (one decimal below 100 km, whole kilometres above). */
export function kmText(metres: number): string {
  const km = metres / 1000;
  if (km >= 100) return `${Math.round(km).toLocaleString("en-GB")} km`;
  return `${(Math.round(km * 10) / 10).toFixed(1)} km`;
}

/** "45 min", "1 h 05 min", "12 h". */
export function durationText(seconds: number): string {
  const minutes = Math.round(seconds / 60);
  if (minutes < 60) return `${minutes} min`;
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  return rest === 0 ? `${hours} h` : `${hours} h ${String(rest).padStart(2, "0")} min`;
}

/** "12.3 MB": upload sizes as people read them. */
export function bytesText(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  const units = ["KB", "MB", "GB"];
  let value = bytes / 1024;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  const shown = value >= 100 ? Math.round(value).toString() : value.toFixed(1);
  return `${shown} ${units[unit]}`;
}

export const SPORT_WORD: Record<string, string> = {
  run: "Run",
  ride: "Ride",
  walk: "Walk",
  hike: "Hike",
  swim: "Swim",
  strength: "Strength",
  other: "Activity",
};

export const EFFORT_WORD: Record<RunEffort, string> = {
  easy: "easy run",
  quality: "quality run",
  long: "long run",
};

/** "Run · long run", "Ride": what an activity was, in a few words. */
export function activityTitle(activity: { sport: string; effort?: RunEffort | null }): string {
  const sport = SPORT_WORD[activity.sport] ?? SPORT_WORD.other ?? activity.sport;
  return activity.effort ? `${sport} · ${EFFORT_WORD[activity.effort]}` : sport;
}

/** "10.2 km · 52 min": distance and timer time (elapsed time when the timer is unknown). */
export function activityNumbers(activity: {
  distanceM: number | null;
  movingS: number | null;
  elapsedS: number | null;
}): string {
  const parts: string[] = [];
  if (activity.distanceM !== null && activity.distanceM > 0) parts.push(kmText(activity.distanceM));
  const time = activity.movingS ?? activity.elapsedS;
  if (time !== null && time > 0) parts.push(durationText(time));
  return parts.join(" · ");
}

/** "07:12": the start in the profile's time zone (the phone's when the zone is unknown). */
export function startTime(start: string, timeZone?: string): string {
  const instant = new Date(start);
  if (Number.isNaN(instant.getTime())) return "";
  try {
    return new Intl.DateTimeFormat("en-GB", {
      hour: "2-digit",
      minute: "2-digit",
      timeZone: timeZone || undefined,
    }).format(instant);
  } catch {
    return "";
  }
}

/** "Sat 4 Oct 2026, 07:12": when an activity started, in the profile's time zone. */
export function startDateTime(start: string, timeZone?: string): string {
  const instant = new Date(start);
  if (Number.isNaN(instant.getTime())) return start;
  const options: Intl.DateTimeFormatOptions = {
    weekday: "short",
    day: "numeric",
    month: "short",
    year: "numeric",
    hour: "2-digit",
    minute: "2-digit",
  };
  try {
    return new Intl.DateTimeFormat("en-GB", { ...options, timeZone: timeZone || undefined }).format(
      instant,
    );
  } catch {
    return new Intl.DateTimeFormat("en-GB", options).format(instant);
  }
}

/**
 * The whole weeks among `weeks` (oldest first): those over before `today`, so the week still
 * running (mostly empty early on) does not pull an average down.
 */
export function wholeWeeks<T extends { readonly start: string }>(
  weeks: readonly T[],
  today: string,
): T[] {
  return weeks.filter((week) => addDays(week.start, 7) <= today);
}

/**
 * The running chart's sentence: the average of the last four whole weeks (this week left out:
 * "33.1 km" for three weeks of 44.1 km and an empty current one was no runner's truth), and
 * this week so far on its own.
 */
export function weeklyRunningSummary(weeks: readonly WeeklyRunning[], today: string): string {
  if (!weeks.some((week) => week.runs > 0)) {
    return "No runs in the last 12 weeks yet. Import them to see them here.";
  }
  const recent = wholeWeeks(weeks, today).slice(-4);
  const current = weeks.find((week) => week.start <= today && today < addDays(week.start, 7));
  const thisWeek = current
    ? `${kmText(current.distanceM)}, ${plural(current.runs, "run")}`
    : "nothing";
  if (recent.length === 0) return `This week so far: ${thisWeek}.`;
  const distance = recent.reduce((sum, week) => sum + week.distanceM, 0);
  const time = recent.reduce((sum, week) => sum + week.movingS, 0);
  const count = recent.length;
  const span =
    count === 1 ? "The last whole week" : `The last ${count === 4 ? "four" : count} whole weeks`;
  return `${span}: ${kmText(distance / count)} and ${durationText(time / count)} a week on average. This week so far: ${thisWeek}.`;
}
