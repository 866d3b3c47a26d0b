import type { ComponentChildren } from "preact";
import { useEffect, useMemo, useRef, useState } from "preact/hooks";
import { useRoute } from "preact-iso";
import type { Profile } from "../../core/profile/profile.js";
import type { Prescription } from "../../core/protocol/plan-types.js";
import { api } from "../shared/api.js";
import type { RequestOptions } from "../shared/http.js";
import { sharedOutbox, withSet } from "../shared/outbox/outbox.js";
import { kickSync } from "../shared/outbox/sync.js";
import type {
  FinishedWorkout,
  GymSetup,
  LoggedSet,
  OutboxItem,
  SavedSession,
  WarmupState,
  WorkoutInProgress,
} from "../shared/outbox/types.js";
import { signalEnd, unlockSound, useWakeLock } from "./device.js";
import {
  type Alternative,
  alternatives,
  cardsOf,
  DOSE_REPS,
  equipmentWords,
  formatNumber,
  inDose,
  loadMeaning,
  loadStep,
  parseLoad,
  type SummaryLine,
  sessionOn,
  startLoad,
  stepLoad,
  summarize,
  swappedCard,
  tankWords,
} from "./logic.js";
import "./gym.css";
import { knownAccountId, useLogin } from "../shared/login.js";

/**
 * Gym mode (/gym/:date): warm-up timer, one card per exercise, a summary. Everything logged is
 * written to IndexedDB before the screen moves on; the outbox sends the finished workout when
 * there is signal. Once the session was loaded one time, all of it works without a network.
 * Everything kept on the phone belongs to the account using the app (the one signed in last):
 * another account's workout in progress or summary is never shown here.
 */

type Screen =
  | { readonly kind: "loading" }
  | {
      readonly kind: "missing";
      readonly title: string;
      readonly message: string;
      readonly action: { readonly href: string; readonly label: string };
    }
  | {
      readonly kind: "ready";
      readonly base: SavedSession;
      readonly workout: WorkoutInProgress | null;
    }
  | { readonly kind: "summary"; readonly finished: FinishedWorkout };

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const WEEK = { href: "/", label: "Back to this week" } as const;
const SIGN_IN: Screen = {
  kind: "missing",
  title: "Please sign in",
  message: "Sign in once with signal; after that gym mode works offline too.",
  action: { href: "/login", label: "Sign in" },
};

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

  return (
    <section class="gym" aria-labelledby="gym-title">
      <header class="gym-head">
        <p class="gym-kicker">Gym</p>
        <h1 id="gym-title" class="gym-title">
          {DATE.test(date) ? dayTitle(date) : "Gym mode"}
        </h1>
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
          onFinished={(finished) => setScreen({ kind: "summary", finished })}
        />
      ) : null}
      {screen.kind === "summary" ? <Summary finished={screen.finished} /> : null}
    </section>
  );
}

// ── Loading: the phone first, then the server ───────────────────────────────

async function openSession(owner: string, date: string): Promise<Screen> {
  if (!DATE.test(date)) {
    return {
      kind: "missing",
      title: "No such day",
      message: "This address does not name a day.",
      action: WEEK,
    };
  }
  const outbox = sharedOutbox();
  void outbox.prune(45).catch(() => undefined);
  const [workout, finished, saved] = await Promise.all([
    outbox.progress(owner, date),
    outbox.finished(owner, date),
    outbox.savedSession(owner, date),
  ]).catch(() => [undefined, undefined, undefined] as const);
  if (workout) {
    const base = {
      owner,
      date,
      session: workout.session,
      setup: workout.setup,
      savedAt: workout.startedAt,
    };
    return { kind: "ready", base, workout };
  }
  if (finished) return { kind: "summary", finished };

  const fresh = await fetchSession(owner, date);
  if (fresh.ok) {
    await outbox.saveSession(fresh.saved).catch(() => undefined);
    return { kind: "ready", base: fresh.saved, workout: null };
  }
  if (saved && fresh.reason !== "no-session") return { kind: "ready", base: saved, workout: null };
  switch (fresh.reason) {
    case "no-session":
      return {
        kind: "missing",
        title: "No session on this day",
        message: "Your plan has no strength session on this day. It may have moved.",
        action: WEEK,
      };
    case "signed-out":
      return SIGN_IN;
    case "no-profile":
      return {
        kind: "missing",
        title: "Set up your plan first",
        message: "A few questions about your runs and your equipment, and your sessions appear.",
        action: { href: "/onboarding", label: "Set up my plan" },
      };
    case "offline":
      return {
        kind: "missing",
        title: "No signal",
        message:
          "This session is not on your phone yet. Open it once with signal; after that it works offline.",
        action: WEEK,
      };
    default:
      return {
        kind: "missing",
        title: "Something went wrong",
        message: fresh.message,
        action: WEEK,
      };
  }
}

