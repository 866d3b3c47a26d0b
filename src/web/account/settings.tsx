import { useEffect, useRef, useState } from "preact/hooks";
import type { Profile } from "../shared/api.js";
import { api } from "../shared/api.js";
import type { ApiError } from "../shared/http.js";
import { setProfile, useLogin } from "../shared/login.js";
import { AccountSettings } from "./account-settings.js";
import { CalendarFeed } from "./calendar-feed.js";
import { ProfileCards } from "./profile-cards.js";
import { draftFromProfile, type ProfileDraft, profileFromDraft } from "./profile-draft.js";
import { CalendarTimes, MAX_REMINDER_MINUTES } from "./profile-fields.js";

/** The calendar's two profile fields as the form edits them: text, empty when unset. */
interface CalendarDraft {
  readonly sessionTime: string;
  readonly reminderMinutes: string;
}

const calendarDraftOf = (profile: Profile | null): CalendarDraft => ({
  sessionTime: profile?.sessionTime ?? "",
  reminderMinutes: profile?.reminderMinutes === undefined ? "" : String(profile.reminderMinutes),
});

/**
 * The profile to save with the calendar's fields set, or the reason they cannot be: an empty
 * time or reminder leaves the field out (all day; the server's default lead time).
 */
function withCalendar(profile: Profile, times: CalendarDraft): Profile | ApiError {
  const { sessionTime: _time, reminderMinutes: _minutes, ...rest } = profile;
  const time = times.sessionTime.trim();
  if (time && !/^([01][0-9]|2[0-3]):[0-5][0-9]$/.test(time)) {
    return invalid("sessionTime", "Write the session time as HH:MM, such as 18:30.");
  }
  const text = times.reminderMinutes.trim();
  const minutes = Number(text);
  if (text && !(Number.isInteger(minutes) && minutes >= 0 && minutes <= MAX_REMINDER_MINUTES)) {
    return invalid(
      "reminderMinutes",
      `The reminder must be whole minutes from 0 to ${MAX_REMINDER_MINUTES} (a day).`,
    );
  }
  return {
    ...rest,
    ...(time ? { sessionTime: time } : {}),
    ...(text ? { reminderMinutes: minutes } : {}),
  };
}

const invalid = (field: string, message: string): ApiError => ({
  kind: "invalid",
  message,
  field,
  status: 0,
});

/** /settings: the profile, export my data, delete my account, log out. */
// Over 80 lines: the one profile form, in screen order; its fields share one draft and one save.
export function Settings() {
  const { profile } = useLogin();
  const [draft, setDraft] = useState<ProfileDraft | null>(
    profile ? draftFromProfile(profile) : null,
  );
  const [saving, setSaving] = useState(false);
  const [saved, setSaved] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const [times, setTimes] = useState<CalendarDraft>(calendarDraftOf(profile));

  // Edits are tracked in a ref too: a profile that arrives from the server must never overwrite
  // a change made a moment before (effects run after the next paint, taps can come sooner).
  const edited = useRef(false);
  const source = useRef(profile);

  useEffect(() => {
    if (!profile || profile === source.current) return;
    source.current = profile;
    if (edited.current) return;
    setDraft(draftFromProfile(profile));
    setTimes(calendarDraftOf(profile));
  }, [profile]);

  const update = (patch: Partial<ProfileDraft>) => {
    edited.current = true;
    setDraft((current) => (current ? { ...current, ...patch } : current));
    setSaved(false);
  };

  const updateTimes = (patch: Partial<CalendarDraft>) => {
    edited.current = true;
    setTimes((current) => ({ ...current, ...patch }));
    setSaved(false);
  };

  const save = async (event: Event) => {
    event.preventDefault();
    if (!draft || saving) return;
    const next = withCalendar(profileFromDraft(draft, profile ?? undefined), times);
    if ("kind" in next) {
      setError(next);
      return;
    }
    setSaving(true);
    setError(null);
    const result = await api.saveProfile(next);
    setSaving(false);
    if (!result.ok) {
      setError(result.error);
      return;
    }
    edited.current = false;
    source.current = result.value;
    setProfile(result.value);
    setDraft(draftFromProfile(result.value));
    setTimes(calendarDraftOf(result.value));
    setSaved(true);
  };

  return (
    <section class="screen settings" aria-labelledby="settings-title">
      <h1 id="settings-title">Settings</h1>

      {draft ? (
        <form class="stack" onSubmit={save}>
          <ProfileCards draft={draft} update={update} />
          <div class="card form">
            <h2>Calendar</h2>
            <CalendarFeed />
            <h3>Time and reminder</h3>
            <CalendarTimes
              sessionTime={times.sessionTime}
              reminderMinutes={times.reminderMinutes}
              onSessionTime={(sessionTime) => updateTimes({ sessionTime })}
              onReminderMinutes={(reminderMinutes) => updateTimes({ reminderMinutes })}
            />
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

      <AccountSettings />
    </section>
  );
}
