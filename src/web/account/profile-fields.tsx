/** The pieces of the profile form, shared by onboarding and settings. */
import type { Equipment, Injury } from "../../core/exercise/types.js";
import { orderedWeekdays, WEEKDAY_NAME, WEEKDAYS, type Weekday } from "../shared/dates.js";
import {
  EQUIPMENT_LIST,
  EQUIPMENT_WORD,
  INJURY_LIST,
  INJURY_WORD,
  RACE_WORD,
  RUN_HINT,
} from "../shared/words.js";
import {
  clampMinutes,
  MAX_MINUTES,
  MIN_MINUTES,
  MINUTE_PRESETS,
  RACE_DISTANCES,
  type RaceDistance,
  RUN_CYCLE,
  type RunWeek,
} from "./profile-draft.js";

export function NameFields(props: {
  name: string;
  birthYear: string;
  onName: (value: string) => void;
  onBirthYear: (value: string) => void;
}) {
  return (
    <div class="stack">
      <label class="field">
        <span class="field-label">Your first name</span>
        <input
          data-testid="name"
          autocomplete="given-name"
          maxLength={100}
          value={props.name}
          onInput={(event) => props.onName(event.currentTarget.value)}
        />
      </label>
      <label class="field">
        <span class="field-label">Year of birth</span>
        <input
          data-testid="birth-year"
          inputMode="numeric"
          autocomplete="bday-year"
          pattern="[0-9]{4}"
          maxLength={4}
          placeholder="for example 1971"
          value={props.birthYear}
          onInput={(event) => props.onBirthYear(event.currentTarget.value.replace(/\D/g, ""))}
        />
        <span class="hint">Strength training works at every age. This only sets the pace.</span>
      </label>
    </div>
  );
}

export function UnitsChoice(props: { value: "kg" | "lb"; onChange: (value: "kg" | "lb") => void }) {
  return (
    <fieldset class="fieldset">
      <legend class="field-label">Weights in</legend>
      <div class="segmented">
        {(["kg", "lb"] as const).map((unit) => (
          <button
            key={unit}
            type="button"
            class="choice"
            data-testid={`units-${unit}`}
            aria-pressed={props.value === unit}
            onClick={() => props.onChange(unit)}
          >
            {unit === "kg" ? "Kilograms (kg)" : "Pounds (lb)"}
          </button>
        ))}
      </div>
    </fieldset>
  );
}

export function WeekStartSelect(props: {
  value: Weekday;
  onChange: (value: Weekday) => void;
  testId?: string;
}) {
  return (
    <label class="field">
      <span class="field-label">My week starts on</span>
      <select
        data-testid={props.testId ?? "week-start"}
        value={props.value}
        onChange={(event) => props.onChange(event.currentTarget.value as Weekday)}
      >
        {WEEKDAYS.map((day) => (
          <option key={day} value={day}>
            {WEEKDAY_NAME[day]}
          </option>
        ))}
      </select>
    </label>
  );
}

export function EquipmentPicker(props: {
  value: readonly Equipment[];
  onChange: (value: Equipment[]) => void;
}) {
  const toggle = (item: Equipment) => {
    if (item === "bodyweight") return;
    const has = props.value.includes(item);
    props.onChange(has ? props.value.filter((x) => x !== item) : [...props.value, item]);
  };
  return (
    <fieldset class="fieldset">
      <legend class="field-label">What can you use? Tap all that apply.</legend>
      <div class="toggle-grid">
        {EQUIPMENT_LIST.map((item) => {
          const on = item === "bodyweight" || props.value.includes(item);
          return (
            <button
              key={item}
              type="button"
              class="toggle"
              data-testid={`equipment-${item}`}
              aria-pressed={on}
              aria-disabled={item === "bodyweight" ? "true" : undefined}
              onClick={() => toggle(item)}
            >
              <span class="toggle-box" aria-hidden="true">
                {on ? "✓" : ""}
              </span>
              <span>
                {EQUIPMENT_WORD[item]}
                {item === "bodyweight" ? <span class="toggle-note"> always</span> : null}
              </span>
            </button>
          );
        })}
      </div>
    </fieldset>
  );
}

export function MinutesPicker(props: { value: number; onChange: (value: number) => void }) {
  return (
    <fieldset class="fieldset">
      <legend class="field-label">Minutes per session, warm-up included</legend>
      <div class="preset-row">
        {MINUTE_PRESETS.map((minutes) => (
          <button
            key={minutes}
            type="button"
            class="choice big"
            aria-pressed={props.value === minutes}
            onClick={() => props.onChange(minutes)}
          >
            {minutes}
            <span class="choice-unit">min</span>
          </button>
        ))}
      </div>
      <label class="field inline-field">
        <span class="field-label small">Or type the minutes</span>
        <input
          data-testid="session-minutes"
          type="number"
          inputMode="numeric"
          min={MIN_MINUTES}
          max={MAX_MINUTES}
          step={1}
          value={props.value}
          onInput={(event) => {
            const value = Number.parseInt(event.currentTarget.value, 10);
            if (Number.isFinite(value)) props.onChange(value);
          }}
          onBlur={(event) => {
            const value = clampMinutes(Number.parseInt(event.currentTarget.value, 10));
            event.currentTarget.value = String(value);
            props.onChange(value);
          }}
        />
      </label>
      <p class="hint">20 to 30 minutes is plenty: one set per exercise.</p>
    </fieldset>
  );
}

