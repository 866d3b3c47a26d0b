/**
 * Calendar: 2026-10-05 is a Monday. Each run is judged against the runner's other runs of
 * the 8 weeks up to it (docs/protocol.md, "From history to plan").
 */
import { describe, expect, it } from "vitest";
import { aDatedActivity, day } from "../../../test/builders.js";
import { formatLocalDate } from "../units/local-date.js";
import type { Activity, DatedActivity } from "./activity.js";
import { classifyRuns, hardest, type RunEffort } from "./classify.js";

interface RunOptions {
  readonly hr?: number | null;
  readonly km?: number | null;
  readonly sport?: Activity["sport"];
  readonly movingS?: number | null;
}

function run(date: string, minutes: number, options: RunOptions = {}): DatedActivity {
  const seconds = minutes * 60;
  return aDatedActivity(date, {
    sport: options.sport ?? "run",
    elapsedS: seconds + 60,
    movingS: options.movingS === undefined ? seconds : options.movingS,
    distanceM: options.km === undefined || options.km === null ? null : options.km * 1000,
    avgHr: options.hr ?? null,
  });
}

const plusDays = (date: string, days: number) => formatLocalDate(day(date) + days);

/**
 * Four weeks from Monday 2026-10-05: Tue intervals 50 min at HR 160, Wed and Fri easy 45 and
 * 40 min at HR 140 and 142, Sun long 100 min at HR 145.
 */
function typicalMonth(): DatedActivity[] {
  const runs: DatedActivity[] = [];
  for (let week = 0; week < 4; week++) {
    const monday = plusDays("2026-10-05", week * 7);
    runs.push(run(plusDays(monday, 1), 50, { hr: 160, km: 10 }));
    runs.push(run(plusDays(monday, 2), 45, { hr: 140, km: 7.5 }));
    runs.push(run(plusDays(monday, 4), 40, { hr: 142, km: 6.6 }));
    runs.push(run(plusDays(monday, 6), 100, { hr: 145, km: 16 }));
  }
  return runs;
}

const effortsOf = (runs: readonly DatedActivity[]): (RunEffort | undefined)[] => {
  const efforts = classifyRuns(runs);
  return runs.map((item) => efforts.get(item));
};

