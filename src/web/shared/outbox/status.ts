import { useEffect, useState } from "preact/hooks";
import { knownAccountId, useLogin } from "../login.js";
import type { SyncCounts } from "./outbox.js";
import { kickSync } from "./sync.js";
import { useOutboxRead } from "./use-outbox.js";

/** What the sync status shows: the outbox's counts, workouts being logged, and the signal. */
export interface SyncView extends SyncCounts {
  /** The account's workouts in progress holding a set (on the phone, not finished yet). */
  readonly inProgress: number;
  /** The browser says there is no network. */
  readonly offline: boolean;
}

/**
 * How many finished workouts of the account using the app wait on this phone for the server,
 * how many it refused, how many of other accounts wait for theirs to sign in, how many are being
 * logged, and whether the phone is offline. Follows the outbox in this tab and in others
 * (BroadcastChannel), who is signed in and the signal; starts the sync loop.
 */
export function useSyncStatus(): SyncView {
  useLogin(); // again when who is logged in changes
  const owner = knownAccountId();
  useEffect(() => {
    // Without IndexedDB nothing waits on this phone, so there is nothing to send.
    if (typeof indexedDB !== "undefined") kickSync();
  }, [owner]);
  const counts = useOutboxRead(
    (outbox) => outbox.counts(owner),
    { waiting: 0, failed: 0, others: 0 },
    owner,
    (a, b) => a.waiting === b.waiting && a.failed === b.failed && a.others === b.others,
  );
  const inProgress = useOutboxRead((outbox) => outbox.inProgress(owner), 0, owner);
  return { ...counts, inProgress, offline: useOffline() };
}

function useOffline(): boolean {
  const read = () => typeof navigator !== "undefined" && navigator.onLine === false;
  const [offline, setOffline] = useState(read);
  useEffect(() => {
    const update = () => setOffline(read());
    window.addEventListener("online", update);
    window.addEventListener("offline", update);
    update();
    return () => {
      window.removeEventListener("online", update);
      window.removeEventListener("offline", update);
    };
  }, []);
  return offline;
}

const workouts = (n: number) => `${n} ${n === 1 ? "workout" : "workouts"}`;

/** True when nothing waits anywhere and the phone is online: the only "All saved". */
export function allSaved(view: Partial<SyncView> & SyncCounts): boolean {
  const { waiting, failed, others = 0, inProgress = 0, offline = false } = view;
  return !offline && waiting <= 0 && failed <= 0 && others <= 0 && inProgress <= 0;
}

/**
 * The words for the sync status: "All saved", "2 workouts waiting to sync", "1 workout waiting
 * for another account to sign in", "Offline · 1 workout in progress", …
 */
export function syncStatusText(view: Partial<SyncView> & SyncCounts): string {
  const { waiting, failed, others = 0, inProgress = 0, offline = false } = view;
  const parts: string[] = [];
  if (offline) parts.push("Offline");
  if (inProgress > 0) parts.push(`${workouts(inProgress)} in progress`);
  if (waiting > 0) parts.push(`${workouts(waiting)} waiting to sync`);
  if (failed > 0) parts.push(`${workouts(failed)} the server did not accept`);
  if (others > 0) parts.push(`${workouts(others)} waiting for another account to sign in`);
  if (offline && parts.length === 1) parts.push("nothing waiting");
  return parts.length ? parts.join(" · ") : "All saved";
}
