import { dictionary } from "@zxcvbn-ts/language-common";

/**
 * The password rules of NIST SP 800-63B (5.1.1.2): a minimum length, no composition rules, and
 * a check against passwords known to be common. The list is the most common entries of
 * zxcvbn-ts's `passwords-common` dictionary (@zxcvbn-ts/language-common, MIT licence), ordered
 * from the most common; compared without regard to case.
 */
export const PASSWORD_MIN = 10;
export const PASSWORD_MAX = 200;
export const COMMON_PASSWORDS_CHECKED = 10_000;

export type PasswordRule = "too-short" | "too-long" | "one-character" | "common";

let common: ReadonlySet<string> | undefined;

function commonPasswords(): ReadonlySet<string> {
  common ??= new Set(
    dictionary["passwords-common"]
      .slice(0, COMMON_PASSWORDS_CHECKED)
      .map((entry) => entry.toLowerCase()),
  );
  return common;
}

/** The first rule a new password breaks, with the words to tell the person; null when it is fine. */
export function passwordRuleBroken(
  password: string,
): { readonly rule: PasswordRule; readonly message: string } | null {
  // Characters, not UTF-16 units: an emoji counts as one.
  const characters = [...password];
  if (characters.length < PASSWORD_MIN) {
    return {
      rule: "too-short",
      message: `must be at least ${PASSWORD_MIN} characters (a few words make a good one)`,
    };
  }
  if (characters.length > PASSWORD_MAX) {
    return { rule: "too-long", message: `must be at most ${PASSWORD_MAX} characters` };
  }
  if (characters.every((c) => c === characters[0])) {
    return {
      rule: "one-character",
      message: "is one character repeated: use a few words instead",
    };
  }
  if (commonPasswords().has(password.toLowerCase())) {
    return {
      rule: "common",
      message:
        "is one of the most common passwords, the first ones an attacker tries: choose another",
    };
  }
  return null;
}
