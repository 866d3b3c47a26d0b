/**
 * The plan through the API as the runner lives the week (protocol section 4, "Today, the past
 * and missed sessions"): the server's clock, in the athlete's zone, splits every week.
 * The marathoner (examples/): Tue and Thu intervals, Sat long run, Europe/Berlin.
 */
import { describe, expect, it } from "vitest";
import type { Items, Move, MoveOption, Workout } from "../../src/contract/index.js";
import type { Profile } from "../../src/core/profile/profile.js";
import type { Plan } from "../../src/core/protocol/plan-types.js";
import {
  appPerFile,
  exampleProfile,
  json,
  present,
  problem,
  signUp,
  weekOf,
  workoutBody,
} from "../support/http.js";

// Thursday 3 December 2026, 09:00 UTC (10:00 in Berlin).
const t = appPerFile({ now: "2026-12-03T09:00:00Z" });

async function athlete(profile: Record<string, unknown> = exampleProfile()): Promise<string> {
  const cookie = await signUp(t.app);
  expect((await json<Profile>(t.app, "PUT", "/api/profile", cookie, profile)).status).toBe(200);
  return cookie;
}

describe("today splits the week (HTTP)", () => {
  it("a plan fetched on a Thursday shows Monday to Wednesday as history, with no planned session", async () => {
    // Signed up on the Monday: the whole week counts, and Tuesday's session was not logged.
    t.clock.set("2026-11-30T07:00:00Z");
    const cookie = await athlete();
    t.clock.set("2026-12-03T09:00:00Z");
    const plan = (await json<Plan>(t.app, "GET", "/api/plan", cookie)).body;
    const week = weekOf(plan);
    expect(week.start).toBe("2026-11-30");
    expect(week.days.map((d) => [d.weekday, d.past, d.session])).toEqual([
      ["mon", true, false],
      ["tue", true, false],
      ["wed", true, false],
      ["thu", false, true],
      ["fri", false, false],
      ["sat", false, false],
      ["sun", false, false],
    ]);
    expect(week.sessions.map((s) => s.date)).toEqual(["2026-12-03"]);
    expect(week).toMatchObject({ target: 2, done: 0, owed: 2, missed: 1, dropped: [] });
    expect(week.missedReason).toMatch(/never two days in a row/);
    // A week asked for by date still knows what is past: the same answer.
    const asked = (await json<Plan>(t.app, "GET", "/api/plan?from=2026-11-30", cookie)).body;
    expect(weekOf(asked).days.map((d) => d.past)).toEqual(week.days.map((d) => d.past));
  });

  it("signed up on the Thursday itself: the week counts from then, so nothing is missed, and the note says why", async () => {
    t.clock.set("2026-12-03T09:00:00Z");
    const cookie = await athlete();
    const week = weekOf((await json<Plan>(t.app, "GET", "/api/plan", cookie)).body);
    expect(week.sessions.map((s) => s.date)).toEqual(["2026-12-03"]);
    expect(week).toMatchObject({ target: 1, done: 0, owed: 1, missed: 0, missedReason: null });
    expect(week.notes).toContain(
      "You began on Thursday: this week counts from that day, and its days from then hold 1 session under every rule.",
    );
    const next = weekOf((await json<Plan>(t.app, "GET", "/api/plan?from=2026-12-07", cookie)).body);
    expect(next).toMatchObject({ target: 2, missed: 0 });
  });

  it("a move to a past day answers 409 with the rule past and stores nothing; the move options mark past days", async () => {
    t.clock.set("2026-12-03T09:00:00Z");
    const cookie = await athlete();
    const refused = await json<Move>(t.app, "POST", "/api/plan/moves", cookie, {
      from: "2026-12-03",
      to: "2026-12-01",
    });
    expect(refused.status).toBe(409);
    expect(problem(refused)).toMatchObject({ kind: "rule", rule: "past", field: "to" });
    expect(problem(refused).message).toContain("2026-12-01 is already past");
    expect((await json<Items<Move>>(t.app, "GET", "/api/plan/moves", cookie)).body).toEqual({
      items: [],
    });

    const fromPast = await json<Move>(t.app, "POST", "/api/plan/moves", cookie, {
      from: "2026-12-01",
      to: "2026-12-06",
    });
    expect(fromPast.status).toBe(409);
    expect(problem(fromPast)).toMatchObject({ kind: "rule", rule: "past", field: "from" });

    const options = await json<Items<MoveOption>>(
      t.app,
      "GET",
      "/api/plan/move-options?from=2026-12-03",
      cookie,
    );
    expect(options.status).toBe(200);
    const byDate = new Map(options.body.items.map((o) => [o.date, o]));
    for (const date of ["2026-11-30", "2026-12-01", "2026-12-02"]) {
      expect(byDate.get(date)).toMatchObject({ allowed: false, rule: "past", past: true });
    }
    expect(byDate.get("2026-12-04")).toMatchObject({
      allowed: false,
      rule: "not-before-long-or-race",
      past: false,
    });
  });

  it("a run week accepted mid-week drops an earlier move: the plan names it and the list says dropped", async () => {
    t.clock.set("2026-11-30T09:00:00Z");
    const cookie = await athlete();
    const moved = await json<Move>(t.app, "POST", "/api/plan/moves", cookie, {
      from: "2026-12-03",
      to: "2026-12-06",
    });
    expect(moved.status).toBe(201);
    t.clock.set("2026-12-02T09:00:00Z");
    const profile = exampleProfile();
    const runWeek = { ...(profile.runWeek as Record<string, string>), thu: "easy", fri: "quality" };
    expect(
      (await json<Profile>(t.app, "PUT", "/api/profile", cookie, { ...profile, runWeek })).status,
    ).toBe(200);
    const plan = (await json<Plan>(t.app, "GET", "/api/plan", cookie)).body;
    const reason = "no session is planned on 2026-12-03 any more.";
    expect(weekOf(plan).dropped).toEqual([
      { kind: "move", id: moved.body.id, from: "2026-12-03", to: "2026-12-06", reason },
    ]);
    expect(weekOf(plan).notes).toContain(
      `Your move from 2026-12-03 to 2026-12-06 no longer fits: ${reason}`,
    );
    expect(weekOf(plan).sessions.every((s) => s.date >= "2026-12-02")).toBe(true);
    const listed = (await json<Items<Move>>(t.app, "GET", "/api/plan/moves", cookie)).body;
    expect(listed.items).toEqual([{ ...moved.body, state: "dropped", reason }]);
    // Once its days are past, the move is history.
    t.clock.set("2026-12-08T09:00:00Z");
    const later = (await json<Items<Move>>(t.app, "GET", "/api/plan/moves", cookie)).body;
    expect(later.items).toEqual([{ ...moved.body, state: "past", reason: null }]);
  });

  it("a logged workout shows on its day as done, with what was lifted", async () => {
    t.clock.set("2026-12-03T09:00:00Z");
    const cookie = await athlete();
    const workout = workoutBody("2026-12-01", 1);
    expect((await json<Workout>(t.app, "POST", "/api/workouts", cookie, workout)).status).toBe(201);
    const plan = (await json<Plan>(t.app, "GET", "/api/plan", cookie)).body;
    const done = present(weekOf(plan).sessions.find((s) => s.date === "2026-12-01"));
    expect(done).toMatchObject({ done: true });
    expect(done.logged).toEqual([
      {
        id: "quarter-squat",
        name: "Quarter squat",
        sets: [{ load: { value: 20, unit: "kg" }, reps: 10, rir: 2 }],
      },
    ]);
    expect(plan.weeks[0]).toMatchObject({ target: 2, done: 1, owed: 1, missed: 0 });
  });
});
