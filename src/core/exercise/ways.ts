import { type Exercise, type ExerciseWay, LOAD_EQUIPMENT, type LoadEquipment } from "./types.js";

/** The equipment whose weight is logged for this way, or null when the athlete lifts their own body. */
export function loadEquipmentOf(way: ExerciseWay): LoadEquipment | null {
  return LOAD_EQUIPMENT.find((item) => way.equipment.includes(item)) ?? null;
}

export function isLoaded(way: ExerciseWay): boolean {
  return loadEquipmentOf(way) !== null;
}

export function canDo(way: ExerciseWay, available: ReadonlySet<string>): boolean {
  return way.equipment.every((item) => item === "bodyweight" || available.has(item));
}

/** The most preferred way the athlete has the equipment for. */
export function wayFor(exercise: Exercise, available: ReadonlySet<string>): ExerciseWay | null {
  return exercise.ways.find((way) => canDo(way, available)) ?? null;
}
