import { exerciseById } from "../exercise/catalog-index.js";
import { type Athlete, injuriesLoaded } from "../exercise/selection.js";
import { wayFor } from "../exercise/ways.js";
import { type DayNumber, formatLocalDate, parseLocalDate } from "../units/local-date.js";
import type { Menu } from "./menu.js";
import { brokenRules, crowdsSevenDays, type Placement, type PlacementInput } from "./placement.js";
import type { DroppedChange, PlannedSession } from "./plan-types.js";
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
  const origin = input.days.find((d) => d.day === from);
  if (origin?.closed?.rule === "past") {
    return {
      kind: "rule",
      rule: "past",
      message: `${formatLocalDate(from)} is already past: its session is history. ${RULES.past}`,
    };
  }
  const target = input.days.find((d) => d.day === to);
  if (target?.closed?.rule === "past") {
    return {
      kind: "rule",
      rule: "past",
      message: `${formatLocalDate(to)} is already past. ${RULES.past}`,
    };
  }
  if (!placement.days.includes(from)) {
    return {
      kind: "no-session",
      message: `No planned session on ${formatLocalDate(from)} to move.`,
    };
  }
  if (from === to) return null;
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
    const others = [...input.fixed, ...(input.around ?? [])];
    if (input.previous !== null) others.push(input.previous);
    if (crowdsSevenDays(moved, others)) {
      return {
        kind: "rule",
        rule: "two-in-seven",
        message: `${formatLocalDate(to)} would make three sessions in seven days. ${RULES["two-in-seven"]}`,
      };
    }
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

/**
 * Applies the athlete's moves that concern this week. A move that no longer fits (a change of
 * profile, run week, race or imports since it was made) is dropped with a note naming it;
 * one whose day is already past is history and left alone; one whose session is already on
 * its new day changes nothing and needs no word.
 */
export function applyMoves(
  placement: Placement,
  input: PlacementInput,
  moves: readonly SessionMove[],
): { placement: Placement; notes: string[]; dropped: DroppedChange[] } {
  const notes: string[] = [];
  const dropped: DroppedChange[] = [];
  let current = placement;
  const first = input.days[0]?.day ?? 0;
  const isPast = (d: DayNumber) =>
    input.days.find((entry) => entry.day === d)?.closed?.rule === "past";
  for (const move of moves) {
    const from = day(move.from);
    if (from < first || from >= first + 7) continue;
    const to = day(move.to);
    if (isPast(from) || isPast(to)) continue;
    const problem = moveProblem(current, input, from, to);
    if (problem?.kind === "no-session" && current.days.includes(to)) continue;
    if (problem) {
      const reason =
        problem.kind === "no-session"
          ? `no session is planned on ${move.from} any more.`
          : problem.message;
      notes.push(`Your move from ${move.from} to ${move.to} no longer fits: ${reason}`);
      dropped.push({ kind: "move", id: move.id ?? null, from: move.from, to: move.to, reason });
      continue;
    }
    const days = current.days.map((d) => (d === from ? to : d)).sort((a, b) => a - b);
    current = { days, relaxed: brokenRules(days, input) ?? current.relaxed };
    notes.push(`You moved the session from ${move.from} to ${move.to}.`);
  }
  return { placement: current, notes, dropped };
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
): { session: PlannedSession; notes: string[]; dropped: DroppedChange[] } {
  const notes: string[] = [];
  const dropped: DroppedChange[] = [];
  let exercises = session.exercises;
  const hold =
    session.phase === "peak" || session.phase === "taper" || session.phase === "race-week";
  for (const swap of swaps) {
    if (swap.date !== session.date) continue;
    const index = exercises.findIndex((exercise) => exercise.id === swap.exercise);
    const problem =
      index < 0
        ? { message: `the session on ${swap.date} no longer holds ${swap.exercise}.` }
        : swapProblem(swap, athlete);
    const replacement = exerciseById(swap.with);
    const prescribed = !problem && replacement ? menu.prescribeFor(replacement) : null;
    if (!prescribed) {
      const reason = problem ? problem.message : `${swap.with} has no prescription for you.`;
      notes.push(
        `Your swap of ${swap.exercise} for ${swap.with} on ${swap.date} no longer fits: ${reason}`,
      );
      dropped.push({ kind: "swap", id: swap.id ?? null, ...swapFields(swap), reason });
      continue;
    }
    const item = hold ? prescribed.hold : prescribed.base;
    exercises = exercises.map((exercise, i) =>
      i === index
        ? { ...item, why: `You swapped ${exercise.name} for this. ${item.why}` }
        : exercise,
    );
  }
  return {
    session: exercises === session.exercises ? session : { ...session, exercises },
    notes,
    dropped,
  };
}

function swapFields(swap: ExerciseSwap) {
  return { date: swap.date, exercise: swap.exercise, with: swap.with };
}

/** A kept swap whose day holds no planned session any more: dropped, with a note naming it. */
export function swapWithoutSession(swap: ExerciseSwap): { note: string; dropped: DroppedChange } {
  const reason = `no session is planned on ${swap.date} any more.`;
  return {
    note: `Your swap of ${swap.exercise} for ${swap.with} on ${swap.date} no longer fits: ${reason}`,
    dropped: { kind: "swap", id: swap.id ?? null, ...swapFields(swap), reason },
  };
}
