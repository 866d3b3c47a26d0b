import "fake-indexeddb/auto";
import { afterEach, describe, expect, it } from "vitest";
import { corrected } from "./corrections.js";
import { Outbox } from "./outbox.js";
import type { LoggedSet, OutboxItem } from "./types.js";

const ANA = "account-ana";
const squat: LoggedSet = {
  exercise: "quarter-squat",
  load: { value: 22, unit: "kg" },
  reps: 10,
  rir: 2,
};
const calf: LoggedSet = { exercise: "calf-raise", load: null, reps: 12, rir: 3 };
const row: LoggedSet = { exercise: "band-row", load: null, reps: 15, rir: 2 };
const LOGGED = { id: "11111111-1111-4111-8111-111111111111", date: "2026-11-30" };

interface Call {
  readonly method: string;
  readonly url: string;
  readonly body: unknown;
}

/** A server that answers every call at once (or, with `hold`, when told) and records it. */
function server(signedIn = ANA) {
  const calls: Call[] = [];
  const held: (() => void)[] = [];
  let hold = false;
  const fetch = async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const json = (status: number, body: unknown) =>
      new Response(status === 204 ? null : JSON.stringify(body), {
        status,
        headers: { "content-type": "application/json" },
      });
    if (String(input) === "/api/session") {
      return json(200, { user: { id: signedIn, email: "", name: "", createdAt: "" } });
    }
    const method = init?.method ?? "GET";
    calls.push({
      method,
      url: String(input),
      body: init?.body ? JSON.parse(String(init.body)) : null,
    });
    if (hold) await new Promise<void>((resolve) => held.push(resolve));
    if (method === "POST") return json(201, {});
    if (method === "DELETE") return json(204, null);
    return json(200, {});
  };
  return {
    calls,
    fetch: fetch as typeof globalThis.fetch,
    holdNext: () => {
      hold = true;
    },
    release: () => {
      hold = false;
      for (const go of held.splice(0)) go();
    },
    started: () => calls.length,
  };
}

let opened: Outbox[] = [];
let count = 0;
function outbox(fetch: typeof globalThis.fetch) {
  count += 1;
  const box = new Outbox({ dbName: `corrections-${count}-${Math.random()}`, channel: null, fetch });
  opened.push(box);
  return box;
}

afterEach(() => {
  for (const box of opened) box.close();
  opened = [];
});

describe("corrections of logged workouts", () => {
  it("several changes made without signal leave as one PATCH with the last sets", async () => {
    const api = server();
    const box = outbox(api.fetch);
    await box.correct(ANA, LOGGED, { kind: "patch", sets: [squat, calf] });
    await box.correct(ANA, LOGGED, { kind: "patch", sets: [{ ...squat, reps: 8 }, calf] });
    await box.correct(ANA, LOGGED, { kind: "patch", sets: [{ ...squat, reps: 8 }] });
    expect(await box.items()).toHaveLength(1);
    expect(await box.send(ANA)).toEqual({ sent: 1, failed: 0, stop: "done" });
    expect(api.calls).toEqual([
      {
        method: "PATCH",
        url: `/api/workouts/${LOGGED.id}`,
        body: { sets: [{ ...squat, reps: 8 }] },
      },
    ]);
    expect(await box.items()).toEqual([]);
    expect((await box.send(ANA)).sent).toBe(0); // sent once
  });

  it("a change to a finished workout not sent yet travels inside its POST", async () => {
    const api = server();
    const box = outbox(api.fetch);
    await box.start(ANA, LOGGED.date, () => ({
      session: {} as never,
      setup: { units: "kg", increments: {}, equipment: [], injuries: [] },
    }));
    await box.logSet(ANA, LOGGED.date, squat);
    await box.logSet(ANA, LOGGED.date, calf);
    const item = await box.finish(ANA, LOGGED.date);
    if (!item) throw new Error("nothing finished");
    await box.correct(ANA, item, { kind: "patch", sets: [calf] });
    await box.send(ANA);
    expect(api.calls.map((call) => [call.method, call.body])).toEqual([
      ["POST", { id: item.id, date: LOGGED.date, sets: [calf] }],
    ]);
  });

  it("deleting a workout never sent sends nothing; deleting a logged one sends one DELETE", async () => {
    const api = server();
    const box = outbox(api.fetch);
    await box.start(ANA, LOGGED.date, () => ({
      session: {} as never,
      setup: { units: "kg", increments: {}, equipment: [], injuries: [] },
    }));
    await box.logSet(ANA, LOGGED.date, squat);
    const unsent = await box.finish(ANA, LOGGED.date);
    if (!unsent) throw new Error("nothing finished");
    await box.correct(ANA, unsent, { kind: "delete" });
    await box.correct(ANA, LOGGED, { kind: "patch", sets: [squat] });
    await box.correct(ANA, LOGGED, { kind: "delete" });
    await box.correct(ANA, LOGGED, { kind: "patch", sets: [calf] }); // deleted stays deleted
    await box.send(ANA);
    expect(api.calls.map((call) => `${call.method} ${call.url}`)).toEqual([
      `DELETE /api/workouts/${LOGGED.id}`,
    ]);
  });

  it("a change made while the last one is on its way is not lost", async () => {
    const api = server();
    const box = outbox(api.fetch);
    await box.correct(ANA, LOGGED, { kind: "patch", sets: [squat, calf, row] });
    api.holdNext();
    const pass = box.send(ANA);
    await expect.poll(api.started).toBe(1);
    await box.correct(ANA, LOGGED, { kind: "patch", sets: [squat, row] });
    api.release();
    await pass;
    await box.send(ANA);
    expect(api.calls.map((call) => call.body)).toEqual([
      { sets: [squat, calf, row] },
      { sets: [squat, row] },
    ]);
    expect(await box.items()).toEqual([]);
  });

  it("a refused item waits again once corrected", () => {
    const failed: OutboxItem = {
      kind: "patch",
      id: "a",
      owner: ANA,
      date: "2026-11-30",
      sets: [squat],
      seq: 3,
      queuedAt: "",
      status: "failed",
      attempts: 2,
      lastError: "reps: expected 1 to 100",
      revision: 4,
    };
    const step = corrected(failed, ANA, failed, { kind: "patch", sets: [calf] }, 9, "now");
    expect(step).toEqual({
      put: {
        ...failed,
        sets: [calf],
        status: "waiting",
        attempts: 0,
        lastError: null,
        queuedAt: "now",
        revision: 5,
      },
    });
  });
});
