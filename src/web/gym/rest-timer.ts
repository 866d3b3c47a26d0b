/**
 * The rest between exercises (default 90 s, skippable): its state is a deadline, so that it is
 * right again after the phone slept or the tab was in the background. Pure; the screen ticks it.
 */

export const REST_SECONDS = 90;

export type RestState =
  | { readonly state: "off" }
  | { readonly state: "resting"; readonly endsAt: number; readonly seconds: number }
  | { readonly state: "over" };

/** A rest of `seconds` starting at `now` (ms since the epoch). */
export function startRest(now: number, seconds: number = REST_SECONDS): RestState {
  return { state: "resting", endsAt: now + seconds * 1000, seconds };
}

/** Whole seconds left (rounded up, so "1" shows until the end); 0 when not resting. */
export function secondsLeft(rest: RestState, now: number): number {
  if (rest.state !== "resting") return 0;
  return Math.max(0, Math.ceil((rest.endsAt - now) / 1000));
}

/** The state at `now`: a rest whose deadline passed is over (that is when the phone buzzes). */
export function tick(rest: RestState, now: number): RestState {
  return rest.state === "resting" && now >= rest.endsAt ? { state: "over" } : rest;
}

/** "1:30". */
export function clockWords(seconds: number): string {
  const whole = Math.max(0, Math.round(seconds));
  return `${Math.floor(whole / 60)}:${String(whole % 60).padStart(2, "0")}`;
}
