import { type Static, Type } from "@sinclair/typebox";
import {
  ACTIVITY_FORMATS,
  type Activity,
  type ActivityFormat,
  SPORTS,
} from "../core/running/activity.js";
import { type DayNumber, formatLocalDate } from "../core/units/local-date.js";
import { closed, InstantSchema, instant, Uuid } from "./shared.js";

/** A measure an activity file may lack: 0 or more, or null. */
const Measure = Type.Union([Type.Number({ minimum: 0 }), Type.Null()], {
  description: "a number of 0 or more, or null",
});

/** An imported activity as `GET /api/export` writes it and `POST /api/import` reads it back. */
export const ExportedActivitySchema = Type.Object(
  {
    id: Uuid,
    sport: Type.Union(SPORTS.map((sport) => Type.Literal(sport))),
    start: Type.String({
      maxLength: 40,
      pattern: "^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d{1,9})?(Z|[+-]\\d{2}:\\d{2})$",
      description: "an ISO 8601 instant such as 2026-10-04T07:12:00.000Z",
    }),
    elapsedS: Measure,
    movingS: Measure,
    distanceM: Measure,
    avgHr: Measure,
    maxHr: Measure,
    ascentM: Measure,
    sourceName: Type.Union([Type.String({ maxLength: 1_000 }), Type.Null()], {
      description: "a device or app name of up to 1,000 characters, or null",
    }),
    format: Type.Union(ACTIVITY_FORMATS.map((format) => Type.Literal(format))),
    source: Type.String({
      maxLength: 65_535,
      description: "the file path or archive entry, up to 65,535 characters",
    }),
    warnings: Type.Array(Type.String({ maxLength: 10_000 }), {
      maxItems: 1_000,
      description: "up to 1,000 warnings, each a string of up to 10,000 characters",
    }),
    createdAt: Type.String({ maxLength: 40, description: "an ISO 8601 instant" }),
  },
  closed,
);
export type ExportedActivity = Static<typeof ExportedActivitySchema>;

/** An imported activity as `GET /api/activities` lists it: `date` is its local day in the profile's zone. */
export const ActivityViewSchema = Type.Object(
  {
    ...ExportedActivitySchema.properties,
    id: Type.String(),
    date: Type.String({ description: "the local day of the start, YYYY-MM-DD" }),
    createdAt: InstantSchema,
  },
  closed,
);
export type ActivityView = Static<typeof ActivityViewSchema>;

/** What activityView reads: a stored activity and its local day. */
export interface DatedActivityRecord {
  readonly activity: Activity & {
    readonly id: string;
    readonly format: ActivityFormat;
    readonly source: string;
    readonly createdAt: number;
  };
  readonly day: DayNumber;
}

export function activityView({ activity, day }: DatedActivityRecord): ActivityView {
  return {
    id: activity.id,
    sport: activity.sport,
    start: activity.start,
    date: formatLocalDate(day),
    elapsedS: activity.elapsedS,
    movingS: activity.movingS,
    distanceM: activity.distanceM,
    avgHr: activity.avgHr,
    maxHr: activity.maxHr,
    ascentM: activity.ascentM,
    sourceName: activity.sourceName,
    format: activity.format,
    source: activity.source,
    warnings: [...activity.warnings],
    createdAt: instant(activity.createdAt),
  };
}
