/**
 * FIT importer (docs/importers.md): bytes in, one Activity per session message out, never a throw.
 *
 * fit-file-parser (MIT) decodes the messages; we wrap it where the real files of the corpus
 * show it wrong (docs/importers.md): fit-container.ts splits chained FIT files (the parser
 * reads only the first), checks every header and CRC (the parser checks none with `force`),
 * hands the parser the readable prefix of a file cut short (it refuses those outright) and
 * skips damaged stretches (the Strava Android app file).
 */
import FitParser, { getFitGarminProductDisplayName } from "fit-file-parser";
import type { Activity, FileImport, Sport } from "../../core/running/activity.js";
import { noDuration, shortRecordingWarning } from "../../core/running/min-recording.js";
import { type FitPart, readFitContainer } from "./fit-container.js";

/** What we read of the parser's output; it is loosely typed, so every field is checked. */
type Message = Readonly<Record<string, unknown>>;

interface Decoded {
  readonly fileId: Message | null;
  readonly sessions: readonly Message[];
  readonly records: readonly Message[];
  readonly events: readonly Message[];
  readonly activity: Message | null;
  readonly sport: Message | null;
}

const FILE_TYPE_NAMES: Readonly<Record<string, string>> = {
  settings: "settings",
  sport: "sport settings",
  device: "device description",
  workout: "planned workout",
  course: "course",
  schedules: "schedule",
  weight: "weight scale",
  totals: "totals",
  goals: "goals",
  blood_pressure: "blood pressure",
  monitoring_a: "daily monitoring",
  monitoring_b: "daily monitoring",
  monitoring_daily: "daily monitoring",
  activity_summary: "activity summary",
  segment: "segment",
  segment_list: "segment list",
  exd_configuration: "data screen configuration",
};

/** FIT date_time values below 0x10000000 s count from the device's power-on, not 1989-12-31. */
const FIT_EPOCH_MS = Date.UTC(1989, 11, 31);
const MIN_ABSOLUTE_MS = FIT_EPOCH_MS + 0x10000000 * 1000;
/** Records spanning less than this are no usable activity: the one rule of every format. */

export function importFit(bytes: Uint8Array): FileImport {
  try {
    return importFitUnsafe(bytes);
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    return { ok: false, format: "fit", error: `The FIT file could not be read (${detail}).` };
  }
}

function importFitUnsafe(bytes: Uint8Array): FileImport {
  const container = readFitContainer(bytes);
  if (!container.ok) return { ok: false, format: "fit", error: container.error };
  const chained = container.parts.length > 1;
  const activities: Activity[] = [];
  const refusals: string[] = [];
  let firstFileType: string | null = null;
  for (const part of container.parts) {
    const label = chained
      ? `FIT file ${part.index} of ${container.parts.length} in this file`
      : "The file";
    const refuse = (reason: string) =>
      refusals.push(chained ? `${label}: ${reason}` : `The FIT file ${reason}`);
    const decoded = decode(part);
    if (typeof decoded === "string") {
      refuse(decoded);
      continue;
    }
    const fileType = typeof decoded.fileId?.type === "string" ? decoded.fileId.type : null;
    firstFileType ??= fileType ?? "";
    if (fileType !== null && fileType !== "activity") {
      const name = FILE_TYPE_NAMES[fileType] ?? fileType.replaceAll("_", " ");
      refusals.push(`This is a FIT ${name} file, not an activity.`);
      continue;
    }
    if (
      part.cut === null &&
      decoded.fileId === null &&
      decoded.sessions.length === 0 &&
      decoded.records.length === 0
    ) {
      // Data a device chains after an activity (e.g. the heart rate an HRM-Swim stored): no activity.
      continue;
    }
    const sourceName = sourceNameOf(decoded.fileId);
    const clock = clockCorrection(decoded);
    if (decoded.sessions.length > 0) {
      for (const session of decoded.sessions) {
        const activity = fromSession(session, decoded, sourceName, clock, warningsFor(part, label));
        if (typeof activity === "string") refuse(activity);
        else activities.push(activity);
      }
    } else {
      const activity = fromRecords(decoded, sourceName, clock, part, label);
      if (typeof activity === "string") refuse(activity);
      else activities.push(activity);
    }
  }
  if (activities.length > 0) {
    if (refusals.length > 0) {
      const note = `Part of the file was not imported: ${refusals.join(" ")}`;
      return {
        ok: true,
        format: "fit",
        activities: activities.map((a) => ({ ...a, warnings: [...a.warnings, note] })),
      };
    }
    return { ok: true, format: "fit", activities };
  }
  const error =
    refusals.length === 1 || (firstFileType !== null && firstFileType !== "activity")
      ? (refusals[0] as string | undefined)
      : refusals.join(" ");
  const crcNote = container.parts.some((p) => p.crc.file === "mismatch")
    ? " Its CRC does not match its content either: the file is damaged."
    : "";
  return {
    ok: false,
    format: "fit",
    error: `${error ?? "The FIT file holds no activity."}${crcNote}`,
  };
}

