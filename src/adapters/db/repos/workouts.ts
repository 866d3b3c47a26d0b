import { type Insertable, type Selectable, sql } from "kysely";
import type { StoredWorkout, WorkoutRepo } from "../../../app/ports.js";
import type { LoggedSet } from "../../../core/log/training-log.js";
import { HARDER_FROM } from "../../../core/progression/verdict.js";
import { KG_PER_LB, tidy } from "../../../core/units/weight.js";
import type { WorkoutSetTable, WorkoutTable } from "../schema.js";
import { CompiledOnce } from "./compiled-once.js";
import { type Db, deleteOwned, inTransaction, toCount, toInstant, touch } from "./shared.js";

type SetRow = Pick<
  Selectable<WorkoutSetTable>,
  "exercise" | "load_kg" | "load_unit" | "reps" | "rir" | "band" | "kind"
>;

function setRow(
  ownerId: string,
  workout: Pick<StoredWorkout, "id" | "date">,
  set: LoggedSet,
  position: number,
): Insertable<WorkoutSetTable> {
  const load = set.load;
  return {
    owner_id: ownerId,
    workout_id: workout.id,
    date: workout.date,
    position,
    exercise: set.exercise,
    // Kilograms on disk, whatever the unit logged; the unit is kept to give the load back as logged.
    load_kg: load === null ? null : load.unit === "kg" ? load.value : load.value * KG_PER_LB,
    load_unit: load === null ? null : load.unit,
    reps: set.reps,
    rir: set.rir,
    band: set.band ?? null,
    kind: set.kind ?? null,
  };
}

function toSet(row: SetRow): LoggedSet {
  let load: LoggedSet["load"] = null;
  if (row.load_kg !== null && row.load_unit !== null) {
    const kg = Number(row.load_kg);
    // tidy() drops the float noise of the round trip, so 45 lb comes back as exactly 45.
    load =
      row.load_unit === "kg"
        ? { value: kg, unit: "kg" }
        : { value: tidy(kg / KG_PER_LB), unit: "lb" };
  }
  // Added to the log contract: a set without a band or a kind stays without the key.
  return {
    exercise: row.exercise,
    load,
    reps: row.reps,
    rir: row.rir,
    ...(row.band === null ? {} : { band: row.band }),
    ...(row.kind === null ? {} : { kind: row.kind }),
  };
}

function toWorkout(
  row: Pick<Selectable<WorkoutTable>, "id" | "date" | "created_at" | "updated_at">,
  sets: readonly SetRow[],
): StoredWorkout {
  return {
    id: row.id,
    date: row.date,
    sets: sets.map(toSet),
    createdAt: toInstant(row.created_at),
    updatedAt: toInstant(row.updated_at),
  };
}

async function insertSets(db: Db, ownerId: string, workout: StoredWorkout): Promise<void> {
  if (workout.sets.length === 0) return;
  await db
    .insertInto("workout_set")
    .values(workout.sets.map((set, i) => setRow(ownerId, workout, set, i)))
    .execute();
}

/**
 * Up to `limit` of the owner's workouts after `after`, in list() order: a keyset on the
 * (owner, date, created_at, id) order, so each page is one index range, however long the log.
 */
function workoutPage(db: Db, ownerId: string, after: StoredWorkout | null, limit: number) {
  let query = db.selectFrom("workout").selectAll().where("owner_id", "=", ownerId);
  if (after) {
    query = query.where(({ eb, refTuple, tuple }) =>
      eb(refTuple("date", "created_at", "id"), ">", tuple(after.date, after.createdAt, after.id)),
    );
  }
  return query.orderBy("date").orderBy("created_at").orderBy("id").limit(limit);
}

/**
 * Workouts of one owner with their sets, in one query (one snapshot: a workout is never read
 * with the sets of another moment). Callers order by workout, then `s.position`. `page`
 * narrows the workouts to one keyset page (workoutPage) before their sets are joined.
 */
function withSets(db: Db, ownerId: string, page?: { after: StoredWorkout | null; limit: number }) {
  const workouts = page
    ? workoutPage(db, ownerId, page.after, page.limit).as("w")
    : ("workout as w" as const);
  return db
    .selectFrom(workouts)
    .leftJoin("workout_set as s", (join) =>
      join.onRef("s.owner_id", "=", "w.owner_id").onRef("s.workout_id", "=", "w.id"),
    )
    .select([
      "w.id",
      "w.date",
      "w.created_at",
      "w.updated_at",
      "s.position",
      "s.exercise",
      "s.load_kg",
      "s.load_unit",
      "s.reps",
      "s.rir",
      "s.band",
      "s.kind",
    ])
    .where("w.owner_id", "=", ownerId);
}

