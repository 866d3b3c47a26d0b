/**
 * Soreness and the next day (protocol section 7): which check-in counts, what it points to,
 * and which exercises are cut. Sessions are in Nov-Dec 2026 (2026-11-30 is a Monday).
 */
import { describe, expect, it } from "vitest";
import { aCheckin, aLog, aSet, aWorkout, day, kg, lb } from "../../../test/builders.js";
import { buildHistory, type DatedWorkout, type History } from "../log/history.js";
import type { Checkin } from "../log/training-log.js";
import { causesIn, checkinFor, pointsToTooMuch, reviewSoreness } from "./soreness.js";

function sessionOn(history: History, date: string): DatedWorkout {
  const found = history.workouts.find((s) => s.day === day(date));
  if (!found) throw new Error(`no session on ${date}`);
  return found;
}

/** A squat, a Romanian deadlift and a row, all in the dose, on Mon 23 Nov. */
const BEFORE = aWorkout(
  "2026-11-23",
  aSet("quarter-squat", kg(24), 9, 1),
  aSet("romanian-deadlift", kg(20), 9, 1),
  aSet("one-arm-dumbbell-row", kg(12), 9, 1),
);

const causesOf = (sets: ReturnType<typeof aSet>[], earlier = [BEFORE]) => {
  const history = buildHistory(aLog([...earlier, aWorkout("2026-11-26", ...sets)]));
  return causesIn(sessionOn(history, "2026-11-26"), history).map((f) => [
    f.kind,
    f.exercise,
    f.date,
  ]);
};

describe("checkinFor: the latest check-in within two days after the session", () => {
  const history = (checkins: Checkin[]) =>
    buildHistory(aLog([aWorkout("2026-12-01", aSet("quarter-squat", kg(20), 9, 1))], checkins));
  const found = (checkins: Checkin[]) => {
    const h = history(checkins);
    return checkinFor(sessionOn(h, "2026-12-01"), h.checkins)?.date ?? null;
  };

  it("the same day does not count (it is not after the session)", () => {
    expect(found([aCheckin("2026-12-01", 8)])).toBeNull();
  });

  it("one and two days after count", () => {
    expect(found([aCheckin("2026-12-02", 8)])).toBe("2026-12-02");
    expect(found([aCheckin("2026-12-03", 8)])).toBe("2026-12-03");
  });

  it("three days after does not count", () => {
    expect(found([aCheckin("2026-12-04", 8)])).toBeNull();
  });

  it("the latest one wins, whatever order the log lists them in", () => {
    expect(found([aCheckin("2026-12-03", 2), aCheckin("2026-12-02", 8)])).toBe("2026-12-03");
    // Wed 2 said 8, Thu 3 said 2: Thu counts, so nothing was too much.
    const h = history([aCheckin("2026-12-02", 8), aCheckin("2026-12-03", 2)]);
    const review = reviewSoreness(h);
    expect(review.feedback).toEqual([]);
    expect([...review.cuts.keys()]).toEqual([]);
    expect(review.delayAfter).toBeNull();
  });

  it("Wed 2 said 2, Thu 3 said 6: Thu counts", () => {
    const review = reviewSoreness(history([aCheckin("2026-12-02", 2), aCheckin("2026-12-03", 6)]));
    expect(review.feedback.map((f) => f.kind)).toEqual(["new-exercise"]);
  });
});

describe("pointsToTooMuch: soreness 4 or more, or the run hurt", () => {
  it.each([
    [0, false, false],
    [3, false, false],
    [4, false, true],
    [10, false, true],
    [0, true, true],
    [3, true, true],
  ] as const)("soreness %i, hurt run %s → %s", (soreness, hurtRun, expected) => {
    expect(
      pointsToTooMuch({ ...aCheckin("2026-12-02", soreness, hurtRun), day: day("2026-12-02") }),
    ).toBe(expected);
  });
});

