import { afterEach, beforeEach, describe, expect, it } from "vitest";
import {
  type ImportCounts,
  importActivities,
  type ParsedFile,
  SAME_IMPORT,
} from "../../src/app/import-activities.js";
import type { Repos, Store } from "../../src/app/ports.js";
import type { Activity } from "../../src/core/running/activity.js";
import { anActivity } from "../builders.js";
import { testStore } from "../support/database.js";

const T0 = Date.parse("2026-10-04T07:00:00.000Z");
const HOUR = 3_600_000;

/** Every field known, so that the test can see each one stored. */
const run = (startMs: number, overrides: Partial<Activity> = {}): Activity =>
  anActivity(new Date(startMs).toISOString(), {
    elapsedS: 3600,
    movingS: 3500,
    distanceM: 10_000,
    avgHr: 140,
    maxHr: 160,
    ascentM: 50,
    sourceName: "Test watch",
    ...overrides,
  });

function ok(source: string, ...activities: Activity[]): ParsedFile {
  return { source, result: { ok: true, format: "gpx", activities } };
}

function broken(source: string): ParsedFile {
  return { source, result: { ok: false, format: "gpx", error: `${source}: not XML` } };
}

async function* each(files: ParsedFile[]): AsyncGenerator<ParsedFile> {
  for (const file of files) yield file;
}

let store: Store;
let dispose: () => Promise<void>;
let ownerId: string;
let counter = 0;

const deps = () => ({
  repos: store,
  ids: { uuid: () => `00000000-0000-4000-8000-${String(++counter).padStart(12, "0")}` },
  clock: { now: () => new Date(T0 + 100 * HOUR) },
});

beforeEach(async () => {
  ({ store, dispose } = await testStore());
  const user = await store.users.create({
    id: "u1",
    email: "ana@example.com",
    name: "Ana",
    passwordHash: "x",
    createdAt: T0,
    passwordChangedAt: T0,
    dataVersion: 0,
  });
  if (user === "email-taken") throw new Error("taken");
  ownerId = user.id;
});

afterEach(async () => {
  await dispose();
});

