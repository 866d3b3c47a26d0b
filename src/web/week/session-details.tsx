/** A session card opened: the warm-up and dose, why it is shorter than asked, and the watch file. */
import type { RefObject } from "preact";
import type { PlannedSession } from "../shared/api.js";
import { humanDates } from "../shared/dates.js";
import { MUSCLE_WORD } from "../shared/words.js";

export function SessionDetails(props: {
  session: PlannedSession;
  /** The dose every exercise shares, said once. */
  common: string;
  /** Still to do: only then is there a workout to send to a watch. */
  plannedAhead: boolean;
  id: string;
  panel: RefObject<HTMLDivElement>;
}) {
  const { session } = props;
  const date = session.date;
  return (
    <div class="panel details" id={props.id} ref={props.panel}>
      <p class="session-warmup">
        Warm up {session.warmup.minutes} min: {session.warmup.activity}.{" "}
        {props.common ? <span>{props.common}</span> : null}
      </p>
      {session.minutesNote ? (
        <p class="session-minutes-note" data-testid={`session-minutes-note-${date}`}>
          {humanDates(session.minutesNote)}
        </p>
      ) : null}
      {session.omitted.length > 0 ? (
        <p class="omitted">
          Left out:{" "}
          {session.omitted.map((item) => MUSCLE_WORD[item.muscle].toLowerCase()).join(", ")} (more
          under Why?).
        </p>
      ) : null}
      {props.plannedAhead ? (
        <div class="watch">
          <a
            class="button"
            href={`/api/plan/sessions/${date}/workout.fit`}
            download={`capacity-${date}.fit`}
            data-testid={`send-to-watch-${date}`}
          >
            Send to watch
          </a>
          <p class="hint" data-testid={`watch-hint-${date}`}>
            Saves the session as a workout file (.fit). On a Garmin, copy it over USB into the
            watch's <span class="nowrap">GARMIN/NewFiles</span> folder, or import it on Garmin
            Connect's Workouts page and sync.
          </p>
        </div>
      ) : null}
    </div>
  );
}