function warningsFor(part: FitPart, label: string): string[] {
  const warnings: string[] = [];
  if (part.cut !== null) {
    warnings.push(
      `${label} is cut short (${part.cut.reason}): imported what was read before byte ${part.cut.atByte}.`,
    );
  }
  if (part.skipped !== null) {
    warnings.push(
      `${label} is damaged in ${part.skipped.stretches} place(s): ${part.skipped.bytes} unreadable bytes were skipped and the rest imported.`,
    );
  }
  if (part.crc.file === "mismatch") {
    warnings.push(
      `${label} does not match its CRC (stored ${hex(part.crc.fileCrcStored)}, computed ${hex(part.crc.fileCrcComputed)}): it may be damaged; imported as read.`,
    );
  } else if (part.crc.file === "missing" && part.cut === null) {
    warnings.push(`${label} has no CRC at its end: it could not be checked.`);
  }
  return warnings;
}

function hex(value: number | null): string {
  return value === null ? "none" : `0x${value.toString(16).toUpperCase().padStart(4, "0")}`;
}

function decode(part: FitPart): Decoded | string {
  const parser = new FitParser({ force: true, mode: "list", lengthUnit: "m", speedUnit: "m/s" });
  let result: Decoded | string = "the parser returned nothing";
  const buffer = Buffer.from(part.bytes.buffer, part.bytes.byteOffset, part.bytes.byteLength);
  parser.parse(buffer as Buffer<ArrayBuffer>, (error, data) => {
    if (error !== undefined || data === undefined) {
      result = `could not be decoded (${error ?? "no data"}).`;
      return;
    }
    const raw = data as unknown as Record<string, unknown>;
    result = {
      fileId: (list(raw.file_ids)[0] as Message | undefined) ?? null,
      sessions: list(raw.sessions),
      records: list(raw.records),
      events: list(raw.events),
      activity: message(raw.activity),
      sport: message(raw.sport) ?? (list(raw.sports)[0] as Message | undefined) ?? null,
    };
  });
  return result;
}

function list(value: unknown): Message[] {
  return Array.isArray(value)
    ? value.filter((m): m is Message => typeof m === "object" && m !== null)
    : [];
}

function message(value: unknown): Message | null {
  return typeof value === "object" && value !== null && !Array.isArray(value)
    ? (value as Message)
    : null;
}

function num(value: unknown): number | null {
  return typeof value === "number" && Number.isFinite(value) ? value : null;
}

function ms(value: unknown): number | null {
  return value instanceof Date && Number.isFinite(value.getTime()) ? value.getTime() : null;
}

/**
 * A device whose clock was never set writes times counted from its power-on (FIT date_time
 * below 0x10000000). The activity message's local_timestamp is then the only real date: we
 * shift by the difference, which gives local time with an unknown time zone.
 */
interface Clock {
  readonly shiftMs: number;
  readonly warning: string | null;
}

function clockCorrection(decoded: Decoded): Clock | null {
  const timestamp = ms(decoded.activity?.timestamp);
  const local = ms(decoded.activity?.local_timestamp);
  if (
    timestamp !== null &&
    timestamp < MIN_ABSOLUTE_MS &&
    local !== null &&
    local >= MIN_ABSOLUTE_MS
  ) {
    return {
      shiftMs: local - timestamp,
      warning:
        "The device's clock was not set: the start is taken from its local time, so it may be off by the time zone.",
    };
  }
  return null;
}

function instant(
  value: unknown,
  clock: Clock | null,
): { iso: string; warning: string | null } | string {
  const at = ms(value);
  if (at === null) return "holds no start time.";
  if (at >= MIN_ABSOLUTE_MS) return { iso: new Date(at).toISOString(), warning: null };
  if (clock !== null)
    return { iso: new Date(at + clock.shiftMs).toISOString(), warning: clock.warning };
  return "holds no date: the device's clock was not set.";
}

/** The timed records of one session: from its start to its end (all after the start without an end). */
function sessionRecords(
  records: readonly Message[],
  startMs: number | null,
  endMs: number | null,
): { timed: Message[]; spanS: number | null } {
  if (startMs === null) return { timed: [], spanS: null };
  const timed = records.filter((r) => {
    const at = ms(r.timestamp);
    return at !== null && at >= startMs && (endMs === null || at <= endMs);
  });
  const first = ms(timed[0]?.timestamp);
  const last = ms(timed.at(-1)?.timestamp);
  // A span needs two records: one record says nothing about how long the session lasted.
  return {
    timed,
    spanS: timed.length >= 2 && first !== null && last !== null ? (last - first) / 1000 : null,
  };
}

