/** The text plan with imported activities: each day's line says what really happened. */
import { describe, expect, it } from "vitest";
import { aDatedActivity, aLog, aProfile, day, runWeek } from "../../test/builders.js";
import { planWeeks } from "../core/protocol/plan.js";
import { renderPlan } from "./render-plan.js";

describe("renderPlan with imported activities", () => {
  const profile = aProfile({ runWeek: runWeek("rest quality easy quality rest long easy") });

  it("shows a day's runs and imported strength on its line; other days are unchanged", () => {
    // Too few runs to compare with: a 100-minute run is long (90 minutes or more).
    const activities = [
      aDatedActivity("2026-12-02", { movingS: 6000, distanceM: 16_000 }),
      aDatedActivity("2026-12-01", { sport: "strength", movingS: 2400 }),
    ];
    const plain = renderPlan(
      planWeeks({ profile, log: aLog(), from: day("2026-11-30"), weeks: 1 }),
      "",
    );
    const text = renderPlan(
      planWeeks({ profile, log: aLog(), from: day("2026-11-30"), weeks: 1, activities }),
      "",
    );
    const lines = text.split("\n");
    expect(lines.find((line) => line.includes("Wed 2 Dec"))).toContain(
      "long run      · planned: easy run; ran 16.0 km in 100 min (long)",
    );
    expect(lines.find((line) => line.includes("Tue 1 Dec"))).toContain(
      "◇ STRENGTH (imported)  · strength 40 min",
    );
    const sunday = (rendered: string) => rendered.split("\n").find((l) => l.includes("Sun 6 Dec"));
    expect(sunday(text)).toBe(sunday(plain));
  });
});
