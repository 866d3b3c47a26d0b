// The benchmark's run history (bench/import.js): a deterministic 10-year history of one-hour
// runs at 1 Hz written as FIT, GPX and TCX files (some gzipped) into one zip, as a Strava or
// Garmin bulk export holds them.

import { createWriteStream } from "node:fs";
import { availableParallelism } from "node:os";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { Worker } from "node:worker_threads";
import { gzipSync } from "node:zlib";
import yazl from "yazl";
import { encodeRunFit } from "./fit-writer.js";

/** mulberry32: a small seeded generator (the same as bench/run.js). */
export function random(seed) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const DAY_MS = 86_400_000;
const FORMATS = ["fit", "gpx", "tcx"];

/**
 * `runs` runs on distinct days over `years` years ending 2026-10-31, in date order: format by
 * turns (a third each), about `gzipShare` of them gzipped. Each run carries its own seed, so
 * any one can be rendered alone.
 */
export function planHistory({ seed, runs, years, pointsPerRun, gzipShare }) {
  const next = random(seed);
  const end = Date.UTC(2026, 9, 31);
  const days = Math.floor((years * 365.25 * DAY_MS) / DAY_MS);
  if (runs > days) throw new Error("more runs than days");
  // A partial Fisher-Yates shuffle picks `runs` distinct days.
  const order = Array.from({ length: days }, (_, i) => i);
  for (let i = 0; i < runs; i++) {
    const j = i + Math.floor(next() * (days - i));
    [order[i], order[j]] = [order[j], order[i]];
  }
  const chosen = order.slice(0, runs).sort((a, b) => a - b);
  return chosen.map((day, index) => {
    const format = FORMATS[index % 3];
    const gzip = next() < gzipShare;
    // Between 05:30 and 20:00 UTC, to the second.
    const startMs = end - (days - day) * DAY_MS + Math.floor((5.5 + next() * 14.5) * 3600) * 1000;
    const date = new Date(startMs).toISOString().slice(0, 10);
    return {
      index,
      seed: Math.floor(next() * 2 ** 32),
      startMs,
      points: pointsPerRun,
      format,
      gzip,
      name: `activities/${date}-${String(index + 1).padStart(4, "0")}.${format}${gzip ? ".gz" : ""}`,
    };
  });
}

/** A run at 1 Hz around Lausanne: columns of time, position, altitude, heart rate, distance. */
export function simulateTrack(run) {
  const next = random(run.seed);
  const n = run.points;
  const timeMs = new Float64Array(n);
  const lat = new Float64Array(n);
  const lon = new Float64Array(n);
  const altitude = new Float64Array(n);
  const hr = new Uint8Array(n);
  const distance = new Float64Array(n);
  const base = 2.6 + next() * 0.9; // m/s
  let heading = next() * 2 * Math.PI;
  let la = 46.52 + (next() - 0.5) * 0.05;
  let lo = 6.63 + (next() - 0.5) * 0.08;
  const phase = next() * 6.28;
  let d = 0;
  let pulse = 95 + next() * 10;
  for (let i = 0; i < n; i++) {
    const speed = base + 0.25 * Math.sin(i / 97 + phase) + (next() - 0.5) * 0.2;
    if (i > 0) {
      d += speed;
      heading += (next() - 0.5) * 0.08;
      la += (speed * Math.cos(heading)) / 111_320;
      lo += (speed * Math.sin(heading)) / (111_320 * Math.cos((la * Math.PI) / 180));
    }
    const target = 118 + 22 * (speed / base) + i / 180;
    pulse += (target - pulse) * 0.02 + (next() - 0.5) * 1.5;
    timeMs[i] = run.startMs + i * 1000;
    lat[i] = la;
    lon[i] = lo;
    altitude[i] = 420 + 35 * Math.sin(i / 700 + phase) + (next() - 0.5) * 0.6;
    hr[i] = Math.max(60, Math.min(200, Math.round(pulse)));
    distance[i] = d;
  }
  return { timeMs, lat, lon, altitude, hr, distance };
}

