/**
 * The workouts logged, newest first, each opened to change or delete a set or the whole
 * workout. A correction goes through the outbox like a finished workout (corrections.ts), so it
 * works without signal and is sent once; the list shows it at once.
 */
import { useState } from "preact/hooks";
import { ConfirmDelete } from "../shared/confirm-delete.js";
import { dayAndDate } from "../shared/dates.js";
import type { Correction } from "../shared/outbox/corrections.js";
import { sharedOutbox } from "../shared/outbox/outbox.js";
import { kickSync } from "../shared/outbox/sync.js";
import type { LoggedSet } from "../shared/outbox/types.js";
import { type HistoryWorkout, workoutCounts } from "./history.js";
import { HistorySet } from "./history-set.js";

/** How many workouts show before "Show more". */
const PAGE = 10;

export function WorkoutHistory(props: {
  workouts: readonly HistoryWorkout[];
  /** The account corrections are queued for; null while nobody is known to be signed in. */
  owner: string | null;
  nameOf: (id: string) => string;
}) {
  const [shown, setShown] = useState(PAGE);
  const [open, setOpen] = useState<string | null>(null);
  const { workouts } = props;
  return (
    <section class="card stack" data-testid="workout-history" aria-labelledby="history-title">
      <h2 id="history-title">Your workouts</h2>
      {workouts.length === 0 ? (
        <p>Nothing logged yet. Your workouts show here, newest first, to look at or correct.</p>
      ) : (
        <ul class="history-list">
          {workouts.slice(0, shown).map((workout) => (
            <HistoryEntry
              key={workout.id}
              workout={workout}
              open={open === workout.id}
              onToggle={() => setOpen(open === workout.id ? null : workout.id)}
              owner={props.owner}
              nameOf={props.nameOf}
            />
          ))}
        </ul>
      )}
      {workouts.length > shown ? (
        <button type="button" class="button block" onClick={() => setShown(shown + PAGE)}>
          Show more
        </button>
      ) : null}
    </section>
  );
}

// Over 80 lines: one workout opened, its sets and its deletion share the correction being queued.
function HistoryEntry(props: {
  workout: HistoryWorkout;
  open: boolean;
  onToggle: () => void;
  owner: string | null;
  nameOf: (id: string) => string;
}) {
  const { workout, owner } = props;
  const [confirming, setConfirming] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const names = [...new Set(workout.sets.map((set) => props.nameOf(set.exercise)))];
  const panel = `history-panel-${workout.id}`;

  const correct = (correction: Correction) => {
    if (!owner) return;
    setProblem(null);
    sharedOutbox()
      .correct(owner, workout, correction)
      .then(kickSync)
      .catch(() => setProblem("This phone could not keep the change. Try again."));
  };
  const withSets = (sets: readonly LoggedSet[]) => correct({ kind: "patch", sets });

  return (
    <li class="history-entry" data-testid={`history-workout-${workout.id}`}>
      <button
        type="button"
        class="history-head"
        aria-expanded={props.open}
        aria-controls={panel}
        data-testid={`history-open-${workout.id}`}
        onClick={props.onToggle}
      >
        <span class="history-date">{dayAndDate(workout.date)}</span>
        <span class="history-names">{names.join(", ")}</span>
        <span class="history-counts">
          {workoutCounts(workout.sets)}
          {workout.waiting ? " · waiting to sync" : ""}
        </span>
      </button>
      {props.open ? (
        <div class="stack history-panel" id={panel}>
          {owner ? null : <p class="hint">Sign in again to correct this workout.</p>}
          <ul class="history-sets">
            {workout.sets.map((set, index) => (
              <HistorySet
                key={`${index}:${set.exercise}:${set.load?.value}:${set.reps}:${set.rir}`}
                set={set}
                index={index}
                name={props.nameOf(set.exercise)}
                deletable={workout.sets.length > 1}
                disabled={!owner}
                onSave={(next) => withSets(workout.sets.map((s, i) => (i === index ? next : s)))}
                onDelete={() => withSets(workout.sets.filter((_, i) => i !== index))}
              />
            ))}
          </ul>
          {workout.sets.length === 1 ? (
            <p class="hint">The last set goes with the workout: delete the workout instead.</p>
          ) : null}
          {problem ? (
            <p class="form-error" role="alert">
              {problem}
            </p>
          ) : null}
          {confirming ? (
            <ConfirmDelete
              question={
                <>Delete the workout of {dayAndDate(workout.date)}? The plan forgets it too.</>
              }
              testId={`workout-delete-confirm-${workout.id}`}
              onKeep={() => setConfirming(false)}
              onDelete={() => correct({ kind: "delete" })}
            />
          ) : (
            <button
              type="button"
              class="button danger-outline"
              data-testid={`workout-delete-${workout.id}`}
              disabled={!owner}
              onClick={() => setConfirming(true)}
            >
              Delete this workout
            </button>
          )}
        </div>
      ) : null}
    </li>
  );
}
