import { CATALOG } from "./catalog.js";
import type { Exercise } from "./types.js";

const BY_ID: ReadonlyMap<string, Exercise> = new Map(
  CATALOG.map((exercise) => [exercise.id, exercise]),
);

export function exerciseById(id: string): Exercise | undefined {
  return BY_ID.get(id);
}
