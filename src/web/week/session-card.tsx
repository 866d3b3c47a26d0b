import type { RefObject } from "preact";
import { useEffect, useRef, useState } from "preact/hooks";
import {
  api,
  type LoggedExercise,
  type Move,
  type MoveOption,
  type PlannedDay,
  type PlannedSession,
  type Prescription,
} from "../shared/api.js";
import { dayAndDate, humanDates, shortDate, WEEKDAY_SHORT } from "../shared/dates.js";
import type { ApiError } from "../shared/http.js";
import {
  MUSCLE_WORD,
  RUN_WORD,
  type RunWord,
  SESSION_KIND_WORD,
  weightText,
} from "../shared/words.js";

const LOAD_EQUIPMENT = new Set([
  "barbell",
  "dumbbells",
  "kettlebell",
  "leg-press",
  "machine",
  "cable",
]);

/** The suggested load in words: a number, the first-time advice, or "bodyweight". */
export function loadText(exercise: Prescription): string {
  if (exercise.load) {
    const load = weightText(exercise.load);
    return exercise.implements === 2 ? `${load} in each hand` : load;
  }
  if (exercise.equipment.some((item) => LOAD_EQUIPMENT.has(item))) {
    return "choose a load you could lift 10-12 times";
  }
  if (exercise.equipment.includes("band")) return "with your band";
  return "bodyweight";
}

/** The same words, with number ranges kept on one line ("10-12" never breaks at the hyphen). */
function LoadWords(props: { exercise: Prescription }) {
  const parts = loadText(props.exercise).split(/(\d+-\d+)/);
  return (
    <>
      {parts.map((part, index) =>
        index % 2 === 1 ? (
          <span key={part} class="nowrap">
            {part}
          </span>
        ) : (
          part
        ),
      )}
    </>
  );
}

function range(min: number, max: number): string {
  if (min === max) return String(min);
  return max === min + 1 ? `${min} or ${max}` : `${min} to ${max}`;
}

/** "One set of 8 to 10, stop with 1 or 2 reps left in the tank." */
export function doseText(exercise: Prescription): string {
  const sets = exercise.sets === 1 ? "One set" : `${exercise.sets} sets`;
  return `${sets} of ${range(exercise.reps.min, exercise.reps.max)} reps, stopping with ${range(
    exercise.rir.min,
    exercise.rir.max,
  )} reps left in the tank.`;
}

const PRINCIPLES = [
  "One set per exercise is enough to get stronger.",
  "Stop with 1 or 2 reps left in the tank: hard, but never to failure.",
  "Warm up first, so muscles and joints are ready.",
  "Twice a week keeps you progressing; once a week keeps what you have.",
  "Keep hard days hard and easy days easy: strength goes with a hard run or far from one, never the day before a long or quality run.",
];

export interface SessionCardProps {
  readonly session: PlannedSession;
  readonly days: readonly PlannedDay[];
  readonly today: string;
  /** The session's day is before today: history, so it can be neither started nor moved. */
  readonly past: boolean;
  readonly open: "why" | "move" | null;
  readonly onToggle: (panel: "why" | "move") => void;
  readonly onMove: (to: string) => void;
  readonly moving: boolean;
  readonly moveError: ApiError | null;
  readonly movedHere: Move | undefined;
  readonly onUndo: (move: Move) => void;
}

// Over 80 lines: markup of one card whose parts (moves, swaps, done sets) read best in order.
export function SessionCard(props: SessionCardProps) {
  const { session } = props;
  const date = session.date;
  const first = session.exercises[0];
  const common = first ? doseText(first) : "";
  const kind = SESSION_KIND_WORD[session.kind] ?? "Strength session";
  const whyId = `why-${date}`;
  const moveId = `move-${date}`;
  const panel = useRef<HTMLDivElement>(null);
  const logged = session.logged ?? [];
  // A done session is not moved (the log keeps its day), and no day before today is.
  const movable = !session.done && !props.past;

  useEffect(() => {
    if (props.open) panel.current?.scrollIntoView({ block: "nearest" });
  }, [props.open]);

  return (
    <article
      class={`session${session.done ? " is-done" : ""}`}
      data-testid={`session-${date}`}
      aria-labelledby={`session-title-${date}`}
    >
      <header class="session-head">
        <h3 id={`session-title-${date}`}>{kind}</h3>
        <span class="session-minutes">about {Math.round(session.minutes)} min</span>
        {session.done ? <span class="tag tag-done">Done ✓</span> : null}
      </header>
      {props.movedHere ? (
        <p class="session-moved">
          Moved here from {dayAndDate(props.movedHere.from)}.{" "}
          <button
            type="button"
            class="link-button"
            onClick={() => props.movedHere && props.onUndo(props.movedHere)}
          >
            Put it back
          </button>
        </p>
      ) : null}
      {session.done && logged.length > 0 ? <LoggedList date={date} logged={logged} /> : null}
      {session.done && logged.length > 0 ? (
        <h4 class="session-next" data-testid={`session-next-${date}`}>
          Next time's suggestion
        </h4>
      ) : null}
      <p class="session-warmup">
        Warm up {session.warmup.minutes} min: {session.warmup.activity}.{" "}
        {common ? <span>{common}</span> : null}
      </p>
      <ol class={`exercise-list${session.done && logged.length > 0 ? " is-next" : ""}`}>
        {session.exercises.map((exercise) => {
          const own = doseText(exercise);
          return (
            <li key={exercise.id} class="exercise-row">
              <span class="exercise-name">{exercise.name}</span>
              <span class={`exercise-load${exercise.load ? " has-load" : ""}`}>
                <LoadWords exercise={exercise} />
              </span>
              {own !== common ? <span class="exercise-dose">{own}</span> : null}
            </li>
          );
        })}
      </ol>
      {session.omitted.length > 0 ? (
        <p class="omitted">
          Left out to protect a sore spot:{" "}
          {session.omitted.map((item) => MUSCLE_WORD[item.muscle].toLowerCase()).join(", ")} (more
          under Why?).
        </p>
      ) : null}
      <div class="session-actions">
        {session.done || !props.past ? (
          <a class="button primary" href={`/gym/${date}`} data-testid={`start-gym-${date}`}>
            {session.done ? "Open" : "Start"}
          </a>
        ) : null}
        <button
          type="button"
          class="button"
          data-testid={`session-why-${date}`}
          aria-expanded={props.open === "why"}
          aria-controls={props.open === "why" ? whyId : undefined}
          onClick={() => props.onToggle("why")}
        >
          Why?
        </button>
        {movable ? (
          <button
            type="button"
            class="button"
            data-testid={`move-session-${date}`}
            aria-expanded={props.open === "move"}
            aria-controls={props.open === "move" ? moveId : undefined}
            onClick={() => props.onToggle("move")}
          >
            Move
          </button>
        ) : null}
      </div>

      {props.open === "why" ? <WhyPanel session={session} id={whyId} panel={panel} /> : null}

      {props.open === "move" && movable ? (
        <MovePanel
          id={moveId}
          date={date}
          days={props.days}
          today={props.today}
          moving={props.moving}
          moveError={props.moveError}
          onMove={props.onMove}
          panel={panel}
        />
      ) : null}
    </article>
  );
}