describe("classifyRuns", () => {
  it("a typical month: the Sunday runs are long, Tuesday's quality by heart rate, the rest easy", () => {
    // Week 4's Sunday: median of the 15 others is 45 min; 100 ≥ 60 and ≥ 1.3 × 45 = 58.5.
    // Easy heart rate: median of the non-long runs about 142; 160 ≥ 1.06 × 142 = 150.5.
    const runs = typicalMonth();
    const efforts = effortsOf(runs);
    expect(efforts.slice(12)).toEqual(["quality", "easy", "easy", "long"]);
    expect(efforts.slice(4, 8)).toEqual(["quality", "easy", "easy", "long"]);
  });

  it("the first runs of a history are judged against the weeks after them", () => {
    // Run 1 has no run before it: the 8 weeks after it hold 15 others, so it is quality, not easy.
    const efforts = effortsOf(typicalMonth());
    expect(efforts.slice(0, 4)).toEqual(["quality", "easy", "easy", "long"]);
  });

  it("heart rate: 6 % above the easy median is quality, 5.7 % is not", () => {
    // Eight easy runs at HR 140: 148 is 5.7 % above (easy), 149 is 6.4 % above (quality).
    const easy = Array.from({ length: 8 }, (_, i) =>
      run(plusDays("2026-10-05", i), 45, { hr: 140 }),
    );
    const below = run("2026-10-14", 45, { hr: 148 });
    const above = run("2026-10-15", 45, { hr: 149 });
    const efforts = classifyRuns([...easy, below, above]);
    expect(efforts.get(below)).toBe("easy");
    expect(efforts.get(above)).toBe("quality");
  });

  it("as many quality runs as easy ones still leave the easy median on the easy runs", () => {
    // HR 140, 142, 145, 160, 162, 165: the plain median is 152.5 and would hide 160 (< 161.7);
    // without the values at or above 1.06 × 152.5 the easy median is 143.5: 160 ≥ 152.1.
    const hrs = [140, 142, 145, 160, 162, 165];
    const runs = hrs.map((hr, i) => run(plusDays("2026-10-05", i), 45, { hr }));
    const target = run("2026-10-12", 45, { hr: 158 });
    expect(classifyRuns([...runs, target]).get(target)).toBe("quality");
  });

  it("without heart rate, pace decides: 8 % faster than the easy pace is quality", () => {
    // Easy: 60 min for 10 km (6:00/km). 5:30/km is 8.3 % faster; 5:40/km is 5.6 % faster.
    const easy = Array.from({ length: 6 }, (_, i) =>
      run(plusDays("2026-10-05", i), 60, { km: 10 }),
    );
    const tempo = run("2026-10-12", 55, { km: 10 });
    const steady = run("2026-10-13", 56.67, { km: 10 });
    const efforts = classifyRuns([...easy, tempo, steady]);
    expect(efforts.get(tempo)).toBe("quality");
    expect(efforts.get(steady)).toBe("easy");
  });

  it("a run with heart rate is judged by heart rate even when its pace is fast", () => {
    // Downhill or tailwind: 10 % faster, but HR 141 against 140 is easy.
    const easy = Array.from({ length: 6 }, (_, i) =>
      run(plusDays("2026-10-05", i), 60, { km: 10, hr: 140 }),
    );
    const fast = run("2026-10-12", 54, { km: 10, hr: 141 });
    expect(classifyRuns([...easy, fast]).get(fast)).toBe("easy");
  });

  it("long needs an hour: 50 minutes is not long for a runner of 30-minute runs", () => {
    const easy = Array.from({ length: 6 }, (_, i) => run(plusDays("2026-10-05", i), 30));
    const longer = run("2026-10-12", 50);
    const hour = run("2026-10-13", 60);
    const efforts = classifyRuns([...easy, longer, hour]);
    expect(efforts.get(longer)).toBe("easy");
    expect(efforts.get(hour)).toBe("long");
  });

  it("long needs 1.3 times the typical run: 70 minutes is not long for a runner of 60", () => {
    // 70 / 60 = 1.17; 80 / 60 = 1.33.
    const usual = Array.from({ length: 6 }, (_, i) => run(plusDays("2026-10-05", i), 60));
    const seventy = run("2026-10-12", 70);
    const eighty = run("2026-10-13", 80);
    const efforts = classifyRuns([...usual, seventy, eighty]);
    expect(efforts.get(seventy)).toBe("easy");
    expect(efforts.get(eighty)).toBe("long");
  });

  it("with fewer than 4 other runs, 90 minutes is long and anything else easy", () => {
    const runs = [
      run("2026-10-05", 95),
      run("2026-10-07", 89),
      run("2026-10-09", 30, { hr: 175, km: 8 }),
    ];
    expect(effortsOf(runs)).toEqual(["long", "easy", "easy"]);
  });

  it("uses the elapsed time when there is no timer time", () => {
    const usual = Array.from({ length: 6 }, (_, i) => run(plusDays("2026-10-05", i), 40));
    const manual = run("2026-10-12", 100, { movingS: null });
    expect(classifyRuns([...usual, manual]).get(manual)).toBe("long");
  });

  it("runs older than 8 weeks are not the reference", () => {
    // Nine weeks before: six 100-minute runs; the four weeks before: 40-minute runs.
    // Against the recent ones only, 100 minutes is long.
    const old = Array.from({ length: 6 }, (_, i) => run(plusDays("2026-08-03", i), 100));
    const recent = Array.from({ length: 6 }, (_, i) => run(plusDays("2026-09-28", i), 40));
    const target = run("2026-10-05", 100);
    expect(classifyRuns([...old, ...recent, target]).get(target)).toBe("long");
  });

  it("leaves other sports out", () => {
    const ride = run("2026-10-05", 120, { sport: "ride" });
    const lift = run("2026-10-06", 45, { sport: "strength" });
    const efforts = classifyRuns([ride, lift]);
    expect(efforts.has(ride)).toBe(false);
    expect(efforts.size).toBe(0);
  });
});

describe("hardest", () => {
  it("long beats quality beats easy", () => {
    expect(hardest(["easy", "long", "quality"])).toBe("long");
    expect(hardest(["easy", "quality"])).toBe("quality");
    expect(hardest([])).toBeNull();
  });
});
