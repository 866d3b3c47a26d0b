/**
 * Lifting history from Strong and Hevy through the API: the corpus files (CAPACITY_CORPUS_DIR:
 * unset, they skip; set and a file missing, they fail) import with the counts their README
 * gives, nothing twice; unmapped names wait for review and the choice is remembered; the plan's
 * next loads follow the imported working sets; the CSV export re-imports with nothing lost.
 */

import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { ReviewItem, StrengthImportReport } from "../../src/app/strength-import.js";
import type { Items, Workout } from "../../src/contract/index.js";
import type { Profile } from "../../src/core/profile/profile.js";
import type { Plan } from "../../src/core/protocol/plan-types.js";
import {
  appPerFile,
  databaseRows,
  exampleProfile,
  json,
  present,
  problem,
  signUp,
  weekOf,
} from "../support/http.js";

const CORPUS = process.env.CAPACITY_CORPUS_DIR;

const t = appPerFile();

/** \`POST /api/strength-imports/review\`: the files the choices completed, and what still waits. */
interface Reviewed {
  readonly reports: readonly StrengthImportReport[];
  readonly pending: readonly ReviewItem[];
}

async function upload(cookie: string, csv: string, name = "export.csv") {
  const response = await t.app.inject({
    method: "POST",
    url: `/api/strength-imports?name=${encodeURIComponent(name)}`,
    headers: { cookie, "content-type": "text/csv" },
    payload: csv,
  });
  const body = JSON.parse(response.body) as StrengthImportReport;
  return { status: response.statusCode, body, text: response.body };
}

async function athlete(units: "kg" | "lb" = "kg"): Promise<string> {
  const cookie = await signUp(t.app);
  const put = await json<Profile>(t.app, "PUT", "/api/profile", cookie, {
    ...exampleProfile("gym-runner"),
    units,
  });
  expect(put.status).toBe(200);
  return cookie;
}

/** Every stored set as "date exercise load unit reps rir kind", sorted. */
async function storedSets(cookie: string): Promise<string[]> {
  const workouts = (await json<Items<Workout>>(t.app, "GET", "/api/workouts", cookie)).body.items;
  return workouts
    .flatMap((workout) =>
      workout.sets.map(
        (set) =>
          `${workout.date} ${set.exercise} ${set.load?.value ?? "-"} ${set.load?.unit ?? "-"} ${set.reps} ${set.rir} ${set.kind ?? "work"}`,
      ),
    )
    .sort();
}

const FILES = [
  { file: "strong-2021-classic-kg.csv", app: "strong", rows: 1903, workouts: 86, units: "kg" },
  {
    file: "strong-2021-classic-kg-nonascii-notes.csv",
    app: "strong",
    rows: 2078,
    workouts: 129,
    units: "kg",
  },
  {
    file: "strong-2025-classic-rest-timer.csv",
    app: "strong",
    rows: 16,
    workouts: 1,
    units: "kg",
    restTimers: 8,
  },
  {
    file: "strong-2026-no-notes-cols-warmup.csv",
    app: "strong",
    rows: 666,
    workouts: 37,
    units: "kg",
    warmups: 162,
  },
  { file: "strong-2020-classic-lb-snippet.csv", app: "strong", rows: 30, workouts: 2, units: "lb" },
  { file: "hevy-2025-kg.csv", app: "hevy", rows: 330, workouts: 17, units: "kg" },
] as const;

