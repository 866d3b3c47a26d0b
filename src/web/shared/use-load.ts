import { useCallback, useEffect, useRef, useState } from "preact/hooks";
import type { ApiError, ApiResult } from "./http.js";

export interface Loaded<T> {
  readonly data: T | null;
  readonly error: ApiError | null;
  readonly loading: boolean;
  readonly reload: () => void;
}

/**
 * Runs an API call when `key` changes (and once `enabled`, e.g. when the log-in is known);
 * the last answer wins, earlier ones are dropped.
 */
export function useLoad<T>(
  load: () => Promise<ApiResult<T>>,
  key: string,
  enabled = true,
): Loaded<T> {
  const [data, setData] = useState<T | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [loading, setLoading] = useState(true);
  const [tick, setTick] = useState(0);
  const latest = useRef(0);
  const loader = useRef(load);
  loader.current = load;

  useEffect(() => {
    if (!enabled) return;
    const run = ++latest.current;
    setLoading(true);
    loader.current().then((result) => {
      if (run !== latest.current) return;
      if (result.ok) {
        setData(result.value);
        setError(null);
      } else {
        setError(result.error);
      }
      setLoading(false);
    });
  }, [key, tick, enabled]);

  const reload = useCallback(() => setTick((n) => n + 1), []);
  return { data, error, loading, reload };
}
