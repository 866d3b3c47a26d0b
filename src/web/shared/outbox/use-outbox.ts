import { useEffect, useState } from "preact/hooks";
import { type Outbox, sharedOutbox } from "./outbox.js";

/**
 * A value read from the outbox, read again whenever the outbox changes (in this tab or another)
 * and when `key` does. `same` keeps the value as it was when a new read equals it.
 */
export function useOutboxRead<T>(
  read: (outbox: Outbox) => Promise<T>,
  initial: T,
  key: string | null,
  same: (a: T, b: T) => boolean = Object.is,
): T {
  const [value, setValue] = useState<T>(initial);
  useEffect(() => {
    if (typeof indexedDB === "undefined") return;
    const outbox = sharedOutbox();
    let alive = true;
    const refresh = () => {
      read(outbox)
        .then((next) => {
          if (alive) setValue((now) => (same(now, next) ? now : next));
        })
        .catch(() => {
          // IndexedDB unavailable (private mode in some browsers): nothing is kept to read.
        });
    };
    const unsubscribe = outbox.subscribe(refresh);
    refresh();
    return () => {
      alive = false;
      unsubscribe();
    };
  }, [key]);
  return value;
}
