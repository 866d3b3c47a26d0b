import { useEffect, useRef, useState } from "preact/hooks";
import { useLocation } from "preact-iso";
import { api } from "../shared/api.js";
import { today } from "../shared/dates.js";
import type { ApiError } from "../shared/http.js";
import { clearLogin, setProfile, useLogin } from "../shared/login.js";
import { draftFromProfile, type ProfileDraft, profileFromDraft } from "./profile-draft.js";
import {
  EquipmentPicker,
  InjuryPicker,
  MinutesPicker,
  NameFields,
  RacePicker,
  RunWeekEditor,
  WeekStartSelect,
} from "./profile-fields.js";

/** /settings: the profile, export my data, delete my account, log out. */
export function Settings() {
  const { route } = useLocation();
  const { profile, account } = useLogin();
  const [draft, setDraft] = useState<ProfileDraft | null>(
    profile ? draftFromProfile(profile) : null,
  );
  const [saving, setSaving] = useState(false);
  const [saved, setSaved] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const [confirming, setConfirming] = useState(false);
  const [accountError, setAccountError] = useState<ApiError | null>(null);
  const [exporting, setExporting] = useState(false);

  // Edits are tracked in a ref too: a profile that arrives from the server must never overwrite
  // a change made a moment before (effects run after the next paint, taps can come sooner).
  const edited = useRef(false);
  const source = useRef(profile);

  useEffect(() => {
    if (!profile || profile === source.current) return;
    source.current = profile;
    if (!edited.current) setDraft(draftFromProfile(profile));
  }, [profile]);

  const update = (patch: Partial<ProfileDraft>) => {
    edited.current = true;
    setDraft((current) => (current ? { ...current, ...patch } : current));
    setSaved(false);
  };

  const save = async (event: Event) => {
    event.preventDefault();
    if (!draft || saving) return;
    setSaving(true);
    setError(null);
    const result = await api.saveProfile(profileFromDraft(draft, profile ?? undefined));
    setSaving(false);
    if (!result.ok) {
      setError(result.error);
      return;
    }
    edited.current = false;
    source.current = result.value;
    setProfile(result.value);
    setDraft(draftFromProfile(result.value));
    setSaved(true);
  };

  const exportData = async () => {
    setExporting(true);
    setAccountError(null);
    const result = await api.exportData();
    setExporting(false);
    if (!result.ok) {
      setAccountError(result.error);
      return;
    }
    const blob = new Blob([JSON.stringify(result.value, null, 2)], { type: "application/json" });
    const url = URL.createObjectURL(blob);
    const link = document.createElement("a");
    link.href = url;
    link.download = `capacity-export-${today()}.json`;
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  };

  const deleteAccount = async () => {
    setAccountError(null);
    const result = await api.deleteAccount();
    if (!result.ok) {
      setAccountError(result.error);
      return;
    }
    clearLogin();
    route("/signup", true);
  };

  const logout = async () => {
    await api.logout();
    clearLogin();
    route("/login", true);
  };

  return (
    <section class="screen settings" aria-labelledby="settings-title">
      <h1 id="settings-title">Settings</h1>

      {draft ? (
        <form class="stack" onSubmit={save}>
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
            <WeekStartSelect
              value={draft.weekStart}
              onChange={(weekStart) => update({ weekStart })}
            />
          </div>
          <div class="card form">
            <h2>Your sessions</h2>
            <MinutesPicker
              value={draft.sessionMinutes}
              onChange={(sessionMinutes) => update({ sessionMinutes })}
            />
            <EquipmentPicker
              value={draft.equipment}
              onChange={(equipment) => update({ equipment })}
            />
          </div>
          <div class="card form">
            <h2>Your runs</h2>
            <RunWeekEditor
              value={draft.runWeek}
              weekStart={draft.weekStart}
              onChange={(runWeek) => update({ runWeek })}
            />
            <p class="hint">
              Or <a href="/import">let your recorded runs propose it</a>: import them from your
              watch or app.
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
          <div class="save-bar">
            {error ? (
              <p class="form-error" role="alert" data-testid="form-error">
                {error.message}
              </p>
            ) : null}
            {saved ? (
              <p class="saved" role="status">
                Saved. Your plan is updated.
              </p>
            ) : null}
            <button
              type="submit"
              class="button primary block"
              data-testid="settings-save"
              disabled={saving}
            >
              {saving ? "Saving…" : "Save changes"}
            </button>
          </div>
        </form>
      ) : (
        <p class="loading">Loading your settings…</p>
      )}

      <div class="card stack">
        <h2>Your data</h2>
        <p>Everything you logged, in one file you can keep or take elsewhere.</p>
        <button
          type="button"
          class="button block"
          data-testid="export-data"
          onClick={exportData}
          disabled={exporting}
        >
          {exporting ? "Preparing…" : "Download my data"}
        </button>
      </div>

      <div class="card stack">
        <h2>Account</h2>
        {account ? <p class="hint">Signed in as {account.email}</p> : null}
        <button type="button" class="button block" onClick={logout}>
          Log out
        </button>
        {confirming ? (
          <div
            class="danger-zone"
            role="alertdialog"
            aria-labelledby="delete-title"
            aria-describedby="delete-text"
          >
            <h3 id="delete-title">Delete your account?</h3>
            <p id="delete-text">
              Your profile, every logged session and every check-in are deleted for good. Download
              your data first if you want to keep it.
            </p>
            <div class="row">
              <button type="button" class="button" onClick={() => setConfirming(false)}>
                Keep my account
              </button>
              <button
                type="button"
                class="button danger"
                data-testid="delete-confirm"
                onClick={deleteAccount}
              >
                Delete everything
              </button>
            </div>
          </div>
        ) : (
          <button
            type="button"
            class="button danger-outline block"
            data-testid="delete-account"
            onClick={() => setConfirming(true)}
          >
            Delete my account
          </button>
        )}
        {accountError ? (
          <p class="form-error" role="alert">
            {accountError.message}
          </p>
        ) : null}
      </div>
    </section>
  );
}
