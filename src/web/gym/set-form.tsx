import type { ComponentChildren } from "preact";
import { useState } from "preact/hooks";
import type { Band } from "../../core/exercise/types.js";
import type { Prescription } from "../../core/protocol/plan-types.js";
import type { GymSetup, LoggedSet } from "../shared/outbox/types.js";
import { inRunnerUnit } from "../shared/weight.js";
import { LastTime, LoadHelper, SuggestionWhy } from "./card-notes.js";
import type { LastSet } from "./last-sets.js";
import {
  type Alternative,
  formatNumber,
  inDose,
  missingInSet,
  parseLoad,
  startBand,
  startLoad,
  targetWords,
  tempoWords,
  usesBand,
} from "./logic.js";
import { BandField, HowTo, LoadField, RepsField, RirField, SwapChoices } from "./set-fields.js";

/**
 * The card's form: swap, last time, load (with the plate helper), reps, reps left and "Log set"
 * within one phone screen; the suggestion's reason and how to do it below. One function: its
 * length is the card's markup in screen order, the state above it shared by all of it.
 */
export function SetForm(props: {
  head: ComponentChildren;
  card: Prescription;
  setup: GymSetup;
  step: number | null;
  last: LastSet | undefined;
  logged: LoggedSet | undefined;
  options: readonly Alternative[];
  onLog: (set: LoggedSet) => void;
  onSwap: (to: string) => void;
}) {
  const { card, setup, step, logged } = props;
  const unit = setup.units;
  const [loadText, setLoadText] = useState(() =>
    // A set logged before a switch of units reads in the unit the field now takes.
    formatNumber(
      logged?.load
        ? inRunnerUnit(logged.load, setup, card.equipment).value
        : startLoad(card, setup),
    ),
  );
  const [reps, setReps] = useState<number | null>(() =>
    logged && inDose(logged.reps) ? logged.reps : null,
  );
  const [otherReps, setOtherReps] = useState(() =>
    logged && !inDose(logged.reps) ? String(logged.reps) : "",
  );
  const [rir, setRir] = useState<number | null>(logged?.rir ?? null);
  const [band, setBand] = useState<Band | null>(() => startBand(card, logged));
  const tempo = tempoWords(card);
  const [error, setError] = useState<string | null>(null);
  const load = parseLoad(loadText) ?? 0;
  const chosenReps = reps ?? (/^\d+$/.test(otherReps) ? Number(otherReps) : null);

  const submit = () => {
    const missing = missingInSet(step, unit, load, chosenReps, rir);
    setError(missing);
    if (missing !== null || chosenReps === null || rir === null) return;
    props.onLog({
      exercise: card.id,
      load: step === null ? null : { value: load, unit },
      reps: chosenReps,
      rir,
      // The band lets the plan move the athlete up the band ladder (protocol section 6).
      ...(band !== null && usesBand(card) ? { band } : {}),
    });
  };

  return (
    <div class="gym-form">
      <SwapChoices head={props.head} card={card} options={props.options} onSwap={props.onSwap} />
      <LastTime last={props.last} unit={unit} />
      <p class="gym-target" data-testid="set-target">
        {targetWords(card)}
        {tempo ? (
          <span class="gym-tempo" data-testid="set-tempo">
            {" "}
            · {tempo}
          </span>
        ) : null}
      </p>
      {usesBand(card) ? (
        <BandField
          band={band}
          planned={card.band ?? null}
          onBand={(value) => {
            setBand(value);
            setError(null);
          }}
        />
      ) : step === null ? (
        <p class="gym-bodyweight">Body weight: no load to set</p>
      ) : (
        <LoadField
          card={card}
          unit={unit}
          step={step}
          firstTime={!card.load && !logged && !props.last}
          text={loadText}
          onText={(text) => {
            setLoadText(text);
            setError(null);
          }}
          onTidy={setLoadText}
        >
          <LoadHelper card={card} load={load} unit={unit} step={step} />
        </LoadField>
      )}
      <RepsField
        reps={reps}
        otherReps={otherReps}
        onReps={(value) => {
          setReps(value);
          setOtherReps("");
          setError(null);
        }}
        onOtherReps={(text) => {
          setOtherReps(text);
          setReps(null);
          setError(null);
        }}
      />
      <RirField
        rir={rir}
        onRir={(value) => {
          setRir(value);
          setError(null);
        }}
      />
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
      <SuggestionWhy card={card} />
      <HowTo card={card} open={!props.last && !card.load && !logged} />
    </div>
  );
}
