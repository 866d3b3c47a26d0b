/**
 * The week as a runner reads it (docs/web.md, "The week"): the session up next first, the days
 * already past folded, a card that opens for its details (the minutes explained, the file for a
 * watch), loads in pounds everywhere after a switch (the week, its cards, gym mode), and the
 * greeting with the name given last, a long one wrapping between the week's arrows.
 */
import type { Locator, Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import {
  addDays,
  byId,
  checkScreen,
  journeyHarness,
  signUpAndOnboard,
  thisWeeks,
} from "./support.js";

/** Wednesday of this week: Monday is history, the rest of the week ahead. */
const NOW = thisWeeks("wed", "09:00:00");
const WED = NOW.slice(0, 10);
const MON = addDays(WED, -2);
const LONG_NAME = "Maximiliana-Alexandrina Featherstonehaugh-Cholmondeley";

const journeys = journeyHarness({ now: NOW });

interface ApiSession {
  date: string;
  done: boolean;
  minutes: number;
  minutesNote: string | null;
  exercises: { id: string; equipment: string[]; load: { value: number; unit: string } | null }[];
}

async function planSessions(page: Page): Promise<ApiSession[]> {
  const response = await page.request.get("/api/plan");
  expect(response.status()).toBe(200);
  const plan = (await response.json()) as { weeks: { sessions: ApiSession[] }[] };
  return plan.weeks[0]?.sessions ?? [];
}

/** The profile with dumbbells and 35 minutes a session, as a runner who has them would say. */
async function equip(page: Page): Promise<void> {
  const profile = (await (await page.request.get("/api/profile")).json()) as Record<
    string,
    unknown
  >;
  const saved = await page.request.put("/api/profile", {
    data: { ...profile, equipment: ["bodyweight", "dumbbells"], sessionMinutes: 35 },
  });
  expect(saved.status()).toBe(200);
}

/** Whether two boxes share any point. */
function overlaps(
  a: { x: number; y: number; width: number; height: number },
  b: { x: number; y: number; width: number; height: number },
): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}

async function box(locator: Locator) {
  const found = await locator.boundingBox();
  if (!found) throw new Error("not on screen");
  return found;
}

/** Logs one set on the open card: 9 reps, 2 in the tank, at the load it suggests. */
async function logSet(page: Page, exercise: string): Promise<void> {
  const card = byId(page, `exercise-card-${exercise}`);
  await card.getByTestId("log-set").waitFor();
  await card.getByTestId("reps-9").click();
  await card.getByTestId("rir-2").click();
  await card.getByTestId("log-set").click();
  await card.getByTestId("log-set").waitFor({ state: "detached" });
}

