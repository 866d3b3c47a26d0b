/**
 * A restore (POST /api/import) refuses what the API refuses: moves to the same day or another
 * week, swaps to unknown exercises, two check-ins on one day, ids given twice; it reports true
 * counts, and a refused document changes nothing.
 */
import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import type { ImportSummary } from "../../src/app/data-transfer.js";
import type { Checkin, Items, Move } from "../../src/contract/index.js";
import type { Profile } from "../../src/core/profile/profile.js";
import {
  appPerFile,
  databaseRows,
  exampleProfile,
  json,
  problem,
  signUp,
} from "../support/http.js";

const t = appPerFile();
let cookie = "";

beforeAll(async () => {
  cookie = await signUp(t.app);
});

const at = "2026-11-20T10:00:00.000Z";

function document(change: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    format: "capacity-export",
    version: 1,
    exportedAt: at,
    account: { email: "ana@example.com", name: "Ana" },
    // The marathoner's week starts on Monday.
    profile: exampleProfile(),
    workouts: [],
    checkins: [],
    planChanges: [],
    activities: [],
    ...change,
  };
}

const move = (from: string, to: string) => ({
  id: randomUUID(),
  kind: "move",
  from,
  to,
  createdAt: at,
});
const swap = (exercise: string, withId: string) => ({
  id: randomUUID(),
  kind: "swap",
  date: "2026-12-01",
  exercise,
  with: withId,
  createdAt: at,
});
const checkin = (date: string) => ({
  id: randomUUID(),
  date,
  soreness: 3,
  hurtRun: false,
  createdAt: at,
});

describe("restore refuses what the API refuses", () => {
  const cases: [string, Record<string, unknown>, string][] = [
    [
      "a move to another week",
      { planChanges: [move("2026-12-03", "2026-12-08")] },
      "planChanges[0].to",
    ],
    [
      "a move to the same day",
      { planChanges: [move("2026-12-03", "2026-12-03")] },
      "planChanges[0].to",
    ],
    [
      "a swap to __proto__",
      { planChanges: [swap("romanian-deadlift", "__proto__")] },
      "planChanges[0].with",
    ],
    [
      "a swap from an unknown exercise",
      { planChanges: [swap("constructor", "romanian-deadlift")] },
      "planChanges[0].exercise",
    ],
    [
      "a swap to another muscle group",
      { planChanges: [swap("romanian-deadlift", "calf-raise")] },
      "planChanges[0].with",
    ],
    [
      "two check-ins on one day",
      { checkins: [checkin("2026-11-25"), checkin("2026-11-25")] },
      "checkins[1].date",
    ],
    [
      "a plan change id given twice",
      (() => {
        const one = move("2026-12-03", "2026-12-05");
        return { planChanges: [one, { ...one }] };
      })(),
      "planChanges[1].id",
    ],
    [
      "moves without any profile",
      { profile: null, planChanges: [move("2026-12-03", "2026-12-05")] },
      "planChanges",
    ],
  ];

  for (const [name, change, field] of cases) {
    it(`${name}: 400 naming ${field}, nothing written`, async () => {
      const before = await databaseRows(t.db);
      const answer = await json<ImportSummary>(
        t.app,
        "POST",
        "/api/import",
        cookie,
        document(change),
      );
      expect(answer.status, answer.text).toBe(400);
      expect(problem(answer).field).toBe(field);
      expect(await databaseRows(t.db)).toEqual(before);
    });
  }

  it("the API refuses a move to the same day too", async () => {
    const fresh = await signUp(t.app);
    expect(
      (await json<Profile>(t.app, "PUT", "/api/profile", fresh, exampleProfile())).status,
    ).toBe(200);
    const answer = await json<Move>(t.app, "POST", "/api/plan/moves", fresh, {
      from: "2026-12-03",
      to: "2026-12-03",
    });
    expect(answer.status).toBe(400);
    expect(problem(answer).field).toBe("to");
  });

  it("a valid document is restored with true counts", async () => {
    const fresh = await signUp(t.app);
    const doc = document({
      checkins: [checkin("2026-11-25"), checkin("2026-11-26")],
      planChanges: [
        move("2026-12-03", "2026-12-05"),
        swap("romanian-deadlift", "single-leg-romanian-deadlift"),
      ],
    });
    const answer = await json<ImportSummary>(t.app, "POST", "/api/import", fresh, doc);
    expect(answer.status, answer.text).toBe(200);
    expect(answer.body).toMatchObject({ checkins: 2, planChanges: { added: 2, kept: 0 } });
    expect(
      (await json<Items<Checkin>>(t.app, "GET", "/api/checkins", fresh)).body.items,
    ).toHaveLength(2);
  });
});
