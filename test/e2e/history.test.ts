/**
 * Correcting the log on a phone (docs/web.md, "Progress"): a logged workout opened in the
 * history of /progress, a set changed and another deleted without signal, and back online the
 * outbox sends one PATCH that the server keeps. The chart's axis names the logged days.
 */
import { join } from "node:path";
import type { Locator, Request } from "playwright-core";
import { describe, expect, it } from "vitest";
import {
  addDays,
  byId,
  checkScreen,
  journeyHarness,
  signUpAndOnboard,
  thisWeeks,
} from "./support.js";

/** Wednesday of this week, 10:00 in Berlin: the workouts below are on Friday and Monday before. */
const NOW = thisWeeks("wed", "09:00:00");
const TODAY = NOW.slice(0, 10);
const journeys = journeyHarness({ now: NOW });

interface StoredWorkout {
  id: string;
  date: string;
  sets: {
    exercise: string;
    load: { value: number; unit: string } | null;
    reps: number;
    rir: number;
  }[];
}

/** A screenshot of one part of the screen (the full page is too tall to look at), when asked for. */
async function part(locator: Locator, name: string): Promise<void> {
  const dir = process.env.CAPACITY_SCREENSHOTS;
  if (dir) await locator.screenshot({ path: join(dir, `${name}.png`) });
}

describe("the workout history on a phone", () => {
  it("a set changed and another deleted offline reach the server as one PATCH; the axis shows the logged days", async () => {
    const { context, page } = await journeys.open();
    await signUpAndOnboard(page, "Ana");
    const log = async (date: string, sets: StoredWorkout["sets"]) => {
      const response = await page.request.post("/api/workouts", { data: { date, sets } });
      expect(response.status()).toBe(201);
      return (await response.json()) as StoredWorkout;
    };
    const squat = (value: number, reps: number) => ({
      exercise: "quarter-squat",
      load: { value, unit: "kg" },
      reps,
      rir: 2,
    });
    const friday = addDays(TODAY, -5);
    const monday = addDays(TODAY, -2);
    await log(friday, [squat(20, 10)]);
    const workout = await log(monday, [
      squat(22.5, 10),
      { exercise: "calf-raise", load: null, reps: 12, rir: 3 },
      { exercise: "lateral-band-walk", load: null, reps: 15, rir: 2 },
    ]);

    await page.goto("/progress");
    const chart = byId(page, "progress-chart");
    await chart.locator("canvas").first().waitFor();
    // The x axis names the two logged days (not "1 Jan" three times).
    const dayLabel = (date: string) =>
      new Date(`${date}T12:00:00Z`).toLocaleDateString("en-GB", {
        day: "numeric",
        month: "short",
        timeZone: "UTC",
      });
    await expect
      .poll(async () => chart.locator(".uplot").getAttribute("data-axis-dates"))
      .toBe([dayLabel(friday), dayLabel(monday)].join(","));

    // The history: newest first, then open Monday's workout.
    const history = byId(page, "workout-history");
    await history.scrollIntoViewIfNeeded();
    const entries = history.locator("[data-testid^='history-workout-']");
    await expect.poll(() => entries.count()).toBe(2);
    expect(await entries.first().getAttribute("data-testid")).toBe(`history-workout-${workout.id}`);
    const entry = byId(page, `history-workout-${workout.id}`);
    await byId(page, `history-open-${workout.id}`).click();
    await entry.getByTestId("set-change-0").waitFor();
    await checkScreen(page, "history-open");
    await part(chart, "history-chart");
    await part(history, "history-open-part");

    // No signal: change the squat to 8 reps at 24 kg, delete the band walk.
    const patches: Request[] = [];
    page.on("request", (request) => {
      if (request.method() === "PATCH" && request.url().includes("/api/workouts/"))
        patches.push(request);
    });
    await context.setOffline(true);
    await entry.getByTestId("set-change-0").click();
    await entry.getByTestId("set-load-0").fill("24");
    await entry.getByTestId("set-reps-0").fill("8");
    await checkScreen(page, "history-edit");
    await part(entry, "history-edit-part");
    await entry.getByTestId("set-save-0").click();
    await expect
      .poll(async () => entry.getByTestId("history-set-value-0").textContent())
      .toBe("24 kg × 8 @ 2 left");
    await entry.getByTestId("set-delete-2").click();
    await expect.poll(() => entry.getByTestId("history-set-2").count()).toBe(0);
    await expect
      .poll(async () => (await byId(page, `history-open-${workout.id}`).textContent()) ?? "")
      .toMatch(/waiting to sync/);
    await expect
      .poll(async () => (await byId(page, "sync-status").textContent()) ?? "")
      .toMatch(/waiting/i);
    await checkScreen(page, "history-offline");
    await part(history, "history-offline-part");
    expect(patches).toHaveLength(0);

    // Still no signal, the page reloaded: the history comes back from the phone, the change
    // still waiting and applied.
    await page.reload();
    const again = byId(page, `history-workout-${workout.id}`);
    await again.waitFor();
    await expect
      .poll(async () => (await byId(page, `history-open-${workout.id}`).textContent()) ?? "")
      .toMatch(/waiting to sync/);
    await byId(page, `history-open-${workout.id}`).click();
    await expect
      .poll(async () => again.getByTestId("history-set-value-0").textContent())
      .toBe("24 kg × 8 @ 2 left");
    expect(patches).toHaveLength(0);

    // Back online: one PATCH, and the server holds the change.
    await context.setOffline(false);
    await expect
      .poll(
        async () =>
          (await (await page.request.get(`/api/workouts/${workout.id}`)).json()) as StoredWorkout,
        {
          timeout: 30_000,
        },
      )
      .toMatchObject({
        sets: [
          { exercise: "quarter-squat", load: { value: 24, unit: "kg" }, reps: 8, rir: 2 },
          { exercise: "calf-raise", load: null, reps: 12, rir: 3 },
        ],
      });
    await expect
      .poll(async () => (await byId(page, "sync-status").textContent()) ?? "")
      .toMatch(/all saved/i);
    await expect
      .poll(async () => (await byId(page, `history-open-${workout.id}`).textContent()) ?? "")
      .not.toMatch(/waiting/);
    expect(patches).toHaveLength(1);
    expect(
      ((await (await page.request.get(`/api/workouts/${workout.id}`)).json()) as StoredWorkout)
        .sets,
    ).toHaveLength(2);
    await checkScreen(page, "history-synced");

    await page.emulateMedia({ colorScheme: "dark" });
    // The charts are drawn again in the dark colours, the page left open.
    for (const drawn of [chart, byId(page, "sessions-chart")]) {
      await expect
        .poll(async () => drawn.locator(".chart-box").getAttribute("data-scheme"))
        .toBe("dark");
    }
    await checkScreen(page, "history-synced-dark");
    await part(history, "history-synced-dark-part");
    await part(chart, "history-chart-dark");
    await part(byId(page, "sessions-chart"), "history-weeks-dark");
    await page.evaluate(() =>
      (globalThis as unknown as { scrollTo(x: number, y: number): void }).scrollTo(0, 0),
    );
    await checkScreen(page, "progress-dark");
  });
});
