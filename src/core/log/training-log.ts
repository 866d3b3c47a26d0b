import { type Static, Type } from "@sinclair/typebox";
import { exerciseById } from "../exercise/catalog-index.js";
import { BANDS } from "../exercise/types.js";
import { DateSchema, literals, WeightUnitSchema } from "../profile/profile.js";
import { err, type InvalidInput, invalid, ok, type Result } from "../result.js";
import { parseLocalDate } from "../units/local-date.js";
import { checkSchema } from "../validation.js";

const strict = { additionalProperties: false } as const;

export const MAX_REPS = 100;
export const MAX_RIR = 5;

/** A set that is not a working set: kept in the log, skipped by progression (added to the contract). */
export const SET_KINDS = ["warmup", "drop"] as const;
export type SetKind = (typeof SET_KINDS)[number];

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

export const LoggedSessionSchema = Type.Object(
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

/** The log format of issue 2 (contract). */
export const TrainingLogSchema = Type.Object(
  {
    sessions: Type.Optional(Type.Array(LoggedSessionSchema)),
    checkins: Type.Optional(Type.Array(CheckinSchema)),
  },
  strict,
);

export type LoggedSet = Static<typeof LoggedSetSchema>;
export type LoggedSession = Static<typeof LoggedSessionSchema>;
export type Checkin = Static<typeof CheckinSchema>;
export type TrainingLog = Static<typeof TrainingLogSchema>;

export const EMPTY_LOG: TrainingLog = { sessions: [], checkins: [] };

/** Checks what JSON Schema cannot: real dates and known exercises. */
function checkLogMeaning(log: TrainingLog): InvalidInput | null {
  for (const [i, session] of (log.sessions ?? []).entries()) {
    if (parseLocalDate(session.date) === null) {
      return invalid(
        `sessions[${i}].date`,
        `${JSON.stringify(session.date)} is not a real date; expected YYYY-MM-DD`,
      );
    }
    for (const [j, set] of session.sets.entries()) {
      if (!exerciseById(set.exercise)) {
        return invalid(
          `sessions[${i}].sets[${j}].exercise`,
          `${JSON.stringify(set.exercise)} is not a known exercise; see \`capacity exercises\` for the ids`,
        );
      }
    }
  }
  for (const [i, checkin] of (log.checkins ?? []).entries()) {
    if (parseLocalDate(checkin.date) === null) {
      return invalid(
        `checkins[${i}].date`,
        `${JSON.stringify(checkin.date)} is not a real date; expected YYYY-MM-DD`,
      );
    }
  }
  return null;
}

export function validateTrainingLog(input: unknown): Result<TrainingLog, InvalidInput> {
  const problem = checkSchema(TrainingLogSchema, input) ?? checkLogMeaning(input as TrainingLog);
  return problem ? err(problem) : ok(input as TrainingLog);
}
