import { parse } from "csv-parse/sync";
import type { Activity, Sport } from "../../core/running/activity.js";

/**
 * Strava's bulk export `activities.csv` (docs/importers.md). Its header repeats column names:
 * the first "Elapsed Time" and "Distance" are the summary (distance in km), the second ones
 * the detailed values (distance in metres). Dates such as "Oct 4, 2026, 7:12:00 AM" are UTC.
 */
export interface StravaRow {
  /** The activity file inside the archive (e.g. `activities/123.fit.gz`), or null for a manual entry. */
  readonly file: string | null;
  readonly activity: Activity;
  /** 1-based line of the row, for messages. */
  readonly line: number;
}

const SPORTS: Record<string, Sport> = {
  run: "run",
  "virtual run": "run",
  "trail run": "run",
  ride: "ride",
  "virtual ride": "ride",
  "e-bike ride": "ride",
  "mountain bike ride": "ride",
  "gravel ride": "ride",
  walk: "walk",
  hike: "hike",
  swim: "swim",
  "weight training": "strength",
  workout: "strength",
  crossfit: "strength",
};

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/** "Oct 4, 2026, 7:12:00 AM" (UTC) → ISO 8601, or null. */
export function stravaDate(text: string): string | null {
  const match = /^([A-Z][a-z]{2}) (\d{1,2}), (\d{4}),? (\d{1,2}):(\d{2}):(\d{2}) ([AP]M)$/.exec(
    text.trim(),
  );
  if (!match) return null;
  const [, mon, day, year, hour, minute, second, half] = match;
  const month = MONTHS.indexOf(mon ?? "");
  if (month < 0) return null;
  const hours = (Number(hour) % 12) + (half === "PM" ? 12 : 0);
  const ms = Date.UTC(Number(year), month, Number(day), hours, Number(minute), Number(second));
  return Number.isNaN(ms) ? null : new Date(ms).toISOString();
}

function number(text: string | undefined): number | null {
  if (text === undefined || text.trim() === "") return null;
  const value = Number(text.replace(/,/g, ""));
  return Number.isFinite(value) ? value : null;
}

/**
 * The number in the first of these columns that holds one; with `positiveOnly`, 0 and below are
 * read as absent (a manual entry writes 0 for "not measured").
 */
function firstNumber(
  record: readonly string[],
  columns: readonly number[],
  { positiveOnly = false }: { readonly positiveOnly?: boolean } = {},
): number | null {
  for (const column of columns) {
    const value = number(record[column]);
    if (value !== null && (!positiveOnly || value > 0)) return value;
  }
  return null;
}

export type StravaCsv =
  | { readonly ok: true; readonly rows: readonly StravaRow[]; readonly problems: readonly string[] }
  | { readonly ok: false; readonly error: string };

/** An example of the dates Strava writes, for messages. */
const DATE_EXAMPLE = "Oct 4, 2026, 7:12:00 AM";

/**
 * Reads a Strava `activities.csv`. `name` (the path or archive entry it came from) names the file
 * in the errors, which are whole sentences. `problems` are the rows left out, one sentence each
 * starting with the row's line ("line 6: …"): their source says which file.
 */
export function parseStravaCsv(bytes: Uint8Array, name = "activities.csv"): StravaCsv {
  let records: string[][];
  try {
    records = parse(Buffer.from(bytes), {
      bom: true,
      relax_column_count: true,
      skip_empty_lines: true,
    });
  } catch (error) {
    return { ok: false, error: `"${name}" is not valid CSV: ${(error as Error).message}` };
  }
  const [header, ...body] = records;
  if (!header) return { ok: false, error: `"${name}" is empty.` };
  const all = (column: string) =>
    header.flatMap((text, index) => (text.trim() === column ? [index] : []));
  const date = all("Activity Date")[0];
  const type = all("Activity Type")[0];
  if (date === undefined || type === undefined) {
    return {
      ok: false,
      error: `"${name}" is a CSV file but not a Strava activities.csv export: it has no "Activity Date" and "Activity Type" columns.`,
    };
  }
  // Strava repeats some names: the first "Elapsed Time" and "Distance" are the summary (distance
  // in km), the second the detailed values (in metres); "Max Heart Rate" is there twice too.
  // The detailed elapsed time first: the last "Elapsed Time" column that holds a number.
  const elapsedLastFirst = all("Elapsed Time").reverse();
  const [kmDistance, metreDistance] = all("Distance");
  const kmColumns = kmDistance === undefined ? [] : [kmDistance];
  const metreColumns = metreDistance === undefined ? [] : [metreDistance];
  const moving = all("Moving Time");
  const [file] = all("Filename");
  const maxHr = all("Max Heart Rate");
  const avgHr = all("Average Heart Rate");
  const ascent = all("Elevation Gain");
  const rows: StravaRow[] = [];
  const problems: string[] = [];
  body.forEach((record, index) => {
    const line = index + 2;
    const text = record[date] ?? "";
    const start = stravaDate(text);
    if (!start) {
      problems.push(
        `line ${line}: the date "${text}" is not a Strava date (such as "${DATE_EXAMPLE}"): the row is not imported.`,
      );
      return;
    }
    // The metre distance, else the km one; 0 m (weight training, a manual entry without
    // distance) is null, as in the FIT importer: 0 would read as "measured nothing".
    const metres = firstNumber(record, metreColumns, { positiveOnly: true });
    const km = firstNumber(record, kmColumns, { positiveOnly: true });
    const kind = (record[type] ?? "").trim();
    const path = file === undefined ? "" : (record[file] ?? "").trim();
    rows.push({
      line,
      file: path || null,
      activity: {
        sport: SPORTS[kind.toLowerCase()] ?? "other",
        start,
        elapsedS: firstNumber(record, elapsedLastFirst),
        movingS: firstNumber(record, moving),
        distanceM: metres ?? (km === null ? null : km * 1000),
        avgHr: firstNumber(record, avgHr, { positiveOnly: true }),
        maxHr: firstNumber(record, maxHr, { positiveOnly: true }),
        ascentM: firstNumber(record, ascent),
        sourceName: "Strava",
        warnings: path ? [] : [`a manual entry in activities.csv (${kind || "no type"}): no file`],
      },
    });
  });
  return { ok: true, rows, problems };
}
