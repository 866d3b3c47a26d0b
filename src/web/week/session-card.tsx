/**
 * A planned session at a glance (its kind, minutes and exercises with their loads, or what was
 * lifted), with buttons that open its details, its reasons and the day chooser.
 */
import { useEffect, useRef } from "preact/hooks";
import type { Move, PlannedDay, PlannedSession } from "../shared/api.js";
import { dayAndDate } from "../shared/dates.js";
import type { ApiError } from "../shared/http.js";
import type { WeightSetup } from "../shared/weight.js";
import { SESSION_KIND_WORD } from "../shared/words.js";
import { SessionDetails } from "./session-details.js";
import { LoggedList, MovePanel, WhyPanel } from "./session-panels.js";
import { doseText, LoadWords } from "./session-words.js";
import type { Panel } from "./use-moves.js";

export interface SessionCardProps {
  readonly session: PlannedSession;
  readonly days: readonly PlannedDay[];
  readonly today: string;
  /** The session's day is before today: history, so it can be neither started nor moved. */
  readonly past: boolean;
  /** The runner's unit and steps, for loads logged in the other unit. */
  readonly setup: WeightSetup | null;
  readonly open: Panel | null;
  readonly onToggle: (panel: Panel) => void;
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
  const panel = useRef<HTMLDivElement>(null);
  const logged = session.logged ?? [];
  const lifted = session.done && logged.length > 0;
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
      {lifted ? <LoggedList date={date} logged={logged} setup={props.setup} /> : null}
      {lifted ? (
        <h4 class="session-next" data-testid={`session-next-${date}`}>
          Next time's suggestion
        </h4>
      ) : null}
      <ol class={`exercise-list${lifted ? " is-next" : ""}`}>
        {session.exercises.map((exercise) => {
          const own = doseText(exercise);
          return (
            <li key={exercise.id} class="exercise-row">
              <span class="exercise-name">{exercise.name}</span>
              <span class={`exercise-load${exercise.load ? " has-load" : ""}`}>
                <LoadWords exercise={exercise} setup={props.setup} />
              </span>
              {own !== common ? <span class="exercise-dose">{own}</span> : null}
            </li>
          );
        })}
      </ol>
      <div class="session-actions">
        {session.done || !props.past ? (
          <a class="button primary" href={`/gym/${date}`} data-testid={`start-gym-${date}`}>
            {session.done ? "Open" : "Start"}
          </a>
        ) : null}
        <PanelButton id="details" label="Details" testId={`session-details-${date}`} {...props} />
        <PanelButton id="why" label="Why?" testId={`session-why-${date}`} {...props} />
        {movable ? (
          <PanelButton id="move" label="Move" testId={`move-session-${date}`} {...props} />
        ) : null}
      </div>

      {props.open === "details" ? (
        <SessionDetails
          session={session}
          common={common}
          plannedAhead={movable}
          id={`details-${date}`}
          panel={panel}
        />
      ) : null}

      {props.open === "why" ? (
        <WhyPanel session={session} id={`why-${date}`} panel={panel} />
      ) : null}

      {props.open === "move" && movable ? (
        <MovePanel
          id={`move-${date}`}
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

/** A button that opens one of the card's panels, and says whether it is open. */
function PanelButton(
  props: SessionCardProps & { readonly id: Panel; readonly label: string; readonly testId: string },
) {
  const open = props.open === props.id;
  return (
    <button
      type="button"
      class="button"
      data-testid={props.testId}
      aria-expanded={open}
      aria-controls={open ? `${props.id}-${props.session.date}` : undefined}
      onClick={() => props.onToggle(props.id)}
    >
      {props.label}
    </button>
  );
}
