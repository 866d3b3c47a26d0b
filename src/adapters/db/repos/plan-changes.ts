import type { Selectable } from "kysely";
import type { PlanChangeRepo, StoredPlanChange } from "../../../app/ports.js";
import type { PlanChangeTable } from "../schema.js";
import { type Db, deleteOwned, inTransaction, toInstant, touch } from "./shared.js";

/** The fields of a change other than id, kind and createdAt: what the `data` column keeps. */
function dataOf(change: StoredPlanChange): Record<string, string> {
  return change.kind === "move"
    ? { from: change.from, to: change.to }
    : { date: change.date, exercise: change.exercise, with: change.with };
}

function toChange(row: Selectable<PlanChangeTable>): StoredPlanChange {
  const data = JSON.parse(row.data) as Record<string, string>;
  const createdAt = toInstant(row.created_at);
  const field = (name: string): string => {
    const value = data[name];
    if (typeof value !== "string") {
      throw new Error(`plan_change ${row.id}: ${row.kind} without a text "${name}"`);
    }
    return value;
  };
  switch (row.kind) {
    case "move":
      return { id: row.id, kind: "move", from: field("from"), to: field("to"), createdAt };
    case "swap":
      return {
        id: row.id,
        kind: "swap",
        date: field("date"),
        exercise: field("exercise"),
        with: field("with"),
        createdAt,
      };
    default:
      throw new Error(`plan_change ${row.id}: unknown kind ${JSON.stringify(row.kind)}`);
  }
}

export function planChangeRepo(db: Db): PlanChangeRepo {
  return {
    add(ownerId, change) {
      return inTransaction(db, async (trx) => {
        await trx
          .insertInto("plan_change")
          .values({
            owner_id: ownerId,
            id: change.id,
            kind: change.kind,
            data: JSON.stringify(dataOf(change)),
            created_at: change.createdAt,
          })
          .execute();
        await touch(trx, ownerId);
      });
    },

    async list(ownerId) {
      const rows = await db
        .selectFrom("plan_change")
        .selectAll()
        .where("owner_id", "=", ownerId)
        .orderBy("created_at")
        .orderBy("id")
        .execute();
      return rows.map(toChange);
    },

    async page(ownerId, after, limit) {
      let query = db.selectFrom("plan_change").selectAll().where("owner_id", "=", ownerId);
      if (after) {
        query = query.where(({ eb, refTuple, tuple }) =>
          eb(refTuple("created_at", "id"), ">", tuple(after.createdAt, after.id)),
        );
      }
      const rows = await query.orderBy("created_at").orderBy("id").limit(limit).execute();
      return rows.map(toChange);
    },

    delete(ownerId, id) {
      return deleteOwned(db, "plan_change", ownerId, id);
    },
  };
}
