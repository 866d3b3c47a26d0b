import type { ProfileDraft } from "./profile-draft.js";
import {
  EquipmentPicker,
  InjuryPicker,
  MinutesPicker,
  NameFields,
  RacePicker,
  RunWeekEditor,
  WeekStartSelect,
} from "./profile-fields.js";

/** The profile as settings edit it, card by card; `update` takes each change. */
export function ProfileCards(props: {
  draft: ProfileDraft;
  update: (patch: Partial<ProfileDraft>) => void;
}) {
  const { draft, update } = props;
  return (
    <>
      <div class="card form">
        <h2>You</h2>
        <NameFields
          name={draft.name}
          birthYear={draft.birthYear}
          onName={(name) => update({ name })}
          onBirthYear={(birthYear) => update({ birthYear })}
        />
        <label class="field">
          <span class="field-label">Weights in</span>
          <select
            data-testid="settings-units"
            value={draft.units}
            onChange={(event) => update({ units: event.currentTarget.value as "kg" | "lb" })}
          >
            <option value="kg">Kilograms (kg)</option>
            <option value="lb">Pounds (lb)</option>
          </select>
        </label>
        <WeekStartSelect value={draft.weekStart} onChange={(weekStart) => update({ weekStart })} />
      </div>
      <div class="card form">
        <h2>Your sessions</h2>
        <MinutesPicker
          value={draft.sessionMinutes}
          onChange={(sessionMinutes) => update({ sessionMinutes })}
        />
        <EquipmentPicker value={draft.equipment} onChange={(equipment) => update({ equipment })} />
      </div>
      <div class="card form">
        <h2>Your runs</h2>
        <RunWeekEditor
          value={draft.runWeek}
          weekStart={draft.weekStart}
          onChange={(runWeek) => update({ runWeek })}
        />
        <p class="hint">
          Or <a href="/import">let your recorded runs propose it</a>: import them from your watch or
          app.
        </p>
      </div>
      <div class="card form">
        <h2>Race</h2>
        <RacePicker
          date={draft.raceDate}
          distance={draft.raceDistance}
          onDate={(raceDate) => update({ raceDate })}
          onDistance={(raceDistance) => update({ raceDistance })}
        />
      </div>
      <div class="card form">
        <h2>Sore spots</h2>
        <InjuryPicker value={draft.injuries} onChange={(injuries) => update({ injuries })} />
      </div>
    </>
  );
}
