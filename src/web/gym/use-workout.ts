import { useEffect, useMemo, useRef, useState } from "preact/hooks";
import type { Prescription } from "../../core/protocol/plan-types.js";
import { api } from "../shared/api.js";
import { sharedOutbox, withSet } from "../shared/outbox/outbox.js";
import { kickSync } from "../shared/outbox/sync.js";
import type {
  FinishedWorkout,
  LoggedSet,
  SavedSession,
  WarmupState,
  WorkoutInProgress,
} from "../shared/outbox/types.js";
import { GYM_REQUEST } from "./load.js";
import { cardsOf, nextOpenCard, sessionOn, swappedCard } from "./logic.js";

type Change = (workout: WorkoutInProgress) => WorkoutInProgress;
type Save = (change: Change) => Promise<WorkoutInProgress | null>;

const CANNOT_SAVE =
  "This phone would not save it (storage full or private browsing). Keep this screen open and note your sets.";

/**
 * The workout being logged: what is stored on the phone, the card open now, and the athlete's
 * actions. Every change goes to IndexedDB first; the screen shows what was stored.
 */
// Over 80 lines: every action on the stored workout (log, change, undo, swap, finish) writes the
// same IndexedDB record first; one hook keeps them in step.
export function useWorkout(props: {
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
  // The last "Log set", to undo: the exercise and the set it replaced (none for a first log).
  const [undoable, setUndoable] = useState<{
    readonly exercise: string;
    readonly previous: LoggedSet | undefined;
  } | null>(null);
  const cards = useMemo(
    () => cardsOf(workout ?? { session: base.session, swaps: {} }),
    [workout, base.session],
  );
  const [current, setCurrent] = useState<number>(() =>
    nextOpenCard(
      cardsOf(props.initial ?? { session: base.session, swaps: {} }),
      props.initial?.sets ?? [],
      -1,
    ),
  );
  // After a reload mid-workout, bring the open card into view as after a log.
  const moved = useRef((props.initial?.sets.length ?? 0) > 0);
  const warmingUp = !workout || (workout.warmup.state !== "done" && workout.sets.length === 0);
  useBringIntoView(moved.current && !warmingUp, cards[current], [current, warmingUp]);
  const logged = (id: string) => workout?.sets.find((set) => set.exercise === id);

  const save: Save = async (change) => {
    try {
      await outbox.start(owner, date, () => ({ session: base.session, setup }));
      const next = await outbox.update(owner, date, change);
      if (next) setWorkout(next);
      setProblem(null);
      return next ?? null;
    } catch {
      setProblem(CANNOT_SAVE);
      return null;
    }
  };

  return {
    workout,
    cards,
    current,
    problem,
    saved,
    warmingUp,
    undoable: undoable !== null,
    logged,
    open(index: number) {
      moved.current = true;
      setCurrent(index);
    },
    /** The next or previous card, going round; from the finish screen, the first or last. */
    go(direction: 1 | -1) {
      moved.current = true;
      const at = current < 0 ? (direction === 1 ? -1 : cards.length) : current;
      setCurrent((at + direction + cards.length) % cards.length);
    },
    /** Takes back the last "Log set" and opens its card again. */
    async undo() {
      if (!undoable) return;
      const { exercise, previous } = undoable;
      const next = await save((w) => ({
        ...w,
        sets: previous
          ? withSet(w.sets, previous)
          : w.sets.filter((set) => set.exercise !== exercise),
      }));
      if (!next) return;
      setUndoable(null);
      const name = cards.find((card) => card.id === exercise)?.name ?? "The set";
      setSaved(`${name}: the set is taken back.`);
      moved.current = true;
      setCurrent(
        Math.max(
          0,
          cards.findIndex((card) => card.id === exercise),
        ),
      );
    },
    setWarmup(warmup: WarmupState) {
      // Leaving the warm-up brings the first card to the top of the screen.
      if (warmup.state === "done") moved.current = true;
      return save((w) => ({ ...w, warmup }));
    },
    /** Stores the set; true when it was a first log of its exercise and another one waits. */
    async logSet(set: LoggedSet): Promise<boolean> {
      const previous = logged(set.exercise);
      const next = await save((w) => ({ ...w, sets: withSet(w.sets, set) }));
      if (!next) return false;
      setUndoable({ exercise: set.exercise, previous });
      const name = cards.find((card) => card.id === set.exercise)?.name ?? "Set";
      setSaved(`${name} saved on this phone.`);
      moved.current = true;
      const index = cards.findIndex((card) => card.id === set.exercise);
      const following = nextOpenCard(cardsOf(next), next.sets, index);
      setCurrent(following);
      kickSync();
      return previous === undefined && following >= 0;
    },
    swap: (index: number, to: string) => swapCard(save, base, cards, index, to),
    async finish() {
      try {
        await outbox.finish(owner, date);
        const finished = await outbox.finished(owner, date);
        kickSync();
        if (finished) props.onFinished(finished);
      } catch {
        setProblem("This phone would not save it. Keep this screen open and try again.");
      }
    },
  };
}

/**
 * One exercise per screen: a new card starts at the top of the page, its title focused (so a
 * screen reader says which exercise is next); with none open, the finish button is.
 */
function useBringIntoView(active: boolean, card: Prescription | undefined, when: unknown[]) {
  useEffect(() => {
    if (!active) return;
    window.scrollTo({ top: 0 });
    const target = card
      ? document.querySelector<HTMLElement>(`[data-testid="exercise-card-${card.id}"] h2`)
      : document.querySelector<HTMLElement>('[data-testid="finish-workout"]');
    target?.focus({ preventScroll: true });
  }, when);
}

/** Puts another exercise on the card at `index` (or the planned one back), dropping its set. */
async function swapCard(
  save: Save,
  base: SavedSession,
  cards: readonly Prescription[],
  index: number,
  to: string,
): Promise<void> {
  const { date, setup } = base;
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
  const answer = await api.swap({ date, exercise: was.id, with: to }, GYM_REQUEST);
  if (!answer.ok || !replacement) return;
  const plan = await api.plan(date, 1, GYM_REQUEST);
  const fresh = plan.ok
    ? sessionOn(plan.value, date)?.exercises.find((item) => item.id === to)
    : undefined;
  if (!fresh) return;
  await save((w) =>
    w.swaps[planned.id]?.id === to ? { ...w, swaps: { ...w.swaps, [planned.id]: fresh } } : w,
  );
}
