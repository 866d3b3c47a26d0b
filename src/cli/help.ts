export const MAIN_HELP = `capacity: strength training for runners

Usage:
  capacity plan --profile FILE [--log FILE] [--from YYYY-MM-DD] [--weeks N] [--json]
  capacity exercises [--muscle M] [--equipment E...] [--json]
  capacity db migrate | status
  capacity user reset-password EMAIL [--password-stdin]
  capacity <command> --help

Commands:
  plan        Plan two strength sessions a week around your runs.
  exercises   List the exercise catalogue.
  db          Apply or list database migrations (the server's database).
  user        Operator tasks on accounts: reset a password.

The server is \`npm start\`; db and user use its settings (CAPACITY_DATA_DIR, DATABASE_URL).

Exit codes: 0 done, 2 bad input (the message names the field and what is accepted).
`;

export const PLAN_HELP = `capacity plan: plan two strength sessions a week around your runs

Usage:
  capacity plan --profile FILE [--log FILE] [--from YYYY-MM-DD] [--weeks N] [--json]

Options:
  --profile FILE      Your profile (JSON): run week, equipment, minutes, race. See examples/.
  --log FILE          Your training log (JSON): logged sessions and next-day check-ins.
                      Loads and feedback follow it.
  --from YYYY-MM-DD   A day in the first week to plan (default: today in the profile's
                      time zone). Weeks start on the profile's weekStart.
  --weeks N           How many weeks to plan, 1 to 104 (default 1).
  --json              Print the plan as JSON instead of text.
  -h, --help          Show this help.

Example:
  capacity plan --profile examples/marathoner.json --weeks 2
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

The database is the server's: PostgreSQL when DATABASE_URL is set (postgres://…), else the
SQLite file in CAPACITY_DATA_DIR (default ./data). The server migrates SQLite by itself and
refuses to start on PostgreSQL while migrations are pending.
`;

export const USER_HELP = `capacity user: operator tasks on accounts

Usage:
  capacity user reset-password EMAIL [--password-stdin]

Sets a new password for the account and ends all of its sessions. Without --password-stdin a
random password is made and printed once; with it, the password is read from standard input
(at least 10 characters). Uses the server's database (DATABASE_URL or CAPACITY_DATA_DIR).
`;
