import { excerpt } from "../../core/excerpt.js";
import type { Activity, FileImport, Sport } from "../../core/running/activity.js";
import {
  MIN_RECORDING_S,
  noDuration,
  shortRecordingWarning,
} from "../../core/running/min-recording.js";
import { parseNumber, parseXml, parseXmlTime, XmlRefusal } from "./xml.js";

/**
 * GPX importer (docs/importers.md): one activity per `<trk>`, read in one streaming pass.
 *
 * Judgement calls, from the corpus:
 * - sport: the track's `<type>` (Garmin Connect writes "running", Amazfit "Running", Strava a
 *   number: 9 run, 1 ride...). Without a type, or with one we do not know, the sport is "other"
 *   with a warning: a file that does not say it is a run is not counted as one.
 * - start and elapsed: first and last point time. Times before 1980 are placeholders, not
 *   recordings (GPSBabel writes 1901-12-13T20:45:52Z, the smallest 32-bit Unix time): they are
 *   ignored, and a track without any usable time is refused, since start is required.
 * - moving time: elapsed time less the gaps longer than 10 s in which the runner did not move
 *   (under 0.3 m/s), and the gaps between track segments (a segment ends where recording
 *   stopped). Devices that pause record nothing while paused; smart recording leaves gaps while
 *   moving, which count.
 * - distance: sum of great-circle distances between consecutive points of each segment, not
 *   across segment joins.
 * - heart rate: Garmin's TrackPointExtension `hr` under any prefix (`ns3:`, `gpxtpx:`), or a
 *   plain `heartrate` (Amazfit); the average is weighted by time (each sample holds until the
 *   next, at most 10 s) so smart recording's sparse samples do not skew it.
 * - ascent: elevation gains with a 3 m hysteresis, which drops GPS and barometer jitter.
 */

/** Longest gap between points that always counts as moving time. */
export const PAUSE_GAP_MS = 10_000;
/** Over a longer gap, slower than this means the runner stood still (a pause). */
const STILL_SPEED_MS = 0.3;
/** Elevation changes smaller than this, back and forth, are jitter. */
const ASCENT_HYSTERESIS_M = 3;

/**
 * A track spanning less than this from its first to its last time is no usable activity (one
 * point, or times that never advance): refused, as FIT and TCX are.
 */
export { MIN_RECORDING_S };

/** Earliest credible recording time: the GPS epoch (1980-01-06) rounded down. */
const EARLIEST_MS = Date.UTC(1980, 0, 1);

const EARTH_RADIUS_M = 6_371_008.8;

/** Great-circle distance in metres (haversine, mean Earth radius). */
export function haversineM(lat1: number, lon1: number, lat2: number, lon2: number): number {
  const toRad = Math.PI / 180;
  const dLat = (lat2 - lat1) * toRad;
  const dLon = (lon2 - lon1) * toRad;
  const a =
    Math.sin(dLat / 2) ** 2 +
    Math.cos(lat1 * toRad) * Math.cos(lat2 * toRad) * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_RADIUS_M * Math.asin(Math.min(1, Math.sqrt(a)));
}

export interface TrackPoint {
  /** Raw time text, parsed here so that placeholder and zone-less times are counted once. */
  readonly time: string | null;
  readonly lat: number | null;
  readonly lon: number | null;
  readonly ele: number | null;
  readonly hr: number | null;
}

/**
 * Running totals over the points of one track, in constant memory: no point is kept beyond the
 * previous one. Shared by the GPX and TCX importers.
 */
export class TrackStats {
  points = 0;
  firstMs: number | null = null;
  lastMs: number | null = null;
  distanceM = 0;
  /** Whether any two consecutive points of a segment had positions. */
  hasDistance = false;
  movingMs = 0;
  maxHr: number | null = null;
  ascentM = 0;
  hasElevation = false;
  placeholderTimes = 0;
  unreadableTimes = 0;
  zonelessTimes = 0;
  backwardTimes = 0;

  private hrSum = 0;
  private hrWeight = 0;
  private hrSamples = 0;
  private hrPlainSum = 0;
  private prevHr: number | null = null;
  private prevLat: number | null = null;
  private prevLon: number | null = null;
  /** The last timed point: time, position, and whether a segment break came after it. */
  private timedMs: number | null = null;
  private timedLat: number | null = null;
  private timedLon: number | null = null;
  private brokeSinceTimed = false;
  private eleRef: number | null = null;

