import type { ComponentChildren } from "preact";
import { useState } from "preact/hooks";
import type { Band } from "../../core/exercise/types.js";
import type { Prescription } from "../../core/protocol/plan-types.js";
import {
  type Alternative,
  BAND_CHOICES,
  bandWords,
  DOSE_REPS,
  equipmentWords,
  formatNumber,
  loadMeaning,
  parseLoad,
  stepLoad,
} from "./logic.js";

/** The card's title with the "Swap" button, and the exercises that may replace it. */
export function SwapChoices(props: {
  head: ComponentChildren;
  card: Prescription;
  options: readonly Alternative[];
  onSwap: (to: string) => void;
}) {
  const { card } = props;
  const [open, setOpen] = useState(false);
  return (
    <>
      <div class="gym-card-top">
        {props.head}
        <button
          type="button"
          class="gym-button gym-secondary gym-small"
          data-testid="swap-open"
          aria-expanded={open}
          onClick={() => setOpen(!open)}
        >
          {open ? "Keep it" : "Swap"}
          <span class="sr-only"> {card.name}</span>
        </button>
      </div>
      <div class="gym-swap">
        {open ? (
          props.options.length ? (
            <ul class="gym-swap-list" aria-label={`Instead of ${card.name}`}>
              {props.options.map((option) => (
                <li key={option.id}>
                  <button
                    type="button"
                    class="gym-button gym-option"
                    data-testid={`swap-to-${option.id}`}
                    onClick={() => {
                      setOpen(false);
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
    </>
  );
}

/** The load: − and + in the athlete's steps, or typed. */
export function LoadField(props: {
  card: Prescription;
  unit: string;
  step: number;
  firstTime: boolean;
  text: string;
  onText: (text: string) => void;
  /** Writes the typed load back as a number when the field is left ("22,50" → "22.5"). */
  onTidy: (text: string) => void;
  /** Under the stepper: the plate helper. */
  children?: ComponentChildren;
}) {
  const { unit, step } = props;
  const load = parseLoad(props.text) ?? 0;
  const meaning = loadMeaning(props.card);
  const bump = (direction: "up" | "down") =>
    props.onText(formatNumber(stepLoad(load, step, direction)));
  return (
    <fieldset class="gym-field">
      <legend class="gym-legend">
        Load <span class="gym-legend-note">{meaning ? `· ${meaning}` : ""}</span>
      </legend>
      {props.firstTime ? <p class="gym-hint">New: a load you could lift 10-12 times.</p> : null}
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
            value={props.text}
            onInput={(event) => props.onText(event.currentTarget.value)}
            onBlur={() => props.onTidy(formatNumber(parseLoad(props.text) ?? 0))}
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
      {props.children}
    </fieldset>
  );
}

/** Reps done: a button for each of the dose's reps, any other count typed. */
export function RepsField(props: {
  reps: number | null;
  otherReps: string;
  onReps: (reps: number) => void;
  onOtherReps: (text: string) => void;
}) {
  return (
    <fieldset class="gym-field">
      <legend class="gym-legend">Reps done</legend>
      <div class="gym-choices gym-reps">
        {DOSE_REPS.map((value) => (
          <button
            key={value}
            type="button"
            class="gym-choice"
            data-testid={`reps-${value}`}
            aria-pressed={props.reps === value}
            onClick={() => props.onReps(value)}
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
            value={props.otherReps}
            aria-label="Other number of reps"
            onInput={(event) => props.onOtherReps(event.currentTarget.value)}
          />
        </label>
      </div>
    </fieldset>
  );
}

/**
 * How to do it: the exercise's cues, open the first time the exercise is done and one tap away
 * after that. It sits under "Log set", so open cues never push the controls off the screen.
 */
export function HowTo(props: { card: Prescription; open: boolean }) {
  const { card } = props;
  if (!card.cues.length) return null;
  return (
    <details class="gym-how" open={props.open} data-testid="how-to">
      <summary>How to do it</summary>
      <ul class="gym-cues">
        {card.cues.map((cue) => (
          <li key={cue}>{cue}</li>
        ))}
      </ul>
    </details>
  );
}

/** Reps left in the tank, 0 to 5 or more. */
export function RirField(props: { rir: number | null; onRir: (rir: number) => void }) {
  return (
    <fieldset class="gym-field" data-testid="rir-row">
      <legend class="gym-legend">Reps left in the tank</legend>
      <div class="gym-choices gym-rir">
        {[0, 1, 2, 3, 4, 5].map((value) => (
          <button
            key={value}
            type="button"
            class="gym-choice"
            data-testid={`rir-${value}`}
            aria-pressed={props.rir === value}
            aria-label={value === 5 ? "5 or more" : String(value)}
            onClick={() => props.onRir(value)}
          >
            {value === 5 ? "5+" : value}
          </button>
        ))}
      </div>
    </fieldset>
  );
}

/** The band used, light to extra heavy: preset to the plan's band, so the plan can move it up. */
export function BandField(props: {
  band: Band | null;
  planned: Band | null;
  onBand: (band: Band) => void;
}) {
  return (
    <fieldset class="gym-field">
      <legend class="gym-legend">
        Band{" "}
        <span class="gym-legend-note">
          {props.planned ? `(the plan says ${bandWords(props.planned)})` : "(tap the one you used)"}
        </span>
      </legend>
      <div class="gym-choices gym-bands">
        {BAND_CHOICES.map((value) => (
          <button
            key={value}
            type="button"
            class="gym-choice gym-band"
            data-testid={`band-${value}`}
            aria-pressed={props.band === value}
            onClick={() => props.onBand(value)}
          >
            {bandWords(value)}
          </button>
        ))}
      </div>
    </fieldset>
  );
}
