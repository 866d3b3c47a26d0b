import { describe, expect, it } from "vitest";
import { formatInvalid } from "../validation.js";
import { validateTrainingLog, validateWorkout } from "./training-log.js";

/** The first log format, verbatim (`sessions`, now an alias of `workouts`): the contract. */
const LOG = {
  sessions: [
    {
      date: "2026-11-24",
      sets: [{ exercise: "quarter-squat", load: { value: 40, unit: "kg" }, reps: 10, rir: 3 }],
    },
  ],
  checkins: [{ date: "2026-11-25", soreness: 6, hurtRun: true }],
};

const SET = LOG.sessions[0]?.sets[0] ?? {};
const withSet = (changes: Record<string, unknown>) => ({
  sessions: [{ date: "2026-11-24", sets: [{ ...SET, ...changes }] }],
});

function problem(input: unknown): { field: string; line: string } {
  const result = validateTrainingLog(input);
  if (result.ok) throw new Error("expected the log to be refused");
  return { field: result.error.field, line: formatInvalid(result.error) };
}

describe("validateTrainingLog accepts the contract", () => {
  it("the first format's example log", () => {
    expect(validateTrainingLog(structuredClone(LOG)).ok).toBe(true);
  });

  it("workouts under `workouts` and under their older name `sessions` give the same log", () => {
    const { sessions, checkins } = structuredClone(LOG);
    const byNewName = validateTrainingLog({ workouts: sessions, checkins });
    const byOldName = validateTrainingLog(structuredClone(LOG));
    expect(byNewName).toEqual({ ok: true, value: { workouts: sessions, checkins } });
    expect(byOldName).toEqual(byNewName);
  });

  it("an empty log, and load null for bodyweight", () => {
    expect(validateTrainingLog({}).ok).toBe(true);
    expect(validateTrainingLog({ sessions: [], checkins: [] }).ok).toBe(true);
    expect(validateTrainingLog(withSet({ exercise: "quarter-squat", load: null })).ok).toBe(true);
  });

  it("the edges: RIR 0 and 5, soreness 0 and 10, load 0, one rep", () => {
    expect(validateTrainingLog(withSet({ rir: 0 })).ok).toBe(true);
    expect(validateTrainingLog(withSet({ rir: 5 })).ok).toBe(true);
    expect(validateTrainingLog(withSet({ reps: 1, load: { value: 0, unit: "lb" } })).ok).toBe(true);
    for (const soreness of [0, 10]) {
      const log = { checkins: [{ date: "2026-11-25", soreness, hurtRun: false }] };
      expect(validateTrainingLog(log).ok).toBe(true);
    }
  });
});

