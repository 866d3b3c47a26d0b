/** The Store of src/app/ports.ts on Kysely: SQLite or PostgreSQL, same queries. */
import type { Repos, Store } from "../../app/ports.js";
import type { Database } from "./database.js";
import { activityRepo } from "./repos/activities.js";
import { calendarFeedRepo } from "./repos/calendar-feeds.js";
import { checkinRepo } from "./repos/checkins.js";
import { logInRepo } from "./repos/log-ins.js";
import { planChangeRepo } from "./repos/plan-changes.js";
import { profileRepo } from "./repos/profiles.js";
import type { Db } from "./repos/shared.js";
import { exerciseNameRepo, pendingStrengthImportRepo } from "./repos/strength-imports.js";
import { userRepo } from "./repos/users.js";
import { workoutRepo } from "./repos/workouts.js";

/** Every repository bound to one connection or transaction. */
export function createRepos(db: Db): Repos {
  return {
    users: userRepo(db),
    logIns: logInRepo(db),
    profiles: profileRepo(db),
    workouts: workoutRepo(db),
    checkins: checkinRepo(db),
    planChanges: planChangeRepo(db),
    activities: activityRepo(db),
    calendarFeeds: calendarFeedRepo(db),
    exerciseNames: exerciseNameRepo(db),
    pendingStrengthImports: pendingStrengthImportRepo(db),
  };
}

/** The store over an open database (see openDatabase); close() closes that database. */
export function createStore(database: Database): Store {
  const { db } = database;
  return {
    ...createRepos(db),
    kind: database.kind,
    transaction: (work, options) =>
      options?.large
        ? database.largeTransaction((trx) => work(createRepos(trx)))
        : db.transaction().execute((trx) => work(createRepos(trx))),
    ping: () => database.ping(),
    close: () => database.close(),
  };
}