describe("the week at a glance", () => {
  it("the next session first, past days folded, details, pounds everywhere, the name given last", async () => {
    const { page } = await journeys.open();
    await signUpAndOnboard(page, "Ana");
    await equip(page);

    // Monday's workout: two dumbbell exercises, the second at 14 kg.
    const planned = (await planSessions(page)).find((session) => !session.done);
    if (!planned) throw new Error("no session planned");
    const loaded = planned.exercises.filter((exercise) => exercise.equipment.includes("dumbbells"));
    const [first, second] = loaded;
    if (!first || !second) throw new Error("two dumbbell exercises are planned");
    const logged = await page.request.post("/api/workouts", {
      data: {
        date: MON,
        sets: [
          { exercise: first.id, load: { value: 6, unit: "kg" }, reps: 9, rir: 2 },
          { exercise: second.id, load: { value: 14, unit: "kg" }, reps: 9, rir: 2 },
        ],
      },
    });
    expect(logged.status()).toBe(201);
    const next = (await planSessions(page)).find((session) => !session.done && session.date >= WED);
    if (!next) throw new Error("no session up next");
    expect(next.minutesNote).toMatch(/You asked for 35 minutes/);

    // The session up next comes first, above every day of the week.
    await page.goto("/");
    const upNext = byId(page, "week-up-next");
    await upNext.waitFor();
    expect(await upNext.getByTestId(`session-${next.date}`).count()).toBe(1);
    const upNextBox = await box(upNext);
    for (const day of [WED, addDays(WED, 1), addDays(WED, 4)]) {
      expect((await box(byId(page, `day-${day}`))).y).toBeGreaterThan(upNextBox.y);
    }
    // At a glance: the kind, the minutes, each exercise with its load in kilograms.
    const card = byId(page, `session-${next.date}`);
    expect(await card.textContent()).toMatch(/about \d+ min/);
    expect(await card.textContent()).toMatch(/6 kg in each hand/);
    expect(await card.textContent()).toMatch(/14 kg in each hand/);

    // Monday is folded with the day before it; one tap opens it, Monday's workout inside.
    const past = byId(page, "week-past-days");
    expect(await byId(page, `day-${MON}`).isVisible()).toBe(false);
    expect(await past.locator("summary").textContent()).toMatch(/1 workout done/);
    await checkScreen(page, "week-look-week");
    await past.locator("summary").click();
    await byId(page, `day-${MON}`).waitFor();
    expect(await byId(page, `session-logged-${MON}`).textContent()).toMatch(/6 kg × 9 reps/);
    await past.locator("summary").click();
    await byId(page, `day-${MON}`).waitFor({ state: "hidden" });

    // The card opens for its details: why it is shorter than asked, and the file for a watch.
    await byId(page, `session-details-${next.date}`).click();
    const note = byId(page, `session-minutes-note-${next.date}`);
    await note.waitFor();
    expect(await note.textContent()).toMatch(/You asked for 35 minutes; this session takes about/);
    const watch = byId(page, `send-to-watch-${next.date}`);
    const href = (await watch.getAttribute("href")) ?? "";
    expect(href).toBe(`/api/plan/sessions/${next.date}/workout.fit`);
    const file = await page.request.get(href);
    expect(file.status()).toBe(200);
    expect(file.headers()["content-type"]).toMatch(/fit/);
    expect(await byId(page, `watch-hint-${next.date}`).textContent()).toMatch(/NewFiles/);
    await checkScreen(page, "week-look-details");
    await page.emulateMedia({ colorScheme: "dark" });
    await checkScreen(page, "week-look-details-dark");
    await page.emulateMedia({ colorScheme: "light" });

    // Gym mode, started in kilograms: the first exercise logged at its 6 kg.
    await byId(page, `start-gym-${next.date}`).click();
    await byId(page, "warmup-skip").click();
    await logSet(page, first.id);

    // A switch to pounds and a new, long name in the settings.
    await page.goto("/settings");
    await byId(page, "settings-units").selectOption("lb");
    await byId(page, "name").fill(LONG_NAME);
    await byId(page, "settings-save").click();
    await page
      .getByRole("status")
      .filter({ hasText: /plan is updated|saved/i })
      .first()
      .waitFor();

    // The plan itself suggests pounds on the 5 lb step: 6 kg is 15 lb, 14 kg is 30 lb.
    const inPounds = (await planSessions(page)).find((session) => session.date === next.date);
    const load = (id: string) => inPounds?.exercises.find((exercise) => exercise.id === id)?.load;
    expect(load(first.id)).toEqual({ value: 15, unit: "lb" });
    expect(load(second.id)).toEqual({ value: 30, unit: "lb" });

    // The week: the greeting with the new name, wrapped between the arrows; loads in pounds.
    await page.goto("/");
    await byId(page, `session-${next.date}`).waitFor();
    const greeting = byId(page, "week-greeting");
    expect(await greeting.textContent()).toBe(`Hi ${LONG_NAME}`);
    const greetingBox = await box(greeting);
    for (const arrow of ["week-prev", "week-next"]) {
      expect(overlaps(greetingBox, await box(byId(page, arrow))), arrow).toBe(false);
    }
    const weekText = (await byId(page, "week-view").textContent()) ?? "";
    expect(weekText).toMatch(/15 lb in each hand/);
    expect(weekText).toMatch(/30 lb in each hand/);
    expect(weekText).not.toMatch(/\d kg/);
    expect(weekText).not.toMatch(/13\.2/);
    await past.locator("summary").click();
    expect(await byId(page, `session-logged-${MON}`).textContent()).toMatch(/15 lb × 9 reps/);
    await checkScreen(page, "week-look-pounds");
    await page.emulateMedia({ colorScheme: "dark" });
    await checkScreen(page, "week-look-pounds-dark");
    await page.emulateMedia({ colorScheme: "light" });

    // Gym mode goes on in pounds, one exercise per screen: the card to do suggests 30 lb, and
    // the set logged before the switch reads 15 lb when gone back to.
    await page.goto(`/gym/${next.date}`);
    const open = byId(page, `exercise-card-${second.id}`);
    await open.getByTestId("load-value").waitFor();
    expect(await open.getByTestId("load-value").inputValue()).toBe("30");
    const gymText = (await page.locator("body").textContent()) ?? "";
    expect(gymText).not.toMatch(/kg suggested/);
    await byId(page, "card-previous").click();
    const done = byId(page, `exercise-card-${first.id}`);
    await done.getByTestId("load-value").waitFor();
    expect(await done.getByTestId("load-value").inputValue()).toBe("15");
    await byId(page, "card-next").click();
    await open.getByTestId("load-value").waitFor();
    await checkScreen(page, "week-look-gym-pounds");
    // One long journey through four screens: more time than the config's default per test.
  }, 300_000);
});
