import { excerpt } from "../excerpt.js";
import { type InvalidInput, invalid } from "../result.js";
import { parseLocalDate, type Weekday } from "../units/local-date.js";
import type { Profile } from "./profile.js";

// No TypeBox here: the planner and the command line's plan read these without loading it.

/** Building an Intl formatter is slow, and there are few zones: remember each answer. */
const ZONES = new Map<string, boolean>();

function isTimeZone(zone: string): boolean {
  let known = ZONES.get(zone);
  if (known === undefined) {
    try {
      new Intl.DateTimeFormat("en-US", { timeZone: zone });
      known = true;
    } catch {
      known = false;
    }
    if (ZONES.size < 1000) ZONES.set(zone, known);
  }
  return known;
}

/** What the schema cannot say of a profile of the right shape: a real race date, a known zone. */
export function checkProfileMeaning(profile: Profile): InvalidInput | null {
  if (profile.race && parseLocalDate(profile.race.date) === null) {
    return invalid(
      "race.date",
      `${excerpt(profile.race.date)} is not a real date; expected YYYY-MM-DD`,
    );
  }
  if (profile.timezone !== undefined && !isTimeZone(profile.timezone)) {
    return invalid(
      "timezone",
      `${excerpt(profile.timezone)} is not accepted; expected an IANA time zone such as Europe/Berlin`,
    );
  }
  return null;
}

/** Equipment the athlete can use: what the profile lists, and always their own body weight. */
export function availableEquipment(profile: Profile): ReadonlySet<string> {
  return new Set(["bodyweight", ...profile.equipment]);
}

export function preferredDays(profile: Profile): ReadonlySet<Weekday> {
  return new Set<Weekday>(profile.preferredDays ?? []);
}