describe("validateTrainingLog names the field and what is accepted", () => {
  it("a set may record the band it was done with (added to the contract)", () => {
    expect(validateTrainingLog(withSet({ band: "extra-heavy" })).ok).toBe(true);
    const bad = validateTrainingLog(withSet({ band: "purple" }));
    expect(bad.ok).toBe(false);
    if (!bad.ok) {
      expect(bad.error.field).toBe("sessions[0].sets[0].band");
      expect(formatInvalid(bad.error)).toContain("light");
    }
  });

  it("an unknown exercise id", () => {
    const { field, line } = problem(withSet({ exercise: "moonwalk" }));
    expect(field).toBe("sessions[0].sets[0].exercise");
    expect(line).toContain('"moonwalk"');
    expect(line).toContain("capacity exercises");
  });

  it("names the right set and session", () => {
    const log = {
      sessions: [
        { date: "2026-11-20", sets: [SET] },
        { date: "2026-11-24", sets: [SET, { ...SET, exercise: "moonwalk" }] },
      ],
    };
    expect(problem(log).field).toBe("sessions[1].sets[1].exercise");
  });

  it("RIR 6: 0 to 5, where 5 means 5 or more", () => {
    const { field, line } = problem(withSet({ rir: 6 }));
    expect(field).toBe("sessions[0].sets[0].rir");
    expect(line).toMatch(/0 to 5/);
  });

  it("soreness 11: 0 to 10", () => {
    const { field, line } = problem({
      checkins: [{ date: "2026-11-25", soreness: 11, hurtRun: false }],
    });
    expect(field).toBe("checkins[0].soreness");
    expect(line).toMatch(/0 to 10/);
  });

  it("reps 0: at least 1", () => {
    const { field, line } = problem(withSet({ reps: 0 }));
    expect(field).toBe("sessions[0].sets[0].reps");
    expect(line).toMatch(/1 to 100/);
  });

  it("a negative load names the load and the accepted range of its value", () => {
    const { field, line } = problem(withSet({ load: { value: -5, unit: "kg" } }));
    expect(field).toMatch(/^sessions\[0\]\.sets\[0\]\.load/);
    // The set has the right shape ({ value, unit }); what is wrong is the value, from 0 to 1000.
    expect(line).toMatch(/0 to 1000/);
  });

  it("impossible dates in sessions and check-ins", () => {
    const session = problem({ sessions: [{ date: "2026-02-30", sets: [SET] }] });
    expect(session.field).toBe("sessions[0].date");
    expect(session.line).toContain("YYYY-MM-DD");
    const checkin = problem({ checkins: [{ date: "2026-13-01", soreness: 1, hurtRun: false }] });
    expect(checkin.field).toBe("checkins[0].date");
  });

  it("unknown fields, at the top and in a set", () => {
    expect(problem({ sessions: [], notes: "x" }).line).toMatch(/^notes: is not a known field/);
    const inSet = problem(withSet({ weight: 3 }));
    expect(inSet.field).toBe("sessions[0].sets[0].weight");
    expect(inSet.line).toMatch(/exercise, load, reps, rir/);
  });

  it("names fields under the key the file used", () => {
    const { field } = problem({ workouts: withSet({ rir: 6 }).sessions });
    expect(field).toBe("workouts[0].sets[0].rir");
    const date = problem({ workouts: [{ date: "2026-02-30", sets: [SET] }] });
    expect(date.field).toBe("workouts[0].date");
    const exercise = problem({ workouts: withSet({ exercise: "moonwalk" }).sessions });
    expect(exercise.field).toBe("workouts[0].sets[0].exercise");
  });

  it("both `workouts` and `sessions`: refused, naming both", () => {
    const { field, line } = problem({ workouts: [], sessions: [] });
    expect(field).toBe("sessions");
    expect(line).toMatch(/`workouts`.*`sessions`, not both/);
  });

  it("hurtRun must be true or false", () => {
    const { field, line } = problem({
      checkins: [{ date: "2026-11-25", soreness: 1, hurtRun: "yes" }],
    });
    expect(field).toBe("checkins[0].hurtRun");
    expect(line).toMatch(/true or false/);
  });
});

describe("validateWorkout checks one workout with its own field names", () => {
  const workout = { date: "2026-11-24", sets: [SET] };

  it("accepts a valid workout as it is", () => {
    expect(validateWorkout(structuredClone(workout))).toEqual({ ok: true, value: workout });
  });

  it("names `date` and `sets[i]` without a log around them", () => {
    const cases: [unknown, string][] = [
      [{ ...workout, date: "2026-02-30" }, "date"],
      [{ ...workout, sets: [SET, { ...SET, exercise: "moonwalk" }] }, "sets[1].exercise"],
      [{ ...workout, sets: [{ ...SET, rir: 6 }] }, "sets[0].rir"],
      [{ ...workout, sets: [] }, "sets"],
      [{ date: "2026-11-24" }, "sets"],
    ];
    for (const [input, field] of cases) {
      const result = validateWorkout(input);
      expect(result.ok ? null : result.error.field).toBe(field);
    }
  });
});
