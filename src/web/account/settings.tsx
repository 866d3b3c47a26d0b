import { useEffect, useRef, useState } from "preact/hooks";
import { api } from "../shared/api.js";
import type { ApiError } from "../shared/http.js";
import { setProfile, useLogin } from "../shared/login.js";
import { AccountSettings } from "./account-settings.js";
import { ProfileCards } from "./profile-cards.js";
import { draftFromProfile, type ProfileDraft, profileFromDraft } from "./profile-draft.js";

/** /settings: the profile, export my data, delete my account, log out. */
export function Settings() {
  const { profile } = useLogin();
  const [draft, setDraft] = useState<ProfileDraft | null>(
    profile ? draftFromProfile(profile) : null,
  );
  const [saving, setSaving] = useState(false);
  const [saved, setSaved] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);

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

  return (
    <section class="screen settings" aria-labelledby="settings-title">
      <h1 id="settings-title">Settings</h1>

      {draft ? (
        <form class="stack" onSubmit={save}>
          <ProfileCards draft={draft} update={update} />
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

      <AccountSettings />
    </section>
  );
}