/** Why this session, what was left out, and the principles of every session. */
function WhyPanel(props: {
  session: PlannedSession;
  id: string;
  panel: RefObject<HTMLDivElement>;
}) {
  const { session } = props;
  return (
    <div class="panel why" id={props.id} data-testid="why-text" ref={props.panel}>
      <p>{humanDates(session.why)}</p>
      {session.omitted.map((item) => (
        <p key={item.muscle}>
          <strong>Left out: {MUSCLE_WORD[item.muscle].toLowerCase()}.</strong>{" "}
          {humanDates(item.reason)}
        </p>
      ))}
      <h4>How every session works</h4>
      <ul>
        {PRINCIPLES.map((line) => (
          <li key={line}>{line}</li>
        ))}
      </ul>
    </div>
  );
}

/** What was lifted in a done session: each exercise with its sets, load × reps @ RIR. */
function LoggedList(props: { date: string; logged: readonly LoggedExercise[] }) {
  return (
    <div class="session-logged" data-testid={`session-logged-${props.date}`}>
      <h4>What you lifted</h4>
      <ul>
        {props.logged.map((exercise) => (
          <li key={exercise.id} class="logged-row">
            <span class="exercise-name">{exercise.name}</span>
            <span class="logged-sets">
              {exercise.sets
                .map(
                  (set) =>
                    `${set.load ? `${weightText(set.load)} × ` : ""}${set.reps} reps @ ${set.rir} RIR`,
                )
                .join(", ")}
            </span>
          </li>
        ))}
      </ul>
    </div>
  );
}

/**
 * Today and the later days of the week to move the session to. The rules are asked when the
 * chooser opens, so a day they forbid is marked with the rule's own reason before any tap.
 */
function MovePanel(props: {
  id: string;
  date: string;
  days: readonly PlannedDay[];
  today: string;
  moving: boolean;
  moveError: ApiError | null;
  onMove: (to: string) => void;
  panel: RefObject<HTMLDivElement>;
}) {
  const [options, setOptions] = useState<readonly MoveOption[] | null>(null);
  useEffect(() => {
    let live = true;
    api.moveOptions(props.date).then((answer) => {
      if (live && answer.ok) setOptions(answer.value);
    });
    return () => {
      live = false;
    };
  }, [props.date]);
  const optionOf = (date: string) => options?.find((option) => option.date === date);
  const days = props.days.filter(
    (day) =>
      day.date !== props.date &&
      !(day.past ?? day.date < props.today) &&
      optionOf(day.date)?.past !== true,
  );
  return (
    <div class="panel move" id={props.id} ref={props.panel}>
      <h4>Move this session to</h4>
      {days.length === 0 ? (
        <p class="hint" data-testid="move-none">
          No day left this week to move it to.
        </p>
      ) : null}
      <div class="move-days">
        {days.map((day) => {
          const option = optionOf(day.date);
          const forbidden = option !== undefined && !option.allowed;
          return (
            <button
              key={day.date}
              type="button"
              class={`move-day${forbidden ? " is-forbidden" : ""}`}
              data-testid={`move-to-${day.date}`}
              data-allowed={option ? String(option.allowed) : undefined}
              disabled={props.moving}
              onClick={() => props.onMove(day.date)}
            >
              <span class="move-day-name">
                {WEEKDAY_SHORT[day.weekday]} {shortDate(day.date)}
              </span>
              <span class="move-day-run">
                {RUN_WORD[day.run as RunWord] ?? day.run}
                {day.session ? " · session" : ""}
              </span>
              {forbidden ? (
                <span class="move-day-reason" data-testid={`move-reason-${day.date}`}>
                  {humanDates(option.reason ?? "That day breaks a rule.")}
                </span>
              ) : null}
            </button>
          );
        })}
      </div>
      {props.moveError ? (
        <p class="form-error" data-testid="move-error" role="alert">
          {humanDates(props.moveError.message)}
        </p>
      ) : (
        <p class="hint">
          {options ? "Days the rules forbid say why." : "Checking the days against your runs…"}
        </p>
      )}
    </div>
  );
}