describe("causesIn: one entry per cause and exercise, dated with the session", () => {
  it("too many sets: two sets of the squat", () => {
    expect(
      causesOf([aSet("quarter-squat", kg(24), 9, 1), aSet("quarter-squat", kg(24), 8, 2)]),
    ).toEqual([["too-many-sets", "quarter-squat", "2026-11-26"]]);
  });

  it("warm-up sets (an imported Strong or Hevy workout) are neither a set too many nor too many reps; a drop set is", () => {
    const warmup = { ...aSet("quarter-squat", kg(10), 15, 5), kind: "warmup" as const };
    expect(causesOf([warmup, warmup, aSet("quarter-squat", kg(24), 9, 1)])).toEqual([]);
    const drop = { ...aSet("quarter-squat", kg(16), 8, 0), kind: "drop" as const };
    expect(causesOf([warmup, aSet("quarter-squat", kg(24), 9, 1), drop])).toEqual([
      ["too-many-sets", "quarter-squat", "2026-11-26"],
      ["to-failure", "quarter-squat", "2026-11-26"],
    ]);
  });

  it("too many reps: 11 reps (10 is the most of the dose)", () => {
    expect(causesOf([aSet("romanian-deadlift", kg(20), 11, 1)])).toEqual([
      ["too-many-reps", "romanian-deadlift", "2026-11-26"],
    ]);
    expect(causesOf([aSet("romanian-deadlift", kg(20), 10, 1)])).toEqual([]);
  });

  it("to failure: 0 reps in reserve", () => {
    expect(causesOf([aSet("quarter-squat", kg(24), 8, 0)])).toEqual([
      ["to-failure", "quarter-squat", "2026-11-26"],
    ]);
  });

  it("new exercise: never logged before", () => {
    expect(causesOf([aSet("glute-bridge", kg(16), 9, 1)])).toEqual([
      ["new-exercise", "glute-bridge", "2026-11-26"],
    ]);
  });

  it("load jump above 10 % from the time before", () => {
    // 12 → 14 kg: 14 / 12 = 1.167, +17 %.
    const history = buildHistory(
      aLog([BEFORE, aWorkout("2026-11-26", aSet("one-arm-dumbbell-row", kg(14), 9, 1))]),
    );
    const [entry, ...rest] = causesIn(sessionOn(history, "2026-11-26"), history);
    expect(rest).toEqual([]);
    expect(entry).toEqual({
      kind: "load-jump",
      exercise: "one-arm-dumbbell-row",
      date: "2026-11-26",
      message:
        "One-arm dumbbell row: 17 % heavier than the time before. Add load in small steps (10 % at most).",
    });
  });

  it("exactly +10 % is no jump; +12.5 % is", () => {
    // 20 → 22 kg: +10 %, allowed. 20 → 22.5 kg: +12.5 %.
    const before = [aWorkout("2026-11-23", aSet("romanian-deadlift", kg(20), 9, 1))];
    expect(causesOf([aSet("romanian-deadlift", kg(22), 9, 1)], before)).toEqual([]);
    expect(causesOf([aSet("romanian-deadlift", kg(22.5), 9, 1)], before)).toEqual([
      ["load-jump", "romanian-deadlift", "2026-11-26"],
    ]);
  });

  it("the time before is the latest earlier day, not the heaviest", () => {
    // 24 kg on 19 Nov, 20 kg on 23 Nov, 22.5 kg on 26 Nov: +12.5 % over 20.
    const before = [
      aWorkout("2026-11-19", aSet("romanian-deadlift", kg(24), 9, 1)),
      aWorkout("2026-11-23", aSet("romanian-deadlift", kg(20), 9, 1)),
    ];
    expect(causesOf([aSet("romanian-deadlift", kg(22.5), 9, 1)], before)).toEqual([
      ["load-jump", "romanian-deadlift", "2026-11-26"],
    ]);
  });

  it("a jump is measured across units: 20 kg then 50 lb (22.68 kg, +13 %)", () => {
    const before = [aWorkout("2026-11-23", aSet("romanian-deadlift", kg(20), 9, 1))];
    expect(causesOf([aSet("romanian-deadlift", lb(50), 9, 1)], before)).toEqual([
      ["load-jump", "romanian-deadlift", "2026-11-26"],
    ]);
  });

  it("bodyweight sets have no load to jump", () => {
    const before = [aWorkout("2026-11-23", aSet("split-squat", null, 9, 1))];
    expect(causesOf([aSet("split-squat", null, 9, 1)], before)).toEqual([]);
  });

  it("one exercise with four causes gives four entries, each once", () => {
    // Three sets, the most 12 reps, two of them to failure, and the first time.
    expect(
      causesOf([
        aSet("glute-bridge", kg(16), 12, 0),
        aSet("glute-bridge", kg(16), 9, 0),
        aSet("glute-bridge", kg(16), 8, 1),
      ]),
    ).toEqual([
      ["too-many-sets", "glute-bridge", "2026-11-26"],
      ["too-many-reps", "glute-bridge", "2026-11-26"],
      ["to-failure", "glute-bridge", "2026-11-26"],
      ["new-exercise", "glute-bridge", "2026-11-26"],
    ]);
  });

  it("every cause in one session, in the session's exercise order", () => {
    expect(
      causesOf([
        aSet("quarter-squat", kg(24), 9, 1),
        aSet("quarter-squat", kg(24), 8, 1),
        aSet("romanian-deadlift", kg(20), 12, 1),
        aSet("single-leg-calf-raise", kg(10), 9, 0),
        aSet("one-arm-dumbbell-row", kg(14), 9, 1),
      ]),
    ).toEqual([
      ["too-many-sets", "quarter-squat", "2026-11-26"],
      ["too-many-reps", "romanian-deadlift", "2026-11-26"],
      ["to-failure", "single-leg-calf-raise", "2026-11-26"],
      ["new-exercise", "single-leg-calf-raise", "2026-11-26"],
      ["load-jump", "one-arm-dumbbell-row", "2026-11-26"],
    ]);
  });

  it("a session in the dose has no cause", () => {
    expect(
      causesOf([aSet("quarter-squat", kg(24), 9, 1), aSet("romanian-deadlift", kg(20), 10, 2)]),
    ).toEqual([]);
  });
});

