import { err, type InvalidInput, ok, type Result } from "../result.js";
import { checkSchema } from "../validation.js";
import { type Profile, ProfileSchema } from "./profile.js";
import { checkProfileMeaning } from "./profile-meaning.js";

export { availableEquipment, preferredDays } from "./profile-meaning.js";

/** Validates an untrusted profile document (parsed JSON); the first problem is named with its field. */
export function validateProfile(input: unknown): Result<Profile, InvalidInput> {
  const problem = checkSchema(ProfileSchema, input);
  if (problem) return err(problem);
  const profile = input as Profile;
  const meaning = checkProfileMeaning(profile);
  return meaning ? err(meaning) : ok(profile);
}
