import { confirmedAccountId, getLogin, loadLogin, subscribeLogin } from "../login.js";
import { type Outbox, type SendResult, sharedOutbox } from "./outbox.js";

/**
 * The loop that empties the outbox: on load, on the `online` event, when the app comes back
 * to the foreground, when the account signed in changes, after each logged set or finished
 * workout (`kickSync`), and after a failed pass with a growing pause (2 s, 4 s, 8 s … at most
 * 2 min, with jitter).
 *
 * It sends only the workouts of the account the app knows is logged in (GET /api/session
 * answered in this visit); while that is unknown (offline at start, signing in) it sends nothing.
 */

export interface SyncEnvironment {
  readonly isOnline: () => boolean;
  /** The account signed in, as the app learnt it from the server; null while unknown. */
  readonly account: () => string | null;
  /** Asks the app to find out who is signed in (it wakes the loop when it knows). */
  readonly learnAccount?: () => void;
  readonly setTimer: (run: () => void, ms: number) => unknown;
  readonly clearTimer: (timer: unknown) => void;
  /** Calls `run` on the events worth a new try (the account changing too); returns the unsubscribe. */
  readonly onWake: (run: () => void) => () => void;
  readonly random: () => number;
}

export const FIRST_RETRY_MS = 2_000;
export const MAX_RETRY_MS = 120_000;

export function retryDelay(failures: number, random: number): number {
  const base = Math.min(MAX_RETRY_MS, FIRST_RETRY_MS * 2 ** Math.max(0, failures - 1));
  return Math.round(base * (0.75 + random * 0.5));
}

export class SyncLoop {
  private failures = 0;
  private timer: unknown = null;
  private running: Promise<SendResult | null> | null = null;
  private again = false;
  private readonly unsubscribe: () => void;

  constructor(
    private readonly outbox: Outbox,
    private readonly env: SyncEnvironment,
  ) {
    this.unsubscribe = env.onWake(() => {
      this.failures = 0;
      this.kick();
    });
  }

  /** Try now (or right after the pass that is running). */
  kick(): Promise<SendResult | null> {
    if (this.running) {
      this.again = true;
      return this.running;
    }
    if (this.timer !== null) {
      this.env.clearTimer(this.timer);
      this.timer = null;
    }
    this.running = this.pass().finally(() => {
      this.running = null;
      if (this.again) {
        this.again = false;
        void this.kick();
      }
    });
    return this.running;
  }

  private async pass(): Promise<SendResult | null> {
    if (!this.env.isOnline()) return null; // the `online` event will wake us
    const owner = this.env.account();
    if (owner === null) {
      // Whose cookie goes with a POST is not known: better wait than send someone's workout
      // into another account. Learning it wakes us.
      this.env.learnAccount?.();
      return null;
    }
    let result: SendResult;
    try {
      result = await this.outbox.send(owner);
    } catch {
      result = { sent: 0, failed: 0, stop: "network" };
    }
    if (result.stop === "network" || result.stop === "server") {
      this.failures += 1;
      this.schedule(retryDelay(this.failures, this.env.random()));
    } else {
      // Done, or waiting for a sign-in (or for the app to learn who signed in): the next log,
      // load, account change or `online` tries again.
      this.failures = 0;
    }
    return result;
  }

  private schedule(ms: number): void {
    if (this.timer !== null) this.env.clearTimer(this.timer);
    this.timer = this.env.setTimer(() => {
      this.timer = null;
      void this.kick();
    }, ms);
  }

  stop(): void {
    this.unsubscribe();
    if (this.timer !== null) this.env.clearTimer(this.timer);
    this.timer = null;
  }
}

function browserEnvironment(): SyncEnvironment {
  return {
    isOnline: () => navigator.onLine !== false,
    account: confirmedAccountId,
    learnAccount: () => {
      // Started without signal: now there is some, ask the server again.
      if (getLogin().status === "offline") void loadLogin();
    },
    setTimer: (run, ms) => setTimeout(run, ms),
    clearTimer: (timer) => clearTimeout(timer as ReturnType<typeof setTimeout>),
    onWake: (run) => {
      const onVisible = () => {
        if (document.visibilityState === "visible") run();
      };
      let account = confirmedAccountId();
      const onSession = () => {
        const next = confirmedAccountId();
        if (next === account) return;
        account = next;
        run();
      };
      window.addEventListener("online", run);
      document.addEventListener("visibilitychange", onVisible);
      const unsubscribe = subscribeLogin(onSession);
      return () => {
        window.removeEventListener("online", run);
        document.removeEventListener("visibilitychange", onVisible);
        unsubscribe();
      };
    },
    random: Math.random,
  };
}

let loop: SyncLoop | null = null;

/** Starts the app's sync loop once (the sync status and gym mode both call it) and tries now. */
export function kickSync(): void {
  if (typeof window === "undefined") return;
  loop ??= new SyncLoop(sharedOutbox(), browserEnvironment());
  void loop.kick();
}
