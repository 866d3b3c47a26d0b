import { excerpt } from "../../core/excerpt.js";
import { listExercises } from "../../core/exercise/filter.js";
import { EQUIPMENT, type Equipment, MUSCLES, type Muscle } from "../../core/exercise/types.js";
import { parseFlags } from "../args.js";
import { EXERCISES_HELP } from "../help.js";
import { type CliIo, EXIT_OK, UsageError } from "../io.js";

function checkEquipment(items: string[]): Equipment[] {
  for (const item of items) {
    if (!(EQUIPMENT as readonly string[]).includes(item)) {
      throw new UsageError(
        `--equipment: "${item}" is not accepted; expected one of ${EQUIPMENT.join(", ")}`,
      );
    }
  }
  return items as Equipment[];
}

export async function exercisesCommand(argv: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseFlags(
    "exercises",
    argv,
    {
      muscle: { type: "string" },
      equipment: { type: "string", multiple: true },
      json: { type: "boolean" },
      help: { type: "boolean", short: "h" },
    },
    true,
  );
  if (values.help) {
    io.out(EXERCISES_HELP);
    return EXIT_OK;
  }
  // `--equipment dumbbells band`: the words after the flag are more equipment.
  if (positionals.length && !values.equipment) {
    throw new UsageError(
      `unexpected argument ${excerpt(positionals[0])} (see capacity exercises --help)`,
    );
  }
  const muscle = values.muscle;
  if (muscle !== undefined && !(MUSCLES as readonly string[]).includes(muscle)) {
    throw new UsageError(
      `--muscle: "${muscle}" is not accepted; expected one of ${MUSCLES.join(", ")}`,
    );
  }
  const equipment = values.equipment
    ? checkEquipment(
        [...values.equipment, ...positionals]
          .flatMap((item) => item.split(","))
          .map((item) => item.trim())
          .filter(Boolean),
      )
    : undefined;
  const entries = listExercises({
    ...(muscle ? { muscle: muscle as Muscle } : {}),
    ...(equipment ? { equipment } : {}),
  });
  if (values.json) {
    io.out(`${JSON.stringify({ exercises: entries }, null, 2)}\n`);
    return EXIT_OK;
  }
  const lines: string[] = [];
  let group = "";
  for (const entry of entries) {
    const primary = entry.muscles[0] ?? "";
    if (primary !== group) {
      group = primary;
      lines.push("", primary.toUpperCase().replace("-", " "));
    }
    const ways = entry.ways.map((way) => way.equipment.join("+")).join(" | ");
    lines.push(`  ${entry.id.padEnd(34)} ${entry.name}`);
    lines.push(
      `  ${"".padEnd(34)} ${entry.loaded ? "load in kg/lb" : "no load to set"} · ${ways}${entry.loads.length ? ` · loads: ${entry.loads.join(", ")}` : ""}`,
    );
  }
  lines.push("", `${entries.length} exercise${entries.length === 1 ? "" : "s"}.`);
  io.out(`${lines.join("\n").trimStart()}\n`);
  return EXIT_OK;
}