describe("importActivities", () => {
  it("stores what is new, reports the rest, in the order of the files", async () => {
    const report = await importActivities(
      deps(),
      ownerId,
      each([
        ok("a.gpx", run(T0)),
        broken("b.gpx"),
        ok("c.tcx", run(T0 + 30_000)),
        ok("d.gpx", run(T0 + 24 * HOUR), run(T0 + 48 * HOUR)),
      ]),
    );
    expect(report.imported.map((a) => [a.source, a.start])).toEqual([
      ["a.gpx", new Date(T0).toISOString()],
      ["d.gpx", new Date(T0 + 24 * HOUR).toISOString()],
      ["d.gpx", new Date(T0 + 48 * HOUR).toISOString()],
    ]);
    expect(report.duplicates.map((a) => a.source)).toEqual(["c.tcx"]);
    expect(report.failed).toEqual([{ source: "b.gpx", error: "b.gpx: not XML" }]);
    expect(report.imported[0]).toMatchObject({
      format: "gpx",
      sport: "run",
      elapsedS: 3600,
      movingS: 3500,
      distanceM: 10_000,
      avgHr: 140,
      maxHr: 160,
      ascentM: 50,
      sourceName: "Test watch",
      warnings: [],
    });
    expect(report.imported.every((a) => typeof a.id === "string")).toBe(true);
    const stored = await store.activities.list(ownerId);
    expect(stored.map((a) => a.id)).toEqual(report.imported.map((a) => a.id));
  });

  it("stores nothing twice when the same files come again", async () => {
    const files = () => each([ok("a.gpx", run(T0)), ok("d.gpx", run(T0 + 24 * HOUR))]);
    await importActivities(deps(), ownerId, files());
    const again = await importActivities(deps(), ownerId, files());
    expect(again.imported).toEqual([]);
    expect(again.duplicates.map((a) => a.source)).toEqual(["a.gpx", "d.gpx"]);
    expect(await store.activities.list(ownerId)).toHaveLength(2);
  });

  it("in a dry run stores nothing but tells duplicates, within the run too", async () => {
    await importActivities(deps(), ownerId, each([ok("a.gpx", run(T0))]));
    const report = await importActivities(
      deps(),
      ownerId,
      each([
        ok("a2.fit", run(T0 + 10_000)),
        ok("n.gpx", run(T0 + 5 * HOUR)),
        ok("n2.tcx", run(T0 + 5 * HOUR)),
      ]),
      { dryRun: true },
    );
    expect(report.imported.map((a) => [a.source, a.id])).toEqual([["n.gpx", null]]);
    expect(report.duplicates.map((a) => a.source)).toEqual(["a2.fit", "n2.tcx"]);
    expect(await store.activities.list(ownerId)).toHaveLength(1);
  });

  it("writes in batches and tells the counts after each", async () => {
    const seen: ImportCounts[] = [];
    const files = Array.from({ length: 5 }, (_, i) => ok(`${i}.gpx`, run(T0 + i * 24 * HOUR)));
    const report = await importActivities(deps(), ownerId, each([...files, broken("x.gpx")]), {
      batchSize: 2,
      onCounts: (counts) => seen.push(counts),
    });
    expect(report.imported).toHaveLength(5);
    expect(seen.at(-1)).toEqual({ imported: 5, duplicates: 0, failed: 1 });
    expect(seen.map((c) => c.imported)).toEqual([2, 4, 4, 5]);
  });

  it("refuses activities in the future or longer than a week, keeping the rest of the file", async () => {
    const report = await importActivities(
      deps(),
      ownerId,
      each([
        ok("clock.gpx", run(T0), run(Date.parse("9999-12-31T23:00:00Z"))),
        ok("span.gpx", run(T0 + 24 * HOUR, { elapsedS: 8 * 24 * 3600 })),
        // Now is T0 + 100 h: tomorrow's start is within the slack time zones need.
        ok("soon.gpx", run(T0 + 110 * HOUR)),
      ]),
    );
    expect(report.imported.map((a) => a.source)).toEqual(["clock.gpx", "soon.gpx"]);
    expect(report.failed).toEqual([
      {
        source: "clock.gpx",
        error:
          '"clock.gpx": the activity starts on 9999-12-31, in the future (was the device\'s clock wrong?): not imported.',
      },
      {
        source: "span.gpx",
        error:
          '"span.gpx": the activity lasts 8 days, more than the 7 days any one activity can (its times are wrong): not imported.',
      },
    ]);
    expect(await store.activities.list(ownerId)).toHaveLength(2);
  });

  it("clips a device name and warnings no export could hold", async () => {
    const report = await importActivities(
      deps(),
      ownerId,
      each([
        ok("long.gpx", run(T0, { sourceName: "x".repeat(5000), warnings: ["w".repeat(20_000)] })),
      ]),
    );
    const [stored] = await store.activities.list(ownerId);
    expect(stored?.sourceName).toHaveLength(1000);
    expect(stored?.warnings[0]).toHaveLength(10_000);
    expect(report.imported[0]?.sourceName).toHaveLength(1000);
  });

  it("fails only the file that cannot be stored when a batch is refused", async () => {
    const repos: Pick<Repos, "activities"> = {
      activities: {
        ...store.activities,
        insertNew(owner, activities) {
          if (activities.some((a) => a.source === "bad.gpx")) {
            return Promise.reject(new Error("value out of range"));
          }
          return store.activities.insertNew(owner, activities);
        },
      },
    };
    const report = await importActivities(
      { ...deps(), repos },
      ownerId,
      each([
        ok("a.gpx", run(T0)),
        ok("bad.gpx", run(T0 + 24 * HOUR)),
        ok("c.gpx", run(T0 + 48 * HOUR)),
      ]),
    );
    expect(report.imported.map((a) => a.source)).toEqual(["a.gpx", "c.gpx"]);
    expect(report.failed).toEqual([
      {
        source: "bad.gpx",
        error: '"bad.gpx" was read but could not be stored: value out of range',
      },
    ]);
    expect((await store.activities.list(ownerId)).map((a) => a.source)).toEqual(["a.gpx", "c.gpx"]);
  });

  it("tells a second copy within the same import from one already stored", async () => {
    await importActivities(deps(), ownerId, each([ok("old.gpx", run(T0))]));
    for (const dryRun of [false, true]) {
      const report = await importActivities(
        deps(),
        ownerId,
        each([
          ok("again.gpx", run(T0)),
          ok("new.gpx", run(T0 + 48 * HOUR)),
          ok("archive/new-copy.fit", run(T0 + 48 * HOUR + 20_000)),
        ]),
        { dryRun, batchSize: 1 },
      );
      expect(report.imported.map((a) => a.source)).toEqual(["new.gpx"]);
      expect(report.duplicates.map((a) => [a.source, a.warnings.includes(SAME_IMPORT)])).toEqual([
        ["again.gpx", false],
        ["archive/new-copy.fit", true],
      ]);
      if (!dryRun) await store.activities.delete(ownerId, report.imported[0]?.id ?? "");
    }
  });
});
