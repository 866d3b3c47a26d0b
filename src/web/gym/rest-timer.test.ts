import { describe, expect, it } from "vitest";
import { clockWords, REST_SECONDS, secondsLeft, startRest, tick } from "./rest-timer.js";

describe("the rest timer", () => {
  it("runs 90 seconds by default and is over at its deadline", () => {
    const rest = startRest(1_000);
    expect(REST_SECONDS).toBe(90);
    expect(secondsLeft(rest, 1_000)).toBe(90);
    expect(secondsLeft(rest, 1_001)).toBe(90);
    expect(secondsLeft(rest, 90_000)).toBe(1);
    expect(tick(rest, 90_999)).toBe(rest);
    expect(tick(rest, 91_000)).toEqual({ state: "over" });
  });

  it("keeps its deadline across a phone that slept", () => {
    const rest = startRest(0, 60);
    expect(secondsLeft(rest, 45_500)).toBe(15);
    expect(tick(rest, 600_000)).toEqual({ state: "over" });
  });

  it("reads as minutes and seconds", () => {
    expect(clockWords(90)).toBe("1:30");
    expect(clockWords(5)).toBe("0:05");
  });
});
