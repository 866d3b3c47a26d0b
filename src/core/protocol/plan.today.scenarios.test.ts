/**
 * The week as a runner lives it, one day at a time (protocol section 4, "Today, the past and
 * missed sessions", and section 7's day-later rule). Ana's week: Tue and Thu intervals, Sat
 * long run; whole, it holds Tue + Thu. Calendar: 2026-11-30 is a Monday.
 */
import { describe, expect, it } from "vitest";
import {
  aCheckin,
  aLog,
  aProfile,
  aSet,
  aWorkout,
  day,
  kg,
  runWeek,
} from "../../../test/builders.js";
import type { TrainingLog } from "../log/training-log.js";
import type { Profile } from "../profile/profile.js";
import type { PlanChanges } from "./changes.js";
import { planWeeks } from "./plan.js";
import { checkMove } from "./plan-checks.js";
import type { Plan, PlannedWeek } from "./plan-types.js";

const ANA = aProfile({ runWeek: runWeek("rest quality easy quality rest long easy") });

function plan(
  profile: Profile,
  today: string,
  options: {
    log?: TrainingLog;
    weeks?: number;
    from?: string;
    changes?: PlanChanges;
    startedOn?: string;
  } = {},
): Plan {
  return planWeeks({
    profile,
    log: options.log ?? aLog(),
    from: day(options.from ?? today),
    today: day(today),
    weeks: options.weeks ?? 1,
    ...(options.changes ? { changes: options.changes } : {}),
    ...(options.startedOn ? { startedOn: day(options.startedOn) } : {}),
  });
}

const week = (p: Plan, index = 0): PlannedWeek => {
  const found = p.weeks[index];
  if (!found) throw new Error(`no week ${index}`);
  return found;
};
const planned = (w: PlannedWeek) => w.sessions.filter((s) => !s.done).map((s) => s.date);

