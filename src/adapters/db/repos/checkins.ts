import type { Selectable } from "kysely";
import type { CheckinRepo, StoredCheckin } from "../../../app/ports.js";
import type { CheckinTable } from "../schema.js";
import { type Db, inTransaction, toInstant, touch } from "./shared.js";

function toCheckin(row: Selectable<CheckinTable>): StoredCheckin {
  return {
    id: row.id,
    date: row.date,
    soreness: row.soreness,
    hurtRun: Number(row.hurt_run) === 1,
    createdAt: toInstant(row.created_at),
  };
}

/** One per (owner, day): a second answer updates the first and keeps its id and createdAt. */
async function upsertCheckin(
  db: Db,
  ownerId: string,
  checkin: StoredCheckin,
): Promise<StoredCheckin> {
  const hurtRun = checkin.hurtRun ? 1 : 0;
  const row = await db
    .insertInto("checkin")
    .values({
      owner_id: ownerId,
      id: checkin.id,
      date: checkin.date,
      soreness: checkin.soreness,
      hurt_run: hurtRun,
      created_at: checkin.createdAt,
    })
    .onConflict((oc) =>
      oc
        .columns(["owner_id", "date"])
        .doUpdateSet({ soreness: checkin.soreness, hurt_run: hurtRun }),
    )
    .returningAll()
    .executeTakeFirstOrThrow();
  await touch(db, ownerId);
  return toCheckin(row);
}

export function checkinRepo(db: Db): CheckinRepo {
  return {
    upsert(ownerId, checkin) {
      return inTransaction(db, (trx) => upsertCheckin(trx, ownerId, checkin));
    },

    async list(ownerId) {
      const rows = await db
        .selectFrom("checkin")
        .selectAll()
        .where("owner_id", "=", ownerId)
        .orderBy("date")
        .execute();
      return rows.map(toCheckin);
    },

    async page(ownerId, after, limit) {
      // The day is unique per owner: it alone is the keyset.
      let query = db.selectFrom("checkin").selectAll().where("owner_id", "=", ownerId);
      if (after) query = query.where("date", ">", after.date);
      const rows = await query.orderBy("date").limit(limit).execute();
      return rows.map(toCheckin);
    },

    async since(ownerId, date) {
      const rows = await db
        .selectFrom("checkin")
        .selectAll()
        .where("owner_id", "=", ownerId)
        .where("date", ">=", date)
        .orderBy("date")
        .execute();
      return rows.map(toCheckin);
    },
  };
}