/** What a watch puts in its session summary. */
export function summarize(track) {
  let sum = 0;
  let max = 0;
  let ascent = 0;
  let ref = track.altitude[0];
  for (let i = 0; i < track.hr.length; i++) {
    sum += track.hr[i];
    if (track.hr[i] > max) max = track.hr[i];
    const alt = track.altitude[i];
    if (alt > ref + 3) {
      ascent += alt - ref;
      ref = alt;
    } else if (alt < ref - 3) ref = alt;
  }
  const n = track.hr.length;
  return {
    avgHr: Math.round(sum / n),
    maxHr: max,
    ascentM: Math.round(ascent),
    distanceM: track.distance[n - 1],
    elapsedS: (track.timeMs[n - 1] - track.timeMs[0]) / 1000,
  };
}

function iso(ms) {
  return new Date(ms).toISOString().replace(".000Z", "Z");
}

/** A GPX file as Garmin Connect exports it (indented, TrackPointExtension heart rate). */
export function renderGpx(run, track) {
  const parts = [
    '<?xml version="1.0" encoding="UTF-8"?>\n',
    '<gpx creator="Garmin Connect" version="1.1" xmlns="http://www.topografix.com/GPX/1/1" xmlns:ns3="http://www.garmin.com/xmlschemas/TrackPointExtension/v1" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://www.topografix.com/GPX/1/1 http://www.topografix.com/GPX/1/1/gpx.xsd">\n',
    `  <metadata>\n    <time>${iso(run.startMs)}</time>\n  </metadata>\n`,
    "  <trk>\n    <name>Run</name>\n    <type>running</type>\n    <trkseg>\n",
  ];
  for (let i = 0; i < track.timeMs.length; i++) {
    parts.push(
      `      <trkpt lat="${track.lat[i].toFixed(7)}" lon="${track.lon[i].toFixed(7)}">\n        <ele>${track.altitude[i].toFixed(1)}</ele>\n        <time>${iso(track.timeMs[i])}</time>\n        <extensions>\n          <ns3:TrackPointExtension>\n            <ns3:hr>${track.hr[i]}</ns3:hr>\n          </ns3:TrackPointExtension>\n        </extensions>\n      </trkpt>\n`,
    );
  }
  parts.push("    </trkseg>\n  </trk>\n</gpx>\n");
  return Buffer.from(parts.join(""));
}

/** A TCX file as Garmin Connect exports it: one lap per kilometre, indented. */
export function renderTcx(run, track) {
  const n = track.timeMs.length;
  const parts = [
    '<?xml version="1.0" encoding="UTF-8"?>\n',
    '<TrainingCenterDatabase xsi:schemaLocation="http://www.garmin.com/xmlschemas/TrainingCenterDatabase/v2 http://www.garmin.com/xmlschemas/TrainingCenterDatabasev2.xsd" xmlns:ns5="http://www.garmin.com/xmlschemas/ActivityGoals/v1" xmlns:ns3="http://www.garmin.com/xmlschemas/ActivityExtension/v2" xmlns:ns2="http://www.garmin.com/xmlschemas/UserProfile/v2" xmlns="http://www.garmin.com/xmlschemas/TrainingCenterDatabase/v2" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">\n',
    `  <Activities>\n    <Activity Sport="Running">\n      <Id>${iso(run.startMs)}</Id>\n`,
  ];
  let lapStart = 0;
  while (lapStart < n - 1) {
    let lapEnd = lapStart + 1;
    const lapFrom = track.distance[lapStart];
    while (lapEnd < n - 1 && track.distance[lapEnd] - lapFrom < 1000) lapEnd++;
    let sum = 0;
    let max = 0;
    for (let i = lapStart; i <= lapEnd; i++) {
      sum += track.hr[i];
      if (track.hr[i] > max) max = track.hr[i];
    }
    const seconds = (track.timeMs[lapEnd] - track.timeMs[lapStart]) / 1000;
    parts.push(
      `      <Lap StartTime="${iso(track.timeMs[lapStart])}">\n        <TotalTimeSeconds>${seconds.toFixed(1)}</TotalTimeSeconds>\n        <DistanceMeters>${(track.distance[lapEnd] - lapFrom).toFixed(1)}</DistanceMeters>\n        <MaximumSpeed>4.2</MaximumSpeed>\n        <Calories>80</Calories>\n        <AverageHeartRateBpm>\n          <Value>${Math.round(sum / (lapEnd - lapStart + 1))}</Value>\n        </AverageHeartRateBpm>\n        <MaximumHeartRateBpm>\n          <Value>${max}</Value>\n        </MaximumHeartRateBpm>\n        <Intensity>Active</Intensity>\n        <TriggerMethod>Distance</TriggerMethod>\n        <Track>\n`,
    );
    // The lap's first point is the previous lap's last, as Garmin writes it: skip the repeat.
    for (let i = lapStart === 0 ? 0 : lapStart + 1; i <= lapEnd; i++) {
      parts.push(
        `          <Trackpoint>\n            <Time>${iso(track.timeMs[i])}</Time>\n            <Position>\n              <LatitudeDegrees>${track.lat[i].toFixed(7)}</LatitudeDegrees>\n              <LongitudeDegrees>${track.lon[i].toFixed(7)}</LongitudeDegrees>\n            </Position>\n            <AltitudeMeters>${track.altitude[i].toFixed(1)}</AltitudeMeters>\n            <DistanceMeters>${track.distance[i].toFixed(1)}</DistanceMeters>\n            <HeartRateBpm>\n              <Value>${track.hr[i]}</Value>\n            </HeartRateBpm>\n          </Trackpoint>\n`,
      );
    }
    parts.push("        </Track>\n      </Lap>\n");
    lapStart = lapEnd;
  }
  parts.push(
    '      <Creator xsi:type="Device_t">\n        <Name>Forerunner 945</Name>\n      </Creator>\n    </Activity>\n  </Activities>\n</TrainingCenterDatabase>\n',
  );
  return Buffer.from(parts.join(""));
}

