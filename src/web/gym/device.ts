import { useEffect } from "preact/hooks";

/** The phone's side of gym mode: keep the screen on, and signal the end of the warm-up. */

interface WakeLockSentinelLike {
  release(): Promise<void>;
  readonly released?: boolean;
}

interface WakeLockLike {
  request(type: "screen"): Promise<WakeLockSentinelLike>;
}

/** Keeps the screen awake while `active`, taking the lock again when the tab comes back. */
export function useWakeLock(active: boolean): void {
  useEffect(() => {
    const wakeLock = (navigator as Navigator & { wakeLock?: WakeLockLike }).wakeLock;
    if (!active || !wakeLock) return;
    let sentinel: WakeLockSentinelLike | null = null;
    let alive = true;
    const take = () => {
      if (document.visibilityState !== "visible") return;
      wakeLock
        .request("screen")
        .then((lock) => {
          if (alive) sentinel = lock;
          else void lock.release().catch(() => undefined);
        })
        .catch(() => {
          // Refused (battery saver, no permission): the timer still works.
        });
    };
    const onVisible = () => {
      if (!sentinel || sentinel.released) take();
    };
    take();
    document.addEventListener("visibilitychange", onVisible);
    return () => {
      alive = false;
      document.removeEventListener("visibilitychange", onVisible);
      void sentinel?.release().catch(() => undefined);
    };
  }, [active]);
}

let audio: AudioContext | null = null;

/** Call from a tap (browsers only allow sound that a gesture unlocked). */
export function unlockSound(): void {
  try {
    const Context =
      window.AudioContext ??
      (window as Window & { webkitAudioContext?: typeof AudioContext }).webkitAudioContext;
    if (!Context) return;
    audio ??= new Context();
    if (audio.state === "suspended") void audio.resume().catch(() => undefined);
  } catch {
    audio = null;
  }
}

/** Three short beeps and a buzz: the warm-up is over. */
export function signalEnd(): void {
  try {
    navigator.vibrate?.([300, 150, 300, 150, 300]);
  } catch {
    // No vibration motor, or not allowed.
  }
  if (!audio) unlockSound();
  const context = audio;
  if (!context) return;
  try {
    const start = context.currentTime + 0.05;
    for (let i = 0; i < 3; i += 1) {
      const at = start + i * 0.35;
      const oscillator = context.createOscillator();
      const gain = context.createGain();
      oscillator.type = "sine";
      oscillator.frequency.value = i === 2 ? 1175 : 880;
      gain.gain.setValueAtTime(0.0001, at);
      gain.gain.exponentialRampToValueAtTime(0.4, at + 0.02);
      gain.gain.exponentialRampToValueAtTime(0.0001, at + 0.25);
      oscillator.connect(gain).connect(context.destination);
      oscillator.start(at);
      oscillator.stop(at + 0.3);
    }
  } catch {
    // Sound is a nicety; the screen says it too.
  }
}
