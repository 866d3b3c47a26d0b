/**
 * Detraining after a break (protocol section 6): 2 to 4 weeks off → -10 % load,
 * more than 4 weeks → -20 %.
 */
export function timeOffFactor(daysOff: number): number {
  if (daysOff > 28) return 0.8;
  if (daysOff >= 14) return 0.9;
  return 1;
}
