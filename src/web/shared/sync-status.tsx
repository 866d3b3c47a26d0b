/**
 * What is waiting to sync, in the header of every screen. Only the workouts of the account
 * logged in count as waiting to sync; those of other accounts on this phone are `others`,
 * waiting for their account to log in. Offline, or with a workout being logged, it says so
 * instead of "All saved".
 */
import { allSaved, syncStatusText, useSyncStatus } from "./outbox/status.js";

export function SyncStatus() {
  const view = useSyncStatus();
  const saved = allSaved(view);
  return (
    <p
      class={`sync-status ${saved ? "is-saved" : "is-waiting"}`}
      data-testid="sync-status"
      data-offline={view.offline ? "true" : undefined}
      role="status"
      aria-live="polite"
    >
      <span aria-hidden="true" class="sync-dot" />
      {syncStatusText(view)}
    </p>
  );
}
