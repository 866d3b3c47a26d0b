import { useEffect } from "preact/hooks";
import { knownAccountId, useLogin } from "../login.js";
import type { SyncCounts } from "./outbox.js";
import { kickSync } from "./sync.js";
import { useOutboxRead } from "./use-outbox.js";

/**
 * How many finished workouts of the account using the app wait on this phone for the server,
 * how many it refused, and how many of other accounts wait for theirs to sign in. Follows the
 * outbox in this tab and in others (BroadcastChannel) and who is signed in; starts the sync loop.
 */
export function useSyncStatus(): SyncCounts {
  useLogin(); // again when who is logged in changes
  const owner = knownAccountId();
  useEffect(() => {
    // Without IndexedDB nothing waits on this phone, so there is nothing to send.
    if (typeof indexedDB !== "undefined") kickSync();
  }, [owner]);
  return useOutboxRead(
    (outbox) => outbox.counts(owner),
    { waiting: 0, failed: 0, others: 0 },
    owner,
    (a, b) => a.waiting === b.waiting && a.failed === b.failed && a.others === b.others,
  );
}

const workouts = (n: number) => `${n} ${n === 1 ? "workout" : "workouts"}`;

/**
 * The words for the sync status: "All saved", "2 workouts waiting to sync", "1 workout waiting
 * for another account to sign in", …
 */
export function syncStatusText({
  waiting,
  failed,
  others = 0,
}: {
  readonly waiting: number;
  readonly failed: number;
  readonly others?: number;
}): string {
  const parts: string[] = [];
  if (waiting > 0) parts.push(`${workouts(waiting)} waiting to sync`);
  if (failed > 0) parts.push(`${workouts(failed)} the server did not accept`);
  if (others > 0) parts.push(`${workouts(others)} waiting for another account to sign in`);
  return parts.length ? parts.join(" · ") : "All saved";
}
