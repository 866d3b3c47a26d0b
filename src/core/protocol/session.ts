import { type DayNumber, formatLocalDate } from "../units/local-date.js";
import { sessionMinutesNeeded } from "./dose.js";
import type { Menu } from "./menu.js";
import { type Phase, reducedExerciseCount } from "./phases.js";
import type { PlannedSession, SessionKind } from "./plan-types.js";

export interface SessionFrame {
  readonly warmupMinutes: number;
  readonly warmupActivity: string;
  /** How many exercises the athlete's minutes hold. */
  readonly fits: number;
}

const HOLD_PHASES: ReadonlySet<Phase> = new Set(["peak", "taper", "race-week"]);

/**
 * One session's content (protocol section 3): the menu's top exercises that fit the time and the
 * phase. `ordinal` counts the plan's sessions still to do: a slot with an alternate (the calves'
 * straight-knee and bent-knee raises) takes it on every other one.
 */
export function buildSession(
  day: DayNumber,
  phase: Phase,
  frame: SessionFrame,
  menu: Menu,
  placeWhy: string,
  done: boolean,
  ordinal = 0,
): PlannedSession {
  const available = menu.items.length;
  const timed = Math.min(frame.fits, available);
  const reduced = phase === "taper" || phase === "race-week";
  const count = reduced ? reducedExerciseCount(timed) : timed;
  let kind: SessionKind;
  if (reduced) kind = "reduced";
  else if (count >= available) kind = "full";
  else if (count === 1) kind = "minimal";
  else kind = "short";
  const items = menu.items.slice(0, count).map((item) => {
    const turn = item.alternate && ordinal % 2 === 1 ? item.alternate : item;
    return HOLD_PHASES.has(phase) ? turn.hold : turn.base;
  });
  return {
    date: formatLocalDate(day),
    phase,
    kind,
    why: `${placeWhy} ${contentWhy(kind, phase, frame, count)}`,
    warmup: { minutes: frame.warmupMinutes, activity: frame.warmupActivity },
    omitted: menu.omitted,
    exercises: items,
    minutes: sessionMinutesNeeded(frame.warmupMinutes, items.length),
    done,
    logged: [],
  };
}

function contentWhy(kind: SessionKind, phase: Phase, frame: SessionFrame, count: number): string {
  const warmup = `Warm up ${frame.warmupMinutes} minutes (${frame.warmupActivity}) to raise your core temperature, then one set of 8 to 10 per exercise, stopping with 1 or 2 reps left in the tank.`;
  switch (kind) {
    case "minimal":
      return `${warmup} Time for one exercise: the one that works most running muscles at once.`;
    case "short":
      return `${warmup} Your time holds ${count} exercises, most important first.`;
    case "reduced":
      return phase === "taper"
        ? `${warmup} Taper: about half the exercises at the same load and effort, so you arrive fresh.`
        : `${warmup} Race week: a short session to stay sharp, at the same load and effort.`;
    default:
      return phase === "peak"
        ? `${warmup} Peak weeks: the full session, same load and effort.`
        : `${warmup} Builds capacity and helps recovery: lower body first, then upper body.`;
  }
}
