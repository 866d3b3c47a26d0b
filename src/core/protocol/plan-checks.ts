import { parseLocalDate } from "../units/local-date.js";
import {
  type ExerciseSwap,
  type MoveProblem,
  moveProblem,
  type SessionMove,
  type SwapProblem,
  swapProblem,
} from "./changes.js";
import { type PlanRequest, planWeeks, preparePlan, walkWeeks } from "./plan.js";

/**
 * Checks a move against the plan as it stands (with the changes already kept), planning
 * from the request's first week up to the week of the move so that the 48-hour rule sees the
 * week before. A move into the past of the request, or outside its weeks, is "other-week".
 */
export function checkMove(request: PlanRequest, move: SessionMove): MoveProblem | null {
  const from = parseLocalDate(move.from);
  const to = parseLocalDate(move.to);
  if (from === null || to === null) throw new Error("unvalidated dates in a move");
  for (const week of walkWeeks(preparePlan(request))) {
    if (from < week.start || from >= week.start + 7) continue;
    return moveProblem(week.placement, week.input, from, to);
  }
  return { kind: "no-session", message: `No planned session on ${move.from} to move.` };
}

/** Checks a swap: the exercises, the athlete, and that the session on that day holds the exercise. */
export function checkSwap(request: PlanRequest, swap: ExerciseSwap): SwapProblem | null {
  const context = preparePlan(request);
  const problem = swapProblem(swap, context.athlete);
  if (problem) return problem;
  const plan = planWeeks(request);
  const session = plan.weeks
    .flatMap((week) => week.sessions)
    .find((s) => s.date === swap.date && !s.done);
  if (!session) return { kind: "not-in-session", message: `No planned session on ${swap.date}.` };
  if (!session.exercises.some((exercise) => exercise.id === swap.exercise)) {
    return {
      kind: "not-in-session",
      message: `The session on ${swap.date} has no ${swap.exercise}.`,
    };
  }
  return null;
}
