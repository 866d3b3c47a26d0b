/**
 * Scenario tests for docs/protocol.md section 9, "from history to plan": imported runs and
 * strength work inside the planned weeks. Calendar: 2026-11-30 is a Monday; weeks start on
 * Monday. Placement points as in plan.scenarios.test.ts: quality day 8 · next day rest or
 * easy 4 · rest day 2 · preferred day 1.
 *
 * Each scenario imports six weeks of the athlete's usual runs before the plan (easy 45 min at
 * HR 140, quality 50 min at HR 160, long 100 min at HR 145), so that the runs of the plan's
 * week are classified against them.
 */
import { describe, expect, it } from "vitest";
import {
  aDatedActivity,
  aLog,
  aProfile,
  aSet,
  aWorkout,
  day,
  kg,
  runWeek,
} from "../../../test/builders.js";
import type { Profile, RunKind } from "../profile/profile.js";
import type { Activity, DatedActivity } from "../running/activity.js";
import { formatLocalDate, WEEKDAYS } from "../units/local-date.js";
import { type PlanRequest, planWeeks, preparePlan, walkWeeks } from "./plan.js";
import { checkMove } from "./plan-checks.js";
import type { Plan, PlannedDay, PlannedWeek } from "./plan-types.js";

const MONDAY = "2026-11-30";

const activity = (date: string, overrides: Partial<Activity>): DatedActivity =>
  aDatedActivity(date, overrides, `id-${date}-${overrides.sport ?? "run"}`);

const RUNS: Record<Exclude<RunKind, "rest">, Partial<Activity>> = {
  easy: { movingS: 45 * 60, elapsedS: 46 * 60, distanceM: 7500, avgHr: 140 },
  quality: { movingS: 50 * 60, elapsedS: 52 * 60, distanceM: 10_000, avgHr: 160 },
  long: { movingS: 100 * 60, elapsedS: 102 * 60, distanceM: 16_000, avgHr: 145 },
};

const ranOn = (date: string, kind: Exclude<RunKind, "rest">) => activity(date, RUNS[kind]);
const lifted = (date: string) => activity(date, { sport: "strength", movingS: 2400 });

/** Six weeks of the profile's run week before the plan's first week. */
function history(profile: Profile): DatedActivity[] {
  const items: DatedActivity[] = [];
  for (let offset = -42; offset < 0; offset++) {
    const date = formatLocalDate(day(MONDAY) + offset);
    const kind = profile.runWeek[WEEKDAYS[(offset + 42) % 7] as (typeof WEEKDAYS)[number]];
    if (kind !== "rest") items.push(ranOn(date, kind));
  }
  return items;
}

function request(profile: Profile, activities: DatedActivity[], log = aLog()): PlanRequest {
  return { profile, log, from: day(MONDAY), weeks: 1, activities };
}

const week = (plan: Plan): PlannedWeek => {
  const first = plan.weeks[0];
  if (!first) throw new Error("no week");
  return first;
};
const dates = (plan: Plan) => week(plan).sessions.map((s) => s.date);
/** Why each day of the first week is closed to strength (rule 2, the season), by date. */
const closures = (req: PlanRequest): Record<string, string | null> => {
  const [first] = walkWeeks(preparePlan(req));
  if (!first) throw new Error("no week");
  return Object.fromEntries(
    first.days.map((d) => [formatLocalDate(d.day), d.closed?.reason ?? null]),
  );
};
const dayOf = (plan: Plan, date: string): PlannedDay => {
  const found = week(plan).days.find((d) => d.date === date);
  if (!found) throw new Error(`no day ${date}`);
  return found;
};

/** Ana's usual week: Tue and Thu intervals, Sat long run. */
const ANA = aProfile({ runWeek: runWeek("rest quality easy quality rest long easy") });
/** Tue intervals, easy Wed, Thu and Sat, Sun long. */
const SUNDAY_LONG = aProfile({ runWeek: runWeek("rest quality easy easy rest easy long") });

describe("imported runs: the rules read what really happened", () => {
  it("a long run done Saturday instead of Sunday closes Friday, not Saturday", () => {
    // As planned (plan.scenarios): Tue (8 + 4) + Fri (rest 2 + Sat easy 4) = 18.
    const planned = planWeeks(request(SUNDAY_LONG, history(SUNDAY_LONG)));
    expect(dates(planned)).toEqual(["2026-12-01", "2026-12-04"]);

    // This week: the long run on Saturday, an easy run on Sunday.
    // Fri → Sat long: rule 2. Tue (8 + Wed easy 4) = 12. Wed, Thu: next day easy or rest, 4.
    // Sat long + Sun easy = 4; Sun easy + Mon rest = 4. Tue + Sun: 12 + 4, the widest (5 days).
    const real = [
      ranOn("2026-12-01", "quality"),
      ranOn("2026-12-02", "easy"),
      ranOn("2026-12-03", "easy"),
      ranOn("2026-12-05", "long"),
      ranOn("2026-12-06", "easy"),
    ];
    const result = planWeeks(request(SUNDAY_LONG, [...history(SUNDAY_LONG), ...real]));
    expect(dates(result)).toEqual(["2026-12-01", "2026-12-06"]);
    expect(dayOf(result, "2026-12-04").session).toBe(false);
    expect(dayOf(result, "2026-12-05")).toMatchObject({ run: "long", plannedRun: "easy" });
    expect(dayOf(result, "2026-12-06")).toMatchObject({ run: "easy", plannedRun: "long" });
    const moved = checkMove(request(SUNDAY_LONG, [...history(SUNDAY_LONG), ...real]), {
      from: "2026-12-06",
      to: "2026-12-04",
    });
    expect(moved).toMatchObject({ kind: "rule", rule: "not-before-long-or-race" });
    expect(moved?.kind === "rule" && moved.message).toContain("the day before your long run");
  });

  it("a long run done Saturday instead of Sunday, nothing on Sunday: Sunday is no longer long", () => {
    // The long run of the week is done: the planned Sunday without a run of its own is read
    // as easy. Fri → Sat long: rule 2; Saturday is no longer the day before a long run.
    // Same points as the case above with an easy Sunday: Tue + Sun, the widest.
    const real = [
      ranOn("2026-12-01", "quality"),
      ranOn("2026-12-02", "easy"),
      ranOn("2026-12-03", "easy"),
      ranOn("2026-12-05", "long"),
    ];
    const req = request(SUNDAY_LONG, [...history(SUNDAY_LONG), ...real]);
    expect(closures(req)).toEqual({
      "2026-11-30": null,
      "2026-12-01": null,
      "2026-12-02": null,
      "2026-12-03": null,
      "2026-12-04": "the day before your long run",
      "2026-12-05": null,
      "2026-12-06": null,
    });
    const result = planWeeks(req);
    expect(dayOf(result, "2026-12-05")).toMatchObject({ run: "long", plannedRun: "easy" });
    expect(dayOf(result, "2026-12-06")).toMatchObject({
      run: "easy",
      plannedRun: "long",
      activities: [],
    });
    expect(dates(result)).toEqual(["2026-12-01", "2026-12-06"]);
    expect(checkMove(req, { from: "2026-12-06", to: "2026-12-05" })).toBeNull();
    expect(checkMove(req, { from: "2026-12-06", to: "2026-12-04" })).toMatchObject({
      kind: "rule",
      rule: "not-before-long-or-race",
    });
  });

  it("a week without its long run yet keeps the planned long day (no record is not rest)", () => {
    // Only the Tuesday and Wednesday runs are in: Sunday stays long, Saturday stays closed.
    const real = [ranOn("2026-12-01", "quality"), ranOn("2026-12-02", "easy")];
    const req = request(SUNDAY_LONG, [...history(SUNDAY_LONG), ...real]);
    expect(closures(req)["2026-12-05"]).toBe("the day before your long run");
    expect(closures(req)["2026-12-04"]).toBeNull();
    expect(dayOf(planWeeks(req), "2026-12-06")).toMatchObject({ run: "long", plannedRun: "long" });
    expect(dates(planWeeks(req))).toEqual(dates(planWeeks(request(SUNDAY_LONG, []))));
  });

  it("only the week that holds the early long run changes; the next week is as planned", () => {
    const real = [ranOn("2026-12-05", "long")];
    const req = { ...request(SUNDAY_LONG, [...history(SUNDAY_LONG), ...real]), weeks: 2 };
    const without = planWeeks({ ...request(SUNDAY_LONG, []), weeks: 2 });
    const result = planWeeks(req);
    expect(dayOf(result, "2026-12-06")).toMatchObject({ run: "easy", plannedRun: "long" });
    const next = result.weeks[1];
    expect(next?.days.find((d) => d.date === "2026-12-13")).toMatchObject({
      run: "long",
      plannedRun: "long",
    });
    // The next week's runs are as planned; its sessions follow from this week's (48 hours and
    // two-in-seven across the edge), so they are not compared.
    expect(next?.days.map((d) => d.run)).toEqual(without.weeks[1]?.days.map((d) => d.run));
    expect(next?.sessions).toHaveLength(2);
    const second = [...walkWeeks(preparePlan(req))][1];
    expect(second?.days.find((d) => formatLocalDate(d.day) === "2026-12-12")?.closed?.reason).toBe(
      "the day before your long run",
    );
  });

  it("weeks follow weekStart: a long run on the Saturday before a Sunday week does not count", () => {
    // Weeks start on Sunday: Sat 5 Dec is in the week of 29 Nov, Sun 6 Dec opens the next one.
    const profile = aProfile({ ...SUNDAY_LONG, weekStart: "sun" });
    const real = [ranOn("2026-12-05", "long")];
    const result = planWeeks({
      ...request(profile, [...history(profile), ...real]),
      from: day("2026-12-06"),
    });
    expect(dayOf(result, "2026-12-06")).toMatchObject({ run: "long", plannedRun: "long" });
  });

  it("a quality run done Wednesday instead of Tuesday, nothing on Tuesday: Tuesday is easy", () => {
    // One quality day planned (Tue), one done (Wed): Tuesday without a run reads as easy, and
    // it is now the day before a quality run (rule 4), Monday no longer.
    const real = [ranOn("2026-12-02", "quality")];
    const result = planWeeks(request(SUNDAY_LONG, [...history(SUNDAY_LONG), ...real]));
    expect(dayOf(result, "2026-12-01")).toMatchObject({
      run: "easy",
      plannedRun: "quality",
      activities: [],
    });
    expect(dayOf(result, "2026-12-02")).toMatchObject({ run: "quality", plannedRun: "easy" });
    expect(dates(result)).not.toContain("2026-12-01");
    expect(week(result).relaxed).toEqual([]);
  });

  it("a quality run done on a planned easy day makes the day before it the day before quality", () => {
    // Ana's week as planned: Tue + Thu. This week the Wednesday run was intervals:
    // Tue → Wed quality: rule 4 now forbids Tue.
    const real = [ranOn("2026-12-01", "easy"), ranOn("2026-12-02", "quality")];
    const result = planWeeks(request(ANA, [...history(ANA), ...real]));
    expect(dayOf(result, "2026-12-02")).toMatchObject({ run: "quality", plannedRun: "easy" });
    expect(dayOf(result, "2026-12-01")).toMatchObject({ run: "easy", plannedRun: "quality" });
    // One quality run of the two planned: Thursday, without a run yet, stays quality.
    expect(dayOf(result, "2026-12-03")).toMatchObject({ run: "quality", plannedRun: "quality" });
    expect(dates(result)).not.toContain("2026-12-01");
    expect(week(result).relaxed).toEqual([]);
  });

  it("shows each day's imported activities with their effort, and the week's running", () => {
    const real = [
      ranOn("2026-12-01", "quality"),
      lifted("2026-12-01"),
      ranOn("2026-12-05", "long"),
    ];
    const result = planWeeks(request(ANA, [...history(ANA), ...real]));
    expect(dayOf(result, "2026-12-01").activities).toEqual([
      {
        id: "id-2026-12-01-run",
        sport: "run",
        start: "2026-12-01T07:00:00.000Z",
        movingS: 3000,
        elapsedS: 3120,
        distanceM: 10_000,
        avgHr: 160,
        effort: "quality",
      },
      {
        id: "id-2026-12-01-strength",
        sport: "strength",
        start: "2026-12-01T07:00:00.000Z",
        movingS: 2400,
        elapsedS: null,
        distanceM: null,
        avgHr: null,
        effort: null,
      },
    ]);
    expect(dayOf(result, "2026-12-02").activities).toEqual([]);
    expect(week(result).running).toEqual({ runs: 2, distanceM: 26_000, movingS: 9000 });
  });

  it("a race day stays the race, whatever the import says", () => {
    const racing = aProfile({ ...ANA, race: { date: "2026-12-05", distance: "10k" } });
    const result = planWeeks(request(racing, [...history(ANA), ranOn("2026-12-05", "easy")]));
    expect(dayOf(result, "2026-12-05")).toMatchObject({ run: "race", plannedRun: "race" });
  });
});

