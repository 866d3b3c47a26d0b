import { describe, expect, it } from "vitest";
import {
  RACE_DISTANCES as CORE_RACE_DISTANCES,
  MAX_SESSION_MINUTES,
  MIN_SESSION_MINUTES,
  RUN_KINDS,
} from "../../core/profile/profile.js";
import { MAX_MINUTES, MIN_MINUTES, RACE_DISTANCES, RUN_CYCLE } from "./profile-draft.js";

describe("the profile form's lists", () => {
  it("are the core's, in the core's order", () => {
    expect(RUN_CYCLE).toEqual(RUN_KINDS);
    expect(RACE_DISTANCES).toEqual(CORE_RACE_DISTANCES);
    expect([MIN_MINUTES, MAX_MINUTES]).toEqual([MIN_SESSION_MINUTES, MAX_SESSION_MINUTES]);
  });
});
