import "fake-indexeddb/auto";
import { openDB } from "idb";
import { afterEach, describe, expect, it } from "vitest";
import type { PlannedSession } from "../../../core/protocol/plan-types.js";
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

/** Two accounts sharing one phone. */
const ANA = "account-ana";
const BEN = "account-ben";

interface Call {
  readonly url: string;
  readonly body: { id: string; date: string; sets: LoggedSet[] };
}

type Answer = number | "network" | { status: number; body: unknown };

/**
 * A fetch that answers each POST from a script, one answer per call, and records what was
 * sent; GET /api/session answers with the account whose cookie the browser holds (`me.id`).
 */
function scripted(answers: Answer[], signedIn: string | null = ANA) {
  const calls: Call[] = [];
  const me = { id: signedIn, asked: 0 };
  const fetch = async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    if (String(input) === "/api/session") {
      me.asked += 1;
      const user = me.id === null ? null : { id: me.id, email: "", name: "", createdAt: "" };
      return new Response(JSON.stringify({ user, profile: null }), {
        status: 200,
        headers: { "content-type": "application/json" },
      });
    }
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
  return { calls, me, fetch: fetch as typeof globalThis.fetch };
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

async function logWorkout(box: Outbox, date: string, sets: LoggedSet[], owner = ANA) {
  await box.start(owner, date, () => ({ session: { ...SESSION, date }, setup: SETUP }));
  for (const set of sets) await box.logSet(owner, date, set);
  return box.finish(owner, date);
}

afterEach(() => {
  for (const box of opened) box.close();
  opened = [];
});

describe("the workout in progress", () => {
  it("is in IndexedDB as soon as a set is logged, with a client-made UUID, and survives a reload", async () => {
    const name = freshName();
    const before = outbox(name);
    const started = await before.start(ANA, "2026-12-01", () => ({
      session: SESSION,
      setup: SETUP,
    }));
    await before.logSet(ANA, "2026-12-01", squat);
    before.close();

    const after = outbox(name); // a reload: a new instance on the same database
    const restored = await after.progress(ANA, "2026-12-01");
    expect(restored?.id).toBe(started.id);
    expect(restored?.id).toMatch(
      /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
    );
    expect(restored?.sets).toEqual([squat]);
    expect(restored?.session).toEqual(SESSION);
  });

  it("starting again on the same day resumes the same workout", async () => {
    const box = outbox(freshName());
    const first = await box.start(ANA, "2026-12-01", () => ({ session: SESSION, setup: SETUP }));
    await box.logSet(ANA, "2026-12-01", squat);
    const again = await box.start(ANA, "2026-12-01", () => ({ session: SESSION, setup: SETUP }));
    expect(again.id).toBe(first.id);
    expect(again.sets).toEqual([squat]);
  });

  it("a second set of one exercise replaces the first; other exercises are kept in order", async () => {
    const box = outbox(freshName());
    await box.start(ANA, "2026-12-01", () => ({ session: SESSION, setup: SETUP }));
    await box.logSet(ANA, "2026-12-01", squat);
    await box.logSet(ANA, "2026-12-01", calf);
    const fixed = { ...squat, reps: 9 };
    const workout = await box.logSet(ANA, "2026-12-01", fixed);
    expect(workout?.sets).toEqual([fixed, calf]);
  });

  it("counts the account's workouts in progress that hold a set, until they are finished", async () => {
    const box = outbox(freshName());
    await box.start(ANA, "2026-12-01", () => ({ session: SESSION, setup: SETUP }));
    expect(await box.inProgress(ANA)).toBe(0);
    await box.logSet(ANA, "2026-12-01", squat);
    await box.start(BEN, "2026-12-01", () => ({ session: SESSION, setup: SETUP }));
    await box.logSet(BEN, "2026-12-01", calf);
    expect(await box.inProgress(ANA)).toBe(1);
    expect(await box.inProgress(null)).toBe(0);
    await box.finish(ANA, "2026-12-01");
    expect(await box.inProgress(ANA)).toBe(0);
    expect(await box.inProgress(BEN)).toBe(1);
  });

  it("finishing moves it to the outbox in one step; with nothing logged there is nothing to finish", async () => {
    const box = outbox(freshName());
    await box.start(ANA, "2026-12-01", () => ({ session: SESSION, setup: SETUP }));
    expect(await box.finish(ANA, "2026-12-01")).toBeNull();
    expect(await box.finish(ANA, "2026-12-02")).toBeNull();

    await box.logSet(ANA, "2026-12-01", squat);
    const item = await box.finish(ANA, "2026-12-01");
    expect(item).toMatchObject({ date: "2026-12-01", sets: [squat], status: "waiting" });
    expect(await box.progress(ANA, "2026-12-01")).toBeUndefined();
    expect((await box.finished(ANA, "2026-12-01"))?.id).toBe(item?.id);
    expect(await box.counts(ANA)).toEqual({ waiting: 1, failed: 0, others: 0 });
  });
});

describe("sending the outbox", () => {
  it("sends oldest first with the client id, and removes an item on 201 and on 200", async () => {
    const { calls, fetch } = scripted([201, 200]);
    const box = outbox(freshName(), fetch);
    const first = await logWorkout(box, "2026-12-01", [squat, calf]);
    const second = await logWorkout(box, "2026-12-03", [calf]);

    expect(await box.send(ANA)).toEqual({ sent: 2, failed: 0, stop: "done" });
    expect(calls.map((call) => call.url)).toEqual(["/api/workouts", "/api/workouts"]);
    expect(calls.map((call) => call.body)).toEqual([
      { id: first?.id, date: "2026-12-01", sets: [squat, calf] },
      { id: second?.id, date: "2026-12-03", sets: [calf] },
    ]);
    expect(await box.items()).toEqual([]);
    expect(await box.counts(ANA)).toEqual({ waiting: 0, failed: 0, others: 0 });
  });

  it("keeps items on a network error and on 5xx, stops the pass, and sends them once later", async () => {
    const { calls, fetch } = scripted(["network", 503, 201, 201]);
    const box = outbox(freshName(), fetch);
    const first = await logWorkout(box, "2026-12-01", [squat]);
    await logWorkout(box, "2026-12-03", [calf]);

    expect(await box.send(ANA)).toEqual({ sent: 0, failed: 0, stop: "network" });
    expect(calls).toHaveLength(1); // the second would meet the same dead network
    expect(await box.item(first?.id ?? "")).toMatchObject({ status: "waiting", attempts: 1 });

    expect(await box.send(ANA)).toEqual({ sent: 0, failed: 0, stop: "server" });
    expect(await box.item(first?.id ?? "")).toMatchObject({ status: "waiting", attempts: 2 });
    expect(await box.counts(ANA)).toEqual({ waiting: 2, failed: 0, others: 0 });

    expect(await box.send(ANA)).toEqual({ sent: 2, failed: 0, stop: "done" });
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

    expect(await box.send(ANA)).toEqual({ sent: 1, failed: 1, stop: "done" });
    expect(await box.items()).toEqual([
      expect.objectContaining({
        id: bad?.id,
        status: "failed",
        lastError: "Unknown exercise (sets[0].exercise)",
        sets: [{ ...squat, exercise: "nope" }],
      }),
    ]);
    expect(await box.counts(ANA)).toEqual({ waiting: 0, failed: 1, others: 0 });

    // A failed item is not sent again by itself…
    expect(await box.send(ANA)).toEqual({ sent: 0, failed: 0, stop: "done" });
    expect(calls).toHaveLength(2);
    // …only when the athlete asks.
    await box.retry(bad?.id ?? "");
    expect(await box.counts(ANA)).toEqual({ waiting: 1, failed: 0, others: 0 });
    expect(await box.send(ANA)).toEqual({ sent: 1, failed: 0, stop: "done" });
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
    await box.send(ANA);
    expect(await box.items()).toEqual([
      expect.objectContaining({ status: "failed", lastError: "Workout id used with another body" }),
    ]);
  });

  it("keeps waiting on 401 (signed out) and on 429", async () => {
    const { fetch } = scripted([401, 429, 201]);
    const box = outbox(freshName(), fetch);
    await logWorkout(box, "2026-12-01", [squat]);
    expect((await box.send(ANA)).stop).toBe("auth");
    expect(await box.items()).toEqual([
      expect.objectContaining({ status: "waiting", lastError: "Sign in again to send it." }),
    ]);
    expect((await box.send(ANA)).stop).toBe("server");
    expect(await box.counts(ANA)).toEqual({ waiting: 1, failed: 0, others: 0 });
    expect((await box.send(ANA)).stop).toBe("done");
    expect(await box.counts(ANA)).toEqual({ waiting: 0, failed: 0, others: 0 });
  });

  it("a hanging request counts as a network error after the time limit", async () => {
    const hanging = ((_input: RequestInfo | URL, init?: RequestInit) =>
      new Promise<Response>((_resolve, reject) => {
        init?.signal?.addEventListener("abort", () => reject(new DOMException("", "AbortError")));
      })) as typeof globalThis.fetch;
    const box = new Outbox({ dbName: freshName(), channel: null, fetch: hanging, timeoutMs: 20 });
    opened.push(box);
    await logWorkout(box, "2026-12-01", [squat]);
    expect((await box.send(ANA)).stop).toBe("network");
    expect(await box.counts(ANA)).toEqual({ waiting: 1, failed: 0, others: 0 });
  });

  it("after a reload the new instance sends what the old one queued, exactly once", async () => {
    const name = freshName();
    const offline = scripted(["network"]);
    const before = outbox(name, offline.fetch);
    const queued = await logWorkout(before, "2026-12-01", [squat, calf]);
    await before.send(ANA);
    before.close();

    const online = scripted([201]);
    const after = outbox(name, online.fetch);
    expect(await after.counts(ANA)).toEqual({ waiting: 1, failed: 0, others: 0 });
    await after.send(ANA);
    await after.send(ANA);
    expect(online.calls.map((call) => call.body)).toEqual([
      { id: queued?.id, date: "2026-12-01", sets: [squat, calf] },
    ]);
    expect(await after.counts(ANA)).toEqual({ waiting: 0, failed: 0, others: 0 });
  });

  it("calls made while a pass runs join it instead of sending twice", async () => {
    const { calls, fetch } = scripted([201, 201]);
    const box = outbox(freshName(), fetch);
    await logWorkout(box, "2026-12-01", [squat]);
    await logWorkout(box, "2026-12-03", [calf]);
    const [a, b] = await Promise.all([box.send(ANA), box.send(ANA)]);
    expect(a).toEqual(b);
    expect(calls).toHaveLength(2);
  });

  it("picks up a workout finished while a pass was running", async () => {
    let box: Outbox | null = null;
    const calls: string[] = [];
    const fetch = (async (input: RequestInfo | URL, init?: RequestInit) => {
      if (String(input) === "/api/session")
        return new Response(JSON.stringify({ user: { id: ANA } }));
      const body = JSON.parse(String(init?.body)) as { date: string };
      calls.push(body.date);
      if (calls.length === 1 && box) await logWorkout(box, "2026-12-05", [calf]);
      return new Response("{}", { status: 201 });
    }) as typeof globalThis.fetch;
    box = outbox(freshName(), fetch);
    await logWorkout(box, "2026-12-01", [squat]);
    expect(await box.send(ANA)).toEqual({ sent: 2, failed: 0, stop: "done" });
    expect(calls).toEqual(["2026-12-01", "2026-12-05"]);
  });
});

describe("accounts sharing a phone", () => {
  it("every workout in progress, outbox item and summary carries its account", async () => {
    const box = outbox(freshName());
    const started = await box.start(ANA, "2026-12-01", () => ({ session: SESSION, setup: SETUP }));
    expect(started.owner).toBe(ANA);
    expect((await box.logSet(ANA, "2026-12-01", squat))?.owner).toBe(ANA);
    const item = await box.finish(ANA, "2026-12-01");
    expect(item?.owner).toBe(ANA);
    expect(await box.items()).toEqual([expect.objectContaining({ id: started.id, owner: ANA })]);
    expect((await box.finished(ANA, "2026-12-01"))?.owner).toBe(ANA);
  });

  it("another account never sees, resumes or finishes a workout in progress on the same day", async () => {
    const box = outbox(freshName());
    const ana = await box.start(ANA, "2026-12-01", () => ({ session: SESSION, setup: SETUP }));
    await box.logSet(ANA, "2026-12-01", squat);

    expect(await box.progress(BEN, "2026-12-01")).toBeUndefined();
    expect(await box.finish(BEN, "2026-12-01")).toBeNull();
    expect(await box.logSet(BEN, "2026-12-01", calf)).toBeUndefined();
    const ben = await box.start(BEN, "2026-12-01", () => ({ session: SESSION, setup: SETUP }));
    expect(ben.id).not.toBe(ana.id);
    await box.logSet(BEN, "2026-12-01", calf);

    expect((await box.progress(ANA, "2026-12-01"))?.sets).toEqual([squat]);
    expect((await box.progress(BEN, "2026-12-01"))?.sets).toEqual([calf]);
    await box.finish(BEN, "2026-12-01");
    expect(await box.finished(ANA, "2026-12-01")).toBeUndefined();
    expect((await box.progress(ANA, "2026-12-01"))?.id).toBe(ana.id);
    await box.discard(BEN, "2026-12-01");
    expect((await box.progress(ANA, "2026-12-01"))?.id).toBe(ana.id);
  });

  it("a pass sends only the items of the account signed in and keeps the others as they are", async () => {
    const { calls, fetch } = scripted([201, 201], BEN);
    const box = outbox(freshName(), fetch);
    const anas = await logWorkout(box, "2026-12-01", [squat], ANA);
    const bens = await logWorkout(box, "2026-12-02", [calf], BEN);
    expect(await box.counts(BEN)).toEqual({ waiting: 1, failed: 0, others: 1 });

    expect(await box.send(BEN)).toEqual({ sent: 1, failed: 0, stop: "done" });
    expect(calls.map((call) => call.body.id)).toEqual([bens?.id]);
    expect(await box.items()).toEqual([anas]);
    expect(await box.counts(BEN)).toEqual({ waiting: 0, failed: 0, others: 1 });
    expect(await box.counts(ANA)).toEqual({ waiting: 1, failed: 0, others: 0 });
    expect(await box.counts(null)).toEqual({ waiting: 0, failed: 0, others: 1 });
  });

  it("sends nothing when the log-in cookie is not the account's the app believes", async () => {
    const { calls, me, fetch } = scripted([201], BEN);
    const box = outbox(freshName(), fetch);
    const anas = await logWorkout(box, "2026-12-01", [squat], ANA);
    // The app still thinks Ana is signed in; Ben signed in since (in another tab, say).
    expect(await box.send(ANA)).toEqual({ sent: 0, failed: 0, stop: "account" });
    expect(me.asked).toBe(1);
    expect(calls).toEqual([]);
    expect(await box.items()).toEqual([anas]);

    me.id = null; // signed out
    expect(await box.send(ANA)).toEqual({ sent: 0, failed: 0, stop: "auth" });
    expect(calls).toEqual([]);
    expect(await box.items()).toEqual([
      expect.objectContaining({ id: anas?.id, status: "waiting", attempts: 0 }),
    ]);
  });

  it("with nothing of the account to send, a pass asks nothing of the server", async () => {
    const { calls, me, fetch } = scripted([], BEN);
    const box = outbox(freshName(), fetch);
    await logWorkout(box, "2026-12-01", [squat], ANA);
    expect(await box.send(BEN)).toEqual({ sent: 0, failed: 0, stop: "done" });
    expect(me.asked).toBe(0);
    expect(calls).toEqual([]);
  });

  it("switching accounts back and forth keeps each one's items until it signs in again", async () => {
    const { calls, me, fetch } = scripted([201, 201, 201], ANA);
    const box = outbox(freshName(), fetch);
    const anas = await logWorkout(box, "2026-12-01", [squat], ANA);
    // Ben signs in on the same phone before Ana's workout was sent, and logs his own.
    me.id = BEN;
    const bens = await logWorkout(box, "2026-12-01", [calf], BEN);
    expect(await box.send(BEN)).toEqual({ sent: 1, failed: 0, stop: "done" });
    expect(await box.send(BEN)).toEqual({ sent: 0, failed: 0, stop: "done" });
    expect(await box.items()).toEqual([anas]);
    // Ben signs out, Ana signs in again: hers goes now, to her account.
    me.id = ANA;
    expect(await box.send(ANA)).toEqual({ sent: 1, failed: 0, stop: "done" });
    expect(calls.map((call) => call.body.id)).toEqual([bens?.id, anas?.id]);
    expect(await box.items()).toEqual([]);
  });

  it("calls for another account wait for the running pass instead of joining it", async () => {
    const { calls, me, fetch } = scripted([201, 201], ANA);
    const box = outbox(freshName(), fetch);
    await logWorkout(box, "2026-12-01", [squat], ANA);
    await logWorkout(box, "2026-12-02", [calf], BEN);
    const ana = box.send(ANA);
    const ben = box.send(BEN); // the cookie is still Ana's when this one starts…
    expect(await ana).toEqual({ sent: 1, failed: 0, stop: "done" });
    expect(await ben).toEqual({ sent: 0, failed: 0, stop: "account" });
    me.id = BEN; // …and Ben's once he signed in
    expect(await box.send(BEN)).toEqual({ sent: 1, failed: 0, stop: "done" });
    expect(calls.map((call) => call.body.date)).toEqual(["2026-12-01", "2026-12-02"]);
  });
});

describe("what an earlier version stored (no accounts)", () => {
  /** A database as version 1 of the app left it: everything by date, nothing owned. */
  async function versionOne(name: string) {
    const db = await openDB(name, 1, {
      upgrade(db) {
        db.createObjectStore("progress", { keyPath: "date" });
        db.createObjectStore("outbox", { keyPath: "id" }).createIndex("bySeq", "seq");
        db.createObjectStore("finished", { keyPath: "date" });
        db.createObjectStore("sessions", { keyPath: "date" });
      },
    });
    const at = "2026-12-01T10:00:00.000Z";
    const legacy = {
      queued: {
        id: "11111111-1111-4111-8111-111111111111",
        date: "2026-12-01",
        sets: [squat],
        seq: 1,
        queuedAt: at,
        status: "waiting",
        attempts: 2,
        lastError: "No connection.",
      },
      progress: {
        id: "22222222-2222-4222-8222-222222222222",
        date: "2026-12-03",
        sets: [calf],
        session: { ...SESSION, date: "2026-12-03" },
        setup: SETUP,
        swaps: {},
        warmup: { state: "done" },
        startedAt: at,
        updatedAt: at,
      },
      finished: {
        id: "11111111-1111-4111-8111-111111111111",
        date: "2026-12-01",
        sets: [squat],
        session: SESSION,
        setup: SETUP,
        swaps: {},
        finishedAt: at,
      },
      saved: { date: "2026-12-03", session: SESSION, setup: SETUP, savedAt: at },
    };
    await db.put("outbox", legacy.queued);
    await db.put("progress", legacy.progress);
    await db.put("finished", legacy.finished);
    await db.put("sessions", legacy.saved);
    db.close();
    return legacy;
  }

  it("the upgrade keeps every record; nothing unowned is shown or sent to anyone before it is adopted", async () => {
    const name = freshName();
    const legacy = await versionOne(name);
    const { calls, fetch } = scripted([], BEN);
    const box = outbox(name, fetch);
    expect(await box.items()).toEqual([{ ...legacy.queued, owner: null }]);
    expect(await box.counts(ANA)).toEqual({ waiting: 0, failed: 0, others: 1 });
    expect(await box.progress(ANA, "2026-12-03")).toBeUndefined();
    expect(await box.finished(ANA, "2026-12-01")).toBeUndefined();
    expect(await box.savedSession(ANA, "2026-12-03")).toBeUndefined();
    // The app believes Ana is signed in, the cookie is Ben's: no adoption, no send.
    expect(await box.send(ANA)).toEqual({ sent: 0, failed: 0, stop: "account" });
    expect(calls).toEqual([]);
    expect(await box.counts(ANA)).toEqual({ waiting: 0, failed: 0, others: 1 });
  });

  it("belongs to the first account that signs in after the upgrade, and to no later one", async () => {
    const name = freshName();
    const legacy = await versionOne(name);
    const { calls, me, fetch } = scripted([201], BEN);
    const box = outbox(name, fetch);

    // Ben is the first to sign in: the pass adopts everything unowned, then sends it.
    expect(await box.send(BEN)).toEqual({ sent: 1, failed: 0, stop: "done" });
    expect(calls.map((call) => call.body)).toEqual([
      { id: legacy.queued.id, date: "2026-12-01", sets: [squat] },
    ]);
    expect(await box.progress(BEN, "2026-12-03")).toEqual({ ...legacy.progress, owner: BEN });
    expect((await box.finished(BEN, "2026-12-01"))?.owner).toBe(BEN);
    expect((await box.savedSession(BEN, "2026-12-03"))?.owner).toBe(BEN);

    // Ana signs in later: nothing is left to adopt, and she does not see Ben's workout.
    me.id = ANA;
    expect(await box.adopt(ANA)).toBe(0);
    expect(await box.progress(ANA, "2026-12-03")).toBeUndefined();
    expect(await box.savedSession(ANA, "2026-12-03")).toBeUndefined();
    await logWorkout(box, "2026-12-03", [squat], ANA);
    expect((await box.progress(BEN, "2026-12-03"))?.sets).toEqual([calf]);
  });

  it("a queued item adopted after a failed try keeps its place, attempts and id", async () => {
    const name = freshName();
    const legacy = await versionOne(name);
    const box = outbox(name);
    expect(await box.adopt(ANA)).toBe(4);
    expect(await box.items()).toEqual([{ ...legacy.queued, owner: ANA }]);
    expect(await box.counts(ANA)).toEqual({ waiting: 1, failed: 0, others: 0 });
    expect(await box.adopt(BEN)).toBe(0);
    expect(await box.counts(BEN)).toEqual({ waiting: 0, failed: 0, others: 1 });
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
    expect(await there.counts(ANA)).toEqual({ waiting: 1, failed: 0, others: 0 });
  });
});
