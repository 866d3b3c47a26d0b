import type { Activity, FileImport, Sport } from "../../core/running/activity.js";
import { activityFromStats, type Skipped, sportFromType, TrackStats, withSkipped } from "./gpx.js";
import { parseNumber, parseXml, parseXmlTime, XmlRefusal } from "./xml.js";

/**
 * TCX importer (docs/importers.md): one activity per `<Activity>` (a multisport session holds several),
 * read in one streaming pass.
 *
 * - sport: the Activity's Sport attribute, "Running", "Biking" or "Other" ("Other" stays other).
 * - start: the first Lap StartTime or the first trackpoint time, whichever is earlier (the
 *   Activity Id is not used: Garmin Connect rounds it to the minute).
 * - elapsed: from start to the last trackpoint, or to the end of the last lap when that is later
 *   (a file with laps and no trackpoints, such as a treadmill run, still has a duration).
 * - moving: the sum of the laps' TotalTimeSeconds, the device's timer time, at most elapsed.
 * - distance: the sum of the laps' DistanceMeters; else the last cumulative trackpoint
 *   DistanceMeters (treadmills have no positions); else the great-circle length of the track.
 * - heart rate: the laps' AverageHeartRateBpm weighted by their time when every lap has one,
 *   else the trackpoints' time-weighted mean; the maximum over laps and trackpoints.
 * - source: the Activity's Creator Name (the device), else the file's Author Name (the app).
 *
 * Quirk seen in the corpus: Polar Flow writes lap StartTimes in timer time, so after a pause a
 * lap "starts" before its first trackpoint; elapsed time therefore comes from the trackpoints.
 */

interface TcxLap {
  startMs: number | null;
  totalTimeS: number | null;
  distanceM: number | null;
  avgHr: number | null;
  maxHr: number | null;
}

interface TcxActivity {
  readonly sportText: string | null;
  readonly stats: TrackStats;
  readonly laps: TcxLap[];
  creator: string | null;
  lastCumulativeM: number | null;
}

const SPORTS: Readonly<Record<string, Sport>> = { running: "run", biking: "ride", other: "other" };

/**
 * Imports a TCX file: one activity per Activity element.
 *
 * Over 80 lines: one SAX pass whose handlers share the element stack, the lap and the point being
 * read.
 */
export function importTcx(bytes: Uint8Array): FileImport {
  const activities: TcxActivity[] = [];
  let author: string | null = null;
  let activity: TcxActivity | null = null;
  let activityDepth = 0;
  let lap: TcxLap | null = null;
  /** The local names of the open elements, root first (entries past the current depth are stale). */
  const stack: string[] = [];
  let planned = 0;
  let time: string | null = null;
  let lat: number | null = null;
  let lon: number | null = null;
  let ele: number | null = null;
  let hr: number | null = null;
  let cumulative: number | null = null;

  try {
    parseXml(bytes, {
      open(name, attributes, depth) {
        stack[depth - 1] = name;
        if (depth === 1) {
          if (name !== "TrainingCenterDatabase") {
            throw new XmlRefusal(`not a TCX file: the root element is <${name}>`);
          }
          return false;
        }
        if (activity === null) {
          if (name === "Activity") {
            activity = {
              sportText: attributes.Sport ?? null,
              stats: new TrackStats(),
              laps: [],
              creator: null,
              lastCumulativeM: null,
            };
            activities.push(activity);
            activityDepth = depth;
            return false;
          }
          if (depth === 2 && (name === "Workouts" || name === "Courses")) planned += 1;
          // The exporting app: <TrainingCenterDatabase><Author><Name>.
          return depth === 3 && name === "Name" && stack[1] === "Author";
        }
        // Levels below the Activity: Lap 1, its totals and Track 2, Trackpoint 3, Time 4...
        // and the names of the enclosing elements at those levels.
        const level = depth - activityDepth;
        const l1 = stack[activityDepth];
        const l2 = stack[activityDepth + 1];
        if (level === 1) {
          if (name !== "Lap") return false;
          lap = {
            startMs: parseXmlTime(attributes.StartTime ?? "")?.ms ?? null,
            totalTimeS: null,
            distanceM: null,
            avgHr: null,
            maxHr: null,
          };
          activity.laps.push(lap);
          return false;
        }
        if (l1 === "Creator") return level === 2 && name === "Name";
        if (l1 !== "Lap" || lap === null) return false;
        if (level === 2) {
          if (name === "Track") activity.stats.breakSegment();
          return name === "TotalTimeSeconds" || name === "DistanceMeters";
        }
        if (level === 3) {
          if (l2 === "AverageHeartRateBpm" || l2 === "MaximumHeartRateBpm") {
            return name === "Value";
          }
          if (l2 === "Track" && name === "Trackpoint") {
            time = null;
            lat = null;
            lon = null;
            ele = null;
            hr = null;
            cumulative = null;
          }
          return false;
        }
        if (l2 !== "Track" || stack[activityDepth + 2] !== "Trackpoint") return false;
        const l4 = stack[activityDepth + 3];
        if (level === 4) {
          return name === "Time" || name === "AltitudeMeters" || name === "DistanceMeters";
        }
        if (level !== 5) return false;
        if (l4 === "Position") return name === "LatitudeDegrees" || name === "LongitudeDegrees";
        return l4 === "HeartRateBpm" && name === "Value";
      },
      close(name, text, depth) {
        if (activity === null) {
          if (text !== null && name === "Name") author = text || null;
          return;
        }
        const level = depth - activityDepth;
        const l1 = stack[activityDepth];
        const l2 = stack[activityDepth + 1];
        if (level === 0) {
          activity = null;
          return;
        }
        if (l1 === "Creator") {
          if (level === 2 && text !== null) activity.creator = text || null;
          return;
        }
        if (l1 !== "Lap" || lap === null) return;
        if (level === 1) {
          lap = null;
        } else if (level === 2) {
          if (name === "TotalTimeSeconds") lap.totalTimeS = parseNumber(text);
          else if (name === "DistanceMeters") lap.distanceM = parseNumber(text);
        } else if (level === 3 && text !== null) {
          if (l2 === "AverageHeartRateBpm") lap.avgHr = parseNumber(text);
          else if (l2 === "MaximumHeartRateBpm") lap.maxHr = parseNumber(text);
        } else if (l2 === "Track" && stack[activityDepth + 2] === "Trackpoint") {
          if (level === 3) {
            activity.stats.add({ time, lat, lon, ele, hr });
            if (cumulative !== null) activity.lastCumulativeM = cumulative;
          } else if (level === 4) {
            if (name === "Time") time = text;
            else if (name === "AltitudeMeters") ele = parseNumber(text);
            else if (name === "DistanceMeters") cumulative = parseNumber(text);
          } else if (level === 5) {
            if (name === "LatitudeDegrees") lat = parseNumber(text);
            else if (name === "LongitudeDegrees") lon = parseNumber(text);
            else if (name === "Value") hr = parseNumber(text);
          }
        }
      },
    });
  } catch (error) {
    if (error instanceof XmlRefusal) return { ok: false, format: "tcx", error: error.message };
    throw error;
  }

  if (activities.length === 0) {
    const error =
      planned > 0
        ? "The TCX file holds only planned workouts or courses, not a recorded activity: not imported."
        : "The TCX file holds no activity: nothing to import.";
    return { ok: false, format: "tcx", error };
  }
  const imported: Activity[] = [];
  const skipped: Skipped[] = [];
  for (const [index, candidate] of activities.entries()) {
    const result = toActivity(candidate, author);
    if (typeof result === "string") {
      skipped.push({ index: index + 1, reason: result, times: candidate.stats.timeWarnings() });
    } else imported.push(result);
  }
  return withSkipped("tcx", "activity", activities.length, imported, skipped);
}

