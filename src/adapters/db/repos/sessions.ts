import type { SessionRepo } from "../../../app/ports.js";
import { type Db, toCount, toInstant } from "./shared.js";
import { toUser } from "./users.js";

export function sessionRepo(db: Db): SessionRepo {
  return {
    async create(session) {
      await db
        .insertInto("auth_session")
        .values({
          id: session.id,
          user_id: session.userId,
          created_at: session.createdAt,
          expires_at: session.expiresAt,
        })
        .execute();
    },

    async find(id, now) {
      const row = await db
        .selectFrom("auth_session as s")
        .innerJoin("user as u", "u.id", "s.user_id")
        .select([
          "s.id as session_id",
          "s.created_at as session_created_at",
          "s.expires_at as session_expires_at",
          "u.id",
          "u.email",
          "u.name",
          "u.password_hash",
          "u.created_at",
          "u.password_changed_at",
          "u.data_version",
        ])
        .where("s.id", "=", id)
        .where("s.expires_at", ">", now)
        .executeTakeFirst();
      if (!row) return null;
      return {
        session: {
          id: row.session_id,
          userId: row.id,
          createdAt: toInstant(row.session_created_at),
          expiresAt: toInstant(row.session_expires_at),
        },
        user: toUser(row),
      };
    },

    async delete(id) {
      await db.deleteFrom("auth_session").where("id", "=", id).execute();
    },

    async deleteForUser(userId) {
      await db.deleteFrom("auth_session").where("user_id", "=", userId).execute();
    },

    async deleteExpired(now) {
      const result = await db
        .deleteFrom("auth_session")
        .where("expires_at", "<=", now)
        .executeTakeFirst();
      return toCount(result.numDeletedRows);
    },
  };
}
