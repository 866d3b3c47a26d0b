import { useEffect, useState } from "preact/hooks";
import { signalEnd, unlockSound } from "./device.js";
import {
  clockWords,
  REST_SECONDS,
  type RestState,
  secondsLeft,
  startRest,
  tick,
} from "./rest-timer.js";

const OFF_KEY = "capacity-rest-timer-off";

function restWanted(): boolean {
  try {
    return localStorage.getItem(OFF_KEY) !== "1";
  } catch {
    return true;
  }
}

/**
 * The optional rest between exercises: on unless the runner turned it off (kept on the phone).
 * It never blocks the next card; its end buzzes and beeps (`signalEnd`).
 */
export function useRest() {
  const [wanted, setWanted] = useState(restWanted);
  const [rest, setRest] = useState<RestState>({ state: "off" });
  const [now, setNow] = useState(() => Date.now());

  useEffect(() => {
    if (rest.state !== "resting") return;
    const timer = setInterval(() => {
      const at = Date.now();
      setNow(at);
      const next = tick(rest, at);
      if (next !== rest) {
        setRest(next);
        signalEnd();
      }
    }, 250);
    return () => clearInterval(timer);
  }, [rest]);

  return {
    rest,
    wanted,
    left: secondsLeft(rest, now),
    /** After a logged set, when another exercise follows. */
    start() {
      if (!wanted) return;
      unlockSound();
      const at = Date.now();
      setNow(at);
      setRest(startRest(at, REST_SECONDS));
    },
    skip: () => setRest({ state: "off" }),
    toggle() {
      const next = !wanted;
      setWanted(next);
      if (!next) setRest({ state: "off" });
      try {
        if (next) localStorage.removeItem(OFF_KEY);
        else localStorage.setItem(OFF_KEY, "1");
      } catch {
        // Not kept: the choice lasts this workout.
      }
    },
  };
}

export type Rest = ReturnType<typeof useRest>;

/**
 * The line under the header after a "Log set": what was saved (or the rest's clock while
 * resting) with Skip and Undo, on one row so that the next card still fits on the screen.
 */
export function AfterLog(props: {
  saved: string | null;
  undoable: boolean;
  rest: Rest;
  onUndo: () => void;
}) {
  const { rest } = props;
  const state = rest.rest.state;
  const shown = props.saved !== null || props.undoable || state !== "off";
  return (
    <div class={`gym-after${shown ? " is-shown" : ""}`}>
      <div class="gym-after-text">
        {/* Always there, so that a screen reader hears each "saved" (a live region). */}
        <p class={state === "off" ? "gym-saved" : "sr-only"} role="status">
          {props.saved ?? ""}
        </p>
        {state === "resting" ? (
          <p class="gym-rest-time" data-testid="rest-timer">
            Rest <span class="gym-rest-clock">{clockWords(rest.left)}</span>
          </p>
        ) : null}
        {state === "over" ? (
          <p class="gym-rest-over" data-testid="rest-timer" role="status">
            Rest over
          </p>
        ) : null}
      </div>
      {state === "resting" ? (
        <button
          type="button"
          class="gym-button gym-secondary gym-tiny"
          data-testid="rest-skip"
          onClick={rest.skip}
        >
          Skip<span class="sr-only"> the rest</span>
        </button>
      ) : null}
      {props.undoable ? (
        <button
          type="button"
          class="gym-button gym-secondary gym-tiny"
          data-testid="undo-set"
          onClick={props.onUndo}
        >
          Undo<span class="sr-only"> the last set</span>
        </button>
      ) : null}
    </div>
  );
}

/** Turns the rest between exercises on or off (kept on the phone). */
export function RestToggle(props: { rest: Rest }) {
  return (
    <label class="gym-rest-toggle">
      <input
        type="checkbox"
        data-testid="rest-toggle"
        checked={props.rest.wanted}
        onChange={props.rest.toggle}
      />
      Rest {REST_SECONDS} s between exercises
    </label>
  );
}
