/// <reference types="vite/client" />
/**
 * What is waiting to sync. The numbers and words come from the offline module
 * (src/web/offline/status.ts: `useSyncStatus()` and, when present, `syncStatusText()`), picked
 * up here when it is part of the build; without it nothing can wait, and the header says
 * "All saved". Only the workouts of the account signed in count as waiting to sync; those of
 * other accounts on this phone are `others`, waiting for their account to sign in.
 */
interface SyncCounts {
  waiting: number;
  failed?: number;
  others?: number;
}

interface StatusModule {
  useSyncStatus?: () => SyncCounts;
  syncStatusText?: (counts: { waiting: number; failed: number; others: number }) => string;
}

const modules = import.meta.glob<StatusModule>("../offline/status.{ts,tsx}", { eager: true });
const offline = Object.values(modules).find((module) => typeof module.useSyncStatus === "function");

const nothingWaiting = (): SyncCounts => ({ waiting: 0, failed: 0, others: 0 });
const useSyncStatus: () => SyncCounts = offline?.useSyncStatus ?? nothingWaiting;

function text(counts: SyncCounts): string {
  const full = { waiting: counts.waiting, failed: counts.failed ?? 0, others: counts.others ?? 0 };
  if (offline?.syncStatusText) return offline.syncStatusText(full);
  const parts: string[] = [];
  if (full.waiting > 0) parts.push(`${full.waiting} waiting to sync`);
  if (full.others > 0) parts.push(`${full.others} waiting for another account to sign in`);
  return parts.length ? parts.join(" · ") : "All saved";
}

export function SyncStatus() {
  const counts = useSyncStatus();
  const saved = counts.waiting <= 0 && (counts.failed ?? 0) <= 0 && (counts.others ?? 0) <= 0;
  return (
    <p
      class={`sync-status ${saved ? "is-saved" : "is-waiting"}`}
      data-testid="sync-status"
      role="status"
      aria-live="polite"
    >
      <span aria-hidden="true" class="sync-dot" />
      {text(counts)}
    </p>
  );
}
