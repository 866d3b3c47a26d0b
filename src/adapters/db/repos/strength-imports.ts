import type { ExerciseNameRepo, PendingStrengthImportRepo } from "../../../app/ports.js";
import { type Db, inTransaction, toCount, toInstant } from "./shared.js";

export function exerciseNameRepo(db: Db): ExerciseNameRepo {
  return {
    async list(ownerId) {
      const rows = await db
        .selectFrom("exercise_name_map")
        .select(["name", "exercise"])
        .where("owner_id", "=", ownerId)
        .orderBy("name")
        .execute();
      return rows.map((row) => ({ name: row.name, exercise: row.exercise }));
    },

    put(ownerId, choices, at) {
      if (choices.length === 0) return Promise.resolve();
      return inTransaction(db, async (trx) => {
        for (const choice of choices) {
          await trx
            .insertInto("exercise_name_map")
            .values({
              owner_id: ownerId,
              name: choice.name,
              exercise: choice.exercise,
              created_at: at,
            })
            .onConflict((oc) =>
              oc
                .columns(["owner_id", "name"])
                .doUpdateSet({ exercise: choice.exercise, created_at: at }),
            )
            .execute();
        }
      });
    },
  };
}

export function pendingStrengthImportRepo(db: Db): PendingStrengthImportRepo {
  return {
    async add(ownerId, pending) {
      await db
        .insertInto("strength_import_pending")
        .values({
          owner_id: ownerId,
          id: pending.id,
          source: pending.source,
          csv: pending.csv,
          weight_unit: pending.weightUnit,
          created_at: pending.createdAt,
        })
        .execute();
    },

    async list(ownerId) {
      const rows = await db
        .selectFrom("strength_import_pending")
        .selectAll()
        .where("owner_id", "=", ownerId)
        .orderBy("created_at")
        .orderBy("id")
        .execute();
      return rows.map((row) => ({
        id: row.id,
        source: row.source,
        csv: row.csv,
        weightUnit: row.weight_unit,
        createdAt: toInstant(row.created_at),
      }));
    },

    async delete(ownerId, id) {
      const result = await db
        .deleteFrom("strength_import_pending")
        .where("owner_id", "=", ownerId)
        .where("id", "=", id)
        .executeTakeFirst();
      return toCount(result.numDeletedRows) > 0;
    },
  };
}