describe.skipIf(!CORPUS)("the strength corpus", () => {
  const read = (name: string) => readFileSync(join(CORPUS as string, "strength", name), "utf8");

  for (const expected of FILES) {
    it(`${expected.file}: the README's counts, then nothing twice`, async () => {
      const cookie = await athlete(expected.units);
      const csv = read(expected.file);
      const first = await upload(cookie, csv, expected.file);
      expect(first.status, JSON.stringify(first.body)).toBe(200);
      const report = first.body;
      expect(report).toMatchObject({
        source: expected.file,
        app: expected.app,
        rows: expected.rows,
        workouts: expected.workouts,
        weightUnit: expected.units,
        unitFrom: expected.app === "hevy" ? "header" : "profile",
      });
      if ("restTimers" in expected) expect(report.restTimers).toBe(expected.restTimers);
      const unmappedSets = report.unmapped.reduce((n, u) => n + u.sets, 0);
      // Every row is accounted for.
      expect(
        report.stored.sets +
          report.duplicateSets +
          report.skippedSets +
          unmappedSets +
          report.withoutReps +
          report.restTimers,
      ).toBe(expected.rows);
      expect(report.stored.sets).toBeGreaterThan(0);

      // Skip every unmapped name: the file leaves the review, nothing more is stored.
      if (report.unmapped.length > 0) {
        const review = (
          await json<Items<ReviewItem>>(t.app, "GET", "/api/strength-imports/review", cookie)
        ).body;
        expect(review.items.map((item) => item.name).sort()).toEqual(
          report.unmapped.map((item) => item.name).sort(),
        );
        const skip = await json<Reviewed>(t.app, "POST", "/api/strength-imports/review", cookie, {
          choices: report.unmapped.map((item) => ({ name: item.name, exercise: null })),
        });
        expect(skip.status).toBe(200);
        expect(skip.body.pending).toEqual([]);
        expect(present(skip.body.reports[0]).stored.sets).toBe(0);
      }
      const stored = await storedSets(cookie);
      expect(stored).toHaveLength(report.stored.sets);
      if ("warmups" in expected) {
        expect(stored.filter((set) => set.endsWith(" warmup")).length).toBeGreaterThan(0);
      }

      const again = await upload(cookie, csv, expected.file);
      expect(again.status).toBe(200);
      expect(again.body.stored).toEqual({ workouts: 0, sets: 0 });
      expect(again.body.unmapped).toEqual([]);
      expect(again.body.skippedSets).toBe(unmappedSets + report.skippedSets);
      expect(await storedSets(cookie)).toEqual(stored);
    });
  }

  it("refuses the JEFIT fixture with a clear message and writes nothing", async () => {
    const cookie = await athlete();
    const before = await databaseRows(t.db);
    const answer = await upload(cookie, read("jefit-synthetic-openweight.csv"), "jefit.csv");
    expect(answer.status).toBe(400);
    expect(problem(answer).field).toBe("file");
    expect(problem(answer).message).toMatch(/JEFIT/);
    expect(await databaseRows(t.db)).toEqual(before);
  });

  it("re-imports its own CSV export with nothing lost", async () => {
    const source = await athlete();
    for (const expected of FILES.filter((f) => f.units === "kg")) {
      const report = await upload(source, read(expected.file), expected.file);
      expect(report.status).toBe(200);
    }
    const exported = await t.app.inject({
      method: "GET",
      url: "/api/export.csv",
      headers: { cookie: source },
    });
    expect(exported.statusCode).toBe(200);
    expect(exported.headers["content-type"]).toMatch(/^text\/csv/);
    expect(exported.body.split("\n")[0]).toBe(
      "Date,Workout Name,Duration,Exercise Name,Set Order,Weight,Reps,Distance,Seconds,Notes,Workout Notes,RPE,Weight Unit",
    );
    const target = await athlete("lb");
    const back = await upload(target, exported.body, "capacity.csv");
    expect(back.status).toBe(200);
    expect(back.body.unmapped).toEqual([]);
    expect(back.body.unitFrom).toBe("column");
    expect(await storedSets(target)).toEqual(await storedSets(source));
  });
});

const SQUATS = [
  "Date,Workout Name,Duration,Exercise Name,Set Order,Weight,Reps,Distance,Seconds,Notes,Workout Notes,RPE",
  '2026-11-24 18:00:00,"Legs",40m,"Squat (Barbell)",W,20,10,0,0,"","",',
  '2026-11-24 18:00:00,"Legs",40m,"Squat (Barbell)",1,60,10,0,0,"","",8',
  '2026-11-24 18:00:00,"Legs",40m,"Squat (Barbell)",D,40,12,0,0,"","",',
  '2026-11-24 18:00:00,"Legs",40m,"Zercher Carry",1,50,1,0,0,"","",',
  '2026-11-24 18:00:00,"Legs",40m,"Plank",1,0,0,0,60,"","",',
].join("\n");

