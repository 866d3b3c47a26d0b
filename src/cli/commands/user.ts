import { randomBytes } from "node:crypto";
import { text } from "node:stream/consumers";
import { argon2Hasher, cryptoIds } from "../../adapters/crypto.js";
import { resetPassword } from "../../app/accounts.js";
import { systemClock } from "../../app/ports.js";
import { excerpt } from "../../core/excerpt.js";
import { openStoreForServer } from "../../storage.js";
import { parseFlags } from "../args.js";
import { USER_HELP } from "../help.js";
import { type CliIo, EXIT_OK, UsageError } from "../io.js";
import { readCliConfig } from "../read-config.js";

/** Four groups of five letters and digits: easy to type on a phone, about 100 bits. */
function generatedPassword(): string {
  const alphabet = "abcdefghjkmnpqrstuvwxyz23456789";
  const bytes = randomBytes(20);
  const chars = [...bytes].map((byte) => alphabet[byte % alphabet.length]);
  return [0, 5, 10, 15].map((start) => chars.slice(start, start + 5).join("")).join("-");
}

export async function userCommand(argv: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseFlags(
    "user",
    argv,
    { "password-stdin": { type: "boolean" }, help: { type: "boolean", short: "h" } },
    true,
  );
  if (values.help || positionals.length === 0) {
    io.out(USER_HELP);
    return values.help ? EXIT_OK : 2;
  }
  const [action, email, ...rest] = positionals;
  if (action !== "reset-password") {
    throw new UsageError(
      `unknown action "${action}"; expected reset-password (see capacity user --help)`,
    );
  }
  if (!email)
    throw new UsageError("reset-password needs the account's EMAIL (see capacity user --help)");
  if (rest.length)
    throw new UsageError(`unexpected argument ${excerpt(rest[0])} (see capacity user --help)`);
  const password = values["password-stdin"]
    ? (await text(process.stdin)).replace(/\r?\n$/, "")
    : generatedPassword();
  const config = readCliConfig();
  const { store } = await openStoreForServer(config);
  try {
    const result = await resetPassword(
      { repos: store, hasher: argon2Hasher, ids: cryptoIds, clock: systemClock },
      email,
      password,
    );
    if (!result.ok) {
      const field = "field" in result.error && result.error.field ? `${result.error.field} ` : "";
      throw new UsageError(`${field}${result.error.message}`);
    }
    io.out(
      values["password-stdin"]
        ? `Password of ${result.value.email} changed; every log-in of the account was ended.\n`
        : `New password for ${result.value.email}: ${password}\nEvery log-in of the account was ended; pass this on privately.\n`,
    );
    return EXIT_OK;
  } finally {
    await store.close();
  }
}
