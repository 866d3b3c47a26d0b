/** What the use cases need from the outside world; adapters and entry points provide it. */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };
