/**
 * Calendar: "today" is Wednesday 2026-11-25; weeks start on Monday, so the weeks read are the
 * 8 before Monday 2026-11-23: from 2026-09-28 to 2026-11-22.
 */
import { describe, expect, it } from "vitest";
import { aDatedActivity, day } from "../../../test/builders.js";
import { formatLocalDate, WEEKDAYS, type Weekday } from "../units/local-date.js";
import type { DatedActivity } from "./activity.js";
import { proposeRunWeek } from "./propose-week.js";

const TODAY = day("2026-11-25");

/** A run: minutes, average heart rate, km (null when the file lacks it). */
type Run = readonly [minutes: number, hr: number | null, km?: number | null];

function run(dayNumber: number, [minutes, hr, km = null]: Run): DatedActivity {
  return aDatedActivity(formatLocalDate(dayNumber), {
    elapsedS: minutes * 60,
    movingS: minutes * 60,
    distanceM: km === null ? null : km * 1000,
    avgHr: hr,
  });
}

/** One week of runs from the Monday `monday`, by weekday. */
function week(monday: string, runs: Partial<Record<Weekday, Run>>): DatedActivity[] {
  const first = day(monday);
  return WEEKDAYS.flatMap((weekday, index) => {
    const planned = runs[weekday];
    return planned ? [run(first + index, planned)] : [];
  });
}

const mondays = (first: string, count: number) =>
  Array.from({ length: count }, (_, i) => formatLocalDate(day(first) + i * 7));

const INTERVALS: Run = [50, 162];
const EASY: Run = [45, 140];
const LONG: Run = [100, 146];
/** Tue intervals, Thu and Sat easy, Sun long. */
const TYPICAL = { tue: INTERVALS, thu: EASY, sat: EASY, sun: LONG };

describe("proposeRunWeek", () => {
  it("six weeks of a typical pattern give its run week, with a reason for each day", () => {
    const runs = mondays("2026-10-12", 6).flatMap((monday) => week(monday, TYPICAL));
    const { proposal, reason } = proposeRunWeek(runs, TODAY, "mon");
    expect(reason).toBeNull();
    expect(proposal?.runWeek).toEqual({
      mon: "rest",
      tue: "quality",
      wed: "rest",
      thu: "easy",
      fri: "rest",
      sat: "easy",
      sun: "long",
    });
    expect(proposal?.from).toBe("2026-10-12");
    expect(proposal?.to).toBe("2026-11-22");
    expect(proposal?.weeks).toBe(6);
    expect(proposal?.runs).toBe(24);
    const sunday = proposal?.days.find((d) => d.weekday === "sun");
    expect(sunday).toEqual({
      weekday: "sun",
      kind: "long",
      weeksRun: 6,
      long: 6,
      quality: 0,
      reason: "ran 6 of 6 Sundays, the longest run of the week 6 times",
    });
    expect(proposal?.days.find((d) => d.weekday === "tue")?.reason).toBe(
      "ran 6 of 6 Tuesdays, a quality run 6 times",
    );
    expect(proposal?.days.find((d) => d.weekday === "mon")?.reason).toBe(
      "no runs on Mondays in the last 6 weeks",
    );
    expect(proposal?.days.map((d) => d.weekday)).toEqual(WEEKDAYS);
    expect(proposal?.notes).toContain("Based on 6 weeks of runs; 8 weeks give a steadier picture.");
  });

  it("a weekday run in fewer than half the weeks is rest; the long day is where the long run usually falls", () => {
    // 8 weeks; Wednesday run in 3 of 8; one week's long run on Saturday (Sunday easy that week).
    const runs = mondays("2026-09-28", 8).flatMap((monday, i) => {
      if (i === 5) return week(monday, { tue: INTERVALS, thu: EASY, sat: LONG, sun: EASY });
      return week(monday, { ...TYPICAL, ...(i < 3 ? { wed: EASY } : {}) });
    });
    const { proposal } = proposeRunWeek(runs, TODAY, "mon");
    expect(proposal?.runWeek.wed).toBe("rest");
    expect(proposal?.days.find((d) => d.weekday === "wed")?.reason).toBe(
      "ran only 3 of 8 Wednesdays: fewer than half",
    );
    expect(proposal?.runWeek.sun).toBe("long");
    expect(proposal?.runWeek.sat).toBe("easy");
    expect(proposal?.days.find((d) => d.weekday === "sat")?.reason).toBe(
      "ran 8 of 8 Saturdays, mostly easy (the longest run of the week once)",
    );
    expect(proposal?.notes).toEqual([]);
  });

  it("quality needs a quality run in at least half the weeks the day was run", () => {
    // Thursday quality in 3 of 6 weeks → quality; Saturday quality in 2 of 6 → easy.
    // Easy runs stay the majority, as in most runners' weeks (see classify.ts).
    const runs = mondays("2026-10-12", 6).flatMap((monday, i) =>
      week(monday, {
        ...TYPICAL,
        mon: EASY,
        wed: EASY,
        fri: EASY,
        thu: i >= 3 ? INTERVALS : EASY,
        sat: i >= 4 ? INTERVALS : EASY,
      }),
    );
    const { proposal } = proposeRunWeek(runs, TODAY, "mon");
    expect(proposal?.runWeek.thu).toBe("quality");
    expect(proposal?.runWeek.sat).toBe("easy");
    expect(proposal?.days.find((d) => d.weekday === "sat")?.reason).toBe(
      "ran 6 of 6 Saturdays, mostly easy (a quality run twice)",
    );
  });

  it("without heart rate, quality comes from pace", () => {
    // Easy 6:00/km, Tuesday 5:00/km (17 % faster), Sunday long 100 min.
    const runs = mondays("2026-10-12", 5).flatMap((monday) =>
      week(monday, {
        tue: [50, null, 10],
        wed: [48, null, 8],
        thu: [42, null, 7],
        sun: [100, null, 16.5],
      }),
    );
    const { proposal } = proposeRunWeek(runs, TODAY, "mon");
    expect(proposal?.runWeek).toMatchObject({ tue: "quality", wed: "easy", thu: "easy" });
    expect(proposal?.runWeek.sun).toBe("long");
  });

  it("counts at most one long day, and says when two days held it as often", () => {
    const runs = mondays("2026-10-12", 6).flatMap((monday, i) =>
      week(monday, {
        tue: INTERVALS,
        thu: EASY,
        sat: i % 2 ? LONG : EASY,
        sun: i % 2 ? EASY : LONG,
      }),
    );
    const { proposal } = proposeRunWeek(runs, TODAY, "mon");
    expect(Object.values(proposal?.runWeek ?? {}).filter((kind) => kind === "long")).toHaveLength(
      1,
    );
    expect(proposal?.runWeek.sat).toBe("long");
    expect(proposal?.notes[0]).toBe(
      "Your long run fell as often on Sunday as on Saturday: Saturday is proposed; change it if Sunday suits you better.",
    );
  });

  it("too little history: no proposal, and a reason a person understands", () => {
    const runs = mondays("2026-11-09", 2).flatMap((monday) => week(monday, TYPICAL));
    expect(proposeRunWeek(runs, TODAY, "mon")).toEqual({
      proposal: null,
      reason: "Only 2 weeks of runs: import at least 4 weeks to get a proposal.",
    });
    expect(proposeRunWeek([], TODAY, "mon").reason).toBe(
      "No runs in the 8 weeks before this one: import at least 4 weeks of runs to get a proposal.",
    );
  });

  it("a long history with runs in only 3 of the last 8 weeks gives no proposal", () => {
    const older = mondays("2026-08-03", 6).flatMap((monday) => week(monday, TYPICAL));
    const recent = mondays("2026-11-02", 3).flatMap((monday) => week(monday, TYPICAL));
    expect(proposeRunWeek([...older, ...recent], TODAY, "mon").reason).toBe(
      "Runs in only 3 of the last 8 weeks: a proposal needs at least 4 weeks with runs.",
    );
  });

  it("this week's runs wait until the week is over", () => {
    const runs = mondays("2026-10-26", 4).flatMap((monday) => week(monday, TYPICAL));
    const thisWeek = week("2026-11-23", { mon: EASY, tue: EASY });
    const { proposal } = proposeRunWeek([...runs, ...thisWeek], TODAY, "mon");
    expect(proposal?.runWeek.mon).toBe("rest");
    expect(proposal?.runs).toBe(16);
    expect(proposal?.to).toBe("2026-11-22");
  });

  it("weeks follow the athlete's weekStart", () => {
    // Weeks from Sunday: today's week starts Sunday 2026-11-22, so Sunday 11-22's run waits.
    const runs = mondays("2026-10-26", 4).flatMap((monday) => week(monday, TYPICAL));
    const { proposal } = proposeRunWeek(runs, TODAY, "sun");
    expect(proposal?.from).toBe("2026-10-25");
    expect(proposal?.to).toBe("2026-11-21");
    expect(proposal?.days.map((d) => d.weekday)).toEqual([
      "sun",
      "mon",
      "tue",
      "wed",
      "thu",
      "fri",
      "sat",
    ]);
    expect(proposal?.days.find((d) => d.weekday === "sun")?.weeksRun).toBe(3);
    expect(proposal?.runWeek.sun).toBe("long");
  });

  it("runs on different weekdays every week give no proposal", () => {
    const runs = mondays("2026-09-28", 8).flatMap((monday, i) => {
      const weekday = WEEKDAYS[i % 7] as Weekday;
      return week(monday, { [weekday]: EASY });
    });
    expect(proposeRunWeek(runs, TODAY, "mon").reason).toMatch(
      /^Your runs fall on different weekdays from week to week/,
    );
  });
});
