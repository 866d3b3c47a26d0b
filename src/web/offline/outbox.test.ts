import "fake-indexeddb/auto";
import { afterEach, describe, expect, it } from "vitest";
import type { PlannedSession } from "../../core/protocol/plan-types.js";
import { Outbox } from "./outbox.js";
import type { GymSetup, LoggedSet } from "./types.js";

const SESSION: PlannedSession = {
  date: "2026-12-01",
  phase: "base",
  kind: "full",
  why: "",
  warmup: { minutes: 8, activity: "bike" },
  omitted: [],
  minutes: 23,
  done: false,
  exercises: [],
};
const SETUP: GymSetup = { units: "kg", increments: {}, equipment: ["dumbbells"], injuries: [] };

const squat: LoggedSet = {
  exercise: "quarter-squat",
  load: { value: 22, unit: "kg" },
  reps: 10,
  rir: 2,
};
const calf: LoggedSet = { exercise: "calf-raise", load: null, reps: 12, rir: 3 };

interface Call {
  readonly url: string;
  readonly body: { id: string; date: string; sets: LoggedSet[] };
}

type Answer = number | "network" | { status: number; body: unknown };

/** A fetch that answers from a script, one answer per call, and records what was sent. */
function scripted(answers: Answer[]) {
  const calls: Call[] = [];
  const fetch = async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    calls.push({ url: String(input), body: JSON.parse(String(init?.body)) });
    const answer = answers.shift() ?? 201;
    if (answer === "network") throw new TypeError("Failed to fetch");
    const { status, body } =
      typeof answer === "number" ? { status: answer, body: { ok: true } } : answer;
    return new Response(JSON.stringify(body), {
      status,
      headers: { "content-type": "application/json" },
    });
  };
  return { calls, fetch: fetch as typeof globalThis.fetch };
}

let opened: Outbox[] = [];
let counter = 0;

function freshName(): string {
  counter += 1;
  return `capacity-test-${counter}-${Math.random().toString(36).slice(2)}`;
}

function outbox(dbName: string, fetch?: typeof globalThis.fetch, channel: string | null = null) {
  const box = new Outbox({ dbName, channel, ...(fetch ? { fetch } : {}) });
  opened.push(box);
  return box;
}

async function logWorkout(box: Outbox, date: string, sets: LoggedSet[]) {
  await box.start(date, () => ({ session: { ...SESSION, date }, setup: SETUP }));
  for (const set of sets) await box.logSet(date, set);
  return box.finish(date);
}

afterEach(() => {
  for (const box of opened) box.close();
  opened = [];
});

describe("the workout in progress", () => {
  it("is in IndexedDB as soon as a set is logged, with a client-made UUID, and survives a reload", async () => {
    const name = freshName();
    const before = outbox(name);
    const started = await before.start("2026-12-01", () => ({ session: SESSION, setup: SETUP }));
    await before.logSet("2026-12-01", squat);
    before.close();

    const after = outbox(name); // a reload: a new instance on the same database
    const restored = await after.progress("2026-12-01");
    expect(restored?.id).toBe(started.id);
    expect(restored?.id).toMatch(
      /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
    );
    expect(restored?.sets).toEqual([squat]);
    expect(restored?.session).toEqual(SESSION);
  });

  it("starting again on the same day resumes the same workout", async () => {
    const box = outbox(freshName());
    const first = await box.start("2026-12-01", () => ({ session: SESSION, setup: SETUP }));
    await box.logSet("2026-12-01", squat);
    const again = await box.start("2026-12-01", () => ({ session: SESSION, setup: SETUP }));
    expect(again.id).toBe(first.id);
    expect(again.sets).toEqual([squat]);
  });

  it("a second set of one exercise replaces the first; other exercises are kept in order", async () => {
    const box = outbox(freshName());
    await box.start("2026-12-01", () => ({ session: SESSION, setup: SETUP }));
    await box.logSet("2026-12-01", squat);
    await box.logSet("2026-12-01", calf);
    const fixed = { ...squat, reps: 9 };
    const workout = await box.logSet("2026-12-01", fixed);
    expect(workout?.sets).toEqual([fixed, calf]);
  });

  it("finishing moves it to the outbox in one step; with nothing logged there is nothing to finish", async () => {
    const box = outbox(freshName());
    await box.start("2026-12-01", () => ({ session: SESSION, setup: SETUP }));
    expect(await box.finish("2026-12-01")).toBeNull();
    expect(await box.finish("2026-12-02")).toBeNull();

    await box.logSet("2026-12-01", squat);
    const item = await box.finish("2026-12-01");
    expect(item).toMatchObject({ date: "2026-12-01", sets: [squat], status: "waiting" });
    expect(await box.progress("2026-12-01")).toBeUndefined();
    expect((await box.finished("2026-12-01"))?.id).toBe(item?.id);
    expect(await box.counts()).toEqual({ waiting: 1, failed: 0 });
  });
});

