import { excerpt } from "../excerpt.js";
import { err, type InvalidInput, invalid, ok, type Result } from "../result.js";
import { parseLocalDate, type Weekday } from "../units/local-date.js";
import { checkSchema } from "../validation.js";
import { type Profile, ProfileSchema } from "./profile.js";

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

/** Validates an untrusted profile document (parsed JSON); the first problem is named with its field. */
export function validateProfile(input: unknown): Result<Profile, InvalidInput> {
  const problem = checkSchema(ProfileSchema, input);
  if (problem) return err(problem);
  const profile = input as Profile;
  if (profile.race && parseLocalDate(profile.race.date) === null) {
    return err(
      invalid("race.date", `${excerpt(profile.race.date)} is not a real date; expected YYYY-MM-DD`),
    );
  }
  if (profile.timezone !== undefined && !isTimeZone(profile.timezone)) {
    return err(
      invalid(
        "timezone",
        `${excerpt(profile.timezone)} is not accepted; expected an IANA time zone such as Europe/Berlin`,
      ),
    );
  }
  return ok(profile);
}

/** Equipment the athlete can use: what the profile lists, and always their own body weight. */
export function availableEquipment(profile: Profile): ReadonlySet<string> {
  return new Set(["bodyweight", ...profile.equipment]);
}

export function preferredDays(profile: Profile): ReadonlySet<Weekday> {
  return new Set<Weekday>(profile.preferredDays ?? []);
}
