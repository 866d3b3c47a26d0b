/**
 * `capacity import` with Strong and Hevy exports (the built bin, on a throw-away data folder).
 * Corpus files come from CAPACITY_CORPUS_DIR: unset, those cases skip; set and a file missing,
 * they fail.
 */
import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { openDatabase } from "../../src/adapters/db/database.js";
import { migrateToLatest } from "../../src/adapters/db/migrator.js";
import { createStore } from "../../src/adapters/db/store.js";
import type { StoredWorkout } from "../../src/app/ports.js";
import { type CliOutcome, spawnCli } from "../support/cli.js";

const CORPUS = process.env.CAPACITY_CORPUS_DIR;

let dataDir: string;
let work: string;

beforeEach(() => {
  dataDir = mkdtempSync(join(tmpdir(), "capacity-strength-data-"));
  work = mkdtempSync(join(tmpdir(), "capacity-strength-files-"));
});

afterEach(() => {
  rmSync(dataDir, { recursive: true, force: true });
  rmSync(work, { recursive: true, force: true });
});

/** The bin in the files folder, on this test's data folder only. */
function capacity(args: string[]): Promise<CliOutcome> {
  return spawnCli(args, { env: { CAPACITY_DATA_DIR: dataDir }, cwd: work });
}

async function workouts(): Promise<StoredWorkout[]> {
  const database = openDatabase({ kind: "sqlite", file: join(dataDir, "capacity.sqlite") });
  await migrateToLatest(database.db);
  const store = createStore(database);
  try {
    const [user] = await store.users.list(1);
    return user ? await store.workouts.list(user.id) : [];
  } finally {
    await store.close();
  }
}

const LEGS = [
  "Date,Workout Name,Duration,Exercise Name,Set Order,Weight,Reps,Distance,Seconds,Notes,Workout Notes,RPE",
  '2026-11-24 18:00:00,"Legs",40m,"Squat (Barbell)",W,20,10,0,0,"","",',
  '2026-11-24 18:00:00,"Legs",40m,"Squat (Barbell)",1,60,10,0,0,"","",8',
  '2026-11-24 18:00:00,"Legs",40m,"Zercher Carry",1,50,5,0,0,"","",',
  '2026-11-24 18:00:00,"Legs",40m,"Rest",Rest Timer,0,0,0,120,"","",',
].join("\n");

describe("capacity import with lifting-app exports", () => {
  it("lists unmapped names with the way to map them, then maps them from the command line", async () => {
    const file = join(work, "strong.csv");
    writeFileSync(file, LEGS);
    const first = await capacity(["import", file]);
    expect(first.err).toBe("");
    expect(first.code).toBe(0);
    expect(first.out).toContain("Strong export");
    expect(first.out).toContain('"Zercher Carry" (1 set)');
    expect(first.out).toContain("--map");
    expect(first.out).toContain("1 rest timer dropped");
    expect((await workouts()).flatMap((w) => w.sets)).toHaveLength(2);

    const bad = await capacity(["import", file, "--map", "Zercher Carry=nope"]);
    expect(bad.code).toBe(2);
    expect(bad.err).toContain("capacity exercises");

    const mapped = await capacity([
      "import",
      file,
      "--json",
      "--map",
      "Zercher Carry=goblet-squat",
    ]);
    expect(mapped.code).toBe(0);
    const report = JSON.parse(mapped.out);
    expect(report).toMatchObject({ imported: [], duplicates: [], failed: [] });
    expect(report.strength[0]).toMatchObject({
      app: "strong",
      stored: { workouts: 1, sets: 1 },
      duplicateSets: 2,
      unmapped: [],
    });
    const sets = (await workouts()).flatMap((w) => w.sets);
    expect(sets.map((set) => [set.exercise, set.kind ?? "work"])).toEqual([
      ["quarter-squat", "warmup"],
      ["quarter-squat", "work"],
      ["goblet-squat", "work"],
    ]);
  });

  it.skipIf(!CORPUS)(
    "imports the corpus exports, skipping unmapped names, and refuses JEFIT",
    async () => {
      const dir = join(CORPUS as string, "strength");
      const files = [
        "strong-2021-classic-kg.csv",
        "strong-2026-no-notes-cols-warmup.csv",
        "hevy-2025-kg.csv",
      ].map((name) => join(dir, name));
      for (const file of files) expect(existsSync(file), file).toBe(true);
      const result = await capacity(["import", "--json", "--skip-unmapped", ...files]);
      expect(result.code).toBe(0);
      const report = JSON.parse(result.out);
      expect(
        report.strength.map((r: { rows: number; workouts: number }) => [r.rows, r.workouts]),
      ).toEqual([
        [1903, 86],
        [666, 37],
        [330, 17],
      ]);
      const again = await capacity(["import", "--json", "--skip-unmapped", ...files]);
      const second = JSON.parse(again.out);
      for (const one of second.strength) expect(one.stored).toEqual({ workouts: 0, sets: 0 });

      const jefit = await capacity(["import", join(dir, "jefit-synthetic-openweight.csv")]);
      expect(jefit.code).toBe(1);
      expect(jefit.err).toMatch(/JEFIT/);
    },
  );
});