describe("today splits the week", () => {
  it("signing up on a Wednesday: the week owes only what its days from Wednesday hold, so nothing is missed", () => {
    const result = plan(ANA, "2026-12-02", { weeks: 2, startedOn: "2026-12-02" });
    const first = week(result);
    expect(first.days.map((d) => d.past)).toEqual([true, true, false, false, false, false, false]);
    expect(planned(first)).toEqual(["2026-12-03"]);
    expect(first).toMatchObject({ target: 1, done: 0, owed: 1, missed: 0, missedReason: null });
    expect(first.notes.join(" ")).not.toContain("missed");
    expect(first.notes).toContain(
      "You began on Wednesday: this week counts from that day, and its days from then hold 1 session under every rule.",
    );
    expect(planned(week(result, 1))).toEqual(["2026-12-08", "2026-12-10"]);
    expect(week(result, 1)).toMatchObject({ target: 2, owed: 2, missed: 0 });
    // Two days later, a Thursday session not logged is missed: the count runs from sign-up.
    const friday = week(plan(ANA, "2026-12-04", { startedOn: "2026-12-02" }));
    expect(friday).toMatchObject({ target: 1, done: 0, owed: 1, missed: 1 });
  });

  it("a first day later than today (a clock out of step) closes nothing to come", () => {
    const result = plan(ANA, "2026-12-02", { startedOn: "2026-12-05" });
    expect(planned(week(result))).toEqual(["2026-12-03"]);
    expect(week(result)).toMatchObject({ target: 2, missed: 1 });
  });

  it("seen on a Wednesday with no first day (the command line): Mon to Tue are history, Thursday is the week's one session, and next week is whole", () => {
    const result = plan(ANA, "2026-12-02", { weeks: 2 });
    const first = week(result);
    expect(first.days.map((d) => d.past)).toEqual([true, true, false, false, false, false, false]);
    // Tue is past. Thu (after its intervals) keeps every rule; Sat or Sun as a second would
    // make Thu, that day and next Tuesday three sessions in seven days.
    expect(planned(first)).toEqual(["2026-12-03"]);
    expect(first).toMatchObject({ target: 2, done: 0, owed: 2, missed: 1 });
    expect(first.notes.join(" ")).toContain("1 session missed");
    expect(planned(week(result, 1))).toEqual(["2026-12-08", "2026-12-10"]);
    expect(week(result, 1)).toMatchObject({ target: 2, owed: 2, missed: 0, missedReason: null });
  });

  it("a missed Tuesday session seen on Thursday: Thursday's stays, Tuesday's is missed, nothing crowds in", () => {
    const result = plan(ANA, "2026-12-03");
    expect(planned(week(result))).toEqual(["2026-12-03"]);
    expect(week(result)).toMatchObject({ target: 2, done: 0, owed: 2, missed: 1 });
    expect(week(result).missedReason).toMatch(/never two days in a row, never three in seven days/);
    expect(week(result).relaxed).toEqual([]);
  });

  it("a session done on Tuesday, seen on Thursday: done counts, its card holds what was lifted", () => {
    const log = aLog([
      aWorkout(
        "2026-12-01",
        aSet("quarter-squat", kg(22), 9, 2),
        aSet("calf-raise", kg(16), 10, 1),
      ),
    ]);
    const result = plan(ANA, "2026-12-03", { log });
    const done = week(result).sessions[0];
    expect(done).toMatchObject({ date: "2026-12-01", done: true });
    expect(done?.logged).toEqual([
      { id: "quarter-squat", name: "Quarter squat", sets: [{ load: kg(22), reps: 9, rir: 2 }] },
      { id: "calf-raise", name: expect.any(String), sets: [{ load: kg(16), reps: 10, rir: 1 }] },
    ]);
    // Next time's suggestion stays apart: 9 reps with 2 left is the dose, the same load.
    expect(done?.exercises.find((e) => e.id === "quarter-squat")?.load).toEqual(kg(22));
    expect(planned(week(result))).toEqual(["2026-12-03"]);
    expect(week(result)).toMatchObject({ target: 2, done: 1, owed: 1, missed: 0 });
    expect(week(result).sessions[1]?.logged).toEqual([]);
  });

  it("a check-in shows on its day", () => {
    const log = aLog(
      [aWorkout("2026-12-01", aSet("quarter-squat", kg(20), 9, 1))],
      [aCheckin("2026-12-02", 3)],
    );
    const result = plan(ANA, "2026-12-03", { log });
    expect(week(result).days[2]?.checkin).toEqual({ soreness: 3, hurtRun: false });
    expect(week(result).days[3]?.checkin).toBeNull();
  });

  it("a week asked for later still knows what is past and follows the weeks before it", () => {
    const alone = plan(ANA, "2026-12-02", { from: "2026-12-07" });
    const walked = plan(ANA, "2026-12-02", { weeks: 2 });
    expect(alone.weeks).toHaveLength(1);
    expect(week(alone).start).toBe("2026-12-07");
    expect(week(alone).sessions).toEqual(week(walked, 1).sessions);
  });
});

describe("moves over time", () => {
  it("a move to a day before today is refused with the rule past", () => {
    const request = {
      profile: ANA,
      log: aLog(),
      from: day("2026-12-03"),
      today: day("2026-12-03"),
      weeks: 1,
    };
    expect(checkMove(request, { from: "2026-12-03", to: "2026-12-01" })).toMatchObject({
      kind: "rule",
      rule: "past",
    });
    expect(checkMove(request, { from: "2026-12-01", to: "2026-12-06" })).toMatchObject({
      kind: "rule",
      rule: "past",
    });
  });

  it("a move that would make three sessions in seven days is refused with the rule two-in-seven", () => {
    const request = {
      profile: ANA,
      log: aLog(),
      from: day("2026-11-30"),
      weeks: 2,
      changes: { moves: [{ from: "2026-12-03", to: "2026-12-06" }] },
    };
    // Next week holds Thu 10 + Sun 13 after Sun 6: Sun 13 → Tue 8 crowds Sun 6, Tue 8, Thu 10.
    expect(checkMove(request, { from: "2026-12-13", to: "2026-12-08" })).toMatchObject({
      kind: "rule",
      rule: "two-in-seven",
    });
  });

  it("a run week accepted mid-week drops an earlier move with a note naming it", () => {
    const move = { id: "m1", from: "2026-12-03", to: "2026-12-06" };
    const before = plan(ANA, "2026-11-30", { changes: { moves: [move] } });
    expect(planned(week(before))).toEqual(["2026-12-01", "2026-12-06"]);
    // On Wednesday the runner accepts a run week with Thursday easy and Friday's intervals:
    // Thursday holds no session any more, so the move no longer fits.
    const changed = aProfile({ runWeek: runWeek("rest quality easy easy quality long easy") });
    const after = plan(changed, "2026-12-02", { changes: { moves: [move] } });
    expect(week(after).dropped).toEqual([
      {
        kind: "move",
        id: "m1",
        from: "2026-12-03",
        to: "2026-12-06",
        reason: "no session is planned on 2026-12-03 any more.",
      },
    ]);
    expect(week(after).notes).toContain(
      "Your move from 2026-12-03 to 2026-12-06 no longer fits: no session is planned on 2026-12-03 any more.",
    );
    for (const d of week(after).days.filter((d) => d.past)) expect(d.session).toBe(false);
  });
});