  /** A new segment starts: no distance across the join, and the gap is a pause. */
  breakSegment(): void {
    this.prevLat = null;
    this.prevLon = null;
    this.brokeSinceTimed = true;
  }

  add(point: TrackPoint): void {
    this.points += 1;
    const { lat, lon } = point;
    const positioned = lat !== null && lon !== null && Math.abs(lat) <= 90 && Math.abs(lon) <= 180;
    if (positioned) {
      if (this.prevLat !== null && this.prevLon !== null) {
        this.distanceM += haversineM(this.prevLat, this.prevLon, lat, lon);
        this.hasDistance = true;
      }
      this.prevLat = lat;
      this.prevLon = lon;
    }

    const ms = this.time(point.time);
    const hr = point.hr !== null && point.hr > 0 && point.hr < 255 ? point.hr : null;
    if (ms !== null) {
      if (this.timedMs === null) {
        this.firstMs = ms;
        this.lastMs = ms;
      } else if (ms < this.timedMs) {
        this.backwardTimes += 1;
      } else {
        const dt = ms - this.timedMs;
        if (this.isMoving(dt, positioned ? lat : null, positioned ? lon : null)) {
          this.movingMs += dt;
        }
        if (this.prevHr !== null) {
          const weight = Math.min(dt, PAUSE_GAP_MS);
          this.hrSum += this.prevHr * weight;
          this.hrWeight += weight;
        }
        this.lastMs = ms;
      }
      if (this.timedMs === null || ms >= this.timedMs) {
        this.timedMs = ms;
        this.timedLat = positioned ? lat : null;
        this.timedLon = positioned ? lon : null;
        this.brokeSinceTimed = false;
        if (hr !== null) this.prevHr = hr;
      }
    }
    if (hr !== null) {
      this.hrSamples += 1;
      this.hrPlainSum += hr;
      this.maxHr = this.maxHr === null ? hr : Math.max(this.maxHr, hr);
    }
    if (point.ele !== null) this.climb(point.ele);
  }

  /** Time-weighted average heart rate; the plain mean when the points have no usable times. */
  get avgHr(): number | null {
    if (this.hrWeight > 0) return Math.round(this.hrSum / this.hrWeight);
    return this.hrSamples > 0 ? Math.round(this.hrPlainSum / this.hrSamples) : null;
  }

  get elapsedS(): number | null {
    return this.firstMs === null || this.lastMs === null
      ? null
      : (this.lastMs - this.firstMs) / 1000;
  }

  /** Warnings about the times read, for the activity. */
  timeWarnings(): string[] {
    const warnings: string[] = [];
    if (this.placeholderTimes > 0) {
      warnings.push(`${this.placeholderTimes} point times before 1980 ignored as placeholders`);
    }
    if (this.unreadableTimes > 0)
      warnings.push(`${this.unreadableTimes} unreadable point times ignored`);
    if (this.zonelessTimes > 0) warnings.push("point times without a time zone read as UTC");
    if (this.backwardTimes > 0) {
      warnings.push(
        `${this.backwardTimes} points earlier than the one before them ignored for timing`,
      );
    }
    return warnings;
  }

  private time(text: string | null): number | null {
    if (text === null || text === "") return null;
    const parsed = parseXmlTime(text);
    if (parsed === null) {
      this.unreadableTimes += 1;
      return null;
    }
    if (parsed.ms < EARLIEST_MS) {
      this.placeholderTimes += 1;
      return null;
    }
    if (!parsed.zoned) this.zonelessTimes += 1;
    return parsed.ms;
  }

  private isMoving(dtMs: number, lat: number | null, lon: number | null): boolean {
    if (dtMs <= PAUSE_GAP_MS) return true;
    if (this.brokeSinceTimed) return false;
    if (lat === null || lon === null || this.timedLat === null || this.timedLon === null) {
      return true; // no positions: nothing says the runner stopped
    }
    const speed = haversineM(this.timedLat, this.timedLon, lat, lon) / (dtMs / 1000);
    return speed >= STILL_SPEED_MS;
  }

  private climb(ele: number): void {
    this.hasElevation = true;
    if (this.eleRef === null || ele < this.eleRef) {
      this.eleRef = ele;
    } else if (ele - this.eleRef >= ASCENT_HYSTERESIS_M) {
      this.ascentM += ele - this.eleRef;
      this.eleRef = ele;
    }
  }
}