/**
 * The exercises an owner ever logged, by a loose index scan (each step one seek for the next
 * name in the (owner, exercise, date) index): a few dozen seeks, however long the log.
 */
async function exercisesOf(
  db: Db,
  ownerId: string,
  compiled: CompiledOnce<{ exercise: string | null }>,
): Promise<string[]> {
  const query = compiled.query(
    "",
    (slot) => {
      const owner = slot("owner");
      const raw = sql<{ exercise: string | null }>`
    with recursive e(exercise) as (
      select min(exercise) from workout_set where owner_id = ${owner}
      union all
      select (select min(s.exercise) from workout_set s where s.owner_id = ${owner} and s.exercise > e.exercise)
      from e where e.exercise is not null
    )
    select exercise from e where exercise is not null`;
      return { compile: () => raw.compile(db) };
    },
    new Map([["owner", ownerId]]),
  );
  const found = await db.executeQuery(query);
  return found.rows.flatMap((row) => (row.exercise === null ? [] : [row.exercise]));
}

/** The last `perExercise` days before `since` of each exercise: one LIMIT per exercise, on the index. */
function lastDaysOf(db: Db, slot: Slot, exerciseCount: number, perExercise: number) {
  const per = Array.from({ length: exerciseCount }, (_, i) =>
    db
      .selectFrom(
        db
          .selectFrom("workout_set")
          .select("date")
          .distinct()
          .where("owner_id", "=", slot("owner"))
          .where("exercise", "=", slot(`exercise${i}`))
          .where("date", "<", slot("since"))
          .orderBy("date", "desc")
          .limit(perExercise)
          .as(`d${i}`),
      )
      .select(`d${i}.date`),
  );
  // "Still slow" looks back along the whole exercise (History.earnedSlow): the last day before
  // the window of a set that earned it, per band (each planned week reads the log up to its
  // own days, so a later such day does not stand for it), from the partial index of 0007.
  const harder = Array.from({ length: exerciseCount }, (_, i) =>
    db
      .selectFrom(
        db
          .selectFrom("workout_set")
          // The day's bound inside the aggregate, not in WHERE: there it would steer SQLite to
          // the (owner, exercise, date) index and a walk over every set of the exercise.
          .select(
            sql<string | null>`max(case when date < ${slot("since")} then date end)`.as("date"),
          )
          .where("owner_id", "=", slot("owner"))
          .where("exercise", "=", slot(`exercise${i}`))
          .where("kind", "is", null)
          .where("reps", ">=", sql.lit(HARDER_FROM.reps))
          .where("rir", ">=", sql.lit(HARDER_FROM.rir))
          .groupBy("band")
          .as(`d${i}`),
      )
      .select(`d${i}.date`),
  );
  const [first, ...rest] = [...per, ...harder];
  if (!first) throw new Error("lastDaysOf needs at least one exercise");
  return rest.reduce((union, next) => union.unionAll(next), first);
}

/**
 * The workouts of a RecentWindow with their sets, for an owner with `exerciseCount` exercises
 * logged. The days come as one list and each workout is then found by (owner, date): `date >=
 * since OR date IN (...)` walked every workout of the owner, a cost that grew with history.
 */
function recentQuery(db: Db, slot: Slot, exerciseCount: number, perExercise: number) {
  let query = withSets(db, slot("owner"));
  if (exerciseCount === 0) query = query.where("w.date", ">=", slot("since"));
  else {
    const since = db
      .selectFrom("workout")
      .select("date")
      .where("owner_id", "=", slot("owner"))
      .where("date", ">=", slot("since"));
    query = query.where(
      "w.date",
      "in",
      lastDaysOf(db, slot, exerciseCount, perExercise).union(since),
    );
  }
  return query.orderBy("w.date").orderBy("w.created_at").orderBy("w.id").orderBy("s.position");
}

type Slot = (name: string) => string;

type JoinedRow = Awaited<ReturnType<ReturnType<typeof withSets>["execute"]>>[number];

