import { type Static, Type } from "@sinclair/typebox";
import { EQUIPMENT, INJURIES, LOAD_EQUIPMENT } from "../exercise/types.js";
import { WEEKDAYS } from "../units/local-date.js";
import { WEIGHT_UNITS } from "../units/weight.js";

/** A union of string literals whose static type is the literals themselves (not `string`). */
export const literals = <const T extends readonly string[]>(values: T) =>
  Type.Unsafe<T[number]>(Type.Union(values.map((value) => Type.Literal(value))));

export const RUN_KINDS = ["rest", "easy", "quality", "long"] as const;
export type RunKind = (typeof RUN_KINDS)[number];

export const RACE_DISTANCES = ["5k", "10k", "half", "marathon", "ultra"] as const;
export type RaceDistance = (typeof RACE_DISTANCES)[number];

export const MIN_SESSION_MINUTES = 8;
export const MAX_SESSION_MINUTES = 180;
/** The calendar reminder's lead time before a timed session: at most a day. */
export const MAX_REMINDER_MINUTES = 1440;

const strict = { additionalProperties: false } as const;

export const WeekdaySchema = literals(WEEKDAYS);
export const RunKindSchema = literals(RUN_KINDS);
export const EquipmentSchema = literals(EQUIPMENT);
export const InjurySchema = literals(INJURIES);
export const WeightUnitSchema = literals(WEIGHT_UNITS);
export const DateSchema = Type.String({
  description: "a date as YYYY-MM-DD",
  pattern: "^\\d{4}-\\d{2}-\\d{2}$",
});

export const RunWeekSchema = Type.Object(
  Object.fromEntries(WEEKDAYS.map((day) => [day, RunKindSchema])) as Record<
    (typeof WEEKDAYS)[number],
    typeof RunKindSchema
  >,
  strict,
);

export const RaceSchema = Type.Object(
  { date: DateSchema, distance: literals(RACE_DISTANCES) },
  strict,
);

const increment = Type.Number({
  exclusiveMinimum: 0,
  maximum: 100,
  description: "a step above 0 and at most 100",
});
export const IncrementsSchema = Type.Partial(
  Type.Object(
    Object.fromEntries(LOAD_EQUIPMENT.map((item) => [item, increment])) as Record<
      (typeof LOAD_EQUIPMENT)[number],
      typeof increment
    >,
    strict,
  ),
);

/** The profile format (README, "Files"): a contract that the CLI, the API and outside tools share. */
export const ProfileSchema = Type.Object(
  {
    name: Type.String({
      minLength: 1,
      maxLength: 100,
      description: "a name of 1 to 100 characters",
    }),
    birthYear: Type.Integer({ minimum: 1900, maximum: 2100, description: "a year such as 1971" }),
    units: WeightUnitSchema,
    equipment: Type.Array(EquipmentSchema, { maxItems: EQUIPMENT.length * 2 }),
    sessionMinutes: Type.Integer({
      minimum: MIN_SESSION_MINUTES,
      maximum: MAX_SESSION_MINUTES,
      description: `whole minutes from ${MIN_SESSION_MINUTES} to ${MAX_SESSION_MINUTES}`,
    }),
    weekStart: WeekdaySchema,
    runWeek: RunWeekSchema,
    preferredDays: Type.Optional(Type.Array(WeekdaySchema, { maxItems: 7 })),
    injuries: Type.Optional(Type.Array(InjurySchema, { maxItems: INJURIES.length * 2 })),
    race: Type.Optional(RaceSchema),
    timezone: Type.Optional(
      Type.String({ description: "an IANA time zone such as Europe/Berlin" }),
    ),
    increments: Type.Optional(IncrementsSchema),
    /** The empty barbell in the profile's unit (default 20 kg / 45 lb): no barbell load goes below it. */
    barWeight: Type.Optional(
      Type.Number({
        exclusiveMinimum: 0,
        maximum: 100,
        description: "the empty bar's weight, above 0 and at most 100",
      }),
    ),
    sessionTime: Type.Optional(
      Type.String({
        pattern: "^([01][0-9]|2[0-3]):[0-5][0-9]$",
        description: "a time of day as HH:MM (24-hour), such as 18:30",
      }),
    ),
    reminderMinutes: Type.Optional(
      Type.Integer({
        minimum: 0,
        maximum: MAX_REMINDER_MINUTES,
        description: `whole minutes from 0 to ${MAX_REMINDER_MINUTES} before the session`,
      }),
    ),
  },
  strict,
);

export type Profile = Static<typeof ProfileSchema>;