describe("reviewSoreness: feedback, cuts and the day-later rule", () => {
  const inDose = aWorkout(
    "2026-11-26",
    aSet("quarter-squat", kg(24), 9, 1),
    aSet("romanian-deadlift", kg(20), 9, 1),
    aSet("one-arm-dumbbell-row", kg(12), 9, 1),
    aSet("push-up", null, 9, 1),
  );
  const before = aWorkout("2026-11-23", ...inDose.sets);

  it("soreness 3 and the run was fine: nothing", () => {
    const review = reviewSoreness(
      buildHistory(aLog([before, inDose], [aCheckin("2026-11-27", 3, false)])),
    );
    expect(review.feedback).toEqual([]);
    expect(review.cuts.size).toBe(0);
    expect(review.delayAfter).toBeNull();
  });

  it("no cause found: the cuts are every lower-body exercise of the session", () => {
    const review = reviewSoreness(
      buildHistory(aLog([before, inDose], [aCheckin("2026-11-27", 5)])),
    );
    expect(review.feedback).toEqual([]);
    // The row (upper pull) and push-up (upper push, core) are not lower body.
    expect([...review.cuts.entries()].map(([id, cut]) => [id, cut.day, cut.load])).toEqual([
      ["quarter-squat", day("2026-11-26"), kg(24)],
      ["romanian-deadlift", day("2026-11-26"), kg(20)],
    ]);
    expect(review.cuts.get("quarter-squat")?.reason).toBe(
      "After 2026-11-26 (soreness 5/10) with no cause in the log: one set, 10 % lighter for the lower body.",
    );
    expect(review.delayAfter).toBeNull();
  });

  it("causes found: only the exercises they name are cut, upper body included", () => {
    const sore = aWorkout(
      "2026-11-26",
      aSet("quarter-squat", kg(24), 9, 1),
      aSet("one-arm-dumbbell-row", kg(12), 9, 0),
    );
    const review = reviewSoreness(buildHistory(aLog([before, sore], [aCheckin("2026-11-27", 4)])));
    expect(review.feedback.map((f) => [f.kind, f.exercise])).toEqual([
      ["to-failure", "one-arm-dumbbell-row"],
    ]);
    expect([...review.cuts.keys()]).toEqual(["one-arm-dumbbell-row"]);
  });

  it("the run hurt: the reason says so", () => {
    const review = reviewSoreness(
      buildHistory(aLog([before, inDose], [aCheckin("2026-11-27", 2, true)])),
    );
    expect(review.cuts.get("quarter-squat")?.reason).toContain("your run was affected");
  });

  it("an exercise done again after the sore session is not cut (the newer log tells more)", () => {
    // Sore after Mon 23 Nov; the squat was done again on Thu 26 Nov, the deadlift was not.
    const again = aWorkout("2026-11-26", aSet("quarter-squat", kg(24), 9, 1));
    const sore = reviewSoreness(
      buildHistory(
        aLog(
          [
            aWorkout(
              "2026-11-23",
              aSet("quarter-squat", kg(24), 9, 1),
              aSet("romanian-deadlift", kg(20), 9, 1),
            ),
            again,
          ],
          [aCheckin("2026-11-24", 6)],
        ),
      ),
    );
    // The first time for both: two new-exercise entries dated 23 Nov.
    expect(sore.feedback.map((f) => [f.kind, f.exercise, f.date])).toEqual([
      ["new-exercise", "quarter-squat", "2026-11-23"],
      ["new-exercise", "romanian-deadlift", "2026-11-23"],
    ]);
    expect([...sore.cuts.keys()]).toEqual(["romanian-deadlift"]);
  });

  it("soreness 7 after the last session: the next session moves (delayAfter)", () => {
    const review = reviewSoreness(
      buildHistory(aLog([before, inDose], [aCheckin("2026-11-27", 7)])),
    );
    expect(review.delayAfter).toBe(day("2026-11-26"));
  });

  it("soreness 6 moves nothing", () => {
    const review = reviewSoreness(
      buildHistory(aLog([before, inDose], [aCheckin("2026-11-27", 6)])),
    );
    expect(review.delayAfter).toBeNull();
  });

  it("soreness 9 after an older session moves nothing: a newer session came since", () => {
    const review = reviewSoreness(
      buildHistory(aLog([before, inDose], [aCheckin("2026-11-24", 9)])),
    );
    expect(review.delayAfter).toBeNull();
    // It is still reported: the squat, deadlift, row and push-up were new on 23 Nov.
    expect(review.feedback.map((f) => f.date)).toEqual([
      "2026-11-23",
      "2026-11-23",
      "2026-11-23",
      "2026-11-23",
    ]);
  });
});
