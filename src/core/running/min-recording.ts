/**
 * The one minimum for every format (FIT, GPX, TCX): an activity recorded for less than a
 * minute is no usable activity (a watch started by mistake, one point, times that never move).
 */
export const MIN_RECORDING_S = 60;
