/**
 * The running use cases on a real store. The athlete lives in Los Angeles: a run at 17:30 on
 * a Sunday there starts on Monday in UTC, so every day below must come from the profile's
 * time zone. "Now" is Thursday 2026-11-26 (weeks from Monday: this week starts 2026-11-23).
 */
import { afterEach, describe, expect, it } from "vitest";
import { athletePlan } from "../../src/app/athlete-plan.js";
import type { StoredActivity } from "../../src/app/ports.js";
import { runWeekProposal, weeklyRunningFor } from "../../src/app/running.js";
import { activityDay } from "../../src/app/today.js";
import type { Activity } from "../../src/core/running/activity.js";
import { formatLocalDate } from "../../src/core/units/local-date.js";
import { aProfile, aStoredActivity, aUser, day, runWeek } from "../builders.js";
import { testStore } from "../support/database.js";

const clock = { now: () => new Date("2026-11-26T12:00:00Z") };
const ids = {
  uuid: () => "00000000-0000-4000-8000-000000000000",
  token: () => "t",
  hashToken: (t: string) => t,
};
const PROFILE = aProfile({
  timezone: "America/Los_Angeles",
  runWeek: runWeek("rest quality rest easy rest easy long"),
});

let dispose: (() => Promise<void>) | null = null;
afterEach(async () => {
  await dispose?.();
  dispose = null;
});

async function athlete(withProfile = true) {
  const t = await testStore();
  dispose = t.dispose;
  const user = aUser();
  await t.store.users.create(user);
  if (withProfile) await t.store.profiles.put(user.id, PROFILE, 0);
  return { store: t.store, deps: { repos: t.store, ids, clock } };
}

let count = 0;
/** An activity starting at `utc`. */
function stored(utc: string, fields: Partial<Activity>): StoredActivity {
  count++;
  return aStoredActivity(`a${count}`, utc, { source: `run-${count}.fit`, ...fields });
}

const QUALITY = { movingS: 3000, distanceM: 10_000, avgHr: 160 };
const EASY = { movingS: 2700, distanceM: 7500, avgHr: 140 };
const LONG = { movingS: 6000, distanceM: 16_000, avgHr: 145 };

/** Six weeks from Monday 2026-10-12: Tue intervals, Thu and Sat easy in the morning, Sun long at 17:30. */
function sixWeeks(): StoredActivity[] {
  const items: StoredActivity[] = [];
  for (let week = 0; week < 6; week++) {
    const monday = day("2026-10-12") + week * 7;
    const at = (offset: number, time: string) => `${formatLocalDate(monday + offset)}T${time}Z`;
    items.push(stored(at(1, "15:00:00"), QUALITY));
    items.push(stored(at(3, "15:00:00"), EASY));
    items.push(stored(at(5, "15:00:00"), EASY));
    // Sunday 17:30 in Los Angeles (18:30 under summer time) is Monday 01:30 UTC.
    items.push(stored(at(7, "01:30:00"), LONG));
  }
  return items;
}

describe("activityDay", () => {
  it("is the calendar day in the athlete's time zone", () => {
    expect(formatLocalDate(activityDay("2026-11-02T01:30:00Z", "America/Los_Angeles"))).toBe(
      "2026-11-01",
    );
    expect(formatLocalDate(activityDay("2026-11-02T01:30:00Z", "UTC"))).toBe("2026-11-02");
    expect(formatLocalDate(activityDay("2026-11-01T23:30:00Z", "Pacific/Auckland"))).toBe(
      "2026-11-02",
    );
  });
});

describe("runWeekProposal", () => {
  it("proposes the run week from the stored runs, on the athlete's local days", async () => {
    const { store, deps } = await athlete();
    await store.activities.insertNew("u1", sixWeeks());
    const { proposal, reason } = await runWeekProposal(deps, "u1");
    expect(reason).toBeNull();
    expect(proposal?.runWeek).toEqual(runWeek("rest quality rest easy rest easy long"));
    expect(proposal?.from).toBe("2026-10-12");
    expect(proposal?.to).toBe("2026-11-22");
    expect(proposal?.runs).toBe(24);
  });

  it("without a profile or runs: a reason instead of a proposal", async () => {
    const { deps } = await athlete(false);
    expect(await runWeekProposal(deps, "u1")).toEqual({
      proposal: null,
      reason:
        "No runs in the 8 weeks before this one: import at least 4 weeks of runs to get a proposal.",
    });
  });
});

describe("weeklyRunningFor", () => {
  it("totals each week's runs and imported strength, zeros included", async () => {
    const { store, deps } = await athlete();
    await store.activities.insertNew("u1", [
      ...sixWeeks(),
      stored("2026-11-24T16:00:00Z", { sport: "strength", movingS: 2400 }),
    ]);
    const result = await weeklyRunningFor(deps, "u1", 3);
    expect(result).toEqual({
      ok: true,
      value: [
        { start: "2026-11-09", runs: 4, distanceM: 41_000, movingS: 14_400, strength: 0 },
        { start: "2026-11-16", runs: 4, distanceM: 41_000, movingS: 14_400, strength: 0 },
        { start: "2026-11-23", runs: 0, distanceM: 0, movingS: 0, strength: 1 },
      ],
    });
  });

  it("takes 1 to 520 whole weeks", async () => {
    const { deps } = await athlete();
    for (const weeks of [0, 521, 1.5]) {
      const result = await weeklyRunningFor(deps, "u1", weeks);
      expect(result.ok ? null : result.error).toMatchObject({ kind: "invalid", field: "weeks" });
    }
    const year = await weeklyRunningFor(deps, "u1", 52);
    expect(year.ok && year.value.length).toBe(52);
  });
});

describe("athletePlan with imported activities", () => {
  it("classifies this week's runs against the weeks before and counts imported strength", async () => {
    const { store, deps } = await athlete();
    await store.activities.insertNew("u1", [
      ...sixWeeks(),
      stored("2026-11-24T15:00:00Z", QUALITY),
      stored("2026-11-24T16:30:00Z", { sport: "strength", movingS: 2400 }),
    ]);
    const plan = await athletePlan(deps, "u1", { from: "2026-11-23" });
    if (!plan.ok) throw new Error(plan.error.message);
    const tuesday = plan.value.weeks[0]?.days.find((d) => d.date === "2026-11-24");
    expect(tuesday?.activities.map((a) => [a.sport, a.effort])).toEqual([
      ["run", "quality"],
      ["strength", null],
    ]);
    expect(tuesday?.importedStrength).toBe(true);
    expect(plan.value.weeks[0]?.sessions).toHaveLength(1);
    expect(plan.value.weeks[0]?.running).toEqual({ runs: 1, distanceM: 10_000, movingS: 3000 });
  });
});
