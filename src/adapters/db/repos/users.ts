import type { Selectable } from "kysely";
import type { User, UserRepo } from "../../../app/ports.js";
import type { UserTable } from "../schema.js";
import { type Db, toCount, toInstant } from "./shared.js";

/** E-mails compare case-insensitively: the table keeps them lower-cased. */
export function normalizeEmail(email: string): string {
  return email.toLowerCase();
}

export function toUser(row: Selectable<UserTable>): User {
  return {
    id: row.id,
    email: row.email,
    name: row.name,
    passwordHash: row.password_hash,
    createdAt: toInstant(row.created_at),
    passwordChangedAt: toInstant(row.password_changed_at),
    dataVersion: Number(row.data_version),
  };
}

// Over 80 lines: one object of the port's short methods over the same handle; split, one
// repository's queries would sit in several places.
export function userRepo(db: Db): UserRepo {
  return {
    async create(user) {
      const email = normalizeEmail(user.email);
      const taken = await db
        .selectFrom("user")
        .select("id")
        .where("email", "=", email)
        .executeTakeFirst();
      if (taken) return "email-taken";
      // ON CONFLICT on the e-mail settles a race with another sign-up without an error, which
      // would also abort an enclosing PostgreSQL transaction. A clash on the id still throws:
      // ids are UUIDs, so that is a bug, not a user's mistake.
      const inserted = await db
        .insertInto("user")
        .values({
          id: user.id,
          email,
          name: user.name,
          password_hash: user.passwordHash,
          created_at: user.createdAt,
          password_changed_at: user.passwordChangedAt,
        })
        .onConflict((oc) => oc.column("email").doNothing())
        .executeTakeFirst();
      if (toCount(inserted.numInsertedOrUpdatedRows) === 0) return "email-taken";
      return { ...user, email };
    },

    async byEmail(email) {
      const row = await db
        .selectFrom("user")
        .selectAll()
        .where("email", "=", normalizeEmail(email))
        .executeTakeFirst();
      return row ? toUser(row) : null;
    },

    async byId(id) {
      const row = await db.selectFrom("user").selectAll().where("id", "=", id).executeTakeFirst();
      return row ? toUser(row) : null;
    },

    async setPassword(userId, passwordHash, at) {
      await db
        .updateTable("user")
        .set({ password_hash: passwordHash, password_changed_at: at })
        .where("id", "=", userId)
        .execute();
    },

    async delete(userId) {
      const result = await db.deleteFrom("user").where("id", "=", userId).executeTakeFirst();
      return toCount(result.numDeletedRows) > 0;
    },

    async count() {
      const row = await db
        .selectFrom("user")
        .select((eb) => eb.fn.countAll().as("n"))
        .executeTakeFirstOrThrow();
      return toCount(row.n);
    },

    async list(limit) {
      const rows = await db
        .selectFrom("user")
        .selectAll()
        .orderBy("created_at")
        .orderBy("id")
        .limit(limit)
        .execute();
      return rows.map(toUser);
    },

    async takeOver(current, next) {
      const email = normalizeEmail(next.email);
      // One statement: the row must still be `current` (a second sign-up racing the first finds
      // nothing to take over), and no other account may hold the new e-mail, checked in the
      // statement rather than by a caught unique violation (it would abort a PostgreSQL
      // transaction around it).
      const updated = await db
        .updateTable("user")
        .set({
          email,
          name: next.name,
          password_hash: next.passwordHash,
          password_changed_at: next.passwordChangedAt,
        })
        .where("email", "=", normalizeEmail(current.email))
        .where("password_hash", "=", current.passwordHash)
        .where(({ not, exists, selectFrom }) =>
          not(
            exists(selectFrom("user as other").select("other.id").where("other.email", "=", email)),
          ),
        )
        .executeTakeFirst();
      if (toCount(updated.numUpdatedRows) === 0) {
        const holder = await db
          .selectFrom("user")
          .select("id")
          .where("email", "=", email)
          .executeTakeFirst();
        return holder ? "email-taken" : null;
      }
      const row = await db
        .selectFrom("user")
        .selectAll()
        .where("email", "=", email)
        .executeTakeFirstOrThrow();
      return toUser(row);
    },
  };
}
