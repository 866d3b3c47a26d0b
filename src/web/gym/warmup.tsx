import { useEffect, useRef, useState } from "preact/hooks";
import type { WarmupState } from "../shared/outbox/types.js";
import { signalEnd, unlockSound } from "./device.js";

/**
 * What is left of the warm-up, ticking while it runs; at zero the phone beeps and the warm-up
 * is done. `total` is the whole warm-up in milliseconds.
 */
function useCountdown(
  state: WarmupState,
  total: number,
  onChange: (state: WarmupState) => void,
): { remaining: number; restart: () => void } {
  const [now, setNow] = useState(() => Date.now());
  const ended = useRef(false);

  useEffect(() => {
    if (state.state !== "running") return;
    const timer = setInterval(() => setNow(Date.now()), 250);
    return () => clearInterval(timer);
  }, [state.state]);

  const remaining =
    state.state === "running"
      ? Math.max(0, state.endsAt - now)
      : state.state === "paused"
        ? state.remainingMs
        : state.state === "done"
          ? 0
          : total;

  useEffect(() => {
    if (state.state === "running" && remaining <= 0 && !ended.current) {
      ended.current = true;
      signalEnd();
      onChange({ state: "done" });
    }
  }, [state.state, remaining]);
  return { remaining, restart: () => setNow(Date.now()) };
}

/** The warm-up (protocol section 3): a timer to start, pause or skip. */
export function Warmup(props: {
  minutes: number;
  activity: string;
  state: WarmupState;
  onChange: (state: WarmupState) => void;
}) {
  const { state, onChange } = props;
  const total = Math.max(1, props.minutes) * 60_000;
  const { remaining, restart } = useCountdown(state, total, onChange);
  const seconds = Math.ceil(remaining / 1000);
  const clock = `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, "0")}`;
  const activity = props.activity === "bike" ? "on the bike, easy pace" : props.activity;

  const toggle = () => {
    unlockSound();
    if (state.state === "running") {
      onChange({ state: "paused", remainingMs: Math.max(0, state.endsAt - Date.now()) });
    } else {
      const left = state.state === "paused" ? state.remainingMs : total;
      restart();
      onChange({ state: "running", endsAt: Date.now() + left });
    }
  };

  return (
    <div class="gym-panel gym-warmup">
      <h2 class="gym-h2">Warm up first</h2>
      <p class="gym-lead">
        {props.minutes} minutes {activity}: it gets your muscles ready to lift.
      </p>
      <p
        class="gym-timer"
        data-testid="warmup-timer"
        role="timer"
        aria-label={`${clock} left of the warm-up`}
      >
        {clock}
      </p>
      <p class="gym-note" aria-live="polite">
        {state.state === "running"
          ? "The phone beeps and buzzes at the end. The screen stays on."
          : state.state === "paused"
            ? "Paused."
            : ""}
      </p>
      <div class="gym-stack">
        <button
          type="button"
          class="gym-button gym-primary"
          data-testid="warmup-start"
          onClick={toggle}
        >
          {state.state === "running"
            ? "Pause"
            : state.state === "paused"
              ? "Resume"
              : "Start warm-up"}
        </button>
        <button
          type="button"
          class="gym-button gym-secondary"
          data-testid="warmup-skip"
          onClick={() => onChange({ state: "done" })}
        >
          {state.state === "idle" ? "Skip warm-up" : "I'm warm: start lifting"}
        </button>
      </div>
    </div>
  );
}
