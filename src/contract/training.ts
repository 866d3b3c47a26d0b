import { type Static, Type } from "@sinclair/typebox";
import {
  type LoggedSet,
  LoggedSetSchema,
  CheckinSchema as NewCheckinSchema,
} from "../core/log/training-log.js";
import { DateSchema } from "../core/profile/profile.js";
import { closed, InstantSchema, instant } from "./shared.js";

export { type LoggedSet, LoggedSetSchema };

/** A workout as the API shows it (`/api/workouts`): the logged day and its sets, in order. */
export const WorkoutSchema = Type.Object(
  {
    id: Type.String(),
    date: DateSchema,
    sets: Type.Array(LoggedSetSchema),
    createdAt: InstantSchema,
    updatedAt: InstantSchema,
  },
  closed,
);
export type Workout = Static<typeof WorkoutSchema>;

/** A check-in as the API shows it (`/api/checkins`): the answer sent, with its id and time. */
export const CheckinSchema = Type.Object(
  { id: Type.String(), ...NewCheckinSchema.properties, createdAt: InstantSchema },
  closed,
);
export type Checkin = Static<typeof CheckinSchema>;

/** What workoutView reads of a stored workout. */
export interface WorkoutRecord {
  readonly id: string;
  readonly date: string;
  readonly sets: readonly LoggedSet[];
  readonly createdAt: number;
  readonly updatedAt: number;
}

/** What checkinView reads of a stored check-in. */
export interface CheckinRecord {
  readonly id: string;
  readonly date: string;
  readonly soreness: number;
  readonly hurtRun: boolean;
  readonly createdAt: number;
}

export function workoutView(workout: WorkoutRecord): Workout {
  return {
    id: workout.id,
    date: workout.date,
    sets: [...workout.sets],
    createdAt: instant(workout.createdAt),
    updatedAt: instant(workout.updatedAt),
  };
}

export function checkinView(checkin: CheckinRecord): Checkin {
  return {
    id: checkin.id,
    date: checkin.date,
    soreness: checkin.soreness,
    hurtRun: checkin.hurtRun,
    createdAt: instant(checkin.createdAt),
  };
}
