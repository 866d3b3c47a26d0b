import { useEffect, useState } from "preact/hooks";
import { api, type CatalogExercise } from "./api.js";
import type { ApiError } from "./http.js";

let catalog: readonly CatalogExercise[] | null = null;
let pending: Promise<void> | null = null;
let failure: ApiError | null = null;

function fetchCatalog(): Promise<void> {
  if (!pending) {
    pending = api.exercises().then((result) => {
      if (result.ok) {
        catalog = result.value;
        failure = null;
      } else {
        failure = result.error;
      }
      pending = null;
    });
  }
  return pending;
}

/** The exercise catalogue (GET /api/exercises), fetched once per visit. */
export function useCatalog(): {
  exercises: readonly CatalogExercise[] | null;
  error: ApiError | null;
} {
  const [, rerender] = useState(0);
  useEffect(() => {
    if (catalog) return;
    let live = true;
    fetchCatalog().then(() => {
      if (live) rerender((n) => n + 1);
    });
    return () => {
      live = false;
    };
  }, []);
  return { exercises: catalog, error: catalog ? null : failure };
}

/** Exercise names by id, for the check-in and the charts. */
export function useExerciseNames(): (id: string) => string {
  const { exercises } = useCatalog();
  return (id: string) =>
    exercises?.find((exercise) => exercise.id === id)?.name ??
    id.charAt(0).toUpperCase() + id.slice(1).replace(/-/g, " ");
}