/** One run's file, as stored in the archive (gzipped when the plan says so). */
export function renderRun(run) {
  const track = simulateTrack(run);
  let bytes;
  if (run.format === "fit") {
    bytes = Buffer.from(
      encodeRunFit({ track, serial: 3_900_000_000 + (run.seed % 1000), summary: summarize(track) }),
    );
  } else if (run.format === "gpx") bytes = renderGpx(run, track);
  else bytes = renderTcx(run, track);
  const plainBytes = bytes.length;
  return { bytes: run.gzip ? gzipSync(bytes) : bytes, plainBytes, track };
}

/**
 * Writes the history into one zip at `path`, one entry at a time (never the whole history in
 * memory): gzipped entries are stored, the others deflated. Runs are rendered a few ahead on
 * `threads` worker threads. Resolves to the sizes written.
 */
export async function writeHistoryZip(path, runs, threads = Math.max(1, availableParallelism())) {
  const workers = Array.from(
    { length: threads },
    () => new Worker(new URL("./import-render-worker.js", import.meta.url)),
  );
  const idle = [...workers];
  const waiting = [];
  const rendered = new Map();
  let next = 0;
  const AHEAD = threads * 3;
  const render = (run) =>
    new Promise((resolve, reject) => {
      const go = (worker) => {
        const done = (message) => {
          worker.off("error", reject);
          const follower = waiting.shift();
          if (follower) follower(worker);
          else idle.push(worker);
          resolve(message);
        };
        worker.once("message", done);
        worker.once("error", reject);
        worker.postMessage(run);
      };
      const worker = idle.pop();
      if (worker) go(worker);
      else waiting.push(go);
    });
  const ahead = (upTo) => {
    for (; next < Math.min(upTo, runs.length); next++) rendered.set(next, render(runs[next]));
  };

  const zip = new yazl.ZipFile();
  const sizes = { entries: 0, plainBytes: 0, entryBytes: 0 };
  runs.forEach((run, index) => {
    zip.addReadStreamLazy(
      run.name,
      { compress: !run.gzip, mtime: new Date(run.startMs) },
      (callback) => {
        ahead(index + 1 + AHEAD);
        const job = rendered.get(index);
        rendered.delete(index);
        job.then(({ bytes, plainBytes }) => {
          sizes.entries += 1;
          sizes.plainBytes += plainBytes;
          sizes.entryBytes += bytes.length;
          callback(
            null,
            Readable.from([Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length)]),
          );
        }, callback);
      },
    );
  });
  zip.end();
  try {
    await pipeline(zip.outputStream, createWriteStream(path));
  } finally {
    await Promise.all(workers.map((worker) => worker.terminate()));
  }
  return sizes;
}
