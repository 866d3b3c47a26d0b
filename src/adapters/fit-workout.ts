/**
 * A planned session as a FIT workout file (file type workout; sport training, sub-sport
 * strength training), the kind a Garmin watch guides: the warm-up as a timed step, then one
 * step per set with the exercise's FIT category and name where one fits, the reps as the
 * step's duration and the load as its target weight. Written with the encoder fit-file-parser
 * ships, so the file is checked by the same library that reads it back.
 */
import { FitBaseType, FitEncoder, type FitEncoderField } from "fit-file-parser/encoder";
import type { PlannedSession, Prescription } from "../core/protocol/plan-types.js";
import { convertWeight } from "../core/units/weight.js";

const MESSAGE = { fileId: 0, workout: 26, workoutStep: 27 } as const;
const FILE_WORKOUT = 5;
const MANUFACTURER_DEVELOPMENT = 255;
const SPORT_TRAINING = 10;
const SUB_SPORT_STRENGTH_TRAINING = 20;
const DURATION_TIME = 0;
const DURATION_REPS = 29;
const TARGET_OPEN = 2;
const INTENSITY_ACTIVE = 0;
const INTENSITY_WARMUP = 2;
const UNIT_KILOGRAM = 1;
const UNIT_POUND = 2;

/**
 * FIT exercise category and, where the FIT profile has a close one, exercise name (the numbers
 * of the FIT profile's `exercise_category` and `<category>_exercise_name` types). An exercise
 * without an entry is written without either: the watch shows the step's own name.
 */
export const FIT_EXERCISES: Readonly<Record<string, readonly [number, number?]>> = {
  "quarter-squat": [28, 61], // squat / squat
  "leg-press": [28, 0], // squat / leg_press
  "split-squat": [28, 28], // squat / dumbbell_split_squat
  "step-up": [28, 66], // squat / step_up
  "rear-foot-elevated-split-squat": [17, 18], // lunge / dumbbell_bulgarian_split_squat
  "reverse-lunge": [17, 32], // lunge / lunge
  "goblet-squat": [28, 37], // squat / goblet_squat
  "box-squat": [28, 61], // squat / squat
  "pistol-to-box": [28, 47], // squat / pistol_squat
  "romanian-deadlift": [8, 23], // deadlift / romanian_deadlift
  "single-leg-romanian-deadlift": [8, 14], // deadlift / single_leg_romanian_deadlift_with_dumbbell
  "leg-curl": [15, 0], // leg_curl / leg_curl
  "slider-leg-curl": [15, 6], // leg_curl / sliding_leg_curl
  "nordic-curl": [15],
  "hamstring-bridge": [10, 11], // hip_raise / hip_raise
  "single-leg-hamstring-bridge": [10, 30], // hip_raise / single_leg_hip_raise
  "calf-raise": [1, 18], // calf_raise / standing_calf_raise
  "single-leg-calf-raise": [1, 15], // calf_raise / single_leg_standing_calf_raise
  "seated-calf-raise": [1, 6], // calf_raise / seated_calf_raise
  "bent-knee-calf-raise": [1, 9], // calf_raise / single_leg_bent_knee_calf_raise
  "single-leg-calf-raise-off-step": [1, 15],
  "cable-hip-abduction": [11, 27], // hip_stability / standing_cable_hip_abduction
  "hip-abduction-machine": [11],
  "lateral-band-walk": [11, 11], // hip_stability / lateral_walks_with_band_at_ankles
  "side-lying-hip-abduction": [11, 21], // hip_stability / side_lying_leg_raise
  clamshell: [11],
  "side-plank-hip-abduction": [19, 80], // plank / side_plank_with_leg_lift
  "single-leg-balance-reach": [11],
  "hip-thrust": [10, 1], // hip_raise / barbell_hip_thrust_with_bench
  "glute-bridge": [10, 11], // hip_raise / hip_raise
  "single-leg-glute-bridge": [10, 30],
  "single-leg-hip-thrust": [10, 32], // hip_raise / single_leg_hip_raise_with_foot_on_bench
  "cable-pull-through": [12],
  "one-arm-dumbbell-row": [23, 13], // row / one_arm_bent_over_row
  "lat-pulldown": [21, 13], // pull_up / lat_pulldown
  "seated-cable-row": [23, 18], // row / seated_cable_row
  "inverted-row": [23, 35], // row / inverted_row
  "bent-over-row": [23, 45], // row / barbell_row
  "band-row": [37, 35], // banded_exercises / row
  "band-pull-apart": [37, 32], // banded_exercises / pull_apart
  "prone-y-raise": [25, 10], // shoulder_stability / floor_y_raise
  "dumbbell-bench-press": [0, 6], // bench_press / dumbbell_bench_press
  "bench-press": [0, 1], // bench_press / barbell_bench_press
  "chest-press-machine": [0],
  "dumbbell-floor-press": [0, 7], // bench_press / dumbbell_floor_press
  "overhead-press": [24, 15], // shoulder_press / overhead_dumbbell_press
  "band-chest-press": [37, 5], // banded_exercises / chest_press
  "push-up": [22, 77], // push_up / push_up
  "incline-push-up": [22, 27], // push_up / incline_push_up
  "wall-push-up": [22, 90], // push_up / wall_push_up
  "feet-elevated-push-up": [22, 13], // push_up / decline_push_up
  "dead-bug": [5],
  "pallof-press": [5],
  "bird-dog": [5],
  plank: [19, 43], // plank / plank
  "side-plank": [19, 66], // plank / side_plank
};