describe("the day-later rule, made safe (protocol section 7)", () => {
  it("soreness 7 the day after Tuesday's session: no later day keeps every rule, so Thursday's is dropped, not crowded", () => {
    const log = aLog(
      [aWorkout("2026-12-01", aSet("quarter-squat", kg(20), 9, 1))],
      [aCheckin("2026-12-02", 7)],
    );
    const result = plan(ANA, "2026-12-02", { log, weeks: 2 });
    // Thu is within 72 hours of Wednesday's check-in. Fri is the day before the long run; Sat
    // and Sun would make three sessions in seven days with next week's Tue and Thu.
    expect(result.dayLater).toMatchObject({
      outcome: "dropped",
      from: "2026-12-03",
      to: null,
      checkinDate: "2026-12-02",
    });
    const w = week(result);
    expect(planned(w)).toEqual([]);
    expect(w).toMatchObject({ target: 2, done: 1, owed: 1, missed: 1 });
    expect(w.notes).toContain(
      "You were very sore on 2026-12-02 (7/10 after 2026-12-01): no later day this week keeps every rule for Thursday's session, so this week drops it rather than crowd it in.",
    );
    expect(w.relaxed).toEqual([]);
    expect(planned(week(result, 1))).toEqual(["2026-12-08", "2026-12-10"]);
  });
});

describe("steady days and the taper edge", () => {
  it("a move to Sunday changes next week's days, and the week says why", () => {
    const moves = [{ from: "2026-12-03", to: "2026-12-06" }];
    const result = plan(ANA, "2026-11-30", { weeks: 3, changes: { moves } });
    expect(planned(week(result))).toEqual(["2026-12-01", "2026-12-06"]);
    // Sun 6, Tue 8 and Thu 10 would be three sessions in seven days.
    expect(planned(week(result, 1))).toEqual(["2026-12-10", "2026-12-13"]);
    expect(week(result, 1).notes).toContain(
      "Your strength days change this week: Thursday and Sunday instead of Tuesday and Thursday, because Tuesday and Thursday would make three sessions in seven days with Sunday's session.",
    );
    // Then they hold, with no note.
    expect(planned(week(result, 2))).toEqual(["2026-12-17", "2026-12-20"]);
    expect(week(result, 2).notes.join(" ")).not.toContain("strength days change");
  });

  it("sessions never come three in seven days: the weekdays hold through base, peak and taper", () => {
    const profile = aProfile({
      runWeek: runWeek("rest quality easy quality rest long easy"),
      race: { date: "2027-04-18", distance: "marathon" },
    });
    const result = plan(profile, "2027-02-22", { weeks: 8 });
    const dates = result.weeks.flatMap((w) => w.sessions.map((s) => day(s.date)));
    for (let i = 0; i + 2 < dates.length; i++) {
      expect((dates[i + 2] as number) - (dates[i] as number)).toBeGreaterThanOrEqual(7);
    }
    const taper = result.weeks.filter(
      (w) => w.phase === "taper" || w.days.some((d) => d.phase === "taper"),
    );
    expect(taper.length).toBeGreaterThan(0);
    for (const w of result.weeks) {
      if (w.days.some((d) => d.phase === "race-week" || d.phase === "recovery")) continue;
      expect(w.sessions.map((s) => w.days.find((d) => d.date === s.date)?.weekday)).toEqual([
        "tue",
        "thu",
      ]);
    }
  });
});
