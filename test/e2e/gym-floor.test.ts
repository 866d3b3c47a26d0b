/**
 * Gym mode on a gym floor (docs/web.md, "Gym mode"): the week loaded with signal, then no signal
 * at all while next week's session, never opened before, is started, logged one exercise per
 * screen (log, undo, log again, the rest timer skipped) and finished; back online, the workout
 * reaches the server once. On a 390 × 844 phone, every exercise's reps-left row and "Log set"
 * are on the screen without scrolling, and the tabs are gone.
 */
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import {
  addDays,
  byId,
  checkScreen,
  journeyHarness,
  PHONE,
  screenshot,
  serviceWorkerInControl,
  signUpAndOnboard,
  thisWeeks,
} from "./support.js";

/** Monday of this week, 08:00 in Berlin: next week's sessions are all ahead. */
const NOW = thisWeeks("mon", "07:00:00");
const journeys = journeyHarness({ now: NOW });

interface ApiSession {
  date: string;
  exercises: { id: string; name: string; equipment: string[] }[];
}

async function sessionsFrom(page: Page, from: string): Promise<ApiSession[]> {
  const response = await page.request.get(`/api/plan?from=${from}`);
  expect(response.status()).toBe(200);
  const plan = (await response.json()) as { weeks: { sessions: ApiSession[] }[] };
  return plan.weeks[0]?.sessions ?? [];
}

/** The workouts stored on one day (last Friday's, logged for "last time", is not counted). */
async function storedWorkouts(page: Page, date: string) {
  const response = await page.request.get("/api/workouts");
  const { items } = (await response.json()) as { items: { date: string; sets: unknown[] }[] };
  return items.filter((workout) => workout.date === date);
}

/** The element's box lies inside the phone's screen with the page not scrolled. */
async function onScreen(page: Page, testId: string, within: string): Promise<boolean> {
  const box = await byId(page, within).getByTestId(testId).boundingBox();
  const scrolled = await page.evaluate(
    () => (globalThis as unknown as { scrollY: number }).scrollY,
  );
  return box !== null && scrolled === 0 && box.y >= 0 && box.y + box.height <= PHONE.height;
}

/** Both light and dark, for the screens looked at before the change is done. */
async function bothThemes(page: Page, name: string): Promise<void> {
  await checkScreen(page, `${name}-light`);
  await page.emulateMedia({ colorScheme: "dark" });
  await checkScreen(page, `${name}-dark`);
  await page.emulateMedia({ colorScheme: "light" });
}

