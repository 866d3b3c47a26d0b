import { exerciseById } from "../exercise/catalog-index.js";
import { type Athlete, injuriesLoaded } from "../exercise/selection.js";
import { wayFor } from "../exercise/ways.js";
import { type DayNumber, formatLocalDate, parseLocalDate } from "../units/local-date.js";
import type { Menu } from "./menu.js";
import { brokenRules, type Placement, type PlacementInput } from "./placement.js";
import type { PlannedSession } from "./plan-types.js";
import { RULES, type RuleId } from "./rules.js";

/** The athlete moved a planned session to another day. */
export interface SessionMove {
  readonly id?: string;
  readonly from: string;
  readonly to: string;
}

/** The athlete swapped one exercise of a session for another of the same muscle group. */
export interface ExerciseSwap {
  readonly id?: string;
  readonly date: string;
  readonly exercise: string;
  readonly with: string;
}

export interface PlanChanges {
  readonly moves?: readonly SessionMove[];
  readonly swaps?: readonly ExerciseSwap[];
}

export type MoveProblem =
  | { readonly kind: "no-session"; readonly message: string }
  | { readonly kind: "other-week"; readonly message: string }
  | { readonly kind: "rule"; readonly rule: RuleId; readonly message: string };

function day(date: string): DayNumber {
  const parsed = parseLocalDate(date);
  if (parsed === null) throw new Error(`unvalidated date in a plan change: ${date}`);
  return parsed;
}

/** Whether a planned session may go from one day to another of its week without breaking a hard rule. */
export function moveProblem(
  placement: Placement,
  input: PlacementInput,
  from: DayNumber,
  to: DayNumber,
): MoveProblem | null {
  if (!placement.days.includes(from)) {
    return {
      kind: "no-session",
      message: `No planned session on ${formatLocalDate(from)} to move.`,
    };
  }
  if (from === to) return null;
  const target = input.days.find((d) => d.day === to);
  if (!target) {
    return {
      kind: "other-week",
      message: `${formatLocalDate(to)} is not in the same week as ${formatLocalDate(from)}.`,
    };
  }
  if (target.closed) {
    return {
      kind: "rule",
      rule: target.closed.rule,
      message: `${formatLocalDate(to)} is ${target.closed.reason}. ${RULES[target.closed.rule]}`,
    };
  }
  const moved = placement.days.map((d) => (d === from ? to : d));
  if (placement.days.includes(to) || input.fixed.includes(to)) {
    return {
      kind: "rule",
      rule: "48h-apart",
      message: `There is already a session on ${formatLocalDate(to)}. ${RULES["48h-apart"]}`,
    };
  }
  const broken = brokenRules(moved, input);
  if (broken === null) {
    return { kind: "rule", rule: "race-week", message: RULES["race-week"] };
  }
  const newlyBroken = broken.find((rule) => !placement.relaxed.includes(rule));
  if (newlyBroken) {
    const detail =
      newlyBroken === "not-before-quality"
        ? `${formatLocalDate(to)} is the day before a quality run.`
        : `${formatLocalDate(to)} is less than 48 hours from another session.`;
    return { kind: "rule", rule: newlyBroken, message: `${detail} ${RULES[newlyBroken]}` };
  }
  return null;
}

/** Applies the athlete's moves that concern this week; a move that no longer fits is dropped with a note. */
export function applyMoves(
  placement: Placement,
  input: PlacementInput,
  moves: readonly SessionMove[],
): { placement: Placement; notes: string[] } {
  const notes: string[] = [];
  let current = placement;
  const first = input.days[0]?.day ?? 0;
  for (const move of moves) {
    const from = day(move.from);
    if (from < first || from >= first + 7) continue;
    const to = day(move.to);
    const problem = moveProblem(current, input, from, to);
    if (problem) {
      if (problem.kind !== "no-session")
        notes.push(`Your move from ${move.from} to ${move.to} no longer fits: ${problem.message}`);
      continue;
    }
    const days = current.days.map((d) => (d === from ? to : d)).sort((a, b) => a - b);
    current = { days, relaxed: brokenRules(days, input) ?? current.relaxed };
    notes.push(`You moved the session from ${move.from} to ${move.to}.`);
  }
  return { placement: current, notes };
}

export type SwapProblem =
  | {
      readonly kind: "unknown-exercise";
      readonly field: "exercise" | "with";
      readonly message: string;
    }
  | { readonly kind: "not-in-session"; readonly message: string }
  | { readonly kind: "not-allowed"; readonly message: string };

/** Whether `with` may replace `exercise`: same main muscle, the athlete's equipment, no injured area. */
export function swapProblem(swap: ExerciseSwap, athlete: Athlete): SwapProblem | null {
  const original = exerciseById(swap.exercise);
  if (!original)
    return {
      kind: "unknown-exercise",
      field: "exercise",
      message: `"${swap.exercise}" is not a known exercise.`,
    };
  const replacement = exerciseById(swap.with);
  if (!replacement)
    return {
      kind: "unknown-exercise",
      field: "with",
      message: `"${swap.with}" is not a known exercise.`,
    };
  if (replacement.muscles[0] !== original.muscles[0]) {
    return {
      kind: "not-allowed",
      message: `${replacement.name} works ${replacement.muscles[0]}, not ${original.muscles[0]}: swap within the same muscle group.`,
    };
  }
  if (!wayFor(replacement, athlete.equipment)) {
    return { kind: "not-allowed", message: `${replacement.name} needs equipment you do not have.` };
  }
  const injured = injuriesLoaded(replacement, athlete.injuries);
  if (injured.length) {
    return {
      kind: "not-allowed",
      message: `${replacement.name} loads your ${injured.join(" and ")}.`,
    };
  }
  return null;
}

/** Replaces swapped exercises in one session, with the load the log suggests for the new one. */
export function applySwaps(
  session: PlannedSession,
  menu: Menu,
  athlete: Athlete,
  swaps: readonly ExerciseSwap[],
): { session: PlannedSession; notes: string[] } {
  const notes: string[] = [];
  let exercises = session.exercises;
  const hold =
    session.phase === "peak" || session.phase === "taper" || session.phase === "race-week";
  for (const swap of swaps) {
    if (swap.date !== session.date) continue;
    const index = exercises.findIndex((exercise) => exercise.id === swap.exercise);
    if (index < 0) continue;
    const problem = swapProblem(swap, athlete);
    const replacement = exerciseById(swap.with);
    const prescribed = !problem && replacement ? menu.prescribeFor(replacement) : null;
    if (!prescribed) {
      notes.push(
        `Your swap of ${swap.exercise} for ${swap.with} on ${swap.date} no longer fits${problem ? `: ${problem.message}` : "."}`,
      );
      continue;
    }
    const item = hold ? prescribed.hold : prescribed.base;
    exercises = exercises.map((exercise, i) =>
      i === index
        ? { ...item, why: `You swapped ${exercise.name} for this. ${item.why}` }
        : exercise,
    );
  }
  return { session: exercises === session.exercises ? session : { ...session, exercises }, notes };
}
