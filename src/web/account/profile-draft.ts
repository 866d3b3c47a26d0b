/** The profile as the forms edit it, with defaults that make sense for a runner who skips. */
import type { Equipment, Injury } from "../../core/exercise/types.js";
import type { RaceDistance, RunKind } from "../../core/profile/profile.js";
import type { Profile, RunWeek } from "../shared/api.js";
import { browserTimeZone, type Weekday } from "../shared/dates.js";

export type { RaceDistance, RunKind, RunWeek };

/*
 * The core's lists live beside its TypeBox schemas (core/profile/profile.ts): importing them
 * would put TypeBox (about 12 KB gzipped) into the first screen. So the values are written
 * here, typed by the core, and profile-draft.test.ts holds them equal to the core's.
 */
export const RUN_CYCLE: readonly RunKind[] = ["rest", "easy", "quality", "long"];
export const RACE_DISTANCES: readonly RaceDistance[] = ["5k", "10k", "half", "marathon", "ultra"];
export const MIN_MINUTES = 8;
export const MAX_MINUTES = 180;
export const MINUTE_PRESETS = [20, 30, 45, 60] as const;

export interface ProfileDraft {
  name: string;
  birthYear: string;
  units: "kg" | "lb";
  weekStart: Weekday;
  timezone: string | undefined;
  equipment: Equipment[];
  sessionMinutes: number;
  runWeek: RunWeek;
  raceDate: string;
  raceDistance: RaceDistance;
  injuries: Injury[];
}

export const DEFAULT_RUN_WEEK: RunWeek = {
  mon: "rest",
  tue: "easy",
  wed: "quality",
  thu: "easy",
  fri: "rest",
  sat: "long",
  sun: "easy",
};

/** Pounds where people weigh in pounds (the United States, Liberia, Myanmar); kilograms elsewhere. */
export function localeUnits(): "kg" | "lb" {
  const language = typeof navigator === "undefined" ? "" : navigator.language || "";
  return /-(US|LR|MM)$/i.test(language) ? "lb" : "kg";
}

export function defaultBirthYear(): number {
  return new Date().getFullYear() - 40;
}

export function defaultDraft(name = ""): ProfileDraft {
  return {
    name,
    birthYear: "",
    units: localeUnits(),
    // Monday, whatever the phone's calendar: onboarding offers the locale's day for a tap.
    weekStart: "mon",
    timezone: browserTimeZone(),
    equipment: ["bodyweight"],
    sessionMinutes: 30,
    runWeek: { ...DEFAULT_RUN_WEEK },
    raceDate: "",
    raceDistance: "half",
    injuries: [],
  };
}

export function draftFromProfile(profile: Profile): ProfileDraft {
  return {
    name: profile.name,
    birthYear: String(profile.birthYear),
    units: profile.units,
    weekStart: profile.weekStart,
    timezone: profile.timezone ?? browserTimeZone(),
    equipment: profile.equipment.includes("bodyweight")
      ? [...profile.equipment]
      : ["bodyweight", ...profile.equipment],
    sessionMinutes: profile.sessionMinutes,
    runWeek: { ...profile.runWeek },
    raceDate: profile.race?.date ?? "",
    raceDistance: profile.race?.distance ?? "half",
    injuries: [...(profile.injuries ?? [])],
  };
}

/**
 * The draft with the run week proposed from imported runs, unless the runner already changed
 * the run week in this draft (their choice wins over a proposal that arrived late).
 */
export function withProposedRunWeek(
  draft: ProfileDraft,
  proposed: RunWeek,
  edited: boolean,
): ProfileDraft {
  return edited ? draft : { ...draft, runWeek: { ...proposed } };
}

export function clampMinutes(value: number): number {
  if (!Number.isFinite(value)) return 30;
  return Math.min(MAX_MINUTES, Math.max(MIN_MINUTES, Math.round(value)));
}

/**
 * The profile to PUT. Fields the forms do not show (preferred days, increments) are kept from
 * `base`; a blank birth year or name takes a sensible default.
 */
export function profileFromDraft(draft: ProfileDraft, base?: Profile): Profile {
  const year = Number.parseInt(draft.birthYear, 10);
  const {
    race: _race,
    injuries: _injuries,
    timezone: _timezone,
    increments,
    ...kept
  } = base ?? ({} as Partial<Profile>);
  // Steps such as "2" mean 2 kg or 2 lb: after a change of units the defaults fit better.
  const sameUnits = base?.units === draft.units;
  return {
    ...kept,
    name: draft.name.trim() || base?.name || "Runner",
    birthYear: Number.isFinite(year) ? year : (base?.birthYear ?? defaultBirthYear()),
    units: draft.units,
    equipment: [...new Set<Equipment>(["bodyweight", ...draft.equipment])],
    sessionMinutes: clampMinutes(draft.sessionMinutes),
    weekStart: draft.weekStart,
    runWeek: { ...draft.runWeek },
    ...(draft.injuries.length > 0 ? { injuries: [...draft.injuries] } : {}),
    ...(draft.raceDate ? { race: { date: draft.raceDate, distance: draft.raceDistance } } : {}),
    ...(draft.timezone ? { timezone: draft.timezone } : {}),
    ...(increments && sameUnits ? { increments } : {}),
  };
}
