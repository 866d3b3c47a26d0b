import { err, type InvalidInput, ok, type Result } from "../result.js";
import type { Profile } from "./profile.js";
import { checkProfileMeaning } from "./profile-meaning.js";
import { PROFILE_SHAPE_CODE } from "./profile-shape-code.js";

// TypeBox's own compiled check, kept as text: loading TypeBox (some 250 modules) costs a
// command-line plan more than planning does. The same `new Function` TypeBox itself uses.
const isProfileShape = new Function(PROFILE_SHAPE_CODE)() as (value: unknown) => boolean;

/**
 * `validateProfile` for the common case, without TypeBox: the same answer for a profile of the
 * right shape, and null for a wrong shape, whose words only `validateProfile` can find.
 */
export function validateProfileQuickly(input: unknown): Result<Profile, InvalidInput> | null {
  if (!isProfileShape(input)) return null;
  const meaning = checkProfileMeaning(input as Profile);
  return meaning ? err(meaning) : ok(input as Profile);
}