type FetchedSession =
  | { readonly ok: true; readonly saved: SavedSession & { readonly owner: string } }
  | {
      readonly ok: false;
      readonly reason: "no-session" | "signed-out" | "no-profile" | "offline" | "error";
      readonly message: string;
    };

/**
 * Gym mode says "sign in" in its own words rather than leaving the screen, and gives up on a
 * hanging request sooner than other screens: the phone's copy of the session is the fallback.
 */
const GYM_REQUEST: RequestOptions = { allowUnauthorized: true, timeoutMs: 8_000 };

async function fetchSession(owner: string, date: string): Promise<FetchedSession> {
  const [plan, profile] = await Promise.all([
    api.plan(date, 1, GYM_REQUEST),
    api.profile(GYM_REQUEST),
  ]);
  for (const answer of [plan, profile]) {
    if (answer.ok) continue;
    const { error } = answer;
    const reason =
      error.status === 401
        ? "signed-out"
        : error.kind === "no-profile" || error.status === 404
          ? "no-profile"
          : error.kind === "network"
            ? "offline"
            : "error";
    return { ok: false, reason, message: error.message };
  }
  if (!plan.ok || !profile.ok) return { ok: false, reason: "error", message: "" };
  const session = sessionOn(plan.value, date);
  if (!session) return { ok: false, reason: "no-session", message: "" };
  return {
    ok: true,
    saved: {
      owner,
      date,
      session,
      setup: setupOf(profile.value),
      savedAt: new Date().toISOString(),
    },
  };
}

function setupOf(profile: Profile): GymSetup {
  return {
    units: profile.units,
    increments: profile.increments ?? {},
    equipment: profile.equipment,
    injuries: profile.injuries ?? [],
  };
}

// ── The workout ──────────────────────────────────────────────────────────────

