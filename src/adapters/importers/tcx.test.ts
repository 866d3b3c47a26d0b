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

const INSTANT =
  "holds a single instant of recording (its first and last times are the same), so no duration";

describe("TCX: the one rule on short recordings (as FIT and GPX)", () => {
  it("refuses one trackpoint", () => {
    const bytes = tcx(
      `<Activity Sport="Running"><Lap StartTime="2024-03-03T08:00:00Z"><Track>${point("2024-03-03T08:00:00Z")}</Track></Lap></Activity>`,
    );
    expect(refusal(importTcx(bytes))).toBe(`The TCX file ${INSTANT}: not imported.`);
  });

  it("imports a lap of 30 s without trackpoints with a warning, one of 60 s without", () => {
    const lap = (seconds: number) =>
      tcx(
        `<Activity Sport="Running"><Lap StartTime="2024-03-03T08:00:00Z"><TotalTimeSeconds>${seconds}</TotalTimeSeconds><DistanceMeters>100</DistanceMeters></Lap></Activity>`,
      );
    const short = importTcx(lap(30));
    if (!short.ok) throw new Error(short.error);
    expect(short.activities.map((a) => [a.elapsedS, a.warnings])).toEqual([
      [
        30,
        [
          "Recorded for only 30 s (under a minute): a watch started by mistake looks like this; delete the activity if it was not one.",
        ],
      ],
    ]);
    const result = importTcx(lap(60));
    expect(result.ok && result.activities.map((a) => [a.elapsedS, a.warnings])).toEqual([[60, []]]);
  });

  it("in a multisport file, imports the activities with a duration and names the one without", () => {
    const activity = (sport: string, start: string, seconds: number) =>
      `<Activity Sport="${sport}"><Lap StartTime="${start}"><TotalTimeSeconds>${seconds}</TotalTimeSeconds></Lap></Activity>`;
    const result = importTcx(
      tcx(
        activity("Biking", "2024-03-03T08:00:00Z", 600) +
          activity("Other", "2024-03-03T08:10:00Z", 0),
      ),
    );
    if (!result.ok) throw new Error(result.error);
    expect(result.activities.map((a) => a.sport)).toEqual(["ride"]);
    expect(result.activities[0]?.warnings).toEqual([
      `activity 2 of the file not imported: it ${INSTANT}`,
    ]);
  });
});

describe("TCX refusals are sentences", () => {
  it("no activity", () => {
    expect(refusal(importTcx(tcx("")))).toBe("The TCX file holds no activity: nothing to import.");
  });
});
