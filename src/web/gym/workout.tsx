import type { FinishedWorkout, SavedSession, WorkoutInProgress } from "../shared/outbox/types.js";
import { ExerciseCard } from "./exercise-card.js";
import { alternatives } from "./logic.js";
import { useWorkout } from "./use-workout.js";
import { Warmup } from "./warmup.js";

/** The workout of the day: the warm-up, then one card per exercise and "Finish workout". */
export function Workout(props: {
  owner: string;
  base: SavedSession;
  initial: WorkoutInProgress | null;
  onFinished: (finished: FinishedWorkout) => void;
}) {
  const { base } = props;
  const { setup } = base;
  const state = useWorkout(props);
  const { workout, cards, current } = state;
  const logged = (id: string) => workout?.sets.find((set) => set.exercise === id);
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
      {state.problem ? (
        <p class="gym-panel gym-error" role="alert">
          {state.problem}
        </p>
      ) : null}
      {state.warmingUp ? (
        <Warmup
          minutes={base.session.warmup.minutes}
          activity={base.session.warmup.activity}
          state={workout?.warmup ?? { state: "idle" }}
          onChange={(warmup) => void state.setWarmup(warmup)}
        />
      ) : (
        <>
          <p class="gym-saved" role="status">
            {state.saved ?? ""}
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
                  onLog={(set) => void state.logSet(set)}
                  onSwap={(to) => void state.swap(index, to)}
                  onOpen={() => state.open(index)}
                />
              </li>
            ))}
          </ol>
          <Finish logged={workout?.sets.length ?? 0} open={open} onFinish={state.finish} />
        </>
      )}
    </div>
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