/** Folds joined rows (ordered by workout, then position) back into workouts. */
function group(rows: readonly JoinedRow[]): StoredWorkout[] {
  const workouts: { row: JoinedRow; sets: SetRow[] }[] = [];
  let current: { row: JoinedRow; sets: SetRow[] } | undefined;
  for (const row of rows) {
    if (current?.row.id !== row.id) {
      current = { row, sets: [] };
      workouts.push(current);
    }
    if (row.position !== null && row.exercise !== null && row.reps !== null && row.rir !== null) {
      current.sets.push({
        exercise: row.exercise,
        load_kg: row.load_kg,
        load_unit: row.load_unit,
        reps: row.reps,
        rir: row.rir,
        band: row.band,
        kind: row.kind,
      });
    }
  }
  return workouts.map(({ row, sets }) => toWorkout(row, sets));
}

// Over 80 lines: one object of the port's short methods over the same handle; split, one
// repository's queries would sit in several places.
export function workoutRepo(db: Db): WorkoutRepo {
  const recentQueries = new CompiledOnce<JoinedRow>();
  const exerciseQueries = new CompiledOnce<{ exercise: string | null }>();
  return {
    insert(ownerId, workout) {
      return inTransaction(db, async (trx) => {
        const existing = await trx
          .selectFrom("workout")
          .select("id")
          .where("owner_id", "=", ownerId)
          .where("id", "=", workout.id)
          .executeTakeFirst();
        if (existing) return "exists";
        // A concurrent insert of the same id (a client retry racing itself) lands here as a
        // no-op rather than a unique violation, which on PostgreSQL would abort the
        // transaction (and an enclosing store.transaction()).
        const inserted = await trx
          .insertInto("workout")
          .values({
            owner_id: ownerId,
            id: workout.id,
            date: workout.date,
            created_at: workout.createdAt,
            updated_at: workout.updatedAt,
          })
          .onConflict((oc) => oc.columns(["owner_id", "id"]).doNothing())
          .executeTakeFirst();
        if (toCount(inserted.numInsertedOrUpdatedRows) === 0) return "exists";
        await insertSets(trx, ownerId, workout);
        await touch(trx, ownerId);
        return "inserted";
      });
    },

    async get(ownerId, id) {
      const rows = await withSets(db, ownerId)
        .where("w.id", "=", id)
        .orderBy("s.position")
        .execute();
      return group(rows)[0] ?? null;
    },

    async list(ownerId) {
      const rows = await withSets(db, ownerId)
        .orderBy("w.date")
        .orderBy("w.created_at")
        .orderBy("w.id")
        .orderBy("s.position")
        .execute();
      return group(rows);
    },

    async page(ownerId, after, limit) {
      const rows = await withSets(db, ownerId, { after, limit })
        .orderBy("w.date")
        .orderBy("w.created_at")
        .orderBy("w.id")
        .orderBy("s.position")
        .execute();
      return group(rows);
    },

    async recent(ownerId, window) {
      const exercises = await exercisesOf(db, ownerId, exerciseQueries);
      const values = new Map<string, unknown>([
        ["owner", ownerId],
        ["since", window.since],
        ...exercises.map((exercise, i): [string, unknown] => [`exercise${i}`, exercise]),
      ]);
      const query = recentQueries.query(
        `${exercises.length}:${window.perExercise}`,
        (slot) => recentQuery(db, slot, exercises.length, window.perExercise),
        values,
      );
      return group((await db.executeQuery(query)).rows);
    },

    replace(ownerId, workout) {
      return inTransaction(db, async (trx) => {
        const updated = await trx
          .updateTable("workout")
          .set({ date: workout.date, updated_at: workout.updatedAt })
          .where("owner_id", "=", ownerId)
          .where("id", "=", workout.id)
          .executeTakeFirst();
        if (toCount(updated.numUpdatedRows) === 0) return false;
        await trx
          .deleteFrom("workout_set")
          .where("owner_id", "=", ownerId)
          .where("workout_id", "=", workout.id)
          .execute();
        await insertSets(trx, ownerId, workout);
        await touch(trx, ownerId);
        return true;
      });
    },

    delete(ownerId, id) {
      // The sets go by cascade.
      return deleteOwned(db, "workout", ownerId, id);
    },
  };
}