describe("imported strength counts toward the week's two", () => {
  it("a Weight Training on Tuesday leaves one planned session, with a note", () => {
    // Ana's week: Tue counts; Thu (8 + 4) is 48 h later: one new session, Thursday.
    const result = planWeeks(request(ANA, [...history(ANA), lifted("2026-12-01")]));
    expect(dates(result)).toEqual(["2026-12-03"]);
    expect(dayOf(result, "2026-12-01")).toMatchObject({ importedStrength: true, session: false });
    expect(week(result).notes).toContain(
      "Your strength session of Tuesday (imported from your watch) counts toward this week's two.",
    );
    expect(week(result).notes.join(" ")).not.toMatch(/One strength session this week/);
  });

  it("the 48-hour rule sees it: a Wednesday import keeps Tuesday and Thursday free", () => {
    // Mon → Tue quality: rule 4. Tue and Thu: 24 h from Wed. Fri → Sat long: rule 2.
    // Sat long + Sun easy = 4; Sun easy + Mon rest = 4: Sun, 4 days from Wed, the widest.
    const result = planWeeks(request(ANA, [...history(ANA), lifted("2026-12-02")]));
    expect(dates(result)).toEqual(["2026-12-06"]);
    expect(week(result).relaxed).toEqual([]);
  });

  it("across the week boundary: a Sunday import rules out Monday", () => {
    // Mon quality (8) + Tue easy (4) = 12, Wed quality (8) + Thu easy (4) = 12: Mon + Wed.
    // Lifted on Sun 29 Nov: Monday is 24 h later; Wed + Sat would make three sessions in seven
    // days (two-in-seven), so Wed + Sun, relaxing rule 4 (Mon is a quality day).
    const profile = aProfile({ runWeek: runWeek("quality easy quality easy rest long easy") });
    expect(dates(planWeeks(request(profile, history(profile))))).toEqual([
      "2026-11-30",
      "2026-12-02",
    ]);
    const result = planWeeks(request(profile, [...history(profile), lifted("2026-11-29")]));
    expect(dates(result)).toEqual(["2026-12-02", "2026-12-06"]);
  });

  it("two imports make the week's two: no new session and no 'no session' note", () => {
    const result = planWeeks(
      request(ANA, [...history(ANA), lifted("2026-12-01"), lifted("2026-12-03")]),
    );
    expect(week(result).sessions).toEqual([]);
    expect(week(result).notes).toContain(
      "Your strength sessions of Tuesday and Thursday (imported from your watch) count toward this week's two.",
    );
    expect(week(result).notes.join(" ")).not.toMatch(/No strength session this week/);
  });

  it("a logged workout on the same day is the session; the import adds nothing", () => {
    const log = aLog([aWorkout("2026-12-01", aSet("quarter-squat", kg(20), 9, 1))]);
    const result = planWeeks(request(ANA, [...history(ANA), lifted("2026-12-01")], log));
    expect(dates(result)).toEqual(["2026-12-01", "2026-12-03"]);
    expect(week(result).sessions[0]?.done).toBe(true);
    expect(dayOf(result, "2026-12-01").importedStrength).toBe(false);
    expect(week(result).notes.join(" ")).not.toMatch(/imported/);
  });
});

describe("without activities", () => {
  it("the plan is the plan of docs/plan-format.md, with the new fields empty", () => {
    const without = planWeeks({ profile: ANA, log: aLog(), from: day(MONDAY), weeks: 3 });
    expect(planWeeks({ ...request(ANA, []), weeks: 3 })).toEqual(without);
    for (const w of without.weeks) {
      expect(w.running).toEqual({ runs: 0, distanceM: 0, movingS: 0 });
      for (const d of w.days) {
        expect(d.plannedRun).toBe(d.run);
        expect(d.activities).toEqual([]);
        expect(d.importedStrength).toBe(false);
      }
    }
  });

  it("imports outside the plan's weeks change nothing in them", () => {
    const without = planWeeks(request(ANA, []));
    const withHistory = planWeeks(request(ANA, history(ANA)));
    expect(withHistory).toEqual(without);
  });
});
