/**
 * Exercise names as Strong and Hevy write them, mapped to the catalogue. The log does not
 * record the way an exercise was done (docs/ARCHITECTURE.md, "Exercises have ways"), so
 * "Squat (Barbell)" and "Squat (Dumbbell)" are both the quarter squat. Names not here go to
 * the athlete's review: they map or skip each one, and the choice is remembered.
 */
import { CATALOG } from "../exercise/catalog.js";

/** Lower-cased, single-spaced, trimmed: how names are compared and remembered. */
export function normaliseName(name: string): string {
  return name.trim().replace(/\s+/g, " ").toLowerCase();
}

const COMMON: Readonly<Record<string, string>> = {
  "squat (barbell)": "quarter-squat",
  "squat (dumbbell)": "quarter-squat",
  "squat (smith machine)": "quarter-squat",
  "squat (bodyweight)": "quarter-squat",
  "air squat": "quarter-squat",
  "box squat (barbell)": "box-squat",
  "goblet squat": "goblet-squat",
  "goblet squat (kettlebell)": "goblet-squat",
  "goblet squat (dumbbell)": "goblet-squat",
  "leg press": "leg-press",
  "leg press (machine)": "leg-press",
  "seated leg press (machine)": "leg-press",
  "leg press horizontal (machine)": "leg-press",
  "split squat (dumbbell)": "split-squat",
  "split squat (barbell)": "split-squat",
  "bulgarian split squat": "rear-foot-elevated-split-squat",
  "bulgarian split squat (dumbbell)": "rear-foot-elevated-split-squat",
  "lunge (barbell)": "reverse-lunge",
  "lunge (dumbbell)": "reverse-lunge",
  "reverse lunge (barbell)": "reverse-lunge",
  "reverse lunge (dumbbell)": "reverse-lunge",
  "step up": "step-up",
  "step up (dumbbell)": "step-up",
  "leg extension (machine)": "leg-extension",
  "wall sit": "wall-sit",
  "romanian deadlift (barbell)": "romanian-deadlift",
  "romanian deadlift (dumbbell)": "romanian-deadlift",
  "single leg romanian deadlift (dumbbell)": "single-leg-romanian-deadlift",
  "single leg romanian deadlift (barbell)": "single-leg-romanian-deadlift",
  "lying leg curl (machine)": "leg-curl",
  "seated leg curl (machine)": "leg-curl",
  "leg curl (machine)": "leg-curl",
  "nordic hamstring curl": "nordic-curl",
  "glute bridge": "glute-bridge",
  "single leg glute bridge": "single-leg-glute-bridge",
  "hip thrust (barbell)": "hip-thrust",
  "hip thrust (machine)": "hip-thrust",
  "hip thrust (bodyweight)": "glute-bridge",
  "standing calf raise (barbell)": "calf-raise",
  "standing calf raise (dumbbell)": "calf-raise",
  "standing calf raise (machine)": "calf-raise",
  "standing calf raise (smith machine)": "calf-raise",
  "standing calf raise": "calf-raise",
  "calf raise": "calf-raise",
  "calf press (machine)": "calf-raise",
  "calf press on leg press": "calf-raise",
  "seated calf raise (machine)": "seated-calf-raise",
  "seated calf raise (plate loaded)": "seated-calf-raise",
  "single leg standing calf raise": "single-leg-calf-raise",
  "hip abduction (machine)": "hip-abduction-machine",
  "lateral band walks": "lateral-band-walk",
  clamshell: "clamshell",
  "bent over row (barbell)": "bent-over-row",
  "bent over row (dumbbell)": "bent-over-row",
  "bent over one arm row (dumbbell)": "one-arm-dumbbell-row",
  "dumbbell row": "one-arm-dumbbell-row",
  "lat pulldown (cable)": "lat-pulldown",
  "lat pulldown (machine)": "lat-pulldown",
  "seated row (cable)": "seated-cable-row",
  "seated cable row - v grip (cable)": "seated-cable-row",
  "seated cable row - bar grip": "seated-cable-row",
  "inverted row (bodyweight)": "inverted-row",
  "inverted row": "inverted-row",
  "bench press (barbell)": "bench-press",
  "bench press (dumbbell)": "dumbbell-bench-press",
  "floor press (dumbbell)": "dumbbell-floor-press",
  "chest press (machine)": "chest-press-machine",
  "push up": "push-up",
  "push up (bodyweight)": "push-up",
  "incline push up": "incline-push-up",
  "decline push up": "feet-elevated-push-up",
  "overhead press (barbell)": "overhead-press",
  "overhead press (dumbbell)": "overhead-press",
  "strict military press (barbell)": "overhead-press",
  "shoulder press (dumbbell)": "overhead-press",
  "seated overhead press (dumbbell)": "overhead-press",
  plank: "plank",
  "side plank": "side-plank",
  "dead bug": "dead-bug",
  "bird dog": "bird-dog",
  "pallof press": "pallof-press",
  "pallof press (cable)": "pallof-press",
};

const TABLE: ReadonlyMap<string, string> = new Map([
  // The catalogue's own names and ids come back as themselves: a CSV that Capacity exported
  // imports with nothing to review.
  ...CATALOG.flatMap((exercise) => [
    [normaliseName(exercise.name), exercise.id] as const,
    [exercise.id, exercise.id] as const,
  ]),
  ...Object.entries(COMMON),
]);

/** The catalogue id for a name from another app, when the table knows it. */
export function commonName(name: string): string | undefined {
  return TABLE.get(normaliseName(name));
}