describe("sending the outbox", () => {
  it("sends oldest first with the client id, and removes an item on 201 and on 200", async () => {
    const { calls, fetch } = scripted([201, 200]);
    const box = outbox(freshName(), fetch);
    const first = await logWorkout(box, "2026-12-01", [squat, calf]);
    const second = await logWorkout(box, "2026-12-03", [calf]);

    expect(await box.send()).toEqual({ sent: 2, failed: 0, stop: "done" });
    expect(calls.map((call) => call.url)).toEqual(["/api/workouts", "/api/workouts"]);
    expect(calls.map((call) => call.body)).toEqual([
      { id: first?.id, date: "2026-12-01", sets: [squat, calf] },
      { id: second?.id, date: "2026-12-03", sets: [calf] },
    ]);
    expect(await box.items()).toEqual([]);
    expect(await box.counts()).toEqual({ waiting: 0, failed: 0 });
  });

  it("keeps items on a network error and on 5xx, stops the pass, and sends them once later", async () => {
    const { calls, fetch } = scripted(["network", 503, 201, 201]);
    const box = outbox(freshName(), fetch);
    const first = await logWorkout(box, "2026-12-01", [squat]);
    await logWorkout(box, "2026-12-03", [calf]);

    expect(await box.send()).toEqual({ sent: 0, failed: 0, stop: "network" });
    expect(calls).toHaveLength(1); // the second would meet the same dead network
    expect(await box.item(first?.id ?? "")).toMatchObject({ status: "waiting", attempts: 1 });

    expect(await box.send()).toEqual({ sent: 0, failed: 0, stop: "server" });
    expect(await box.item(first?.id ?? "")).toMatchObject({ status: "waiting", attempts: 2 });
    expect(await box.counts()).toEqual({ waiting: 2, failed: 0 });

    expect(await box.send()).toEqual({ sent: 2, failed: 0, stop: "done" });
    expect(calls.map((call) => call.body.date)).toEqual([
      "2026-12-01",
      "2026-12-01",
      "2026-12-01",
      "2026-12-03",
    ]);
    expect(new Set(calls.map((call) => call.body.id)).size).toBe(2);
    expect(await box.items()).toEqual([]);
  });

  it("marks a 4xx refusal failed with the server's message, keeps it, and goes on with the next", async () => {
    const refusal = {
      status: 400,
      body: { error: { kind: "invalid", message: "Unknown exercise", field: "sets[0].exercise" } },
    };
    const { calls, fetch } = scripted([refusal, 201]);
    const box = outbox(freshName(), fetch);
    const bad = await logWorkout(box, "2026-12-01", [{ ...squat, exercise: "nope" }]);
    await logWorkout(box, "2026-12-03", [calf]);

    expect(await box.send()).toEqual({ sent: 1, failed: 1, stop: "done" });
    expect(await box.items()).toEqual([
      expect.objectContaining({
        id: bad?.id,
        status: "failed",
        lastError: "Unknown exercise (sets[0].exercise)",
        sets: [{ ...squat, exercise: "nope" }],
      }),
    ]);
    expect(await box.counts()).toEqual({ waiting: 0, failed: 1 });

    // A failed item is not sent again by itself…
    expect(await box.send()).toEqual({ sent: 0, failed: 0, stop: "done" });
    expect(calls).toHaveLength(2);
    // …only when the athlete asks.
    await box.retry(bad?.id ?? "");
    expect(await box.counts()).toEqual({ waiting: 1, failed: 0 });
    expect(await box.send()).toEqual({ sent: 1, failed: 0, stop: "done" });
    expect(calls).toHaveLength(3);
  });

  it("a 409 conflict is kept as failed, never dropped", async () => {
    const conflict = {
      status: 409,
      body: {
        error: { kind: "conflict", message: "Workout id used with another body", field: null },
      },
    };
    const { fetch } = scripted([conflict]);
    const box = outbox(freshName(), fetch);
    await logWorkout(box, "2026-12-01", [squat]);
    await box.send();
    expect(await box.items()).toEqual([
      expect.objectContaining({ status: "failed", lastError: "Workout id used with another body" }),
    ]);
  });

  it("keeps waiting on 401 (signed out) and on 429", async () => {
    const { fetch } = scripted([401, 429, 201]);
    const box = outbox(freshName(), fetch);
    await logWorkout(box, "2026-12-01", [squat]);
    expect((await box.send()).stop).toBe("auth");
    expect(await box.items()).toEqual([
      expect.objectContaining({ status: "waiting", lastError: "Sign in again to send it." }),
    ]);
    expect((await box.send()).stop).toBe("server");
    expect(await box.counts()).toEqual({ waiting: 1, failed: 0 });
    expect((await box.send()).stop).toBe("done");
    expect(await box.counts()).toEqual({ waiting: 0, failed: 0 });
  });

  it("a hanging request counts as a network error after the time limit", async () => {
    const hanging = ((_input: RequestInfo | URL, init?: RequestInit) =>
      new Promise<Response>((_resolve, reject) => {
        init?.signal?.addEventListener("abort", () => reject(new DOMException("", "AbortError")));
      })) as typeof globalThis.fetch;
    const box = new Outbox({ dbName: freshName(), channel: null, fetch: hanging, timeoutMs: 20 });
    opened.push(box);
    await logWorkout(box, "2026-12-01", [squat]);
    expect((await box.send()).stop).toBe("network");
    expect(await box.counts()).toEqual({ waiting: 1, failed: 0 });
  });

  it("after a reload the new instance sends what the old one queued, exactly once", async () => {
    const name = freshName();
    const offline = scripted(["network"]);
    const before = outbox(name, offline.fetch);
    const queued = await logWorkout(before, "2026-12-01", [squat, calf]);
    await before.send();
    before.close();

    const online = scripted([201]);
    const after = outbox(name, online.fetch);
    expect(await after.counts()).toEqual({ waiting: 1, failed: 0 });
    await after.send();
    await after.send();
    expect(online.calls.map((call) => call.body)).toEqual([
      { id: queued?.id, date: "2026-12-01", sets: [squat, calf] },
    ]);
    expect(await after.counts()).toEqual({ waiting: 0, failed: 0 });
  });

  it("calls made while a pass runs join it instead of sending twice", async () => {
    const { calls, fetch } = scripted([201, 201]);
    const box = outbox(freshName(), fetch);
    await logWorkout(box, "2026-12-01", [squat]);
    await logWorkout(box, "2026-12-03", [calf]);
    const [a, b] = await Promise.all([box.send(), box.send()]);
    expect(a).toEqual(b);
    expect(calls).toHaveLength(2);
  });

  it("picks up a workout finished while a pass was running", async () => {
    let box: Outbox | null = null;
    const calls: string[] = [];
    const fetch = (async (_input: RequestInfo | URL, init?: RequestInit) => {
      const body = JSON.parse(String(init?.body)) as { date: string };
      calls.push(body.date);
      if (calls.length === 1 && box) await logWorkout(box, "2026-12-05", [calf]);
      return new Response("{}", { status: 201 });
    }) as typeof globalThis.fetch;
    box = outbox(freshName(), fetch);
    await logWorkout(box, "2026-12-01", [squat]);
    expect(await box.send()).toEqual({ sent: 2, failed: 0, stop: "done" });
    expect(calls).toEqual(["2026-12-01", "2026-12-05"]);
  });
});

describe("telling the screen", () => {
  it("calls subscribers on changes in this tab and in other tabs (BroadcastChannel)", async () => {
    const name = freshName();
    const channel = `capacity-test-channel-${name}`;
    const here = outbox(name, undefined, channel);
    const there = outbox(name, undefined, channel);
    let local = 0;
    let remote = 0;
    here.subscribe(() => {
      local += 1;
    });
    const heard = new Promise<void>((resolve) => {
      there.subscribe(() => {
        remote += 1;
        resolve();
      });
    });
    await logWorkout(here, "2026-12-01", [squat]);
    await heard;
    expect(local).toBeGreaterThan(0);
    expect(remote).toBeGreaterThan(0);
    expect(await there.counts()).toEqual({ waiting: 1, failed: 0 });
  });
});