export function RunWeekEditor(props: {
  value: RunWeek;
  weekStart: Weekday;
  onChange: (value: RunWeek) => void;
}) {
  const cycle = (day: Weekday) => {
    const next = RUN_CYCLE[(RUN_CYCLE.indexOf(props.value[day]) + 1) % RUN_CYCLE.length];
    if (next) props.onChange({ ...props.value, [day]: next });
  };
  return (
    <fieldset class="fieldset">
      <legend class="field-label">Your usual running week</legend>
      <p class="hint">Tap a day to change it: rest → easy → quality → long.</p>
      <dl class="run-legend">
        {RUN_CYCLE.filter((kind) => kind !== "rest").map((kind) => (
          <div key={kind}>
            <dt>{kind}</dt>
            <dd>{RUN_HINT[kind]}</dd>
          </div>
        ))}
      </dl>
      <ul class="run-week">
        {orderedWeekdays(props.weekStart).map((day) => {
          const kind = props.value[day];
          return (
            <li key={day} class="run-week-day">
              <span class="run-week-name">{WEEKDAY_NAME[day]}</span>
              <button
                type="button"
                class={`run-toggle run-${kind}`}
                data-testid={`run-${day}`}
                aria-label={`${WEEKDAY_NAME[day]}: ${kind}. Tap to change.`}
                onClick={() => cycle(day)}
              >
                {kind}
              </button>
            </li>
          );
        })}
      </ul>
    </fieldset>
  );
}

export function RacePicker(props: {
  date: string;
  distance: RaceDistance;
  onDate: (value: string) => void;
  onDistance: (value: RaceDistance) => void;
}) {
  return (
    <div class="stack">
      <label class="field">
        <span class="field-label">Race day</span>
        <input
          data-testid="race-date"
          type="date"
          value={props.date}
          onInput={(event) => props.onDate(event.currentTarget.value)}
        />
      </label>
      <label class="field">
        <span class="field-label">Distance</span>
        <select
          data-testid="race-distance"
          value={props.distance}
          onChange={(event) => props.onDistance(event.currentTarget.value as RaceDistance)}
        >
          {RACE_DISTANCES.map((distance) => (
            <option key={distance} value={distance}>
              {RACE_WORD[distance]}
            </option>
          ))}
        </select>
      </label>
      {props.date ? (
        <button type="button" class="button quiet" onClick={() => props.onDate("")}>
          No race for now
        </button>
      ) : (
        <p class="hint">No race? Leave the date empty.</p>
      )}
    </div>
  );
}

export function InjuryPicker(props: {
  value: readonly Injury[];
  onChange: (value: Injury[]) => void;
}) {
  return (
    <fieldset class="fieldset">
      <legend class="field-label">Anything that hurts or has hurt lately?</legend>
      <div class="toggle-grid">
        {INJURY_LIST.map((injury) => {
          const on = props.value.includes(injury);
          return (
            <button
              key={injury}
              type="button"
              class="toggle"
              data-testid={`injury-${injury}`}
              aria-pressed={on}
              onClick={() =>
                props.onChange(
                  on ? props.value.filter((x) => x !== injury) : [...props.value, injury],
                )
              }
            >
              <span class="toggle-box" aria-hidden="true">
                {on ? "✓" : ""}
              </span>
              <span>{INJURY_WORD[injury]}</span>
            </button>
          );
        })}
      </div>
      <p class="hint">We leave out exercises that load a sore spot. None? Just go on.</p>
    </fieldset>
  );
}

/** A reminder's lead time when the profile sets none (docs/API.md, the calendar feed). */
export const DEFAULT_REMINDER_MINUTES = 60;
/**
 * The profile's limit, a reminder at most a day ahead (the core's MAX_REMINDER_MINUTES, written
 * here for the reason profile-draft.ts gives: the core's module brings TypeBox along).
 */
export const MAX_REMINDER_MINUTES = 1440;

/**
 * When the calendar feed places a planned session, and how long before it reminds: an empty
 * time means all day (the reminder then comes at 08:00).
 */
export function CalendarTimes(props: {
  sessionTime: string;
  reminderMinutes: string;
  onSessionTime: (value: string) => void;
  onReminderMinutes: (value: string) => void;
}) {
  return (
    <div class="stack">
      <label class="field">
        <span class="field-label">Preferred session time</span>
        <input
          data-testid="session-time"
          type="time"
          step={60}
          value={props.sessionTime}
          aria-describedby="session-time-hint"
          onInput={(event) => props.onSessionTime(event.currentTarget.value)}
        />
        <span class="hint" id="session-time-hint">
          Optional. Empty: the session is an all-day event.
        </span>
      </label>
      {props.sessionTime ? (
        <button type="button" class="button quiet" onClick={() => props.onSessionTime("")}>
          No set time (all day)
        </button>
      ) : null}
      <label class="field inline-field">
        <span class="field-label small">Remind me, minutes before</span>
        <input
          data-testid="reminder-minutes"
          type="number"
          inputMode="numeric"
          min={0}
          max={MAX_REMINDER_MINUTES}
          step={1}
          placeholder={String(DEFAULT_REMINDER_MINUTES)}
          aria-describedby="reminder-hint"
          value={props.reminderMinutes}
          onInput={(event) => props.onReminderMinutes(event.currentTarget.value)}
        />
      </label>
      <p class="hint" id="reminder-hint">
        With a time set, the reminder comes this many minutes before ({DEFAULT_REMINDER_MINUTES}{" "}
        when empty). An all-day session reminds you at 08:00.
      </p>
    </div>
  );
}