function Workout(props: {
  owner: string;
  base: SavedSession;
  initial: WorkoutInProgress | null;
  onFinished: (finished: FinishedWorkout) => void;
}) {
  const { base, owner } = props;
  const { date, setup } = base;
  const outbox = sharedOutbox();
  const [workout, setWorkout] = useState<WorkoutInProgress | null>(props.initial);
  const [problem, setProblem] = useState<string | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const cards = useMemo(
    () => cardsOf(workout ?? { session: base.session, swaps: {} }),
    [workout, base.session],
  );
  const logged = (id: string) => workout?.sets.find((set) => set.exercise === id);
  const [current, setCurrent] = useState<number>(() => {
    const sets = props.initial?.sets ?? [];
    const open = cardsOf(props.initial ?? { session: base.session, swaps: {} }).findIndex(
      (card) => !sets.some((set) => set.exercise === card.id),
    );
    return open;
  });
  // After a reload mid-workout, bring the open card into view as after a log.
  const moved = useRef((props.initial?.sets.length ?? 0) > 0);

  const warmingUp = !workout || (workout.warmup.state !== "done" && workout.sets.length === 0);

  useEffect(() => {
    if (warmingUp || !moved.current) return;
    const card = cards[current];
    const target = document.querySelector<HTMLElement>(
      card ? `[data-testid="exercise-card-${card.id}"]` : '[data-testid="finish-workout"]',
    );
    target?.scrollIntoView({ block: "start", behavior: "smooth" });
    target?.querySelector<HTMLElement>("h2")?.focus({ preventScroll: true });
  }, [current, warmingUp]);

  /** Every change goes to IndexedDB first; the screen shows what was stored. */
  const save = async (
    change: (workout: WorkoutInProgress) => WorkoutInProgress,
  ): Promise<WorkoutInProgress | null> => {
    try {
      await outbox.start(owner, date, () => ({ session: base.session, setup }));
      const next = await outbox.update(owner, date, change);
      if (next) setWorkout(next);
      setProblem(null);
      return next ?? null;
    } catch {
      setProblem(
        "This phone would not save it (storage full or private browsing). Keep this screen open and note your sets.",
      );
      return null;
    }
  };

  const setWarmup = (warmup: WarmupState) => {
    // Leaving the warm-up brings the first card to the top of the screen.
    if (warmup.state === "done") moved.current = true;
    return save((w) => ({ ...w, warmup }));
  };

  const logSet = async (set: LoggedSet) => {
    const next = await save((w) => ({ ...w, sets: withSet(w.sets, set) }));
    if (!next) return;
    const name = cards.find((card) => card.id === set.exercise)?.name ?? "Set";
    setSaved(`${name} saved on this phone.`);
    moved.current = true;
    const index = cards.findIndex((card) => card.id === set.exercise);
    const after = cardsOf(next);
    let open = -1;
    for (let step = 1; step <= after.length; step += 1) {
      const i = (index + step) % after.length;
      const card = after[i];
      if (card && !next.sets.some((s) => s.exercise === card.id)) {
        open = i;
        break;
      }
    }
    setCurrent(open);
    kickSync();
  };

  const swap = async (index: number, to: string) => {
    const planned = base.session.exercises[index];
    const was = cards[index];
    if (!planned || !was || to === was.id) return;
    const replacement = to === planned.id ? null : swappedCard(to, was, setup);
    await save((w) => {
      const swaps = { ...w.swaps };
      if (replacement) swaps[planned.id] = replacement;
      else delete swaps[planned.id];
      return { ...w, swaps, sets: w.sets.filter((set) => set.exercise !== was.id) };
    });
    // Tell the plan (so next week knows); offline this simply fails and the set still says
    // which exercise was done. When it works, the plan's suggested load for it comes back.
    void api.swap({ date, exercise: was.id, with: to }, GYM_REQUEST).then(async (answer) => {
      if (!answer.ok || !replacement) return;
      const plan = await api.plan(date, 1, GYM_REQUEST);
      const fresh = plan.ok
        ? sessionOn(plan.value, date)?.exercises.find((item) => item.id === to)
        : undefined;
      if (!fresh) return;
      await save((w) =>
        w.swaps[planned.id]?.id === to ? { ...w, swaps: { ...w.swaps, [planned.id]: fresh } } : w,
      );
    });
  };

  const finish = async () => {
    try {
      await outbox.finish(owner, date);
      const finished = await outbox.finished(owner, date);
      kickSync();
      if (finished) props.onFinished(finished);
    } catch {
      setProblem("This phone would not save it. Keep this screen open and try again.");
    }
  };

  const loggedCount = workout?.sets.length ?? 0;
  const open = cards.filter((card) => !logged(card.id)).length;

  return (
    <div class="gym-body">
      <p class="gym-note gym-why">
        {cards.length} {cards.length === 1 ? "exercise" : "exercises"}, one set each · about{" "}
        {Math.round(base.session.minutes)} min
      </p>
      {base.session.done && !workout ? (
        <p class="gym-panel gym-info">This session is already in your log.</p>
      ) : null}
      {problem ? (
        <p class="gym-panel gym-error" role="alert">
          {problem}
        </p>
      ) : null}
      {warmingUp ? (
        <Warmup
          minutes={base.session.warmup.minutes}
          activity={base.session.warmup.activity}
          state={workout?.warmup ?? { state: "idle" }}
          onChange={(warmup) => void setWarmup(warmup)}
        />
      ) : (
        <>
          <p class="gym-saved" role="status">
            {saved ?? ""}
          </p>
          <ol class="gym-cards">
            {cards.map((card, index) => (
              <li key={card.id}>
                <ExerciseCard
                  card={card}
                  index={index}
                  total={cards.length}
                  setup={setup}
                  logged={logged(card.id)}
                  current={index === current}
                  options={
                    index === current
                      ? alternatives(
                          card,
                          cards.map((item) => item.id),
                          setup,
                        )
                      : []
                  }
                  onLog={(set) => void logSet(set)}
                  onSwap={(to) => void swap(index, to)}
                  onOpen={() => {
                    moved.current = true;
                    setCurrent(index);
                  }}
                />
              </li>
            ))}
          </ol>
          <div class="gym-finish">
            {loggedCount > 0 ? (
              <button
                type="button"
                class={`gym-button ${open === 0 ? "gym-primary" : "gym-secondary"}`}
                data-testid="finish-workout"
                onClick={() => void finish()}
              >
                {open === 0 ? "Finish workout" : `Finish now (${open} not done)`}
              </button>
            ) : (
              <p class="gym-note">Log a set to finish the workout.</p>
            )}
          </div>
        </>
      )}
    </div>
  );
}

