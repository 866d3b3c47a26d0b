import { describe, expect, it } from "vitest";
import type { FileImport } from "../../core/running/activity.js";
import { importGpx, MIN_RECORDING_S } from "./gpx.js";

const utf8 = (text: string) => new TextEncoder().encode(text);

function refusal(result: FileImport): string {
  if (result.ok) throw new Error(`expected a refusal, got ${JSON.stringify(result.activities)}`);
  return result.error;
}

/** A GPX track of points [seconds from 2024-02-01T00:00:00Z, latitude]. */
function track(points: readonly (readonly [number, number])[], type = "running"): string {
  const trkpts = points
    .map(
      ([s, lat]) =>
        `<trkpt lat="${lat}" lon="1"><time>${new Date(Date.UTC(2024, 1, 1, 0, 0, s)).toISOString()}</time></trkpt>`,
    )
    .join("");
  return `<trk><type>${type}</type><trkseg>${trkpts}</trkseg></trk>`;
}
const gpx = (...tracks: string[]) =>
  utf8(`<?xml version="1.0"?><gpx version="1.1" creator="x">${tracks.join("")}</gpx>`);

const INSTANT =
  "holds a single instant of recording (its first and last times are the same), so no duration";
const short = (s: number) =>
  `Recorded for only ${s} s (under a minute): a watch started by mistake looks like this; delete the activity if it was not one.`;

describe("GPX: the one rule on short recordings (as FIT and TCX)", () => {
  it("refuses a single point: no duration", () => {
    expect(refusal(importGpx(gpx(track([[0, 1]]))))).toBe(`The GPX file ${INSTANT}: not imported.`);
  });

  it("refuses points whose times run backwards, saying so (0 s but 3 km of track)", () => {
    const backwards = Array.from({ length: 30 }, (_, i) => [-60 * i, 1 + i * 0.001] as const);
    expect(refusal(importGpx(gpx(track(backwards))))).toBe(
      `The GPX file ${INSTANT}: not imported (29 points earlier than the one before them ignored for timing).`,
    );
  });

  it("imports 59 s with a warning, 60 s without", () => {
    const result = (seconds: number) =>
      importGpx(
        gpx(
          track([
            [0, 1],
            [seconds, 1.001],
          ]),
        ),
      );
    const under = result(59);
    if (!under.ok) throw new Error(under.error);
    expect(under.activities.map((a) => [a.elapsedS, a.warnings])).toEqual([[59, [short(59)]]]);
    const minute = result(MIN_RECORDING_S);
    if (!minute.ok) throw new Error(minute.error);
    expect(minute.activities.map((a) => [a.elapsedS, a.warnings])).toEqual([[60, []]]);
  });

  it("imports the tracks that have a duration and names the one that has none", () => {
    const result = importGpx(
      gpx(
        track([
          [0, 1],
          [600, 1.01],
        ]),
        track([[3600, 1]]),
      ),
    );
    if (!result.ok) throw new Error(result.error);
    expect(result.activities).toHaveLength(1);
    expect(result.activities[0]?.warnings).toContain(
      `track 2 of the file not imported: it ${INSTANT}`,
    );
  });

  it("refuses a file whose tracks all lack a duration, naming each", () => {
    expect(
      refusal(
        importGpx(
          gpx(
            track([[0, 1]]),
            track([
              [100, 1],
              [100, 1.001],
            ]),
          ),
        ),
      ),
    ).toBe(`The GPX file's 2 tracks were not imported: track 1 ${INSTANT}; track 2 ${INSTANT}.`);
  });
});

describe("GPX refusals are sentences", () => {
  it("no track points", () => {
    expect(refusal(importGpx(gpx("<trk><trkseg></trkseg></trk>")))).toBe(
      "The GPX file holds no track points: no recorded activity to import.",
    );
  });

  it("no usable time: the placeholder times are named", () => {
    const placeholder = `<trk><trkseg><trkpt lat="1" lon="1"><time>1901-12-13T20:45:52Z</time></trkpt><trkpt lat="2" lon="1"><time>1901-12-13T20:45:52Z</time></trkpt></trkseg></trk>`;
    expect(refusal(importGpx(gpx(placeholder)))).toBe(
      "The GPX file holds no usable time, so when it started is unknown: not imported (2 point times before 1980 ignored as placeholders).",
    );
  });
});
