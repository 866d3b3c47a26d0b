import { Type } from "@sinclair/typebox";
import { ExportedActivitySchema, Uuid } from "../../contract/index.js";
import { CheckinSchema, LoadSchema, LoggedSetSchema } from "../../core/log/training-log.js";
import { DateSchema, ProfileSchema } from "../../core/profile/profile.js";

/** Request shapes of the API; one TypeBox schema gives validation, types and the OpenAPI document. */
export { ExportedActivitySchema, Uuid };

const strict = { additionalProperties: false } as const;

export const SignupBody = Type.Object(
  {
    email: Type.String({ maxLength: 254, description: "an e-mail address" }),
    password: Type.String({ maxLength: 1000, description: "a password of 10 to 200 characters" }),
    name: Type.String({
      minLength: 1,
      maxLength: 100,
      description: "a name of 1 to 100 characters",
    }),
  },
  strict,
);

export const LoginBody = Type.Object(
  {
    email: Type.String({ maxLength: 254, description: "an e-mail address" }),
    password: Type.String({ maxLength: 1000, description: "your password" }),
  },
  strict,
);

export const PasswordBody = Type.Object(
  {
    current: Type.String({ maxLength: 1000, description: "your current password" }),
    next: Type.String({ maxLength: 1000, description: "a new password of 10 to 200 characters" }),
  },
  strict,
);

export const Sets = Type.Array(LoggedSetSchema, {
  minItems: 1,
  maxItems: 200,
  description: "1 to 200 sets",
});

export const WorkoutBody = Type.Object(
  { id: Type.Optional(Uuid), date: DateSchema, sets: Sets },
  strict,
);
export const WorkoutPatch = Type.Object(
  { date: Type.Optional(DateSchema), sets: Type.Optional(Sets) },
  { ...strict, minProperties: 1, description: "date and/or sets" },
);
export const CheckinBody = CheckinSchema;
export { ProfileSchema as ProfileBody };

export const MoveBody = Type.Object({ from: DateSchema, to: DateSchema }, strict);
export const MoveOptionsQuery = Type.Object({ from: DateSchema }, strict);
export const SwapBody = Type.Object(
  {
    date: DateSchema,
    exercise: Type.String({ minLength: 1, maxLength: 80, description: "an exercise id" }),
    with: Type.String({ minLength: 1, maxLength: 80, description: "an exercise id" }),
  },
  strict,
);

export const PlanQuery = Type.Object(
  {
    from: Type.Optional(DateSchema),
    weeks: Type.Optional(
      Type.String({ pattern: "^\\d{1,3}$", description: "a whole number from 1 to 104" }),
    ),
  },
  strict,
);

export const ExercisesQuery = Type.Object(
  {
    muscle: Type.Optional(Type.String({ maxLength: 40 })),
    equipment: Type.Optional(
      Type.String({ maxLength: 400, description: "comma-separated equipment" }),
    ),
  },
  strict,
);

export const IdParams = Type.Object({ id: Type.String({ minLength: 1, maxLength: 100 }) });

const Instant = Type.String({ maxLength: 40, description: "an ISO 8601 instant" });

export const ExportDocumentSchema = Type.Object(
  {
    format: Type.Literal("capacity-export"),
    version: Type.Literal(1),
    exportedAt: Instant,
    account: Type.Object(
      { email: Type.String({ maxLength: 254 }), name: Type.String({ maxLength: 100 }) },
      strict,
    ),
    profile: Type.Union([Type.Unknown(), Type.Null()]),
    workouts: Type.Array(
      Type.Object(
        { id: Uuid, date: DateSchema, sets: Sets, createdAt: Instant, updatedAt: Instant },
        strict,
      ),
      { maxItems: 100_000 },
    ),
    checkins: Type.Array(
      Type.Object(
        {
          id: Type.String({ minLength: 1, maxLength: 100 }),
          date: DateSchema,
          soreness: Type.Integer({ minimum: 0, maximum: 10 }),
          hurtRun: Type.Boolean(),
          createdAt: Instant,
        },
        strict,
      ),
      { maxItems: 100_000 },
    ),
    planChanges: Type.Array(
      Type.Union([
        Type.Object(
          {
            id: Uuid,
            kind: Type.Literal("move"),
            from: DateSchema,
            to: DateSchema,
            createdAt: Instant,
          },
          strict,
        ),
        Type.Object(
          {
            id: Uuid,
            kind: Type.Literal("swap"),
            date: DateSchema,
            exercise: Type.String({ maxLength: 80 }),
            with: Type.String({ maxLength: 80 }),
            createdAt: Instant,
          },
          strict,
        ),
      ]),
      { maxItems: 10_000 },
    ),
    /** Added later (imported activities); an export made before it has none. */
    activities: Type.Optional(Type.Array(ExportedActivitySchema, { maxItems: 100_000 })),
  },
  strict,
);

export { LoadSchema };

// ---- Imported activities (docs/importers.md) ----

export const ActivitiesQuery = Type.Object(
  { from: Type.Optional(DateSchema), to: Type.Optional(DateSchema) },
  strict,
);

export const WeeklyQuery = Type.Object(
  {
    weeks: Type.Optional(
      Type.String({ pattern: "^\\d{1,4}$", description: "a whole number from 1 to 520" }),
    ),
  },
  strict,
);
