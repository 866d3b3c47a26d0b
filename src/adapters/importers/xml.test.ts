import { gzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import type { Activity, FileImport } from "../../core/running/activity.js";
import { detectFormat } from "./detect.js";
import { importGpx, sportFromType } from "./gpx.js";
import { gunzipLimited } from "./gzip.js";
import { importTcx } from "./tcx.js";
import { parseXml, parseXmlTime, XmlRefusal, xmlRootName } from "./xml.js";

const utf8 = (text: string) => new TextEncoder().encode(text);

function refusal(result: FileImport): string {
  if (result.ok) throw new Error(`expected a refusal, got ${JSON.stringify(result.activities)}`);
  return result.error;
}

function activities(result: FileImport): readonly Activity[] {
  if (!result.ok) throw new Error(`expected activities, got: ${result.error}`);
  return result.activities;
}

/** How many elements the parser opened before it stopped: the work a refusal cost. */
function opened(bytes: Uint8Array): number {
  let count = 0;
  try {
    parseXml(bytes, {
      open() {
        count += 1;
        return false;
      },
      close() {},
    });
  } catch (error) {
    if (!(error instanceof XmlRefusal)) throw error;
  }
  return count;
}

/** Every element's local name, in document order: proof that a file parsed. */
function names(bytes: Uint8Array): string[] {
  const seen: string[] = [];
  parseXml(bytes, {
    open(name) {
      seen.push(name);
      return false;
    },
    close() {},
  });
  return seen;
}

const BILLION_LAUGHS = `<?xml version="1.0"?>
<!DOCTYPE gpx [
  <!ENTITY lol "lol">
  <!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
  <!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">
  <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
  <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
  <!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
  <!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">
  <!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;">
  <!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;">
  <!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">
]>
<gpx version="1.1" creator="&lol9;"><trk><type>&lol9;</type><trkseg>
<trkpt lat="1" lon="1"><time>2020-01-01T00:00:00Z</time></trkpt>
</trkseg></trk></gpx>`;

/** A GPX file of points: [seconds from 08:00:00Z, lat, lon, extra XML inside the trkpt]. */
function gpx(
  points: readonly (readonly [number, number, number, string?])[],
  { type = "running", head = "" }: { type?: string | null; head?: string } = {},
): Uint8Array {
  const trkpts = points
    .map(([s, lat, lon, extra = ""]) => {
      const time = new Date(Date.UTC(2024, 2, 3, 8, 0, s)).toISOString();
      return `<trkpt lat="${lat}" lon="${lon}"><time>${time}</time>${extra}</trkpt>`;
    })
    .join("\n");
  return utf8(
    `${head}<?xml version="1.0" encoding="UTF-8"?>
<gpx version="1.1" creator="Test Watch" xmlns="http://www.topografix.com/GPX/1/1">
<trk>${type === null ? "" : `<type>${type}</type>`}<trkseg>
${trkpts}
</trkseg></trk></gpx>`,
  );
}

/** One degree of latitude in metres, for our mean-radius haversine. */
const DEG_M = (6_371_008.8 * Math.PI) / 180;

describe("safe XML: entities are never expanded", () => {
  it("refuses a billion laughs file at its DOCTYPE, before any element, with a clear error", () => {
    expect(() => names(utf8(BILLION_LAUGHS))).toThrow(XmlRefusal);
    expect(() => names(utf8(BILLION_LAUGHS))).toThrow(/entit(y|ies).*never expanded/);
    const error = refusal(importGpx(utf8(BILLION_LAUGHS)));
    expect(error).toMatch(/DOCTYPE internal subset \(entity declarations\) is refused/);
    expect(
      refusal(importTcx(utf8(BILLION_LAUGHS.replaceAll("gpx", "TrainingCenterDatabase")))),
    ).toMatch(/entities are never expanded/);
    // Refused before the root opens: nothing of the document was read, let alone expanded.
    expect(opened(utf8(BILLION_LAUGHS))).toBe(0);
  });

  it("refuses elements nested deeper than 64, fast, before saxes holds them all", () => {
    const deep = (levels: number, root = "gpx") =>
      `<?xml version="1.0"?><${root}>${"<a>".repeat(levels)}${"</a>".repeat(levels)}</${root}>`;
    const gpx = utf8(deep(10_000));
    expect(() => names(gpx)).toThrow(XmlRefusal);
    expect(refusal(importGpx(gpx))).toBe("malformed XML: elements nested more than 64 deep");
    expect(refusal(importTcx(utf8(deep(10_000, "TrainingCenterDatabase"))))).toBe(
      "malformed XML: elements nested more than 64 deep",
    );
    // The reviewer's shape, 2 million deep: refused as soon as the 65th element opens.
    const huge = utf8(`<gpx><!--${"x".repeat(1 << 20)}-->${"<a>".repeat(2_000_000)}`);
    expect(refusal(importGpx(huge))).toBe("malformed XML: elements nested more than 64 deep");
    // The work stops at the limit: 64 elements opened of 2 million.
    expect(opened(huge)).toBe(64);
    expect(opened(gpx)).toBe(64);
    // 64 deep (the root included) still reads.
    expect(names(utf8(deep(63)))).toHaveLength(64);
  });

  it("refuses an external entity without reading what it points to", () => {
    const xxe = `<?xml version="1.0"?>
<!DOCTYPE gpx [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
<gpx creator="&xxe;"><trk><trkseg><trkpt lat="1" lon="1"><time>2020-01-01T00:00:00Z</time></trkpt></trkseg></trk></gpx>`;
    const error = refusal(importGpx(utf8(xxe)));
    expect(error).toMatch(/entities are never expanded/);
    expect(error).not.toMatch(/root:/);
  });

  it("refuses a DOCTYPE that points to an external DTD", () => {
    const external = `<?xml version="1.0"?><!DOCTYPE gpx SYSTEM "http://example.com/evil.dtd"><gpx/>`;
    expect(refusal(importGpx(utf8(external)))).toBe(
      "XML that refers to an external DTD is refused",
    );
  });

  it("treats a reference to an undeclared entity as malformed XML", () => {
    const undeclared = `<gpx creator="&xxe;"><trk/></gpx>`;
    expect(refusal(importGpx(utf8(undeclared)))).toMatch(/^malformed XML: .*undefined entity/);
  });

  it("still reads the five predefined entities and character references", () => {
    const result = importGpx(
      utf8(
        `<gpx creator="Tom &amp; Jerry&#8217;s &#x2014; f&#275;nix"><trk><type>running</type><trkseg><trkpt lat="45" lon="6"><time>2024-03-03T08:00:00Z</time></trkpt><trkpt lat="45" lon="6"><time>2024-03-03T08:01:00Z</time></trkpt></trkseg></trk></gpx>`,
      ),
    );
    expect(activities(result)[0]?.sourceName).toBe("Tom & Jerry\u2019s \u2014 f\u0113nix");
  });
});

describe("safe XML: malformed files are refused", () => {
  it.each([
    ["an unclosed element", `<gpx><trk><trkseg></trk></gpx>`],
    [
      "a file cut off mid-element",
      `<?xml version="1.0"?><gpx creator="x"><trk><trkseg><trkpt lat="1" lo`,
    ],
    ["a file cut off before the root closes", `<gpx creator="x"><trk></trk>`],
    ["text after the root", `<gpx></gpx>trailing`],
    ["two roots", `<gpx></gpx><gpx></gpx>`],
    ["an attribute without quotes", `<gpx creator=x></gpx>`],
    ["binary garbage", "\u0000\u0001\u0002PKgarbage"],
  ])("%s", (_quirk, text) => {
    expect(refusal(importGpx(utf8(text)))).toMatch(/^malformed XML: /);
    const asTcx = text.replaceAll("gpx", "TrainingCenterDatabase");
    expect(refusal(importTcx(utf8(asTcx)))).toMatch(/^malformed XML: /);
  });

  it("refuses an empty file", () => {
    expect(refusal(importGpx(utf8("")))).toBe("the file is empty");
    expect(refusal(importTcx(utf8(" \n\t")))).toBe("the file is empty");
  });

  it("refuses well-formed XML of another kind", () => {
    expect(refusal(importGpx(utf8("<kml></kml>")))).toBe(
      "not a GPX file: the root element is <kml>",
    );
    expect(refusal(importTcx(utf8("<gpx></gpx>")))).toBe(
      "not a TCX file: the root element is <gpx>",
    );
  });
});

describe("safe XML: what comes before the root", () => {
  it("trims a byte-order mark and whitespace before <?xml (Polar Flow writes such files)", () => {
    const body = `<?xml version="1.0" encoding="UTF-8"?><gpx><trk/></gpx>`;
    expect(names(utf8(`\uFEFF${body}`))).toEqual(["gpx", "trk"]);
    expect(names(utf8(`\n          ${body}`))).toEqual(["gpx", "trk"]);
    expect(names(utf8(`\uFEFF \r\n\t${body}`))).toEqual(["gpx", "trk"]);
  });

  it("reads UTF-16 with a byte-order mark and a declared ISO-8859-1 encoding", () => {
    const text = `<?xml version="1.0" encoding="UTF-16"?><gpx creator="fēnix"><trk/></gpx>`;
    const utf16 = new Uint8Array(2 + text.length * 2);
    utf16.set([0xff, 0xfe]);
    for (let i = 0; i < text.length; i += 1) {
      utf16[2 + i * 2] = text.charCodeAt(i) & 0xff;
      utf16[3 + i * 2] = text.charCodeAt(i) >> 8;
    }
    expect(names(utf16)).toEqual(["gpx", "trk"]);
    const latin1 = Uint8Array.from(
      `<?xml version="1.0" encoding="ISO-8859-1"?><gpx creator="Genève"></gpx>`,
      (c) => c.charCodeAt(0),
    );
    let creator = "";
    parseXml(latin1, {
      open(_name, attributes) {
        creator = attributes.creator ?? "";
        return false;
      },
      close() {},
    });
    expect(creator).toBe("Genève");
    expect(() => names(utf8(`<?xml version="1.0" encoding="x-klingon"?><gpx/>`))).toThrow(
      'unsupported XML encoding "x-klingon"',
    );
  });

  it("decodes a character split across two 64 KiB chunks", () => {
    const prefix = `<gpx creator="`;
    const padding = "a".repeat(65_536 - prefix.length - 1); // "ē" takes bytes 65535 and 65536
    const bytes = utf8(`${prefix}${padding}\u0113"></gpx>`);
    let creator = "";
    parseXml(bytes, {
      open(_name, attributes) {
        creator = attributes.creator ?? "";
        return false;
      },
      close() {},
    });
    expect(creator.endsWith("a\u0113")).toBe(true);
  });

  it("names the root element after a declaration, comments and a DOCTYPE, without parsing", () => {
    expect(
      xmlRootName(utf8(`<?xml version="1.0"?>\n<!-- a <gpx> in a comment -->\n<ns:gpx/>`)),
    ).toBe("ns:gpx");
    expect(xmlRootName(utf8(`<!DOCTYPE x [<!ENTITY a "<gpx>">]><TrainingCenterDatabase>`))).toBe(
      "TrainingCenterDatabase",
    );
    expect(xmlRootName(utf8("hello"))).toBeNull();
  });
});

describe("xs:dateTime as devices write it", () => {
  it.each([
    ["2019-06-15T09:42:23.000Z", "2019-06-15T09:42:23.000Z", true],
    ["2018-05-14T09:54:12Z", "2018-05-14T09:54:12.000Z", true],
    ["1901-12-13T20:45:52.2073437Z", "1901-12-13T20:45:52.207Z", true], // GPSBabel: 7 digits
    ["2016-09-12T13:19:55+02:00", "2016-09-12T11:19:55.000Z", true],
    ["2016-09-12T06:19:55-0500", "2016-09-12T11:19:55.000Z", true],
    ["2013-01-01T12:00:04", "2013-01-01T12:00:04.000Z", false], // no zone: read as UTC
  ])("%s", (text, iso, zoned) => {
    const parsed = parseXmlTime(text);
    expect(parsed && new Date(parsed.ms).toISOString()).toBe(iso);
    expect(parsed?.zoned).toBe(zoned);
  });

  it("rejects what is not a time", () => {
    expect(parseXmlTime("yesterday")).toBeNull();
    expect(parseXmlTime("2019-13-15T09:42:23Z")).toBeNull();
  });
});

describe("GPX from small built files", () => {
  it("sums the great-circle distance and keeps 1 Hz time as moving time", () => {
    const [run] = activities(
      importGpx(
        gpx([
          [0, 45, 6, "<ele>100</ele>"],
          [1, 45.00001, 6, "<ele>104</ele>"],
          [2, 45.00002, 6, "<ele>103</ele>"],
          [3, 45.00003, 6, "<ele>110</ele>"],
          [60, 45.00003, 6], // stood still after 3 s (a file needs a minute of recording)
        ]),
      ),
    );
    expect(run).toMatchObject({
      sport: "run",
      start: "2024-03-03T08:00:00.000Z",
      elapsedS: 60,
      movingS: 3,
      avgHr: null,
      maxHr: null,
      ascentM: 11, // climbs of 3 m or more from the last low: 100 → 104, then 103 → 110
      sourceName: "Test Watch",
      warnings: [],
    });
    expect(run?.distanceM).toBeCloseTo(3 * 0.00001 * DEG_M, 1);
  });

  it("drops a long gap in which the runner did not move (a pause), keeps one in which they ran", () => {
    const [run] = activities(
      importGpx(
        gpx([
          [0, 45, 6],
          [5, 45.0001, 6], // 11 m in 5 s
          [65, 45.0001, 6], // standing still for 60 s: auto-pause, no points
          [85, 45.0006, 6], // 56 m in 20 s (smart recording while running): moving
        ]),
      ),
    );
    expect(run?.elapsedS).toBe(85);
    expect(run?.movingS).toBe(25);
  });

  it("ignores segment joins for distance and counts the gap between segments as a pause", () => {
    const bytes = utf8(`<gpx creator="x"><trk><type>9</type>
<trkseg><trkpt lat="45" lon="6"><time>2024-03-03T08:00:00Z</time></trkpt>
<trkpt lat="45.001" lon="6"><time>2024-03-03T08:00:10Z</time></trkpt></trkseg>
<trkseg><trkpt lat="46" lon="6"><time>2024-03-03T08:05:00Z</time></trkpt>
<trkpt lat="46.001" lon="6"><time>2024-03-03T08:05:10Z</time></trkpt></trkseg></trk></gpx>`);
    const [run] = activities(importGpx(bytes));
    expect(run?.sport).toBe("run"); // Strava writes 9 for a run
    expect(run?.distanceM).toBeCloseTo(2 * 0.001 * DEG_M, 0);
    expect(run?.elapsedS).toBe(310);
    expect(run?.movingS).toBe(20);
  });

  it("reads heart rate under any prefix and weights it by time", () => {
    const hr = (prefix: string, bpm: number) =>
      `<extensions><${prefix}:TrackPointExtension><${prefix}:hr>${bpm}</${prefix}:hr></${prefix}:TrackPointExtension></extensions>`;
    const [run] = activities(
      importGpx(
        gpx([
          [-50, 44.9999, 6], // no heart rate yet: weighs nothing (a file needs a minute)
          [0, 45, 6, hr("ns3", 100)],
          [10, 45.0003, 6, hr("gpxtpx", 160)], // 100 bpm held for 10 s
          [11, 45.00033, 6, hr("whatever", 170)], // 160 bpm for 1 s
          [12, 45.00036, 6, "<extensions><heartrate>0</heartrate></extensions>"], // 170 for 1 s
        ]),
      ),
    );
    expect(run?.avgHr).toBe(Math.round((100 * 10 + 160 + 170) / 12));
    expect(run?.maxHr).toBe(170);
  });

  it("gives one activity per track, each with its own sport", () => {
    const bytes = utf8(`<gpx creator="x">
<trk><type>running</type><trkseg><trkpt lat="45" lon="6"><time>2024-03-03T08:00:00Z</time></trkpt><trkpt lat="45.01" lon="6"><time>2024-03-03T08:05:00Z</time></trkpt></trkseg></trk>
<trk><type>road_biking</type><trkseg><trkpt lat="45" lon="6"><time>2024-03-03T09:00:00Z</time></trkpt><trkpt lat="45.05" lon="6"><time>2024-03-03T09:10:00Z</time></trkpt></trkseg></trk>
<trk></trk></gpx>`);
    expect(activities(importGpx(bytes)).map((a) => [a.sport, a.start])).toEqual([
      ["run", "2024-03-03T08:00:00.000Z"],
      ["ride", "2024-03-03T09:00:00.000Z"],
    ]);
  });

  it("imports a file that does not name its sport as other, with a warning", () => {
    const [activity] = activities(
      importGpx(
        gpx(
          [
            [0, 45, 6],
            [60, 45.001, 6],
          ],
          { type: null },
        ),
      ),
    );
    expect(activity?.sport).toBe("other");
    expect(activity?.warnings).toEqual(["the file does not say which sport: imported as other"]);
  });

  it("refuses a track without times: start unknown", () => {
    const bytes = utf8(
      `<gpx><trk><trkseg><trkpt lat="45" lon="6"/><trkpt lat="46" lon="6"/></trkseg></trk></gpx>`,
    );
    expect(refusal(importGpx(bytes))).toBe(
      "The GPX file holds no usable time, so when it started is unknown: not imported.",
    );
  });

  it("refuses routes and waypoints: not a recorded activity", () => {
    const bytes = utf8(`<gpx><wpt lat="1" lon="2"/><rte><rtept lat="1" lon="2"/></rte></gpx>`);
    expect(refusal(importGpx(bytes))).toBe(
      "The GPX file holds only routes or waypoints (a planned course), not a recorded activity: not imported.",
    );
  });

  it.each([
    ["running", "run"],
    ["Running", "run"],
    ["trail_running", "run"],
    ["treadmill_running", "run"],
    ["TrailRun", "run"],
    ["9", "run"],
    ["1", "ride"],
    ["road_biking", "ride"],
    ["VirtualRide", "ride"],
    ["cycling", "ride"],
    ["10", "walk"],
    ["walking", "walk"],
    ["hiking", "hike"],
    ["lap_swimming", "swim"],
    ["strength_training", "strength"],
    ["WeightTraining", "strength"],
    ["t", null],
    ["yoga", null],
  ])("sport of type %s is %s", (type, sport) => {
    expect(sportFromType(type)).toBe(sport);
  });
});

const tcx = (activitiesXml: string, extra = "") =>
  utf8(`<?xml version="1.0" encoding="UTF-8"?>
<TrainingCenterDatabase xmlns="http://www.garmin.com/xmlschemas/TrainingCenterDatabase/v2">
<Activities>${activitiesXml}</Activities>${extra}</TrainingCenterDatabase>`);

describe("TCX from small built files", () => {
  it("reads a treadmill run without GPS from its laps", () => {
    const lap = (
      start: string,
      seconds: number,
      metres: number,
      avg: number,
      max: number,
      points: string,
    ) =>
      `<Lap StartTime="${start}"><TotalTimeSeconds>${seconds}</TotalTimeSeconds><DistanceMeters>${metres}</DistanceMeters>
<AverageHeartRateBpm><Value>${avg}</Value></AverageHeartRateBpm><MaximumHeartRateBpm><Value>${max}</Value></MaximumHeartRateBpm>
<Track>${points}</Track></Lap>`;
    const point = (time: string, metres: number, bpm: number) =>
      `<Trackpoint><Time>${time}</Time><DistanceMeters>${metres}</DistanceMeters><HeartRateBpm><Value>${bpm}</Value></HeartRateBpm></Trackpoint>`;
    const bytes = tcx(
      `<Activity Sport="Running"><Id>2024-03-03T08:00:00Z</Id>
${lap("2024-03-03T08:00:00Z", 300, 1000, 140, 150, point("2024-03-03T08:00:00Z", 0, 120) + point("2024-03-03T08:05:00Z", 1000, 150))}
${lap("2024-03-03T08:06:00Z", 100, 400, 160, 175, point("2024-03-03T08:06:00Z", 1000, 150) + point("2024-03-03T08:07:40Z", 1400, 174))}
<Creator><Name>Forerunner 255</Name></Creator></Activity>`,
      "<Author><Name>Garmin Connect</Name></Author>",
    );
    expect(activities(importTcx(bytes))).toEqual([
      {
        sport: "run",
        start: "2024-03-03T08:00:00.000Z",
        elapsedS: 460,
        movingS: 400,
        distanceM: 1400,
        avgHr: 145, // (140 × 300 + 160 × 100) / 400
        maxHr: 175,
        ascentM: null,
        sourceName: "Forerunner 255",
        warnings: [],
      },
    ]);
  });

  it("never gives more timer time than elapsed time (laps in ms, times in whole seconds)", () => {
    const point = (time: string) => `<Trackpoint><Time>${time}</Time></Trackpoint>`;
    const bytes = tcx(
      `<Activity Sport="Running"><Id>2024-03-03T08:00:00Z</Id>
<Lap StartTime="2024-03-03T08:00:00Z"><TotalTimeSeconds>60.4</TotalTimeSeconds><Track>${point("2024-03-03T08:00:00Z")}${point("2024-03-03T08:01:00Z")}</Track></Lap>
<Lap StartTime="2024-03-03T08:01:00Z"><TotalTimeSeconds>59.9</TotalTimeSeconds><Track>${point("2024-03-03T08:01:00Z")}${point("2024-03-03T08:02:00Z")}</Track></Lap></Activity>`,
    );
    const [run] = activities(importTcx(bytes));
    expect([run?.elapsedS, run?.movingS]).toEqual([120, 120]);
  });

  it("gives one activity per Activity of a multisport session, the app as source without a device", () => {
    const activity = (sport: string, start: string) =>
      `<Activity Sport="${sport}"><Id>${start}</Id><Lap StartTime="${start}"><TotalTimeSeconds>600</TotalTimeSeconds><DistanceMeters>0</DistanceMeters></Lap></Activity>`;
    const bytes = tcx(
      `<MultiSportSession><Id>2024-03-03T08:00:00Z</Id><FirstSport>${activity("Biking", "2024-03-03T08:00:00Z")}</FirstSport>
<NextSport>${activity("Running", "2024-03-03T08:20:00Z")}</NextSport><NextSport>${activity("Other", "2024-03-03T09:00:00Z")}</NextSport></MultiSportSession>`,
      "<Author><Name>Some App</Name></Author>",
    );
    expect(
      activities(importTcx(bytes)).map((a) => [
        a.sport,
        a.start,
        a.elapsedS,
        a.distanceM,
        a.sourceName,
      ]),
    ).toEqual([
      ["ride", "2024-03-03T08:00:00.000Z", 600, 0, "Some App"],
      ["run", "2024-03-03T08:20:00.000Z", 600, 0, "Some App"],
      ["other", "2024-03-03T09:00:00.000Z", 600, 0, "Some App"],
    ]);
  });

  it("refuses planned workouts and courses", () => {
    const bytes = utf8(
      `<TrainingCenterDatabase><Workouts><Workout Sport="Running"><Name>Intervals</Name></Workout></Workouts></TrainingCenterDatabase>`,
    );
    expect(refusal(importTcx(bytes))).toBe(
      "The TCX file holds only planned workouts or courses, not a recorded activity: not imported.",
    );
  });

  it("refuses an activity without any time", () => {
    const bytes = tcx(
      `<Activity Sport="Running"><Lap><TotalTimeSeconds>60</TotalTimeSeconds></Lap></Activity>`,
    );
    expect(refusal(importTcx(bytes))).toBe(
      "The TCX file holds no usable time, so when it started is unknown: not imported.",
    );
  });
});

describe("format detection from the content", () => {
  const fitHeader = Uint8Array.from([14, 0x20, 0, 0, 0, 0, 0, 0, 0x2e, 0x46, 0x49, 0x54, 0, 0]);
  it.each([
    ["a FIT header", fitHeader, "fit"],
    ["a zip archive", Uint8Array.from([0x50, 0x4b, 3, 4, 20, 0]), "zip"],
    ["an empty zip archive", Uint8Array.from([0x50, 0x4b, 5, 6, 0, 0]), "zip"],
    ["gzip", gzipSync(utf8("<gpx/>")), "gzip"],
    ["GPX without a declaration", utf8(`<gpx version="1.0"></gpx>`), "gpx"],
    ["GPX with a prefix", utf8(`<?xml version="1.0"?><g:gpx xmlns:g="x"/>`), "gpx"],
    ["TCX after whitespace", utf8(`   \n <?xml version="1.0"?><TrainingCenterDatabase/>`), "tcx"],
    ["a CSV header", utf8("Activity ID,Activity Date,Activity Name\n1,2,3\n"), "csv"],
    ["a quoted CSV header without a newline", utf8('"timestamp","heart_rate"'), "csv"],
    ["CSV without a header line", utf8("1,2,3\n4,5,6\n"), null],
    ["other XML", utf8(`<?xml version="1.0"?><kml/>`), null],
    ["HTML", utf8("<!DOCTYPE html><html></html>"), null],
    ["JSON", utf8(`{"a":1,"b":2}`), null],
    ["plain text", utf8("hello world"), null],
    ["nothing", new Uint8Array(), null],
  ])("%s", (_what, bytes, format) => {
    expect(detectFormat(bytes)).toBe(format);
  });
});

describe("gzip with a size limit", () => {
  it("inflates a small file", () => {
    const result = gunzipLimited(gzipSync(utf8("<gpx/>")), 1024);
    expect(result.ok && new TextDecoder().decode(result.bytes)).toBe("<gpx/>");
  });

  it("stops a gzip bomb at the limit without inflating it", () => {
    const bomb = gzipSync(new Uint8Array(64 << 20)); // 64 MiB of zeros in about 64 KB
    const result = gunzipLimited(bomb, 1 << 20);
    expect(result).toEqual({
      ok: false,
      error: "gzip content larger than 1048576 bytes: refused",
      tooLarge: true,
    });
    // The limit, not the bomb, sizes the work: a limit one byte short of a small file's
    // content refuses it too, so inflation stops at the limit rather than after the whole.
    const small = gzipSync(new Uint8Array(4096));
    expect(gunzipLimited(small, 4095)).toMatchObject({ ok: false, tooLarge: true });
    expect(gunzipLimited(small, 4096)).toMatchObject({ ok: true });
  });

  it("refuses what is not gzip", () => {
    const result = gunzipLimited(utf8("<gpx/>"), 1024);
    expect(result.ok).toBe(false);
    expect(result.ok ? "" : result.error).toMatch(/^not a valid gzip file/);
    expect(result.ok ? null : result.tooLarge).toBe(false);
  });
});
