/**
 * The dose per exercise and the warm-up (protocol sections 2 and 3).
 * Source: Besselink, "Strength Training For Runners" (RunSmart): one set of 8 to 10 reps,
 * stopping with 1 or 2 reps left, after 5 to 10 minutes on a bike.
 */
export const DOSE = {
  sets: 1,
  reps: { min: 8, max: 10 },
  rir: { min: 1, max: 2 },
} as const;

export const WARMUP = {
  minMinutes: 5,
  maxMinutes: 10,
  defaultMinutes: 8,
  /** From this age the warm-up takes the full 10 minutes. */
  olderAge: 60,
  olderMinutes: 10,
} as const;

/** One set plus setting up the next exercise. */
export const MINUTES_PER_EXERCISE = 2.5;

/** Preferred warm-up activity first: the article's stationary bike, then what needs no gear. */
export function warmupActivity(equipment: ReadonlySet<string>): string {
  return equipment.has("bike") ? "bike" : "brisk walk or easy jog";
}

export function defaultWarmupMinutes(age: number): number {
  return age >= WARMUP.olderAge ? WARMUP.olderMinutes : WARMUP.defaultMinutes;
}

/**
 * How many exercises fit and how long the warm-up is. The warm-up only gives way
 * (never below 5 minutes) when otherwise not even one exercise would fit.
 */
export function sessionBudget(
  sessionMinutes: number,
  age: number,
): { warmupMinutes: number; exercises: number } {
  let warmupMinutes = defaultWarmupMinutes(age);
  if (warmupMinutes + MINUTES_PER_EXERCISE > sessionMinutes) {
    warmupMinutes = Math.max(WARMUP.minMinutes, Math.floor(sessionMinutes - MINUTES_PER_EXERCISE));
  }
  const exercises = Math.floor((sessionMinutes - warmupMinutes) / MINUTES_PER_EXERCISE);
  return { warmupMinutes, exercises: Math.max(exercises, 0) };
}

export function sessionMinutesNeeded(warmupMinutes: number, exercises: number): number {
  return warmupMinutes + MINUTES_PER_EXERCISE * exercises;
}
