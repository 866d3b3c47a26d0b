/** The Store of src/app/ports.ts on Kysely: SQLite or PostgreSQL, same queries. */
import type { Repos, Store } from "../../app/ports.js";
import type { Database } from "./database.js";
import { activityRepo } from "./repos/activities.js";
import { checkinRepo } from "./repos/checkins.js";
import { planChangeRepo } from "./repos/plan-changes.js";
import { profileRepo } from "./repos/profiles.js";
import { sessionRepo } from "./repos/sessions.js";
import type { Db } from "./repos/shared.js";
import { userRepo } from "./repos/users.js";
import { workoutRepo } from "./repos/workouts.js";

/** Every repository bound to one connection or transaction. */
export function createRepos(db: Db): Repos {
  return {
    users: userRepo(db),
    sessions: sessionRepo(db),
    profiles: profileRepo(db),
    workouts: workoutRepo(db),
    checkins: checkinRepo(db),
    planChanges: planChangeRepo(db),
    activities: activityRepo(db),
  };
}

/** The store over an open database (see openDatabase); close() closes that database. */
export function createStore(database: Database): Store {
  const { db } = database;
  return {
    ...createRepos(db),
    kind: database.kind,
    transaction: (work) => db.transaction().execute((trx) => work(createRepos(trx))),
    ping: () => database.ping(),
    close: () => database.close(),
  };
}
