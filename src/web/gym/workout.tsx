import type { FinishedWorkout, SavedSession, WorkoutInProgress } from "../shared/outbox/types.js";
import { AllLogged } from "./all-logged.js";
import { ExerciseCard } from "./exercise-card.js";
import type { LastSets } from "./last-sets.js";
import { alternatives } from "./logic.js";
import { AfterLog, RestToggle, useRest } from "./rest.js";
import { useWorkout } from "./use-workout.js";
import { Warmup } from "./warmup.js";

/**
 * The workout of the day: the warm-up, then one exercise per screen (previous and next go
 * round the cards), an optional rest between exercises, undo of the last set, and "Finish".
 */
// Over 80 lines: the screen's markup in order (warm-up, card, pager, rest, finish), all read from
// the one workout state.
export function Workout(props: {
  owner: string;
  base: SavedSession;
  initial: WorkoutInProgress | null;
  last: LastSets;
  onFinished: (finished: FinishedWorkout) => void;
}) {
  const { base } = props;
  const { setup } = base;
  const state = useWorkout(props);
  const rest = useRest();
  const { workout, cards, current } = state;
  const open = cards.filter((card) => !state.logged(card.id)).length;
  const card = cards[current];

  return (
    <div class="gym-body">
      {base.session.done && !workout ? (
        <p class="gym-panel gym-info">This session is already in your log.</p>
      ) : null}
      {state.problem ? (
        <p class="gym-panel gym-error" role="alert">
          {state.problem}
        </p>
      ) : null}
      {state.warmingUp ? (
        <>
          <p class="gym-note gym-why">
            {cards.length} {cards.length === 1 ? "exercise" : "exercises"}, one set each · about{" "}
            {Math.round(base.session.minutes)} min
          </p>
          <Warmup
            minutes={base.session.warmup.minutes}
            activity={base.session.warmup.activity}
            state={workout?.warmup ?? { state: "idle" }}
            onChange={(warmup) => void state.setWarmup(warmup)}
          />
        </>
      ) : (
        <>
          <AfterLog
            saved={state.saved}
            undoable={state.undoable}
            rest={rest}
            onUndo={() => {
              rest.skip();
              void state.undo();
            }}
          />
          {card ? (
            <ExerciseCard
              key={card.id}
              card={card}
              index={current}
              total={cards.length}
              setup={setup}
              date={base.date}
              last={props.last}
              logged={state.logged(card.id)}
              options={alternatives(
                card,
                cards.map((item) => item.id),
                setup,
              )}
              onLog={(set) =>
                void state.logSet(set).then((another) => {
                  if (another) rest.start();
                })
              }
              onSwap={(to) => void state.swap(current, to)}
            />
          ) : (
            <>
              {/* Everything done: finishing comes first, the sets to check under it. */}
              <Finish logged={workout?.sets.length ?? 0} open={open} onFinish={state.finish} />
              <AllLogged cards={cards} setup={setup} logged={state.logged} onOpen={state.open} />
            </>
          )}
          <Pager
            current={current}
            total={cards.length}
            onGo={(direction) => {
              rest.skip();
              state.go(direction);
            }}
          />
          {card ? (
            <Finish logged={workout?.sets.length ?? 0} open={open} onFinish={state.finish} />
          ) : null}
          <RestToggle rest={rest} />
        </>
      )}
    </div>
  );
}

/** Previous and next exercise (no swiping: one thumb, one tap). */
function Pager(props: { current: number; total: number; onGo: (direction: 1 | -1) => void }) {
  if (props.total < 2 && props.current >= 0) return null;
  return (
    <nav class="gym-pager" aria-label="Exercises">
      <button
        type="button"
        class="gym-button gym-secondary gym-pager-button"
        data-testid="card-previous"
        onClick={() => props.onGo(-1)}
      >
        <span class="sr-only">Previous exercise</span>
        <span aria-hidden="true">‹ Previous</span>
      </button>
      <button
        type="button"
        class="gym-button gym-secondary gym-pager-button"
        data-testid="card-next"
        onClick={() => props.onGo(1)}
      >
        <span class="sr-only">Next exercise</span>
        <span aria-hidden="true">Next ›</span>
      </button>
    </nav>
  );
}

function Finish(props: { logged: number; open: number; onFinish: () => Promise<void> }) {
  const { open } = props;
  return (
    <div class="gym-finish">
      {props.logged > 0 ? (
        <button
          type="button"
          class={`gym-button ${open === 0 ? "gym-primary" : "gym-secondary"}`}
          data-testid="finish-workout"
          onClick={() => void props.onFinish()}
        >
          {open === 0 ? "Finish workout" : `Finish now (${open} not done)`}
        </button>
      ) : (
        <p class="gym-note">Log a set to finish the workout.</p>
      )}
    </div>
  );
}