function fromSession(
  session: Message,
  decoded: Decoded,
  sourceName: string | null,
  clock: Clock | null,
  partWarnings: readonly string[],
): Activity | string {
  const start = instant(session.start_time ?? session.timestamp, clock);
  if (typeof start === "string") return start;
  const warnings = start.warning === null ? [...partWarnings] : [...partWarnings, start.warning];
  const startMs = ms(session.start_time);
  const statedElapsed = num(session.total_elapsed_time);
  let elapsedS = statedElapsed;
  let movingS = num(session.total_timer_time);
  // The session's end: its timestamp when it is after the start, else start plus elapsed.
  const stampMs = ms(session.timestamp);
  const endMs =
    startMs !== null && stampMs !== null && stampMs > startMs
      ? stampMs
      : startMs !== null && statedElapsed !== null && statedElapsed > 0
        ? startMs + statedElapsed * 1000
        : null;
  const records = sessionRecords(decoded.records, startMs, endMs);
  // What the session lacks comes from its records (an Edge 830 indoor ride holds only its
  // start, end and timer time), never from one record.
  if (elapsedS === null && records.spanS !== null) elapsedS = records.spanS;
  if (elapsedS === null && endMs !== null && startMs !== null && stampMs === endMs) {
    elapsedS = (endMs - startMs) / 1000;
  }
  // A session that contradicts itself (moving longer than elapsed) is checked against its
  // records, which the device wrote as it went.
  if (elapsedS !== null && movingS !== null && movingS > elapsedS + 1) {
    const fromRecordsS = records.spanS;
    const trusted = fromRecordsS !== null && fromRecordsS > elapsedS ? fromRecordsS : movingS;
    warnings.push(
      `The session's elapsed time (${Math.round(elapsedS)} s) is shorter than its timer time (${Math.round(movingS)} s)` +
        (fromRecordsS !== null && fromRecordsS > elapsedS
          ? `; its records span ${Math.round(fromRecordsS)} s, so the elapsed time was taken from them.`
          : ": the elapsed time was taken as the timer time."),
    );
    elapsedS = trusted;
    if (movingS > elapsedS) movingS = elapsedS;
  }
  // The one rule on short recordings of every format (core/running/min-recording.ts).
  if (elapsedS !== null) {
    const refusal = noDuration(elapsedS);
    if (refusal !== null) return `${refusal}.`;
    const short = shortRecordingWarning(elapsedS);
    if (short !== null) warnings.push(short);
  }
  let avgHr = positive(session.avg_heart_rate);
  let maxHr = positive(session.max_heart_rate);
  if (avgHr === null && maxHr === null) {
    // Some devices (the Fenix 2, the Edge 830 indoors) leave the session's heart rate out but
    // record it as they go.
    const hr = heartRate(records.timed, null, null);
    avgHr = hr.avg;
    maxHr = hr.max;
  }
  const distance = num(session.total_distance);
  return {
    sport: sportOf(session.sport, session.sub_sport),
    start: start.iso,
    elapsedS,
    movingS,
    distanceM: distance !== null && distance > 0 ? distance : null,
    avgHr,
    maxHr,
    ascentM: num(session.total_ascent),
    sourceName,
    warnings,
  };
}

function fromRecords(
  decoded: Decoded,
  sourceName: string | null,
  clock: Clock | null,
  part: FitPart,
  label: string,
): Activity | string {
  const timed = decoded.records.filter((r) => ms(r.timestamp) !== null);
  const first = timed[0];
  const last = timed[timed.length - 1];
  if (first === undefined || last === undefined) {
    return part.cut !== null
      ? `is cut short (${part.cut.reason}) and what was read before the break holds no activity.`
      : "holds no session summary and no timed records to derive an activity from.";
  }
  const start = instant(first.timestamp, clock);
  if (typeof start === "string") return start;
  const firstMs = ms(first.timestamp) as number;
  const lastMs = ms(last.timestamp) as number;
  const spanS = (lastMs - firstMs) / 1000;
  const refusal = noDuration(spanS);
  if (refusal !== null) {
    return part.cut !== null
      ? `is cut short (${part.cut.reason}) and what was read before the break ${refusal}.`
      : `holds no session summary and ${refusal}.`;
  }
  let distance: number | null = null;
  for (const r of timed) {
    const d = num(r.distance);
    if (d !== null && (distance === null || d > distance)) distance = d;
  }
  const hr = heartRate(timed, null, null);
  const sport = decoded.sport;
  // A recording never finished also lacks a valid end (nick.fit: its last bytes are read as a
  // CRC that cannot match): one warning says it all, unless bytes were skipped as damaged.
  const unfinished = part.cut !== null || part.crc.file !== "ok";
  const warnings = [
    `${label} has no session summary${unfinished ? " and no valid end" : ""} (the recording was never finished, or the file was cut short): the activity was derived from its records.`,
    ...warningsFor(part, label).filter(() => part.skipped !== null),
  ];
  if (start.warning !== null) warnings.push(start.warning);
  const short = shortRecordingWarning(spanS);
  if (short !== null) warnings.push(short);
  return {
    sport: sportOf(sport?.sport, sport?.sub_sport),
    start: start.iso,
    elapsedS: spanS,
    movingS: timerTime(decoded.events, lastMs),
    distanceM: distance !== null && distance > 0 ? distance : null,
    avgHr: hr.avg,
    maxHr: hr.max,
    ascentM: null,
    sourceName,
    warnings,
  };
}

