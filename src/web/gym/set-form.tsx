import type { ComponentChildren } from "preact";
import { useState } from "preact/hooks";
import type { Band } from "../../core/exercise/types.js";
import type { Prescription } from "../../core/protocol/plan-types.js";
import type { GymSetup, LoggedSet } from "../shared/outbox/types.js";
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

/** The open card's form: swap, how to, load, reps, reps left, and "Log set". */
// Over 80 lines: one set's fields share its draft and the outbox write; the fields are components.
export function SetForm(props: {
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
      <p class="gym-target" data-testid="set-target">
        {targetWords(card)}
      </p>
      {tempo ? (
        <p class="gym-tempo" data-testid="set-tempo">
          {tempo}
        </p>
      ) : null}
      <HowTo card={card} />
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
          firstTime={!card.load && !logged}
          text={loadText}
          onText={(text) => {
            setLoadText(text);
            setError(null);
          }}
          onTidy={setLoadText}
        />
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
    </div>
  );
}
