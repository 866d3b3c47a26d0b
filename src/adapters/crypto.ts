import { createHash, randomBytes, randomUUID } from "node:crypto";
import { createRequire } from "node:module";
import type { Ids, PasswordHasher } from "../app/ports.js";

/** The native argon2 addon loads on the first password, not with every id a command makes. */
const require = createRequire(import.meta.url);
const argon2 = (): typeof import("@node-rs/argon2") =>
  require("@node-rs/argon2") as typeof import("@node-rs/argon2");

/** @node-rs/argon2 exports Algorithm as a const enum; 2 is its Argon2id. */
const ARGON2ID = 2;

export const cryptoIds: Ids = {
  uuid: () => randomUUID(),
  token: () => randomBytes(32).toString("base64url"),
  hashToken: (token) => createHash("sha256").update(token).digest("hex"),
};

/**
 * argon2id with the library's defaults (19 MiB, 2 passes: the OWASP Password Storage Cheat
 * Sheet minimum), about 20 ms a hash on this machine.
 */
export const argon2Hasher: PasswordHasher = {
  hash: (password) => argon2().hash(password, { algorithm: ARGON2ID }),
  verify: async (stored, password) => {
    try {
      return await argon2().verify(stored, password);
    } catch {
      return false;
    }
  },
};
