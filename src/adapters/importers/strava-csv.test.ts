import { describe, expect, it } from "vitest";
import { STRAVA_HEADER } from "../../../test/support/activity-files.js";
import { parseStravaCsv, stravaDate } from "./strava-csv.js";

// The real header's shape: names repeat ("Elapsed Time", "Distance"), the first distance in km.

const csv = (...rows: string[]) => new TextEncoder().encode([STRAVA_HEADER, ...rows].join("\n"));

describe("stravaDate", () => {
  it("reads Strava's UTC dates", () => {
    expect(stravaDate("Oct 4, 2026, 7:12:00 AM")).toBe("2026-10-04T07:12:00.000Z");
    expect(stravaDate("Jan 12, 2025, 12:05:09 PM")).toBe("2025-01-12T12:05:09.000Z");
    expect(stravaDate("Jan 12, 2025, 12:05:09 AM")).toBe("2025-01-12T00:05:09.000Z");
    expect(stravaDate("2025-01-12")).toBeNull();
  });
});

describe("parseStravaCsv", () => {
  it("takes the second, metre distance and keeps the file path", () => {
    const parsed = parseStravaCsv(
      csv(
        '123,"Oct 4, 2026, 7:12:00 AM",Morning Run,Run,,3605,10.02,171,40,false,,,activities/123.fit.gz,,,3605,3500,10020.5,4.1,2.86,85,80,152',
      ),
    );
    if (!parsed.ok) throw new Error(parsed.error);
    expect(parsed.rows).toEqual([
      {
        line: 2,
        file: "activities/123.fit.gz",
        activity: {
          sport: "run",
          start: "2026-10-04T07:12:00.000Z",
          elapsedS: 3605,
          movingS: 3500,
          distanceM: 10020.5,
          avgHr: 152,
          maxHr: 171,
          ascentM: 85,
          sourceName: "Strava",
          warnings: [],
        },
      },
    ]);
  });

  it("makes a manual treadmill run and past weight training from rows without a file", () => {
    const parsed = parseStravaCsv(
      csv(
        '124,"Oct 5, 2026, 6:00:00 PM",Treadmill,Run,,1800,5.0,,,false,,,,,,1800,1800,,,,,,',
        '125,"Oct 6, 2026, 6:00:00 PM",Gym,Weight Training,,2400,0,,,false,,,,,,2400,2400,0,,,,,',
      ),
    );
    if (!parsed.ok) throw new Error(parsed.error);
    const [treadmill, gym] = parsed.rows;
    expect(treadmill?.file).toBeNull();
    // No metre distance: the km one, 5.0 → 5,000 m.
    expect(treadmill?.activity).toMatchObject({ sport: "run", distanceM: 5000, elapsedS: 1800 });
    expect(treadmill?.activity.warnings[0]).toMatch(/manual entry/);
    expect(gym?.activity).toMatchObject({ sport: "strength", elapsedS: 2400 });
    // "0" in both distance columns is no distance, as in the FIT importer.
    expect(gym?.activity.distanceM).toBeNull();
  });

  it("reads the second Max Heart Rate column when the first is empty", () => {
    const header = `${STRAVA_HEADER},Max Heart Rate`;
    const parsed = parseStravaCsv(
      new TextEncoder().encode(
        [
          header,
          '1,"Oct 4, 2026, 7:12:00 AM",Run,Run,,60,1,,,false,,,,,,60,60,1000,,,,,150,181',
          '2,"Oct 5, 2026, 7:12:00 AM",Run,Run,,60,1,175,,false,,,,,,60,60,1000,,,,,150,181',
          '3,"Oct 6, 2026, 7:12:00 AM",Run,Run,,60,1,,,false,,,,,,60,60,1000,,,,,0,',
        ].join("\n"),
      ),
    );
    if (!parsed.ok) throw new Error(parsed.error);
    expect(parsed.rows.map((row) => [row.activity.maxHr, row.activity.avgHr])).toEqual([
      [181, 150],
      [175, 150],
      [null, null],
    ]);
  });

  it("names a row with a bad date and keeps the others", () => {
    const parsed = parseStravaCsv(
      csv(
        "1,yesterday,x,Run,,60,1,,,false,,,,,,60,60,1000,,,,,",
        '2,"Oct 5, 2026, 6:00:00 PM",x,Run,,60,1,,,false,,,,,,60,60,1000,,,,,',
      ),
    );
    if (!parsed.ok) throw new Error(parsed.error);
    expect(parsed.rows).toHaveLength(1);
    expect(parsed.problems).toEqual([
      'line 2: the date "yesterday" is not a Strava date (such as "Oct 4, 2026, 7:12:00 AM"): the row is not imported.',
    ]);
  });

  it("refuses a CSV that is not a Strava export, naming the file, not activities.csv", () => {
    const parsed = parseStravaCsv(new TextEncoder().encode("a,b\n1,2\n"), "runs/records.csv");
    expect(parsed).toEqual({
      ok: false,
      error:
        '"runs/records.csv" is a CSV file but not a Strava activities.csv export: it has no "Activity Date" and "Activity Type" columns.',
    });
    expect(parseStravaCsv(new Uint8Array(), "x.csv")).toEqual({
      ok: false,
      error: '"x.csv" is empty.',
    });
  });
});
