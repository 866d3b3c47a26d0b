/**
 * What is waiting to sync, in the header of every screen. Only the workouts of the account
 * logged in count as waiting to sync; those of other accounts on this phone are `others`,
 * waiting for their account to log in.
 */
import { syncStatusText, useSyncStatus } from "./outbox/status.js";

export function SyncStatus() {
  const counts = useSyncStatus();
  const saved = counts.waiting <= 0 && counts.failed <= 0 && counts.others <= 0;
  return (
    <p
      class={`sync-status ${saved ? "is-saved" : "is-waiting"}`}
      data-testid="sync-status"
      role="status"
      aria-live="polite"
    >
      <span aria-hidden="true" class="sync-dot" />
      {syncStatusText(counts)}
    </p>
  );
}
