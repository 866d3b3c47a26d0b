import { type Static, Type } from "@sinclair/typebox";
import {
  ACTIVITY_FORMATS,
  type Activity,
  type ActivityFormat,
  SPORTS,
} from "../core/running/activity.js";
import { type DayNumber, formatLocalDate } from "../core/units/local-date.js";
import { closed, InstantSchema, instant } from "./shared.js";

const Measure = Type.Union([Type.Number(), Type.Null()]);

/** An imported activity as `GET /api/activities` lists it: `date` is its local day in the profile's zone. */
export const ActivityViewSchema = Type.Object(
  {
    id: Type.String(),
    sport: Type.Union(SPORTS.map((sport) => Type.Literal(sport))),
    start: Type.String({ description: "an ISO 8601 instant" }),
    date: Type.String({ description: "the local day of the start, YYYY-MM-DD" }),
    elapsedS: Measure,
    movingS: Measure,
    distanceM: Measure,
    avgHr: Measure,
    maxHr: Measure,
    ascentM: Measure,
    sourceName: Type.Union([Type.String(), Type.Null()]),
    format: Type.Union(ACTIVITY_FORMATS.map((format) => Type.Literal(format))),
    source: Type.String(),
    warnings: Type.Array(Type.String()),
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
