/**
 * A short, bounded picture of any value for an error message: never the whole value (a refused
 * document may be megabytes or nested thousands of levels deep), never a recursion deeper than
 * a few levels, so that explaining a problem cannot itself fail or answer with a huge body.
 */
export const EXCERPT_CHARS = 60;

const NESTED_LEVELS = 2;
const ITEMS_SHOWN = 3;

export function excerpt(value: unknown, limit = EXCERPT_CHARS): string {
  const text = picture(value, NESTED_LEVELS);
  return text.length > limit ? `${text.slice(0, limit - 1)}…` : text;
}

function picture(value: unknown, levels: number): string {
  if (typeof value === "string") {
    // Only the start of a long string is worth quoting; JSON.stringify escapes what is left.
    const head = value.length > EXCERPT_CHARS ? `${value.slice(0, EXCERPT_CHARS)}…` : value;
    return JSON.stringify(head);
  }
  if (value === null || typeof value === "number" || typeof value === "boolean") {
    return String(value);
  }
  if (value === undefined) return "nothing";
  if (typeof value === "bigint") return `${value}`;
  if (Array.isArray(value)) {
    if (value.length === 0) return "[]";
    if (levels === 0) return `[…${value.length} items]`;
    const shown = value.slice(0, ITEMS_SHOWN).map((item) => picture(item, levels - 1));
    return `[${shown.join(",")}${value.length > ITEMS_SHOWN ? ",…" : ""}]`;
  }
  if (typeof value === "object") {
    const keys = Object.keys(value);
    if (keys.length === 0) return "{}";
    if (levels === 0) return "{…}";
    const shown = keys
      .slice(0, ITEMS_SHOWN)
      .map(
        (key) =>
          `${JSON.stringify(key.slice(0, 20))}:${picture((value as Record<string, unknown>)[key], levels - 1)}`,
      );
    return `{${shown.join(",")}${keys.length > ITEMS_SHOWN ? ",…" : ""}}`;
  }
  return typeof value;
}
