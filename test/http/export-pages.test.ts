/**
 * The exports read the account page by page (keyset reads, EXPORT_PAGE_ROWS rows a query) and
 * stream: a history of several pages comes out complete, in order, and byte for byte the text
 * the whole-list export gave (built here from the repositories' list() the way it was built).
 */
import { describe, expect, it } from "vitest";
import { EXPORT_PAGE_ROWS } from "../../src/app/data-transfer.js";
import { strongCsv } from "../../src/core/strength-import/export.js";
import { aStoredActivity } from "../builders.js";
import { bigExport } from "../support/big-export.js";
import { appPerFile, json, signUp, uniqueEmail } from "../support/http.js";

const WORKOUTS = 3 * EXPORT_PAGE_ROWS + 7;
const CHECKINS = EXPORT_PAGE_ROWS + 3;

const t = appPerFile();

const iso = (ms: number) => new Date(ms).toISOString();

/** The export as it was built before it was paged: every list read whole. */
async function wholeListExport(ownerId: string, exportedAt: string) {
  const user = await t.store.users.byId(ownerId);
  if (!user) throw new Error("no such user");
  const [profile, workouts, checkins, changes, activities] = await Promise.all([
    t.store.profiles.get(ownerId),
    t.store.workouts.list(ownerId),
    t.store.checkins.list(ownerId),
    t.store.planChanges.list(ownerId),
    t.store.activities.list(ownerId),
  ]);
  return {
    format: "capacity-export",
    version: 1,
    exportedAt,
    account: { email: user.email, name: user.name },
    profile,
    workouts: workouts.map((w) => ({
      id: w.id,
      date: w.date,
      sets: w.sets,
      createdAt: iso(w.createdAt),
      updatedAt: iso(w.updatedAt),
    })),
    checkins: checkins.map((c) => ({
      id: c.id,
      date: c.date,
      soreness: c.soreness,
      hurtRun: c.hurtRun,
      createdAt: iso(c.createdAt),
    })),
    planChanges: changes.map((change) => ({ ...change, createdAt: iso(change.createdAt) })),
    activities: activities.map((a) => ({
      ...a,
      warnings: [...a.warnings],
      createdAt: iso(a.createdAt),
    })),
  };
}

describe("paged exports", () => {
  it("GET /api/export gives every item of a history of several pages, as the whole-list export did", async () => {
    const email = uniqueEmail("pages");
    const cookie = await signUp(t.app, email);
    const owner = await t.store.users.byEmail(email);
    if (!owner) throw new Error("sign-up stored no user");
    const doc = bigExport(WORKOUTS) as unknown as Record<string, unknown>;
    doc.checkins = Array.from({ length: CHECKINS }, (_, i) => ({
      id: `c-${i}`,
      date: new Date(Date.parse("2018-01-01T00:00:00Z") + i * 86_400_000)
        .toISOString()
        .slice(0, 10),
      soreness: i % 4,
      hurtRun: i % 7 === 0,
      createdAt: "2026-01-01T10:00:00.000Z",
    }));
    const restored = await json(t.app, "POST", "/api/import", cookie, doc);
    expect(restored.status, restored.text.slice(0, 300)).toBe(200);
    const activities = [1, 2, 3].map((day) =>
      aStoredActivity(`act-${day}`, `2025-03-0${day}T07:00:00Z`, { createdAt: 1_700_000_000_000 }),
    );
    await t.store.activities.insertNew(owner.id, activities);

    const exported = await t.app.inject({ method: "GET", url: "/api/export", headers: { cookie } });
    expect(exported.statusCode).toBe(200);
    const body = exported.json();
    expect(body.workouts).toHaveLength(WORKOUTS);
    expect(body.checkins).toHaveLength(CHECKINS);
    expect(body.activities).toHaveLength(3);
    expect(new Set(body.workouts.map((w: { id: string }) => w.id)).size).toBe(WORKOUTS);
    expect(exported.body).toBe(JSON.stringify(await wholeListExport(owner.id, body.exportedAt)));
  }, 120_000);

  it("GET /api/export.csv gives every workout of several pages, as the whole-list CSV did", async () => {
    const email = uniqueEmail("csv-pages");
    const cookie = await signUp(t.app, email);
    const owner = await t.store.users.byEmail(email);
    if (!owner) throw new Error("sign-up stored no user");
    const restored = await json(t.app, "POST", "/api/import", cookie, bigExport(WORKOUTS));
    expect(restored.status, restored.text.slice(0, 300)).toBe(200);

    const csv = await t.app.inject({ method: "GET", url: "/api/export.csv", headers: { cookie } });
    expect(csv.statusCode).toBe(200);
    const whole = (await t.store.workouts.list(owner.id)).map((w) => ({
      date: w.date,
      sets: [...w.sets],
    }));
    // Two sets a workout, one line each, and the header.
    expect(csv.body.trimEnd().split("\n")).toHaveLength(2 * WORKOUTS + 1);
    expect(csv.body).toBe(strongCsv(whole, "kg"));
  }, 120_000);
});
