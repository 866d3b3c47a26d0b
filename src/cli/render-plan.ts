import type {
  Plan,
  PlannedActivity,
  PlannedDay,
  PlannedSession,
  Prescription,
} from "../core/protocol/plan-types.js";
import { formatWeight } from "../core/units/weight.js";

const RUN_WORDS: Record<string, string> = {
  rest: "rest",
  easy: "easy run",
  quality: "quality run",
  long: "long run",
  race: "RACE",
};

function shortDay(date: string): string {
  const day = new Date(`${date}T00:00:00Z`);
  return day.toLocaleDateString("en-GB", {
    weekday: "short",
    day: "numeric",
    month: "short",
    timeZone: "UTC",
  });
}

function loadText(exercise: Prescription): string {
  const slow = exercise.tempo === "slow" ? ", 3 s down" : "";
  if (exercise.band) return `${exercise.band.replace("-", " ")} band${slow}`;
  if (slow) return `no weight to set${slow}`;
  if (exercise.load) {
    const each = exercise.implements === 2 ? " each hand" : "";
    return `${formatWeight(exercise.load)}${each}`;
  }
  const loaded = exercise.equipment.some((item) =>
    ["barbell", "dumbbells", "kettlebell", "leg-press", "machine", "cable"].includes(item),
  );
  return loaded ? "choose a load" : "no weight to set";
}

function activityText(activity: PlannedActivity): string {
  const seconds = activity.movingS ?? activity.elapsedS;
  const minutes = seconds === null ? "" : `${Math.round(seconds / 60)} min`;
  const km = activity.distanceM ? `${(activity.distanceM / 1000).toFixed(1)} km` : "";
  const amount = [km, minutes].filter(Boolean).join(" in ");
  if (activity.sport !== "run") return `${activity.sport}${amount ? ` ${amount}` : ""}`;
  return `ran${amount ? ` ${amount}` : ""}${activity.effort ? ` (${activity.effort})` : ""}`;
}

/** What the imported activities add to a day's line; nothing on a day without any. */
function importedText(day: PlannedDay): string {
  if (!day.activities.length) return "";
  const parts: string[] = [];
  if (day.plannedRun !== day.run)
    parts.push(`planned: ${RUN_WORDS[day.plannedRun] ?? day.plannedRun}`);
  parts.push(...day.activities.map(activityText));
  return `${day.importedStrength ? "  ◇ STRENGTH (imported)" : ""}  · ${parts.join("; ")}`;
}

const DOSE_PREFIX = "One set of 8 to 10, stopping with 1 or 2 reps left in the tank. ";

function signature(session: PlannedSession): string {
  return JSON.stringify(session.exercises.map((exercise) => [exercise.id, exercise.load]));
}

/** One session; exercises the same as the session before are not explained twice. */
function sessionLines(session: PlannedSession, sameAs: PlannedSession | null): string[] {
  const lines = [
    "",
    `${shortDay(session.date)} · ${session.kind} session, ${session.minutes} min${session.done ? " · done" : ""}`,
    `  Why: ${session.why}`,
  ];
  if (session.logged.length) {
    lines.push("  Lifted:");
    for (const exercise of session.logged) {
      const sets = exercise.sets.map(
        (set) =>
          `${set.load ? formatWeight(set.load) : "bodyweight"} × ${set.reps}, ${set.rir} left`,
      );
      lines.push(`    ${exercise.name}: ${sets.join("; ")}`);
    }
    lines.push("  Next time:");
  }
  lines.push(`  Warm-up: ${session.warmup.minutes} min, ${session.warmup.activity}`);
  session.exercises.forEach((exercise, index) => {
    const gear = exercise.equipment.join(", ");
    lines.push(
      `  ${index + 1}. ${exercise.name} (${gear}): ${exercise.sets} set of ${exercise.reps.min}-${exercise.reps.max}, ` +
        `${exercise.rir.min}-${exercise.rir.max} reps left in the tank · ${loadText(exercise)}`,
    );
    if (!sameAs) lines.push(`     ${exercise.why.replace(DOSE_PREFIX, "")}`);
  });
  if (sameAs) lines.push(`  (Same exercises and loads as ${shortDay(sameAs.date)}.)`);
  for (const gap of session.omitted) lines.push(`  Left out: ${gap.muscle}. ${gap.reason}`);
  return lines;
}

/** The week at a glance, then each session with its exercises, loads and reasons. */
export function renderPlan(plan: Plan, name: string): string {
  const lines: string[] = [];
  let previous: PlannedSession | null = null;
  for (const week of plan.weeks) {
    lines.push(
      `Week of ${shortDay(week.start)} · ${week.phase}${week.relaxed.length ? ` · relaxed: ${week.relaxed.join(", ")}` : ""}`,
    );
    for (const day of week.days) {
      const strength = day.session ? "  ◆ STRENGTH" : "";
      const past = day.past ? "  · past" : "";
      lines.push(
        `  ${shortDay(day.date).padEnd(12)} ${RUN_WORDS[day.run]?.padEnd(12) ?? day.run}${strength}${importedText(day)}${past}`,
      );
    }
    for (const session of week.sessions) {
      lines.push(
        ...sessionLines(
          session,
          previous && signature(previous) === signature(session) ? previous : null,
        ),
      );
      previous = session;
    }
    if (week.notes.length) {
      lines.push("", "  Notes:");
      for (const note of week.notes) lines.push(`  - ${note}`);
    }
    lines.push("");
  }
  if (plan.feedback.length) {
    lines.push("What your log says about soreness:");
    for (const entry of plan.feedback) lines.push(`  - ${entry.date}: ${entry.message}`);
    lines.push("");
  }
  if (plan.adjustments.length) {
    lines.push("Changes for next time:");
    for (const change of plan.adjustments) {
      const from = change.from ? formatWeight(change.from) : "bodyweight";
      const to = change.to ? formatWeight(change.to) : "bodyweight";
      lines.push(`  - ${change.exercise}: ${from} → ${to}. ${change.reason}`);
    }
    lines.push("");
  }
  return `${name ? `Strength plan for ${name}\n\n` : ""}${lines.join("\n")}`;
}