/**
 * A sport from a GPX `<type>` or a TCX Sport: Garmin Connect's keys ("running",
 * "trail_running", "road_biking", "lap_swimming", "strength_training"), Strava's names
 * ("Run", "VirtualRide", "WeightTraining") or Strava's GPX numbers, Amazfit's "Running".
 */
export function sportFromType(type: string): Sport | null {
  const trimmed = type.trim();
  const numbered = STRAVA_TYPE_NUMBERS[trimmed];
  if (numbered) return numbered;
  const words = trimmed
    .replace(/([a-z])([A-Z])/g, "$1 $2")
    .toLowerCase()
    .split(/[^a-z]+/)
    .filter((word) => word !== "");
  for (const [sport, keys] of SPORT_WORDS) {
    if (words.some((word) => keys.includes(word))) return sport;
  }
  return null;
}

/** Strava's activity type numbers in its GPX exports. */
const STRAVA_TYPE_NUMBERS: Readonly<Record<string, Sport>> = {
  "1": "ride",
  "4": "hike",
  "9": "run",
  "10": "walk",
  "16": "swim",
  "17": "ride",
};

const SPORT_WORDS: readonly (readonly [Sport, readonly string[]])[] = [
  ["strength", ["strength", "weight", "weights", "weighttraining", "crossfit"]],
  ["swim", ["swim", "swimming"]],
  ["hike", ["hike", "hiking", "mountaineering"]],
  ["walk", ["walk", "walking"]],
  ["ride", ["ride", "biking", "bike", "cycling", "bicycle", "ebike", "mtb", "cyclocross"]],
  ["run", ["run", "running", "jog", "jogging"]],
];

/** One activity from a track's totals, or why there is none. */
export function activityFromStats(
  stats: TrackStats,
  fields: {
    readonly sport: Sport;
    readonly sourceName: string | null;
    readonly warnings: readonly string[];
    readonly startMs?: number | null;
    readonly endMs?: number | null;
    readonly movingS?: number | null;
    readonly distanceM?: number | null;
    readonly avgHr?: number | null;
    readonly maxHr?: number | null;
  },
): Activity | string {
  const startMs = fields.startMs ?? stats.firstMs;
  if (startMs === null || startMs === undefined) {
    return "holds no usable time, so when it started is unknown";
  }
  const endMs = Math.max(fields.endMs ?? startMs, stats.lastMs ?? startMs);
  const spanS = (endMs - startMs) / 1000;
  const refusal = noDuration(spanS);
  if (refusal !== null) return refusal;
  const short = shortRecordingWarning(spanS);
  return {
    sport: fields.sport,
    start: new Date(startMs).toISOString(),
    elapsedS: roundTo((endMs - startMs) / 1000, 3),
    movingS: fields.movingS !== undefined ? fields.movingS : roundTo(stats.movingMs / 1000, 3),
    distanceM:
      fields.distanceM !== undefined && fields.distanceM !== null
        ? roundTo(fields.distanceM, 1)
        : stats.hasDistance
          ? roundTo(stats.distanceM, 1)
          : null,
    avgHr: fields.avgHr ?? stats.avgHr,
    maxHr: fields.maxHr ?? stats.maxHr,
    ascentM: stats.hasElevation ? roundTo(stats.ascentM, 1) : null,
    sourceName: fields.sourceName,
    warnings: [...fields.warnings, ...stats.timeWarnings(), ...(short === null ? [] : [short])],
  };
}

export function roundTo(value: number, digits: number): number {
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}

interface GpxTrack {
  readonly stats: TrackStats;
  type: string | null;
}

/**
 * Imports a GPX file: one activity per track with points.
 *
 * Over 80 lines: one SAX pass whose handlers share the point being read (time, position, elevation,
 * heart rate) and the track it belongs to.
 */
