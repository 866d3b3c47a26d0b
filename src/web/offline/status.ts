import { useEffect, useState } from "preact/hooks";
import { type SyncCounts, sharedOutbox } from "./outbox.js";
import { kickSync } from "./sync.js";

/**
 * How many finished workouts wait on this phone for the server, and how many it refused.
 * Follows the outbox in this tab and in others (BroadcastChannel); starts the sync loop.
 */
export function useSyncStatus(): { waiting: number; failed: number } {
  const [counts, setCounts] = useState<SyncCounts>({ waiting: 0, failed: 0 });
  useEffect(() => {
    if (typeof indexedDB === "undefined") return;
    const outbox = sharedOutbox();
    let alive = true;
    const refresh = () => {
      outbox
        .counts()
        .then((next) => {
          if (!alive) return;
          setCounts((now) =>
            now.waiting === next.waiting && now.failed === next.failed ? now : next,
          );
        })
        .catch(() => {
          // IndexedDB unavailable (private mode in some browsers): nothing can wait.
        });
    };
    const unsubscribe = outbox.subscribe(refresh);
    refresh();
    kickSync();
    return () => {
      alive = false;
      unsubscribe();
    };
  }, []);
  return counts;
}

/** The words for the sync status: "All saved", "2 workouts waiting to sync", … */
export function syncStatusText({ waiting, failed }: SyncCounts): string {
  const parts: string[] = [];
  if (waiting > 0)
    parts.push(`${waiting} ${waiting === 1 ? "workout" : "workouts"} waiting to sync`);
  if (failed > 0) {
    parts.push(`${failed} ${failed === 1 ? "workout" : "workouts"} the server did not accept`);
  }
  return parts.length ? parts.join(" · ") : "All saved";
}
