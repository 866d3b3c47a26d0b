import type { LogInRepo } from "../../../app/ports.js";
import { type Db, toCount, toInstant } from "./shared.js";
import { toUser } from "./users.js";

/** A live log-in and its user; the parameters are, in this order, the log-in id and now. */
function findLogIn(db: Db, id: string, now: number) {
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

type LogInRow = Awaited<ReturnType<ReturnType<typeof findLogIn>["executeTakeFirstOrThrow"]>>;

export function logInRepo(db: Db): LogInRepo {
  let findQuery: ReturnType<ReturnType<typeof findLogIn>["compile"]> | undefined;
  return {
    async create(logIn) {
      await db
        .insertInto("auth_session")
        .values({
          id: logIn.id,
          user_id: logIn.userId,
          created_at: logIn.createdAt,
          expires_at: logIn.expiresAt,
        })
        .execute();
    },

    async find(id, now) {
      // Every signed-in request runs this: compile it once and only swap its two parameters.
      findQuery ??= findLogIn(db, "", 0).compile();
      const { rows } = await db.executeQuery<LogInRow>({ ...findQuery, parameters: [id, now] });
      const row = rows[0];
      if (!row) return null;
      return {
        logIn: {
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
