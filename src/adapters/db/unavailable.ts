/**
 * Errors that mean the database cannot do its work right now (a full disk, a read-only file, a
 * PostgreSQL server that is down or restarting), as opposed to a bug or bad input: the request
 * may succeed later unchanged, so it is answered 503 with Retry-After instead of 500.
 */

const SQLITE: Record<string, string> = {
  SQLITE_FULL: "The database's disk is full.",
  SQLITE_READONLY: "The database cannot be written (its file or folder is read-only).",
  SQLITE_IOERR: "The database's disk failed to read or write.",
  SQLITE_CANTOPEN: "The database file cannot be opened.",
  SQLITE_BUSY: "The database is busy with another process.",
  SQLITE_LOCKED: "The database is locked by another process.",
  SQLITE_NOMEM: "The database ran out of memory.",
};

/** PostgreSQL SQLSTATE classes and codes (appendix A of its manual). */
const PG_CLASSES: Record<string, string> = {
  "08": "The database connection failed.",
  "53": "The database server is out of resources (disk, memory or connections).",
  "57": "The database server is shutting down or restarting.",
  "58": "The database server met a system error.",
};
const PG_CODES: Record<string, string> = {
  "25006": "The database is read-only.",
  "53100": "The database's disk is full.",
};

const NETWORK = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "ETIMEDOUT",
  "EPIPE",
  "EHOSTUNREACH",
  "ENETUNREACH",
  "ENOTFOUND",
  "EAI_AGAIN",
]);

/** pg's words when its socket is gone or never came (these errors carry no code). */
const PG_CONNECTION_WORDS =
  /Connection terminated|connection timeout|timeout exceeded when trying to connect|Client has encountered a connection error|not queryable|Cannot use a pool after calling end/i;

/** Why the database cannot serve now, in words for the API's answer; null for any other error. */
export function storageUnavailable(error: unknown): string | null {
  for (let current = error, depth = 0; current && depth < 5; depth++) {
    const reason = ownReason(current);
    if (reason) return reason;
    current = (current as { cause?: unknown }).cause;
  }
  return null;
}

function ownReason(error: unknown): string | null {
  if (typeof error !== "object" || error === null) return null;
  const code = (error as { code?: unknown }).code;
  if (typeof code === "string") {
    if (code.startsWith("SQLITE_")) {
      const base = code.replace(/^(SQLITE_[A-Z]+)(_.*)?$/, "$1");
      return SQLITE[base] ?? null;
    }
    if (/^[0-9A-Z]{5}$/.test(code)) return PG_CODES[code] ?? PG_CLASSES[code.slice(0, 2)] ?? null;
    if (NETWORK.has(code)) return "The database server cannot be reached.";
  }
  const message = (error as { message?: unknown }).message;
  if (typeof message === "string" && PG_CONNECTION_WORDS.test(message)) {
    return "The database server cannot be reached.";
  }
  if (error instanceof AggregateError) {
    for (const inner of error.errors) {
      const reason = ownReason(inner);
      if (reason) return reason;
    }
  }
  return null;
}