describe("the Strong and Hevy import", () => {
  it("starts progression from the imported working set, not the warm-up or drop set", async () => {
    const imported = await athlete();
    const report = await upload(imported, SQUATS);
    expect(report.status).toBe(200);
    expect(report.body).toMatchObject({
      stored: { workouts: 1, sets: 3 },
      withoutReps: 1,
      unmapped: [{ name: "Zercher Carry", sets: 1 }],
    });
    const logged = await athlete();
    const post = await json<Workout>(t.app, "POST", "/api/workouts", logged, {
      date: "2026-11-24",
      sets: [{ exercise: "quarter-squat", load: { value: 60, unit: "kg" }, reps: 10, rir: 2 }],
    });
    expect(post.status).toBe(201);
    const squat = async (cookie: string) => {
      const plan = (await json<Plan>(t.app, "GET", "/api/plan?from=2026-11-30", cookie)).body;
      return present(weekOf(plan).sessions[0]).exercises.find((e) => e.id === "quarter-squat");
    };
    const fromImport = await squat(imported);
    expect(fromImport?.load?.value).toBeGreaterThanOrEqual(60);
    expect(fromImport).toEqual(await squat(logged));
  });

  it("lists unmapped names for review, maps them by choice and remembers the choice", async () => {
    const cookie = await athlete();
    await upload(cookie, SQUATS, "legs.csv");
    const review = await json<Items<ReviewItem>>(
      t.app,
      "GET",
      "/api/strength-imports/review",
      cookie,
    );
    expect(review.body.items).toEqual([{ name: "Zercher Carry", sets: 1, sources: ["legs.csv"] }]);

    const bad = await json<Reviewed>(t.app, "POST", "/api/strength-imports/review", cookie, {
      choices: [{ name: "Zercher Carry", exercise: "no-such-exercise" }],
    });
    expect(bad.status).toBe(400);
    expect(problem(bad).field).toBe("choices[0].exercise");

    const chosen = await json<Reviewed>(t.app, "POST", "/api/strength-imports/review", cookie, {
      choices: [{ name: "zercher carry", exercise: "goblet-squat" }],
    });
    expect(chosen.status).toBe(200);
    expect(chosen.body.pending).toEqual([]);
    expect(present(chosen.body.reports[0]).stored).toEqual({ workouts: 1, sets: 1 });
    expect(await storedSets(cookie)).toContain("2026-11-24 goblet-squat 50 kg 1 2 work");

    const later = SQUATS.replace(/2026-11-24/g, "2026-11-26");
    const next = await upload(cookie, later, "legs-2.csv");
    expect(next.body.unmapped).toEqual([]);
    expect(next.body.stored.sets).toBe(4);
  });

  // RPE 9,5 is RIR 0.5, rounded to 1.
  it("reads a semicolon file with decimal commas, a weight unit column and RPE", async () => {
    const cookie = await athlete();
    const csv = [
      "Date;Workout Name;Exercise Name;Set Order;Weight;Weight Unit;Reps;RPE;Distance;Distance Unit;Seconds;Notes;Workout Notes;Workout Duration",
      "2026-11-20 07:00:00;Morning;Romanian Deadlift (Dumbbell);1;22,5;lbs;9;9,5;;;;;;30m",
      "2026-11-20 07:00:00;Morning;Romanian Deadlift (Dumbbell);2;22,5;lbs;9;;;;;;;30m",
    ].join("\n");
    const report = await upload(cookie, csv);
    expect(report.body).toMatchObject({ weightUnit: "lb", unitFrom: "column" });
    expect(await storedSets(cookie)).toEqual([
      "2026-11-20 romanian-deadlift 22.5 lb 9 1 work",
      "2026-11-20 romanian-deadlift 22.5 lb 9 2 work",
    ]);
  });

  it("refuses a foreign or broken CSV and a body that is not CSV, writing nothing", async () => {
    const cookie = await athlete();
    const before = await databaseRows(t.db);
    for (const csv of [
      "name,value\nsquat,60\n",
      "",
      "Date,Workout Name,Duration,Exercise Name,Set Order,Weight,Reps\nyesterday,A,1m,Squat (Barbell),1,60,10\n",
      "Date,Workout Name,Duration,Exercise Name,Set Order,Weight,Reps\n2026-11-20 07:00:00,A,1m,Squat (Barbell),1,heavy,10\n",
    ]) {
      const answer = await upload(cookie, csv);
      expect(answer.status, csv).toBe(400);
      expect(problem(answer).field).toBe("file");
      expect(problem(answer).message.length).toBeGreaterThan(20);
    }
    const asJson = await json(t.app, "POST", "/api/strength-imports", cookie, { csv: "x" });
    expect(asJson.status).toBe(415);
    expect(await databaseRows(t.db)).toEqual(before);
  });
});
