/**
 * Estimated one-rep max, Epley (1985) with reps to failure = reps done + reps in reserve:
 * e1RM = load × (1 + (reps + RIR) / 30).
 */
export function estimatedOneRepMax(load: number, reps: number, rir: number): number {
  return load * (1 + (reps + rir) / 30);
}

/** The load for 9 reps with 1.5 in reserve, the middle of the dose: e1RM / (1 + 10.5 / 30), about 74 %. */
export function targetLoad(e1rm: number): number {
  return e1rm / (1 + 10.5 / 30);
}
