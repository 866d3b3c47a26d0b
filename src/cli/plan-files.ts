/** `capacity plan --ics FILE` and `--fit DIR`: the plan as a calendar file and as watch workouts. */
import { createHash } from "node:crypto";
import { mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { writeIcs } from "../adapters/calendar/ics.js";
import { fitWorkoutFile } from "../adapters/fit-workout.js";
import { calendarEvents } from "../core/calendar/events.js";
import type { Profile } from "../core/profile/profile.js";
import type { Plan } from "../core/protocol/plan-types.js";
import { UsageError } from "./io.js";

function writeError(what: string, path: string, cause: unknown): UsageError {
  const code = (cause as NodeJS.ErrnoException).code;
  const reason =
    code === "ENOENT"
      ? "its folder does not exist"
      : code === "EISDIR"
        ? "it is a folder"
        : code === "ENOTDIR"
          ? "a part of the path is a file"
          : code === "EACCES"
            ? "permission denied"
            : String(code ?? cause);
  return new UsageError(`cannot write ${what} ${path}: ${reason}`);
}

/** Writes the plan's calendar; answers the number of events. */
export async function writeIcsFile(
  plan: Plan,
  profile: Profile,
  path: string,
  appUrl: string,
  now: Date,
): Promise<number> {
  const events = calendarEvents(plan, {
    checkinUrl: `${appUrl.replace(/\/+$/, "")}/checkin`,
    ...(profile.sessionTime === undefined ? {} : { sessionTime: profile.sessionTime }),
    ...(profile.reminderMinutes === undefined ? {} : { reminderMinutes: profile.reminderMinutes }),
  });
  const text = writeIcs(events, {
    timezone: profile.timezone ?? "UTC",
    // Stable for one athlete's profile, so importing a newer file updates the same events.
    uidPrefix: createHash("sha256")
      .update(`file:${profile.name}:${profile.birthYear}`)
      .digest("hex")
      .slice(0, 20),
    now,
    calendarName: `Capacity strength (${profile.name})`,
  });
  try {
    await writeFile(path, text, "utf8");
  } catch (cause) {
    throw writeError("the calendar file", path, cause);
  }
  return events.length;
}

/** The file name of a session's workout. */
export function fitFileName(date: string): string {
  return `capacity-${date}.fit`;
}

/** Writes one FIT workout per session not done yet; answers the files written. */
export async function writeFitFiles(plan: Plan, dir: string, now: Date): Promise<string[]> {
  try {
    await mkdir(dir, { recursive: true });
  } catch (cause) {
    throw writeError("the folder", dir, cause);
  }
  const written: string[] = [];
  for (const session of plan.weeks.flatMap((week) => week.sessions)) {
    if (session.done) continue;
    const path = join(dir, fitFileName(session.date));
    try {
      await writeFile(path, fitWorkoutFile(session, now));
    } catch (cause) {
      throw writeError("the workout file", path, cause);
    }
    written.push(path);
  }
  return written;
}
