import type { SessionRepo } from "../../../app/ports.js";
import { type Db, toCount, toInstant } from "./shared.js";
import { toUser } from "./users.js";

/** A live session and its user; the parameters are, in this order, the session id and now. */
function findSession(db: Db, id: string, now: number) {
  return db
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
    .where("s.expires_at", ">", now);
}

type SessionRow = Awaited<ReturnType<ReturnType<typeof findSession>["executeTakeFirstOrThrow"]>>;

export function sessionRepo(db: Db): SessionRepo {
  let findQuery: ReturnType<ReturnType<typeof findSession>["compile"]> | undefined;
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
      // Every signed-in request runs this: compile it once and only swap its two parameters.
      findQuery ??= findSession(db, "", 0).compile();
      const { rows } = await db.executeQuery<SessionRow>({ ...findQuery, parameters: [id, now] });
      const row = rows[0];
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
