import { useEffect, useState } from "preact/hooks";
import { useRoute } from "preact-iso";
import { kickSync } from "../shared/outbox/sync.js";
import { useWakeLock } from "./device.js";
import "./gym.css";
import { knownAccountId, useLogin } from "../shared/login.js";
import type { FinishedWorkout } from "../shared/outbox/types.js";
import { DATE, openSession, type Screen, SIGN_IN } from "./load.js";
import type { Summary } from "./summary.js";
import { Workout } from "./workout.js";

type SummaryView = typeof Summary;

let summaryModule: Promise<SummaryView | null> | null = null;

/**
 * The summary and its arithmetic load apart from the first screen: fetched as gym mode opens,
 * long before the workout ends (the service worker keeps every chunk of the build for offline).
 * Null when it could not be fetched; a later call tries again.
 */
function loadSummary(): Promise<SummaryView | null> {
  summaryModule ??= import("./summary.js").then(
    (module) => module.Summary,
    () => {
      summaryModule = null;
      return null;
    },
  );
  return summaryModule;
}

/**
 * Gym mode (/gym/:date): warm-up timer, one card per exercise, a summary. Everything logged is
 * written to IndexedDB before the screen moves on; the outbox sends the finished workout when
 * there is signal. Once the planned session was loaded one time, all of it works without a network.
 * Everything kept on the phone belongs to the account using the app (the one signed in last):
 * another account's workout in progress or summary is never shown here.
 */
export function Gym() {
  const { params } = useRoute();
  const date = params.date ?? "";
  const login = useLogin();
  const owner = knownAccountId();
  // Nobody known yet: wait for GET /api/session, unless it has answered (signed out, offline).
  const signIn = owner === null && login.status !== "idle" && login.status !== "loading";
  const [screen, setScreen] = useState<Screen>({ kind: "loading" });

  useEffect(() => {
    let alive = true;
    setScreen({ kind: "loading" });
    if (owner === null) {
      if (signIn) setScreen(SIGN_IN);
    } else {
      void openSession(owner, date).then((next) => {
        if (alive) setScreen(next);
      });
    }
    kickSync();
    return () => {
      alive = false;
    };
  }, [date, owner, signIn]);

  useWakeLock(screen.kind === "ready");
  const summary = useSummaryView(screen.kind === "summary");

  return (
    <section class="gym" aria-labelledby="gym-title">
      <header class="gym-head">
        <div>
          <p class="gym-kicker">Gym</p>
          <h1 id="gym-title" class="gym-title">
            {DATE.test(date) ? dayTitle(date) : "Gym mode"}
          </h1>
        </div>
        {/* The tabs are hidden in gym mode: this is the way out (sets logged stay on the phone). */}
        <a class="gym-button gym-secondary gym-tiny gym-leave" href="/" data-testid="gym-leave">
          Leave<span class="sr-only"> gym mode</span>
        </a>
      </header>
      {screen.kind === "loading" ? (
        <p class="gym-note" role="status">
          Getting your session…
        </p>
      ) : null}
      {screen.kind === "missing" ? (
        <div class="gym-panel" role="alert">
          <h2 class="gym-h2">{screen.title}</h2>
          <p class="gym-note">{screen.message}</p>
          <a class="gym-button gym-secondary" href={screen.action.href}>
            {screen.action.label}
          </a>
        </div>
      ) : null}
      {screen.kind === "ready" && owner !== null ? (
        <Workout
          key={`${owner} ${date}`}
          owner={owner}
          base={screen.base}
          initial={screen.workout}
          last={screen.last}
          onFinished={(finished) => setScreen({ kind: "summary", finished })}
        />
      ) : null}
      {screen.kind === "summary" ? (
        <SummaryScreen view={summary} finished={screen.finished} />
      ) : null}
    </section>
  );
}

function dayTitle(date: string): string {
  const [year = 1970, month = 1, day = 1] = date.split("-").map(Number);
  const locale =
    typeof navigator !== "undefined" && navigator.language?.toLowerCase().startsWith("en")
      ? navigator.language
      : "en-GB";
  return new Intl.DateTimeFormat(locale, {
    weekday: "long",
    day: "numeric",
    month: "long",
    timeZone: "UTC",
  }).format(Date.UTC(year, month - 1, day));
}

/** The summary component once fetched; "missing" when it could not be (tried again when shown). */
function useSummaryView(shown: boolean): SummaryView | "missing" | null {
  const [view, setView] = useState<SummaryView | "missing" | null>(null);
  useEffect(() => {
    if (view !== null && view !== "missing") return;
    let alive = true;
    void loadSummary().then((loaded) => {
      if (alive) setView(() => loaded ?? "missing");
    });
    return () => {
      alive = false;
    };
  }, [shown]);
  return view;
}

function SummaryScreen(props: { view: SummaryView | "missing" | null; finished: FinishedWorkout }) {
  const { view: View } = props;
  if (View === null) {
    return (
      <p class="gym-note" role="status">
        Getting your summary…
      </p>
    );
  }
  if (View === "missing") {
    return (
      <div class="gym-panel gym-summary" data-testid="summary">
        <h2 class="gym-h2">Workout done</h2>
        <p class="gym-lead" role="status">
          Saved on this phone. What changes next time shows in this week's plan once there is
          signal.
        </p>
        <a class="gym-button gym-primary" href="/">
          Back to this week
        </a>
      </div>
    );
  }
  return <View finished={props.finished} />;
}
