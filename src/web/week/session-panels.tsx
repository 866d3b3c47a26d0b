/** What a session card opens: why, what was lifted, where it may move, the file for a watch. */
import type { RefObject } from "preact";
import { useEffect, useState } from "preact/hooks";
import {
  api,
  type LoggedExercise,
  type MoveOption,
  type PlannedDay,
  type PlannedSession,
} from "../shared/api.js";
import { humanDates, shortDate, WEEKDAY_SHORT } from "../shared/dates.js";
import type { ApiError } from "../shared/http.js";
import { type WeightSetup, weightText } from "../shared/weight.js";
import { MUSCLE_WORD, RUN_WORD, type RunWord } from "../shared/words.js";
import { PRINCIPLES } from "./session-words.js";

/** Why this session, what was left out, and the principles of every session. */
export function WhyPanel(props: {
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
export function LoggedList(props: {
  date: string;
  logged: readonly LoggedExercise[];
  setup: WeightSetup | null;
}) {
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
                    `${set.load ? `${weightText(set.load, props.setup)} × ` : ""}${set.reps} reps @ ${set.rir} RIR`,
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
export function MovePanel(props: {
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