/** One step of the written workout, as a test or a reader compares it. */
export interface WorkoutStep {
  readonly name: string;
  readonly kind: "warmup" | "exercise";
  /** Seconds for the warm-up, reps for an exercise. */
  readonly duration: number;
  readonly exercise: string | null;
  readonly category: number | null;
  readonly exerciseName: number | null;
  /** Kilograms; null without a load. */
  readonly weightKg: number | null;
  readonly weightUnit: "kg" | "lb" | null;
  readonly notes: string;
}

const uint16 = (number: number, value: number): FitEncoderField => ({
  number,
  size: 2,
  baseType: FitBaseType.Uint16,
  value,
});
const uint32 = (number: number, value: number): FitEncoderField => ({
  number,
  size: 4,
  baseType: FitBaseType.Uint32,
  value,
});
const enumField = (number: number, value: number): FitEncoderField => ({
  number,
  size: 1,
  baseType: FitBaseType.Enum,
  value,
});

/** FIT strings hold at most 254 bytes; cut on a character, never inside one. */
function fitString(number: number, text: string): FitEncoderField {
  let cut = text;
  while (new TextEncoder().encode(cut).length > 254) cut = Array.from(cut).slice(0, -1).join("");
  const value = FitEncoder.string(cut);
  return { number, size: value.length, baseType: FitBaseType.String, value };
}

function exerciseStep(exercise: Prescription): WorkoutStep {
  const fit = FIT_EXERCISES[exercise.id];
  const load = exercise.load;
  return {
    name: exercise.name,
    kind: "exercise",
    // The watch counts reps and ends the step at the top of the range: the athlete stops
    // earlier when only the planned reps in reserve are left.
    duration: exercise.reps.max,
    exercise: exercise.id,
    category: fit?.[0] ?? null,
    exerciseName: fit?.[1] ?? null,
    // FIT keeps the weight in kg to 0.01.
    weightKg: load === null ? null : Math.round(convertWeight(load, "kg").value * 100) / 100,
    weightUnit: load === null ? null : load.unit,
    notes:
      `${exercise.reps.min}-${exercise.reps.max} reps, stop with ` +
      `${exercise.rir.min}-${exercise.rir.max} in reserve`,
  };
}

/** The steps a session becomes: the warm-up, then each exercise once per set. */
export function workoutSteps(session: PlannedSession): WorkoutStep[] {
  const steps: WorkoutStep[] = [
    {
      name: `Warm-up: ${session.warmup.activity}`,
      kind: "warmup",
      duration: session.warmup.minutes * 60,
      exercise: null,
      category: null,
      exerciseName: null,
      weightKg: null,
      weightUnit: null,
      notes: "Easy, to raise your core temperature",
    },
  ];
  for (const exercise of session.exercises) {
    for (let set = 0; set < exercise.sets; set++) steps.push(exerciseStep(exercise));
  }
  return steps;
}

function stepFields(step: WorkoutStep, index: number): FitEncoderField[] {
  const fields = [
    uint16(254, index),
    fitString(0, step.name),
    enumField(1, step.kind === "warmup" ? DURATION_TIME : DURATION_REPS),
    // duration_time is in ms (scale 1000); reps are counted as they are.
    uint32(2, step.kind === "warmup" ? step.duration * 1000 : step.duration),
    enumField(3, TARGET_OPEN),
    enumField(7, step.kind === "warmup" ? INTENSITY_WARMUP : INTENSITY_ACTIVE),
    fitString(8, step.notes),
  ];
  if (step.category !== null) fields.push(uint16(10, step.category));
  if (step.exerciseName !== null) fields.push(uint16(11, step.exerciseName));
  if (step.weightKg !== null) {
    fields.push(uint16(12, Math.min(65_534, Math.round(step.weightKg * 100))));
    fields.push(uint16(13, step.weightUnit === "lb" ? UNIT_POUND : UNIT_KILOGRAM));
  }
  return fields;
}

/** The workout's name on the watch. */
export function workoutName(session: PlannedSession): string {
  return `Capacity ${session.date}`;
}

export function fitWorkoutFile(session: PlannedSession, createdAt: Date): Uint8Array {
  const steps = workoutSteps(session);
  const encoder = new FitEncoder();
  encoder.writeMessage(MESSAGE.fileId, [
    enumField(0, FILE_WORKOUT),
    uint16(1, MANUFACTURER_DEVELOPMENT),
    uint16(2, 0),
    uint32(4, FitEncoder.toFitTimestamp(createdAt)),
  ]);
  encoder.writeMessage(MESSAGE.workout, [
    fitString(8, workoutName(session)),
    enumField(4, SPORT_TRAINING),
    enumField(11, SUB_SPORT_STRENGTH_TRAINING),
    uint16(6, steps.length),
  ]);
  steps.forEach((step, index) => {
    encoder.writeMessage(MESSAGE.workoutStep, stepFields(step, index));
  });
  return encoder.close();
}
