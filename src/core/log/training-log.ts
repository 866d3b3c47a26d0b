import { type Static, Type } from "@sinclair/typebox";
import { excerpt } from "../excerpt.js";
import { exerciseById } from "../exercise/catalog-index.js";
import { BANDS } from "../exercise/types.js";
import { DateSchema, literals, WeightUnitSchema } from "../profile/profile.js";
import { err, type InvalidInput, invalid, ok, type Result } from "../result.js";
import { parseLocalDate } from "../units/local-date.js";
import { checkSchema } from "../validation.js";

import { MAX_REPS, MAX_RIR, SET_KINDS } from "./set-limits.js";

const strict = { additionalProperties: false } as const;

export { MAX_REPS, MAX_RIR, SET_KINDS, type SetKind } from "./set-limits.js";

export const LoadSchema = Type.Object(
  {
    value: Type.Number({ minimum: 0, maximum: 1000, description: "a load from 0 to 1000" }),
    unit: WeightUnitSchema,
  },
  strict,
);

export const LoggedSetSchema = Type.Object(
  {
    exercise: Type.String({
      minLength: 1,
      maxLength: 80,
      description: "an exercise id from `capacity exercises`",
    }),
    load: Type.Union([LoadSchema, Type.Null()], {
      description: "{ value, unit } or null for bodyweight",
    }),
    reps: Type.Integer({
      minimum: 1,
      maximum: MAX_REPS,
      description: `whole reps from 1 to ${MAX_REPS}`,
    }),
    rir: Type.Integer({
      minimum: 0,
      maximum: MAX_RIR,
      description: `reps left in the tank, a whole number from 0 to ${MAX_RIR} (5 means 5 or more)`,
    }),
    /** The resistance band used, for band exercises (protocol section 6: the band ladder). */
    band: Type.Optional(
      Type.Unsafe<(typeof BANDS)[number]>({
        ...literals(BANDS),
        description: `the band used: ${BANDS.join(", ")}`,
      }),
    ),
    kind: Type.Optional(literals(SET_KINDS)),
  },
  strict,
);

/** A workout: what was logged on one day (docs/GLOSSARY.md). */
export const LoggedWorkoutSchema = Type.Object(
  { date: DateSchema, sets: Type.Array(LoggedSetSchema, { minItems: 1, maxItems: 200 }) },
  strict,
);

export const CheckinSchema = Type.Object(
  {
    date: DateSchema,
    soreness: Type.Integer({ minimum: 0, maximum: 10, description: "a whole number from 0 to 10" }),
    hurtRun: Type.Boolean({ description: "true or false" }),
  },
  strict,
);

/** The log as the core reads it: workouts and check-ins. */
export const TrainingLogSchema = Type.Object(
  {
    workouts: Type.Optional(Type.Array(LoggedWorkoutSchema)),
    checkins: Type.Optional(Type.Array(CheckinSchema)),
  },
  strict,
);

/**
 * The log file format (a contract): `workouts`, or `sessions`, the name it had first and still
 * accepted; not both at once (README, "Files").
 */
export const TrainingLogFileSchema = Type.Object(
  {
    workouts: Type.Optional(Type.Array(LoggedWorkoutSchema)),
    sessions: Type.Optional(Type.Array(LoggedWorkoutSchema)),
    checkins: Type.Optional(Type.Array(CheckinSchema)),
  },
  strict,
);

export type LoggedSet = Static<typeof LoggedSetSchema>;
export type LoggedWorkout = Static<typeof LoggedWorkoutSchema>;
export type Checkin = Static<typeof CheckinSchema>;
export type TrainingLog = Static<typeof TrainingLogSchema>;
type TrainingLogFile = Static<typeof TrainingLogFileSchema>;

export { EMPTY_LOG } from "./empty-log.js";

const notADate = (date: string) => `${excerpt(date)} is not a real date; expected YYYY-MM-DD`;

/** What JSON Schema cannot check in a workout: a real date and known exercises. */
function checkWorkoutMeaning(workout: LoggedWorkout, prefix: string): InvalidInput | null {
  if (parseLocalDate(workout.date) === null) {
    return invalid(`${prefix}date`, notADate(workout.date));
  }
  for (const [j, set] of workout.sets.entries()) {
    if (!exerciseById(set.exercise)) {
      return invalid(
        `${prefix}sets[${j}].exercise`,
        `${excerpt(set.exercise)} is not a known exercise; see \`capacity exercises\` for the ids`,
      );
    }
  }
  return null;
}

/** One workout on its own; fields are named as in the workout (`date`, `sets[0].reps`). */
export function validateWorkout(input: unknown): Result<LoggedWorkout, InvalidInput> {
  const problem =
    checkSchema(LoggedWorkoutSchema, input) ?? checkWorkoutMeaning(input as LoggedWorkout, "");
  return problem ? err(problem) : ok(input as LoggedWorkout);
}

/** Checks what JSON Schema cannot, naming fields under the key the file used. */
function checkLogMeaning(
  workouts: readonly LoggedWorkout[],
  key: string,
  checkins: readonly Checkin[],
): InvalidInput | null {
  for (const [i, workout] of workouts.entries()) {
    const problem = checkWorkoutMeaning(workout, `${key}[${i}].`);
    if (problem) return problem;
  }
  for (const [i, checkin] of checkins.entries()) {
    if (parseLocalDate(checkin.date) === null) {
      return invalid(`checkins[${i}].date`, notADate(checkin.date));
    }
  }
  return null;
}

/** A log file (`workouts`, or its older name `sessions`) as the core's log. */
export function validateTrainingLog(input: unknown): Result<TrainingLog, InvalidInput> {
  const shape = checkSchema(TrainingLogFileSchema, input);
  if (shape) return err(shape);
  const file = input as TrainingLogFile;
  if (file.workouts !== undefined && file.sessions !== undefined) {
    return err(
      invalid(
        "sessions",
        "give the workouts as `workouts` or by their older name `sessions`, not both",
      ),
    );
  }
  const key = file.sessions !== undefined ? "sessions" : "workouts";
  const workouts = file.workouts ?? file.sessions ?? [];
  const checkins = file.checkins ?? [];
  const problem = checkLogMeaning(workouts, key, checkins);
  return problem ? err(problem) : ok({ workouts, checkins });
}