export function importGpx(bytes: Uint8Array): FileImport {
  let creator: string | null = null;
  const tracks: GpxTrack[] = [];
  let track: GpxTrack | null = null;
  let inPoint = false;
  let time: string | null = null;
  let lat: number | null = null;
  let lon: number | null = null;
  let ele: number | null = null;
  let hr: number | null = null;
  let routes = 0;
  let waypoints = 0;

  try {
    parseXml(bytes, {
      open(name, attributes, depth) {
        if (depth === 1) {
          if (name !== "gpx") throw new XmlRefusal(`not a GPX file: the root element is <${name}>`);
          creator = attributes.creator?.trim() || null;
          return false;
        }
        if (depth === 2) {
          if (name === "trk") {
            track = { stats: new TrackStats(), type: null };
            tracks.push(track);
          } else if (name === "rte") routes += 1;
          else if (name === "wpt") waypoints += 1;
          return false;
        }
        if (track === null) return false;
        if (depth === 3) {
          if (name === "trkseg") track.stats.breakSegment();
          return name === "type";
        }
        if (depth === 4 && name === "trkpt") {
          inPoint = true;
          time = null;
          ele = null;
          hr = null;
          lat = parseNumber(attributes.lat);
          lon = parseNumber(attributes.lon);
          return false;
        }
        if (!inPoint) return false;
        if (depth === 5) return name === "time" || name === "ele";
        return hr === null && (name === "hr" || name === "heartrate");
      },
      close(name, text, depth) {
        if (track === null) return;
        if (depth === 2 && name === "trk") {
          track = null;
        } else if (depth === 3 && name === "type") {
          track.type = text || null;
        } else if (inPoint) {
          if (depth === 4) {
            inPoint = false;
            track.stats.add({ time, lat, lon, ele, hr });
          } else if (depth === 5 && name === "time") time = text;
          else if (depth === 5 && name === "ele") ele = parseNumber(text);
          else if (text !== null && (name === "hr" || name === "heartrate")) hr = parseNumber(text);
        }
      },
    });
  } catch (error) {
    if (error instanceof XmlRefusal) return { ok: false, format: "gpx", error: error.message };
    throw error;
  }

  const withPoints = tracks.filter((candidate) => candidate.stats.points > 0);
  if (withPoints.length === 0) {
    const error =
      routes > 0 || waypoints > 0
        ? "The GPX file holds only routes or waypoints (a planned course), not a recorded activity: not imported."
        : "The GPX file holds no track points: no recorded activity to import.";
    return { ok: false, format: "gpx", error };
  }
  const activities: Activity[] = [];
  const skipped: Skipped[] = [];
  for (const [index, candidate] of withPoints.entries()) {
    const warnings: string[] = [];
    const known = candidate.type === null ? null : sportFromType(candidate.type);
    if (candidate.type === null)
      warnings.push("the file does not say which sport: imported as other");
    else if (known === null)
      warnings.push(`unknown sport ${excerpt(candidate.type)}: imported as other`);
    const result = activityFromStats(candidate.stats, {
      sport: known ?? "other",
      sourceName: creator,
      warnings,
    });
    if (typeof result === "string") {
      skipped.push({ index: index + 1, reason: result, times: candidate.stats.timeWarnings() });
    } else activities.push(result);
  }
  return withSkipped("gpx", "track", withPoints.length, activities, skipped);
}

/** A track (GPX) or Activity (TCX) that gave no activity: why, and what was odd in its times. */
export interface Skipped {
  /** Its number in the file, from 1. */
  readonly index: number;
  /** Why, as activityFromStats says it ("holds a single instant of recording …"). */
  readonly reason: string;
  /** The track's time warnings, which often explain the reason (placeholder or backward times). */
  readonly times: readonly string[];
}

/**
 * A file's result from the activities it gave and the parts it skipped: refused, in one sentence
 * naming why, when nothing was imported; else the skipped parts are warnings on each activity.
 */
export function withSkipped(
  format: "gpx" | "tcx",
  unit: "track" | "activity",
  total: number,
  activities: readonly Activity[],
  skipped: readonly Skipped[],
): FileImport {
  const times = (one: Skipped) => (one.times.length > 0 ? ` (${one.times.join("; ")})` : "");
  const file = `The ${format.toUpperCase()} file`;
  if (activities.length === 0) {
    const [only] = skipped;
    const error =
      total === 1 && only !== undefined
        ? `${file} ${only.reason}: not imported${times(only)}.`
        : `${file}'s ${total} ${unit === "track" ? "tracks" : "activities"} were not imported: ${skipped
            .map((one) => `${unit} ${one.index} ${one.reason}${times(one)}`)
            .join("; ")}.`;
    return { ok: false, format, error };
  }
  const notes = skipped.map(
    (one) => `${unit} ${one.index} of the file not imported: it ${one.reason}${times(one)}`,
  );
  return {
    ok: true,
    format,
    activities: activities.map((activity) =>
      notes.length === 0 ? activity : { ...activity, warnings: [...activity.warnings, ...notes] },
    ),
  };
}
