import type { ProfileRepo } from "../../../app/ports.js";
import { type Db, inTransaction, touch } from "./shared.js";

export function profileRepo(db: Db): ProfileRepo {
  return {
    async get(ownerId) {
      const row = await db
        .selectFrom("profile")
        .select("data")
        .where("user_id", "=", ownerId)
        .executeTakeFirst();
      return row ? (JSON.parse(row.data) as unknown) : null;
    },

    async put(ownerId, profile, at) {
      const data = JSON.stringify(profile);
      if (data === undefined) throw new TypeError("a profile must be a JSON value");
      await inTransaction(db, async (trx) => {
        await trx
          .insertInto("profile")
          .values({ user_id: ownerId, data, updated_at: at })
          .onConflict((oc) => oc.column("user_id").doUpdateSet({ data, updated_at: at }))
          .execute();
        await touch(trx, ownerId);
      });
    },
  };
}