describe("gym mode on a gym floor", () => {
  it("next week's session, never opened, starts, runs and finishes offline; stored once", async () => {
    const { context, page } = await journeys.open();
    await signUpAndOnboard(page, "Ana");
    const profile = (await (await page.request.get("/api/profile")).json()) as {
      equipment: string[];
    };
    await page.request.put("/api/profile", {
      data: { ...profile, equipment: [...new Set([...profile.equipment, "dumbbells"])] },
    });
    const today = NOW.slice(0, 10);
    const planned = (await sessionsFrom(page, addDays(today, 7)))[0];
    if (!planned) throw new Error("no session next week");
    // Last Friday's workout of the session's first exercise: gym mode, never opened, must show
    // it without signal, because the week put last time's sets on the phone.
    const firstExercise = planned.exercises[0];
    if (!firstExercise) throw new Error("a session without exercises");
    const loaded = firstExercise.equipment.some((item) => item !== "bodyweight" && item !== "band");
    const logged = await page.request.post("/api/workouts", {
      data: {
        date: addDays(today, -3),
        sets: [
          {
            exercise: firstExercise.id,
            load: loaded ? { value: 10, unit: "kg" } : null,
            reps: 9,
            rir: 2,
          },
        ],
      },
    });
    expect(logged.status()).toBe(201);
    const next = (await sessionsFrom(page, addDays(today, 7)))[0];
    if (!next) throw new Error("no session next week");
    expect(next.exercises[0]?.id).toBe(firstExercise.id);

    // The week with signal, once the service worker controls the page.
    await serviceWorkerInControl(page);
    await page.goto("/");
    await byId(page, "week-view").waitFor();
    // What the week put on the phone: a plan holding next week's session.
    await expect
      .poll(() =>
        page.evaluate(async (date) => {
          // The page's CacheStorage, typed here: the test compiles without the DOM library.
          interface Kept {
            keys(): Promise<{ url: string }[]>;
            match(key: { url: string }): Promise<{ text(): Promise<string> } | undefined>;
          }
          const storage = (
            globalThis as unknown as {
              caches: { keys(): Promise<string[]>; open(name: string): Promise<Kept> };
            }
          ).caches;
          for (const name of await storage.keys()) {
            const cache = await storage.open(name);
            for (const key of await cache.keys()) {
              if (!new URL(key.url).pathname.startsWith("/api/plan")) continue;
              const text = await (await cache.match(key))?.text();
              if (text?.includes(`"date":"${date}"`)) return true;
            }
          }
          return false;
        }, next.date),
      )
      .toBe(true);

    // …and last time's sets, which the week fetches once its plan is in.
    await expect
      .poll(() =>
        page.evaluate((id) => {
          const storage = (
            globalThis as unknown as {
              localStorage: {
                length: number;
                key(i: number): string | null;
                getItem(k: string): string | null;
              };
            }
          ).localStorage;
          for (let i = 0; i < storage.length; i++) {
            const name = storage.key(i) ?? "";
            if (name.startsWith("capacity-last-sets:") && storage.getItem(name)?.includes(id))
              return true;
          }
          return false;
        }, firstExercise.id),
      )
      .toBe(true);

    await context.setOffline(true);
    await expect
      .poll(async () => (await byId(page, "sync-status").textContent()) ?? "")
      .toMatch(/offline/i);
    await page.goto(`/gym/${next.date}`);
    await byId(page, "warmup-skip").waitFor();
    expect(await byId(page, "nav-week").count()).toBe(0);
    await byId(page, "gym-leave").waitFor();
    await byId(page, "warmup-skip").click();

    await expect
      .poll(
        async () =>
          (await byId(page, `exercise-card-${firstExercise.id}`)
            .getByTestId("last-time")
            .textContent()) ?? "",
      )
      .toMatch(/9(?: reps)? @ 2 in the tank/);

    const ids = next.exercises.map((exercise) => exercise.id);
    const setLoad = async (card: ReturnType<typeof byId>) => {
      const load = card.getByTestId("load-value");
      if ((await load.count()) > 0 && !(Number((await load.inputValue()) || "0") > 0)) {
        for (let i = 0; i < 5; i++) await card.getByTestId("load-plus").click();
      }
    };

    for (const [index, id] of ids.entries()) {
      const cardId = `exercise-card-${id}`;
      const card = byId(page, cardId);
      await card.getByTestId("log-set").waitFor();
      // One hand, one glance: the controls are on the screen as the card opens.
      expect(await onScreen(page, "rir-row", cardId), `${id}: reps-left row`).toBe(true);
      expect(await onScreen(page, "log-set", cardId), `${id}: Log set`).toBe(true);
      expect(await byId(page, `exercise-card-${ids[index + 1]}`).count()).toBe(0);
      if (index === 1) {
        // Previous and next go between the exercises, one per screen.
        await byId(page, "card-previous").click();
        await byId(page, `exercise-card-${ids[0]}`).getByTestId("log-set").waitFor();
        expect(await byId(page, "log-set").textContent()).toBe("Save the change");
        await byId(page, "card-next").click();
        await card.getByTestId("log-set").waitFor();
      }
      await setLoad(card);
      if ((await card.getByTestId("load-value").count()) > 0) {
        // The helper says what to pick off the rack (per hand) or put on the bar (per side).
        expect(await card.getByTestId("load-helper").textContent()).toMatch(
          /dumbbell|kettlebell|bar/,
        );
      }
      if (index === 0) await bothThemes(page, "gym-floor-card");
      await card.getByTestId("reps-9").click();
      await card.getByTestId("rir-2").click();
      await card.getByTestId("log-set").click();
      await card.getByTestId("log-set").waitFor({ state: "detached" });

      if (index === 0) {
        // Undo brings the card back without its set; logging again stores it once.
        await expect
          .poll(async () => (await byId(page, "sync-status").textContent()) ?? "")
          .toMatch(/offline.*1 workout in progress/i);
        await byId(page, "rest-timer").waitFor();
        await bothThemes(page, "gym-floor-rest");
        await byId(page, "undo-set").click();
        await card.getByTestId("log-set").waitFor();
        expect(await card.getByTestId("log-set").textContent()).toBe("Log set");
        expect(await byId(page, "rest-timer").count()).toBe(0);
        await setLoad(card);
        await card.getByTestId("reps-9").click();
        await card.getByTestId("rir-2").click();
        await card.getByTestId("log-set").click();
        await card.getByTestId("log-set").waitFor({ state: "detached" });
      }
      if ((await byId(page, "rest-skip").count()) > 0) await byId(page, "rest-skip").click();
    }
    await byId(page, "all-logged").waitFor();
    await bothThemes(page, "gym-floor-all-logged");
    await byId(page, "finish-workout").click();
    await byId(page, "summary").waitFor();
    await screenshot(page, "gym-floor-summary");
    await expect
      .poll(async () => (await byId(page, "sync-status").textContent()) ?? "")
      .toMatch(/offline.*1 workout waiting to sync/i);
    expect(await storedWorkouts(page, next.date)).toHaveLength(0);

    await context.setOffline(false);
    await expect
      .poll(async () => (await storedWorkouts(page, next.date)).length, { timeout: 30_000 })
      .toBe(1);
    await expect
      .poll(async () => (await byId(page, "sync-status").textContent()) ?? "")
      .toMatch(/all saved/i);
    const [stored] = await storedWorkouts(page, next.date);
    expect(stored?.date).toBe(next.date);
    expect(stored?.sets).toHaveLength(ids.length);
  });
});