/** Timer time from the timer start/stop events, when the file has them. */
function timerTime(events: readonly Message[], endMs: number): number | null {
  let runningSince: number | null = null;
  let totalMs = 0;
  let seen = false;
  for (const e of events) {
    if (e.event !== "timer") continue;
    const at = ms(e.timestamp);
    if (at === null) continue;
    seen = true;
    if (e.event_type === "start") {
      runningSince ??= at;
    } else if (typeof e.event_type === "string" && e.event_type.startsWith("stop")) {
      if (runningSince !== null) totalMs += at - runningSince;
      runningSince = null;
    }
  }
  if (!seen) return null;
  if (runningSince !== null && endMs > runningSince) totalMs += endMs - runningSince;
  return totalMs / 1000;
}

function positive(value: unknown): number | null {
  const n = num(value);
  return n !== null && n > 0 ? n : null;
}

function heartRate(
  records: readonly Message[],
  fromMs: number | null,
  toMs: number | null,
): { avg: number | null; max: number | null } {
  let sum = 0;
  let count = 0;
  let max = 0;
  for (const r of records) {
    const hr = positive(r.heart_rate);
    if (hr === null) continue;
    if (fromMs !== null && toMs !== null) {
      const at = ms(r.timestamp);
      if (at === null || at < fromMs || at > toMs) continue;
    }
    sum += hr;
    count++;
    if (hr > max) max = hr;
  }
  // One sample is no average: a session's heart rate comes from two records or more.
  return count < 2 ? { avg: null, max: null } : { avg: Math.round(sum / count), max };
}

/** FIT sport and sub-sport names (fit-file-parser gives names, or numbers it does not know). */
export function sportOf(sport: unknown, subSport: unknown): Sport {
  if (subSport === "treadmill" || subSport === "indoor_running" || subSport === "track") {
    if (sport === "running" || sport === "fitness_equipment") return "run";
  }
  if (subSport === "strength_training") return "strength";
  if (subSport === "indoor_cycling" && sport === "fitness_equipment") return "ride";
  switch (sport) {
    case "running":
      return "run";
    case "cycling":
    case "e_biking":
      return "ride";
    case "walking":
      return "walk";
    case "hiking":
      return "hike";
    case "swimming":
      return "swim";
    case "training":
      // Garmin's "Strength" is training/strength_training; yoga, pilates, cardio are not.
      return subSport === undefined || subSport === "generic" ? "strength" : "other";
    default:
      return "other";
  }
}

/** "Garmin Fenix 5", "Strava", "Suunto 9 Baro", "Wahoo Fitness"... from the file_id message. */
export function sourceNameOf(fileId: Message | null): string | null {
  if (fileId === null) return null;
  const manufacturer =
    typeof fileId.manufacturer === "string" ? titleCase(fileId.manufacturer) : null;
  const productName = typeof fileId.product_name === "string" ? fileId.product_name.trim() : "";
  if (productName !== "") {
    if (manufacturer === null || productName.toLowerCase().startsWith(manufacturer.toLowerCase())) {
      return productName;
    }
    return `${manufacturer} ${productName}`;
  }
  if (fileId.manufacturer === "garmin") {
    const product = getFitGarminProductDisplayName(
      num(fileId.product) ?? (fileId.product as string | null),
    );
    if (product !== null) return `Garmin ${product}`;
  }
  return manufacturer;
}

function titleCase(name: string): string {
  return name
    .split("_")
    .filter((w) => w !== "")
    .map((w) => w.charAt(0).toUpperCase() + w.slice(1))
    .join(" ");
}
