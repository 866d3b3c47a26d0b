import { describe, expect, it } from "vitest";
import type { Outbox, SendResult } from "./outbox.js";
import {
  FIRST_RETRY_MS,
  MAX_RETRY_MS,
  retryDelay,
  type SyncEnvironment,
  SyncLoop,
} from "./sync.js";

/** A fake clock and network state for the loop. */
function environment(online = true) {
  const timers: { run: () => void; ms: number }[] = [];
  let wake: (() => void) | null = null;
  const env: SyncEnvironment & { online: boolean } = {
    online,
    isOnline: () => env.online,
    setTimer: (run, ms) => {
      const timer = { run, ms };
      timers.push(timer);
      return timer;
    },
    clearTimer: (timer) => {
      const index = timers.indexOf(timer as (typeof timers)[number]);
      if (index >= 0) timers.splice(index, 1);
    },
    onWake: (run) => {
      wake = run;
      return () => {
        wake = null;
      };
    },
    random: () => 0.5,
  };
  return { env, timers, wake: () => wake?.() };
}

function fakeOutbox(results: SendResult["stop"][]) {
  let sends = 0;
  const outbox = {
    send: async (): Promise<SendResult> => {
      sends += 1;
      return { sent: 0, failed: 0, stop: results.shift() ?? "done" };
    },
  } as unknown as Outbox;
  return { outbox, sends: () => sends };
}

describe("the sync loop", () => {
  it("waits for the online event when the phone says it is offline", async () => {
    const { env, timers, wake } = environment(false);
    const { outbox, sends } = fakeOutbox([]);
    const loop = new SyncLoop(outbox, env);
    await loop.kick();
    expect(sends()).toBe(0);
    expect(timers).toHaveLength(0);
    env.online = true;
    wake();
    await Promise.resolve();
    await loop.kick();
    expect(sends()).toBeGreaterThan(0);
  });

  it("retries after network and server failures with a growing pause, and stops when done", async () => {
    const { env, timers } = environment();
    const { outbox, sends } = fakeOutbox(["network", "server", "done"]);
    const loop = new SyncLoop(outbox, env);
    await loop.kick();
    expect(timers.map((timer) => timer.ms)).toEqual([FIRST_RETRY_MS]);
    timers.shift()?.run();
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(timers.map((timer) => timer.ms)).toEqual([FIRST_RETRY_MS * 2]);
    timers.shift()?.run();
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(timers).toHaveLength(0);
    expect(sends()).toBe(3);
  });

  it("does not hammer a signed-out server: after a 401 it waits for the next log or load", async () => {
    const { env, timers } = environment();
    const { outbox } = fakeOutbox(["auth"]);
    await new SyncLoop(outbox, env).kick();
    expect(timers).toHaveLength(0);
  });

  it("pauses grow to at most two minutes", () => {
    expect(retryDelay(1, 0.5)).toBe(FIRST_RETRY_MS);
    expect(retryDelay(3, 0.5)).toBe(FIRST_RETRY_MS * 4);
    expect(retryDelay(30, 0.5)).toBe(MAX_RETRY_MS);
    expect(retryDelay(30, 1)).toBeLessThanOrEqual(MAX_RETRY_MS * 1.25);
  });
});
