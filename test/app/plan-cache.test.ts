import { describe, expect, it } from "vitest";
import { PlanCache } from "../../src/app/plan-cache.js";
import type { User } from "../../src/app/ports.js";
import { aProfile, aUser } from "../builders.js";
import { testStore } from "../support/database.js";

const clock = { now: () => new Date("2026-11-26T12:00:00Z") };
const ids = {
  uuid: () => "00000000-0000-4000-8000-000000000000",
  token: () => "t",
  hashToken: (t: string) => t,
};

/** A store holding one athlete with a profile; `read` gives the user as a session lookup would. */
async function athlete() {
  const t = await testStore();
  const user = aUser();
  await t.store.users.create(user);
  await t.store.profiles.put(user.id, aProfile(), 0);
  const read = async () => (await t.store.users.byId(user.id)) as User;
  return { t, user, read, deps: { repos: t.store, ids, clock } };
}

describe("PlanCache", () => {
  it("serves the same plan while the data version holds, and a new one once it rises", async () => {
    const { t, user, read, deps } = await athlete();
    try {
      const cache = new PlanCache();
      const reader = await read();
      const first = await cache.plan(deps, reader, { from: "2026-11-30" });
      if (!first.ok) throw new Error("no plan");

      // A write the cache cannot see (another process): the stale reader still gets its copy...
      await t.store.workouts.insert(user.id, {
        id: "w1",
        date: "2026-11-24",
        sets: [{ exercise: "quarter-squat", load: { value: 20, unit: "kg" }, reps: 10, rir: 3 }],
        createdAt: 0,
        updatedAt: 0,
      });
      const same = await cache.plan(deps, reader, { from: "2026-11-30" });
      expect(same.ok && same.value).toBe(first.value);

      // ...and the next request, reading the risen version with its session, gets the new plan.
      const fresh = await read();
      expect(fresh.dataVersion).toBe(reader.dataVersion + 1);
      const next = await cache.plan(deps, fresh, { from: "2026-11-30" });
      if (!next.ok) throw new Error("no plan");
      expect(next.value).not.toBe(first.value);
      const squat = JSON.parse(next.value).weeks[0].sessions[0].exercises[0];
      expect(squat).toMatchObject({ id: "quarter-squat", load: { value: 22, unit: "kg" } });
    } finally {
      await t.dispose();
    }
  });

  it("keeps plans of other queries apart", async () => {
    const { t, read, deps } = await athlete();
    try {
      const cache = new PlanCache();
      const reader = await read();
      const one = await cache.plan(deps, reader, { from: "2026-11-30" });
      const two = await cache.plan(deps, reader, { from: "2026-11-30", weeks: 2 });
      const today = await cache.plan(deps, reader, {});
      if (!one.ok || !two.ok || !today.ok) throw new Error("no plan");
      expect(JSON.parse(one.value).weeks).toHaveLength(1);
      expect(JSON.parse(two.value).weeks).toHaveLength(2);
      // Today (Thu 26 Nov in UTC) is in the week of Mon 23 Nov.
      expect(JSON.parse(today.value).weeks[0].start).toBe("2026-11-23");
    } finally {
      await t.dispose();
    }
  });
});
