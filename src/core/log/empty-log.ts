import type { TrainingLog } from "./training-log.js";

/** Apart from the log's schema, so that planning with no log never loads TypeBox. */
export const EMPTY_LOG: TrainingLog = { workouts: [], checkins: [] };
