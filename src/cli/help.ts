export const MAIN_HELP = `capacity: strength training for runners

Usage:
  capacity plan --profile FILE [--log FILE] [--from YYYY-MM-DD] [--weeks N] [--json]
                [--ics FILE] [--fit DIR] [--app-url URL]
  capacity exercises [--muscle M] [--equipment E...] [--json]
  capacity import PATH... [--json] [--dry-run] [--user EMAIL]
                  [--map "NAME=EXERCISE-ID"]... [--skip NAME]... [--skip-unmapped]
  capacity db migrate | status | backup FILE | restore FILE
  capacity user reset-password EMAIL [--password-stdin]
  capacity <command> --help

Commands:
  plan        Plan two strength sessions a week around your runs.
  exercises   List the exercise catalogue.
  import      Import your runs: FIT, GPX, TCX files, zip archives, Strava or Garmin exports.
  db          Apply or list database migrations (the server's database).
  user        Operator tasks on accounts: reset a password.

The server is \`npm start\`; import, db and user use its settings (CAPACITY_DATA_DIR,
DATABASE_URL).

Exit codes: 0 done, 1 some files could not be imported (import), 2 bad input (the message
names the field and what is accepted).
`;

export const PLAN_HELP = `capacity plan: plan two strength sessions a week around your runs

Usage:
  capacity plan --profile FILE [--log FILE] [--from YYYY-MM-DD] [--weeks N] [--json]
                [--ics FILE] [--fit DIR] [--app-url URL]

Options:
  --profile FILE      Your profile (JSON): run week, equipment, minutes, race. See examples/.
  --log FILE          Your training log (JSON): workouts and next-day check-ins.
                      Loads and feedback follow it.
  --from YYYY-MM-DD   A day in the first week to plan (default: today in the profile's
                      time zone). Weeks start on the profile's weekStart.
  --weeks N           How many weeks to plan, 1 to 104 (default 1).
  --json              Print the plan as JSON instead of text.
  --ics FILE          Write the plan as an iCalendar file (RFC 5545): each session with
                      its exercises and a reminder, and a check-in the morning after.
  --fit DIR           Write a FIT workout per session not done yet (capacity-DATE.fit),
                      for a Garmin watch's NewFiles folder or Garmin Connect.
                      With --ics or --fit, --weeks defaults to 8.
  --app-url URL       Where the app runs, for the check-in link (default
                      http://localhost:3000).
  -h, --help          Show this help.

Example:
  capacity plan --profile examples/marathoner.json --weeks 2
  capacity plan --profile examples/marathoner.json --ics plan.ics --fit watch/
`;

export const EXERCISES_HELP = `capacity exercises: list the exercise catalogue

Usage:
  capacity exercises [--muscle M] [--equipment E...] [--json]

Options:
  --muscle M          Only exercises that work M: gluteals, quadriceps,
                      hamstrings, calves, hip-stabilizers, upper-push, upper-pull, core.
  --equipment E...    Only what can be done with these items (bodyweight always counts):
                      bodyweight, band, dumbbells, kettlebell, barbell, rack, bench, step,
                      leg-press, machine, cable, bike. Several items: --equipment dumbbells band,
                      or a comma list, or the flag repeated.
  --json              Print JSON: {"exercises": [...]}.
  -h, --help          Show this help.
`;

export const DB_HELP = `capacity db: the server's database

Usage:
  capacity db migrate    Apply every pending migration.
  capacity db status     List the migrations still to apply.
  capacity db backup FILE    Copy the SQLite database to FILE (a new file), server running or not.
  capacity db restore FILE   Replace the SQLite database with the backup FILE; stop the server
                             first. The database replaced is kept beside it
                             (capacity.sqlite.before-restore-TIME).
On PostgreSQL, back up with pg_dump and restore with pg_restore (README, Backups).

The database is the server's: PostgreSQL when DATABASE_URL is set (postgres://…), else the
SQLite file in CAPACITY_DATA_DIR (default ./data). The server migrates SQLite by itself and
refuses to start on PostgreSQL while migrations are pending.
`;

export const USER_HELP = `capacity user: operator tasks on accounts

Usage:
  capacity user reset-password EMAIL [--password-stdin]

Sets a new password for the account and ends all of its log-ins. Without --password-stdin a
random password is made and printed once; with it, the password is read from standard input
(at least 10 characters). Uses the server's database (DATABASE_URL or CAPACITY_DATA_DIR).
`;

export const IMPORT_HELP = `capacity import: import your runs into the local database

Usage:
  capacity import PATH... [--json] [--dry-run] [--user EMAIL]
                  [--map "NAME=EXERCISE-ID"]... [--skip NAME]... [--skip-unmapped]

Each PATH is one of:
  - an activity file: FIT, GPX or TCX, gzip-compressed or not (.fit.gz, .gpx.gz, .tcx.gz),
    or Strava's activities.csv; the format is told from the content, not the name;
  - a zip archive: a Strava bulk export, a folder of Garmin FIT files, any mix;
  - a folder: walked with its subfolders in name order, importing every file named
    *.fit, *.gpx, *.tcx, *.csv, *.zip or *.gz (any case); hidden files are skipped;
  - a Strong or Hevy CSV export (named on the command line): its sets become workouts.
    Strong's weights are in the unit of its Weight Unit column, else your profile's.
An activity already stored (the same run from another file or format, or a re-import) is
not stored twice: the first copy stays. A file that fails never stops the others.

Options:
  --user EMAIL   The account to import into. Without it: the only account; with no account
                 yet, a local owner account is made, and the first sign-up in the web app
                 takes it over with its runs. With several accounts --user is needed.
  --dry-run      Read everything and say what would be imported; store nothing.
  --map "NAME=EXERCISE-ID"
                 For a Strong or Hevy export: import the sets of an exercise name the
                 catalogue does not know as this exercise (ids: capacity exercises).
                 Remembered for the account. Repeat for several names.
  --skip NAME    Leave an exercise name out (remembered). Repeat for several names.
  --skip-unmapped
                 Leave out every name not mapped yet, for this import only.
  --json         Print {"imported":[…],"duplicates":[…],"failed":[{"source","error"}]} on
                 standard output and nothing else. Each activity has source, format, sport,
                 start (ISO 8601 UTC), elapsedS, movingS, distanceM, avgHr, maxHr, warnings,
                 ascentM, sourceName and id (null in a dry run); a value the file lacks is null.
                 With a Strong or Hevy export, "strength" lists a report per file: app,
                 weightUnit, unitFrom, rows, workouts, restTimers, withoutReps, stored
                 {workouts, sets}, duplicateSets, skippedSets and unmapped [{name, sets}].
  -h, --help     Show this help.

Without --json, files that failed are listed on standard error with the reason, then a
summary is printed; on a terminal a progress bar shows on standard error meanwhile.

Uses the server's database: PostgreSQL when DATABASE_URL is set, else the SQLite file in
CAPACITY_DATA_DIR (default ./data), migrated on the spot; on PostgreSQL run
\`capacity db migrate\` first when migrations are pending.

Exit codes: 0 nothing failed; 1 a file or path failed (the others were still imported);
2 bad usage (no PATH, an unknown option, an unknown --user, several accounts and no --user,
a bad setting or pending PostgreSQL migrations).

Examples:
  capacity import ~/Downloads/export_12345678.zip
  capacity import runs/ --dry-run
  capacity import 2026-10-04-run.fit --user ana@example.com --json
`;
