import { describe, expect, it } from "vitest";
import type { FileImport } from "../../core/running/activity.js";
import { importTcx } from "./tcx.js";

const utf8 = (text: string) => new TextEncoder().encode(text);

function refusal(result: FileImport): string {
  if (result.ok) throw new Error(`expected a refusal, got ${JSON.stringify(result.activities)}`);
  return result.error;
}

const tcx = (activities: string) =>
  utf8(`<?xml version="1.0" encoding="UTF-8"?>
<TrainingCenterDatabase xmlns="http://www.garmin.com/xmlschemas/TrainingCenterDatabase/v2">
<Activities>${activities}</Activities></TrainingCenterDatabase>`);
const point = (time: string) => `<Trackpoint><Time>${time}</Time></Trackpoint>`;

describe("TCX: less than a minute of recording is no activity (as in FIT)", () => {
  it("refuses one trackpoint", () => {
    const bytes = tcx(
      `<Activity Sport="Running"><Lap StartTime="2024-03-03T08:00:00Z"><Track>${point("2024-03-03T08:00:00Z")}</Track></Lap></Activity>`,
    );
    expect(refusal(importTcx(bytes))).toBe(
      "The TCX file holds less than a minute of recording (a single instant from its first to its last time): not imported.",
    );
  });

  it("refuses a lap of 30 s without trackpoints, imports one of 60 s", () => {
    const lap = (seconds: number) =>
      tcx(
        `<Activity Sport="Running"><Lap StartTime="2024-03-03T08:00:00Z"><TotalTimeSeconds>${seconds}</TotalTimeSeconds><DistanceMeters>100</DistanceMeters></Lap></Activity>`,
      );
    expect(refusal(importTcx(lap(30)))).toBe(
      "The TCX file holds less than a minute of recording (30 s from its first to its last time): not imported.",
    );
    const result = importTcx(lap(60));
    expect(result.ok && result.activities.map((a) => a.elapsedS)).toEqual([60]);
  });

  it("in a multisport file, imports the long activities and names the short one", () => {
    const activity = (sport: string, start: string, seconds: number) =>
      `<Activity Sport="${sport}"><Lap StartTime="${start}"><TotalTimeSeconds>${seconds}</TotalTimeSeconds></Lap></Activity>`;
    const result = importTcx(
      tcx(
        activity("Biking", "2024-03-03T08:00:00Z", 600) +
          activity("Other", "2024-03-03T08:10:00Z", 20),
      ),
    );
    if (!result.ok) throw new Error(result.error);
    expect(result.activities.map((a) => a.sport)).toEqual(["ride"]);
    expect(result.activities[0]?.warnings).toEqual([
      "activity 2 of the file not imported: it holds less than a minute of recording (20 s from its first to its last time)",
    ]);
  });
});

describe("TCX refusals are sentences", () => {
  it("no activity", () => {
    expect(refusal(importTcx(tcx("")))).toBe("The TCX file holds no activity: nothing to import.");
  });
});