function toActivity(activity: TcxActivity, author: string | null): Activity | string {
  const { laps, stats } = activity;
  const warnings: string[] = [];
  const text = activity.sportText?.trim() ?? "";
  let sport = SPORTS[text.toLowerCase()] ?? (text === "" ? null : sportFromType(text));
  if (sport === null) {
    warnings.push(
      text === ""
        ? "the file does not say which sport: imported as other"
        : `unknown sport "${text}": imported as other`,
    );
    sport = "other";
  }
  const lapStart = laps.find((candidate) => candidate.startMs !== null)?.startMs ?? null;
  const startMs =
    lapStart !== null && stats.firstMs !== null
      ? Math.min(lapStart, stats.firstMs)
      : (lapStart ?? stats.firstMs);
  const timed = laps.filter((candidate) => candidate.totalTimeS !== null);
  const lastLap = laps.at(-1);
  const endMs =
    lastLap?.startMs != null && lastLap.totalTimeS !== null
      ? lastLap.startMs + lastLap.totalTimeS * 1000
      : null;

  const lapDistances = laps.filter((candidate) => candidate.distanceM !== null);
  const lapDistanceM = lapDistances.reduce((sum, candidate) => sum + (candidate.distanceM ?? 0), 0);
  let distanceM: number | null = null;
  if (lapDistances.length > 0 && lapDistanceM > 0) distanceM = lapDistanceM;
  else if (activity.lastCumulativeM !== null && activity.lastCumulativeM > 0) {
    distanceM = activity.lastCumulativeM;
  } else if (stats.hasDistance) distanceM = stats.distanceM;
  else if (lapDistances.length > 0) distanceM = lapDistanceM;

  const timerS = timed.reduce((sum, candidate) => sum + (candidate.totalTimeS ?? 0), 0);
  const weighted =
    timed.length > 0 && timed.length === laps.length && timed.every((l) => l.avgHr !== null);
  const lapAvgHr =
    weighted && timerS > 0
      ? Math.round(timed.reduce((sum, l) => sum + (l.avgHr ?? 0) * (l.totalTimeS ?? 0), 0) / timerS)
      : null;
  const lapMaxHrs = laps.flatMap((candidate) =>
    candidate.maxHr !== null ? [candidate.maxHr] : [],
  );
  const maxHrs = stats.maxHr !== null ? [...lapMaxHrs, stats.maxHr] : lapMaxHrs;

  const result = activityFromStats(stats, {
    sport,
    sourceName: activity.creator ?? author,
    warnings,
    startMs,
    endMs,
    movingS: timed.length > 0 ? Math.round(timerS * 1000) / 1000 : null,
    distanceM,
    avgHr: lapAvgHr ?? stats.avgHr,
    maxHr: maxHrs.length > 0 ? Math.max(...maxHrs) : null,
  });
  // Timer time never passes elapsed time. Garmin writes lap StartTimes and trackpoint times in
  // whole seconds but TotalTimeSeconds in milliseconds, so the laps' sum may pass the span by a
  // fraction (6782987395.tcx: 4989.112 s of laps, 4989 s from the first to the last point).
  if (typeof result === "string" || result.movingS === null || result.elapsedS === null) {
    return result;
  }
  return result.movingS > result.elapsedS ? { ...result, movingS: result.elapsedS } : result;
}
