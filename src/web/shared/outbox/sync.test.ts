import { describe, expect, it } from "vitest";
import type { Outbox, SendResult } from "./outbox.js";
import {
  FIRST_RETRY_MS,
  MAX_RETRY_MS,
  retryDelay,
  type SyncEnvironment,
  SyncLoop,
} from "./sync.js";

/** A fake clock, network state and signed-in account for the loop. */
function environment(online = true, account: string | null = "account-ana") {
  const timers: { run: () => void; ms: number }[] = [];
  let wake: (() => void) | null = null;
  const env: SyncEnvironment & { online: boolean; current: string | null; asked: number } = {
    online,
    current: account,
    asked: 0,
    isOnline: () => env.online,
    account: () => env.current,
    learnAccount: () => {
      env.asked += 1;
    },
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
  const owners: string[] = [];
  const outbox = {
    send: async (owner: string): Promise<SendResult> => {
      owners.push(owner);
      return { sent: 0, failed: 0, stop: results.shift() ?? "done" };
    },
  } as unknown as Outbox;
  return { outbox, sends: () => owners.length, owners };
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

  it("sends nothing while the account signed in is not known, and asks the app to learn it", async () => {
    const { env, timers, wake } = environment(true, null);
    const { outbox, sends, owners } = fakeOutbox([]);
    const loop = new SyncLoop(outbox, env);
    expect(await loop.kick()).toBeNull();
    expect(sends()).toBe(0);
    expect(env.asked).toBe(1);
    expect(timers).toHaveLength(0); // no guessing, no hammering: learning it wakes the loop
    env.current = "account-ben";
    wake();
    await loop.kick();
    expect(owners.every((owner) => owner === "account-ben")).toBe(true);
    expect(sends()).toBeGreaterThan(0);
  });

  it("sends for the account signed in at each pass", async () => {
    const { env } = environment(true, "account-ana");
    const { outbox, owners } = fakeOutbox([]);
    const loop = new SyncLoop(outbox, env);
    await loop.kick();
    env.current = "account-ben";
    await loop.kick();
    env.current = null;
    await loop.kick();
    expect(owners).toEqual(["account-ana", "account-ben"]);
  });

  it("another account's session is no reason to retry on a timer", async () => {
    const { env, timers } = environment();
    const { outbox } = fakeOutbox(["account"]);
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
