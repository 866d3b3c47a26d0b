import { planFromDocuments } from "../../app/plan-weeks.js";
import type { Profile } from "../../core/profile/profile.js";
import { formatInvalid } from "../../core/result.js";
import { parseFlags } from "../args.js";
import { PLAN_HELP } from "../help.js";
import { type CliIo, EXIT_OK, readJsonFile, UsageError } from "../io.js";
import { renderPlan } from "../render-plan.js";

/** Weeks written by --ics and --fit when --weeks is not given. */
const FILE_WEEKS = 8;
/** Where the calendar's check-in links point when --app-url is not given (the server's default). */
const DEFAULT_APP_URL = "http://localhost:3000";

// Over 80 lines: a command's flags, checks, plan and output files in sequence, each step a guard
// with its own exit code and message.
export async function planCommand(argv: string[], io: CliIo): Promise<number> {
  const { values } = parseFlags("plan", argv, {
    profile: { type: "string" },
    log: { type: "string" },
    from: { type: "string" },
    weeks: { type: "string" },
    json: { type: "boolean" },
    ics: { type: "string" },
    fit: { type: "string" },
    "app-url": { type: "string" },
    help: { type: "boolean", short: "h" },
  });
  if (values.help) {
    io.out(PLAN_HELP);
    return EXIT_OK;
  }
  if (!values.profile)
    throw new UsageError("--profile FILE is required (see capacity plan --help)");
  let weeks: number | undefined;
  if (values.weeks !== undefined) {
    if (!/^\d+$/.test(values.weeks)) {
      throw new UsageError(
        `--weeks: "${values.weeks}" is not accepted; expected a whole number from 1 to 104`,
      );
    }
    weeks = Number(values.weeks);
  } else if (values.ics !== undefined || values.fit !== undefined) {
    // A calendar or a watch is filled for the weeks ahead, as the server's feed is.
    weeks = FILE_WEEKS;
  }
  const appUrl = values["app-url"] ?? DEFAULT_APP_URL;
  if (!/^https?:\/\/[^\s/]+/.test(appUrl)) {
    throw new UsageError(
      `--app-url: "${appUrl}" is not accepted; expected an http:// or https:// address`,
    );
  }
  const profile = await readJsonFile(values.profile, "profile");
  const log = values.log === undefined ? undefined : await readJsonFile(values.log, "log");
  const result = await planFromDocuments(
    {
      profile,
      ...(log === undefined ? {} : { log }),
      ...(values.from === undefined ? {} : { from: values.from }),
      ...(weeks === undefined ? {} : { weeks }),
    },
    io.clock,
  );
  if (!result.ok) {
    const { source } = result.error;
    const where =
      source === "profile"
        ? `profile ${values.profile}`
        : source === "log"
          ? `log ${values.log}`
          : "";
    const flag =
      source === "from" || source === "weeks"
        ? `--${source}: ${result.error.message}`
        : formatInvalid(result.error);
    throw new UsageError(where ? `${where}: ${flag}` : flag);
  }
  const notes: string[] = [];
  // The writers (ical-generator, the FIT encoder) load only when a file is asked for: a plain
  // plan stays a fast start.
  const files =
    values.ics !== undefined || values.fit !== undefined ? await import("../plan-files.js") : null;
  if (files && values.ics !== undefined) {
    const count = await files.writeIcsFile(
      result.value,
      profile as Profile,
      values.ics,
      appUrl,
      io.clock.now(),
    );
    notes.push(`Wrote ${count} calendar events to ${values.ics}.`);
  }
  if (files && values.fit !== undefined) {
    const written = await files.writeFitFiles(result.value, values.fit, io.clock.now());
    notes.push(`Wrote ${written.length} FIT workouts to ${values.fit}.`);
  }
  if (values.json) {
    io.out(`${JSON.stringify(result.value, null, 2)}\n`);
  } else if (notes.length > 0) {
    io.out(`${notes.join("\n")}\n`);
  } else {
    const name =
      typeof profile === "object" && profile && "name" in profile ? String(profile.name) : "";
    io.out(renderPlan(result.value, name));
  }
  return EXIT_OK;
}
