import type { CalendarFeedRepo } from "../../../app/ports.js";
import { type Db, toCount } from "./shared.js";

export function calendarFeedRepo(db: Db): CalendarFeedRepo {
  return {
    async tokenOf(ownerId) {
      const row = await db
        .selectFrom("calendar_feed")
        .select("token")
        .where("user_id", "=", ownerId)
        .executeTakeFirst();
      return row?.token ?? null;
    },

    async put(ownerId, token, at) {
      await db
        .insertInto("calendar_feed")
        .values({ user_id: ownerId, token, created_at: at })
        .onConflict((oc) => oc.column("user_id").doUpdateSet({ token, created_at: at }))
        .execute();
    },

    async ownerOf(token) {
      const row = await db
        .selectFrom("calendar_feed")
        .select("user_id")
        .where("token", "=", token)
        .executeTakeFirst();
      return row?.user_id ?? null;
    },

    async delete(ownerId) {
      const result = await db
        .deleteFrom("calendar_feed")
        .where("user_id", "=", ownerId)
        .executeTakeFirst();
      return toCount(result.numDeletedRows) > 0;
    },
  };
}
