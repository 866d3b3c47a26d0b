/**
 * The one form an e-mail is stored and looked up in: trimmed and lower-cased. Its own module so
 * that accounts.ts and local-owner.ts (which accounts.ts imports) can both use it.
 */
export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}