// ── Warm-up ──────────────────────────────────────────────────────────────────

function Warmup(props: {
  minutes: number;
  activity: string;
  state: WarmupState;
  onChange: (state: WarmupState) => void;
}) {
  const { state, onChange } = props;
  const total = Math.max(1, props.minutes) * 60_000;
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

  const seconds = Math.ceil(remaining / 1000);
  const clock = `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, "0")}`;
  const activity = props.activity === "bike" ? "on the bike, easy pace" : props.activity;

  const toggle = () => {
    unlockSound();
    if (state.state === "running") {
      onChange({ state: "paused", remainingMs: Math.max(0, state.endsAt - Date.now()) });
    } else {
      const left = state.state === "paused" ? state.remainingMs : total;
      setNow(Date.now());
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

// ── One exercise ─────────────────────────────────────────────────────────────

function ExerciseCard(props: {
  card: Prescription;
  index: number;
  total: number;
  setup: GymSetup;
  logged: LoggedSet | undefined;
  current: boolean;
  options: readonly Alternative[];
  onLog: (set: LoggedSet) => void;
  onSwap: (to: string) => void;
  onOpen: () => void;
}) {
  const { card, setup, logged } = props;
  const step = loadStep(card.equipment, setup);
  const head = (
    <div class="gym-card-head">
      <p class="gym-count">
        {props.index + 1} of {props.total}
      </p>
      <h2 class="gym-card-title" tabIndex={-1}>
        {card.name}
      </h2>
    </div>
  );

  if (!props.current) {
    return (
      <article
        class={`gym-card gym-card-closed${logged ? " is-done" : ""}`}
        data-testid={`exercise-card-${card.id}`}
      >
        {head}
        <p class="gym-card-line">
          {logged ? (
            <>
              <span class="gym-tick" aria-hidden="true">
                ✓
              </span>{" "}
              {logged.reps} reps
              {logged.load ? ` at ${formatNumber(logged.load.value)} ${logged.load.unit}` : ""},{" "}
              {tankWords(logged.rir)}
            </>
          ) : step === null ? (
            "Body weight"
          ) : card.load ? (
            `${formatNumber(startLoad(card, setup))} ${setup.units} suggested`
          ) : (
            "Choose a load"
          )}
        </p>
        <button type="button" class="gym-button gym-secondary gym-small" onClick={props.onOpen}>
          {logged ? "Change" : "Do this now"}
          <span class="sr-only"> {card.name}</span>
        </button>
      </article>
    );
  }

  return (
    <article class="gym-card gym-card-open" data-testid={`exercise-card-${card.id}`}>
      <SetForm
        key={card.id}
        head={head}
        card={card}
        setup={setup}
        step={step}
        logged={logged}
        options={props.options}
        onLog={props.onLog}
        onSwap={props.onSwap}
      />
    </article>
  );
}

function SetForm(props: {
  head: ComponentChildren;
  card: Prescription;
  setup: GymSetup;
  step: number | null;
  logged: LoggedSet | undefined;
  options: readonly Alternative[];
  onLog: (set: LoggedSet) => void;
  onSwap: (to: string) => void;
}) {
  const { card, setup, step, logged } = props;
  const unit = setup.units;
  const [loadText, setLoadText] = useState(() =>
    formatNumber(logged?.load?.value ?? startLoad(card, setup)),
  );
  const [reps, setReps] = useState<number | null>(() =>
    logged && inDose(logged.reps) ? logged.reps : null,
  );
  const [otherReps, setOtherReps] = useState(() =>
    logged && !inDose(logged.reps) ? String(logged.reps) : "",
  );
  const [rir, setRir] = useState<number | null>(logged?.rir ?? null);
  const [swapOpen, setSwapOpen] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const load = parseLoad(loadText) ?? 0;
  const firstTime = step !== null && !card.load && !logged;
  const meaning = loadMeaning(card);
  const chosenReps = reps ?? (/^\d+$/.test(otherReps) ? Number(otherReps) : null);

  const bump = (direction: "up" | "down") => {
    if (step === null) return;
    setLoadText(formatNumber(stepLoad(load, step, direction)));
    setError(null);
  };

  const submit = () => {
    if (step !== null && (parseLoad(loadText) ?? 0) <= 0) {
      setError(`Set the load you lifted first: the − and + buttons go in ${step} ${unit} steps.`);
      return;
    }
    if (chosenReps === null || chosenReps < 1 || chosenReps > 100) {
      setError("Tap how many reps you did.");
      return;
    }
    if (rir === null) {
      setError("Tap how many more you could have done.");
      return;
    }
    setError(null);
    props.onLog({
      exercise: card.id,
      load: step === null ? null : { value: load, unit },
      reps: chosenReps,
      rir,
    });
  };

  return (
    <div class="gym-form">
      <div class="gym-card-top">
        {props.head}
        <button
          type="button"
          class="gym-button gym-secondary gym-small"
          data-testid="swap-open"
          aria-expanded={swapOpen}
          onClick={() => setSwapOpen(!swapOpen)}
        >
          {swapOpen ? "Keep it" : "Swap"}
          <span class="sr-only"> {card.name}</span>
        </button>
      </div>
      <div class="gym-swap">
        {swapOpen ? (
          props.options.length ? (
            <ul class="gym-swap-list" aria-label={`Instead of ${card.name}`}>
              {props.options.map((option) => (
                <li key={option.id}>
                  <button
                    type="button"
                    class="gym-button gym-option"
                    data-testid={`swap-to-${option.id}`}
                    onClick={() => {
                      setSwapOpen(false);
                      props.onSwap(option.id);
                    }}
                  >
                    <span class="gym-option-name">{option.name}</span>
                    <span class="gym-option-gear">{equipmentWords(option.equipment)}</span>
                  </button>
                </li>
              ))}
            </ul>
          ) : (
            <p class="gym-note">Nothing else works the same muscles with your equipment.</p>
          )
        ) : null}
      </div>

      <p class="gym-target">
        {card.reps.min} to {card.reps.max} reps, stop with {card.rir.min} or {card.rir.max} left in
        the tank
      </p>
      {card.cues.length ? (
        // Open when the exercise is new (no suggested load) or takes no load; a known lift
        // keeps its cues one tap away so that the controls fit on the screen.
        <details class="gym-how" open={!card.load}>
          <summary>How to do it</summary>
          <ul class="gym-cues">
            {card.cues.map((cue) => (
              <li key={cue}>{cue}</li>
            ))}
          </ul>
        </details>
      ) : null}

      {step === null ? (
        <p class="gym-bodyweight">
          {card.equipment.includes("band") ? "With your band" : "Body weight: no load to set"}
        </p>
      ) : (
        <fieldset class="gym-field">
          <legend class="gym-legend">
            Load <span class="gym-legend-note">{meaning ? `· ${meaning}` : ""}</span>
          </legend>
          {firstTime ? (
            <p class="gym-hint">New exercise: choose a load you could lift 10-12 times.</p>
          ) : null}
          <div class="gym-stepper">
            <button
              type="button"
              class="gym-step"
              data-testid="load-minus"
              aria-label={`${step} ${unit} lighter`}
              disabled={load <= 0}
              onClick={() => bump("down")}
            >
              −
            </button>
            <label class="gym-load">
              <span class="sr-only">Load in {unit}</span>
              <input
                class="gym-load-input"
                data-testid="load-value"
                type="text"
                inputMode="decimal"
                autoComplete="off"
                value={loadText}
                onInput={(event) => {
                  setLoadText(event.currentTarget.value);
                  setError(null);
                }}
                onBlur={() => setLoadText(formatNumber(parseLoad(loadText) ?? 0))}
              />
              <span class="gym-load-unit" aria-hidden="true">
                {unit}
              </span>
            </label>
            <button
              type="button"
              class="gym-step"
              data-testid="load-plus"
              aria-label={`${step} ${unit} heavier`}
              onClick={() => bump("up")}
            >
              +
            </button>
          </div>
        </fieldset>
      )}

      <fieldset class="gym-field">
        <legend class="gym-legend">Reps done</legend>
        <div class="gym-choices gym-reps">
          {DOSE_REPS.map((value) => (
            <button
              key={value}
              type="button"
              class="gym-choice"
              data-testid={`reps-${value}`}
              aria-pressed={reps === value}
              onClick={() => {
                setReps(value);
                setOtherReps("");
                setError(null);
              }}
            >
              {value}
            </button>
          ))}
          <label class="gym-other">
            <span class="gym-other-label">Other</span>
            <input
              class="gym-other-input"
              data-testid="reps-other"
              type="number"
              inputMode="numeric"
              min={1}
              max={100}
              value={otherReps}
              aria-label="Other number of reps"
              onInput={(event) => {
                setOtherReps(event.currentTarget.value);
                setReps(null);
                setError(null);
              }}
            />
          </label>
        </div>
      </fieldset>

      <fieldset class="gym-field">
        <legend class="gym-legend">
          How many more could you have done?{" "}
          <span class="gym-legend-note">(reps left in the tank)</span>
        </legend>
        <div class="gym-choices gym-rir">
          {[0, 1, 2, 3, 4, 5].map((value) => (
            <button
              key={value}
              type="button"
              class="gym-choice"
              data-testid={`rir-${value}`}
              aria-pressed={rir === value}
              aria-label={value === 5 ? "5 or more" : String(value)}
              onClick={() => {
                setRir(value);
                setError(null);
              }}
            >
              {value === 5 ? "5+" : value}
            </button>
          ))}
        </div>
      </fieldset>

      {error ? (
        <p class="gym-error-line" role="alert">
          {error}
        </p>
      ) : null}
      <button
        type="button"
        class="gym-button gym-primary gym-log"
        data-testid="log-set"
        onClick={submit}
      >
        {logged ? "Save the change" : "Log set"}
      </button>
    </div>
  );
}

// ── Summary ──────────────────────────────────────────────────────────────────

function Summary(props: { finished: FinishedWorkout }) {
  const { finished } = props;
  const lines: SummaryLine[] = useMemo(
    () => summarize(finished.sets, cardsOf(finished), finished.setup),
    [finished],
  );
  const item = useOutboxItem(finished.id);

  return (
    <div class="gym-panel gym-summary" data-testid="summary">
      <h2 class="gym-h2">Workout done</h2>
      <p class="gym-lead" role="status">
        {item === undefined
          ? "In your log."
          : item === null
            ? "Saved on this phone."
            : item.status === "failed"
              ? `The server did not accept it: ${item.lastError ?? "no reason given"}. It stays on this phone.`
              : "Saved on this phone. It goes to your log as soon as there is signal."}
      </p>
      <h3 class="gym-h3">What you did, and next time</h3>
      <ul class="gym-summary-list">
        {lines.map((line) => (
          <li key={line.exercise} class={`gym-summary-item is-${line.direction}`}>
            <p class="gym-summary-name">{line.name}</p>
            <p class="gym-summary-did">{line.did}</p>
            <p class="gym-summary-next">{line.next}</p>
          </li>
        ))}
      </ul>
      {item && item.status === "failed" ? (
        <button
          type="button"
          class="gym-button gym-secondary"
          onClick={() => void sharedOutbox().retry(item.id).then(kickSync)}
        >
          Try sending again
        </button>
      ) : null}
      <a class="gym-button gym-primary" href="/">
        Back to this week
      </a>
    </div>
  );
}

/** The outbox item of a workout: null while unknown, undefined once it has left the phone. */
function useOutboxItem(id: string): OutboxItem | null | undefined {
  const [item, setItem] = useState<OutboxItem | null | undefined>(null);
  useEffect(() => {
    const outbox = sharedOutbox();
    let alive = true;
    const refresh = () =>
      void outbox
        .item(id)
        .then((found) => alive && setItem(found))
        .catch(() => undefined);
    const unsubscribe = outbox.subscribe(refresh);
    refresh();
    return () => {
      alive = false;
      unsubscribe();
    };
  }, [id]);
  return item;
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
