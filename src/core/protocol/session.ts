import { type DayNumber, formatLocalDate } from "../units/local-date.js";
import { MINUTES_PER_EXERCISE, sessionMinutesNeeded } from "./dose.js";
import type { Menu } from "./menu.js";
import { type Phase, reducedExerciseCount } from "./phases.js";
import type { PlannedSession, SessionKind } from "./plan-types.js";

export interface SessionFrame {
  readonly warmupMinutes: number;
  readonly warmupActivity: string;
  /** How many exercises the athlete's minutes hold. */
  readonly fits: number;
  /** The profile's `sessionMinutes`: what the runner asked for, to explain a shorter session. */
  readonly askedMinutes: number;
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
  const minutes = sessionMinutesNeeded(frame.warmupMinutes, items.length);
  return {
    date: formatLocalDate(day),
    phase,
    kind,
    why: `${placeWhy} ${contentWhy(kind, phase, frame, count)}`,
    warmup: { minutes: frame.warmupMinutes, activity: frame.warmupActivity },
    omitted: menu.omitted,
    exercises: items,
    minutes,
    minutesNote: minutesNote({ kind, phase, minutes, count, menu, asked: frame.askedMinutes }),
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

/**
 * Why the session takes fewer minutes than the runner asked for, or null when it does not: the
 * taper or race week cut it, an exercise more would not fit, or every exercise that suits them
 * fits already (one set each is the whole dose, protocol section 2; more time adds nothing).
 */
export function minutesNote(input: {
  readonly kind: SessionKind;
  readonly phase: Phase;
  readonly minutes: number;
  readonly count: number;
  readonly menu: Pick<Menu, "omitted">;
  readonly asked: number | undefined;
}): string | null {
  const { kind, phase, count, asked } = input;
  const minutes = Math.round(input.minutes);
  if (asked === undefined || minutes >= asked) return null;
  const start = `You asked for ${asked} minutes; this session takes about ${minutes}`;
  const exercises = count === 1 ? "1 exercise" : `${count} exercises`;
  if (kind === "reduced") {
    return phase === "taper"
      ? `${start}: the taper keeps about half the exercises (${exercises}), so you arrive at the race fresh.`
      : `${start}: race week keeps it short (${exercises}) to stay sharp; the rest waits until after the race.`;
  }
  if (kind === "short" || kind === "minimal") {
    return `${start}: ${exercises} fit, and one more would take ${MINUTES_PER_EXERCISE} minutes past your ${asked}.`;
  }
  const left = input.menu.omitted.map((item) => item.muscle.replace(/-/g, " "));
  const without =
    left.length > 0 ? ` Left out: ${left.join(", ")} (the reason is under Why?).` : "";
  return `${start}: its ${exercises} are all that suit you, and one set of each is the whole dose, so more time would not make it better.${without}`;
}
