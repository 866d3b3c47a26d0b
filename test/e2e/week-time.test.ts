/**
 * The week lived one day at a time (docs/web.md): a runner signs up on this week's Wednesday,
 * with the server's and the browser's clocks both fixed there. Monday and Tuesday are history, the move
 * chooser offers only today and later with the rules' reasons, a new run week drops a move
 * that no longer fits and says so, and a logged workout shows what was lifted.
 */
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { addDays, byId, checkScreen, journeyHarness, thisWeeks } from "./support.js";

/** Wednesday of this week, 10:00 in Berlin (the phones' time zone), and the days around it. */
const NOW = thisWeeks("wed", "09:00:00");
const WED = NOW.slice(0, 10);
const MON = addDays(WED, -2);
const TUE = addDays(WED, -1);
const FRI = addDays(WED, 2);
const SAT = addDays(WED, 3);
const SUN = addDays(WED, 4);

const journeys = journeyHarness({ now: NOW });

/** Taps a day's run button until it shows `kind` (the buttons cycle rest → easy → quality → long). */
async function setRun(page: Page, day: string, kind: string): Promise<void> {
  const button = byId(page, `run-${day}`);
  for (let tap = 0; tap < 4; tap++) {
    if (((await button.getAttribute("class")) ?? "").includes(`run-${kind}`)) return;
    await button.click();
  }
  throw new Error(`run-${day} never showed ${kind}`);
}

/**
 * Signs up and goes through onboarding with dumbbells and a run week whose Wednesday session
 * may move to Friday: easy Monday, quality Tuesday, long run on Sunday.
 */
async function signUp(page: Page): Promise<void> {
  await page.goto("/signup");
  await byId(page, "signup-name").fill("Wren");
  await byId(page, "signup-email").fill(`wren-${Date.now()}@example.com`);
  await byId(page, "signup-password").fill("a long pass phrase");
  await byId(page, "signup-submit").click();
  await page.waitForURL("**/onboarding");
  let equipped = false;
  let runWeek = false;
  for (let step = 0; step < 12; step++) {
    if (!equipped && (await byId(page, "equipment-dumbbells").isVisible())) {
      await byId(page, "equipment-dumbbells").click();
      equipped = true;
    }
    if (!runWeek && (await byId(page, "run-mon").isVisible())) {
      for (const [day, kind] of [
        ["mon", "easy"],
        ["tue", "quality"],
        ["wed", "rest"],
        ["thu", "easy"],
        ["fri", "rest"],
        ["sat", "easy"],
        ["sun", "long"],
      ] as const) {
        await setRun(page, day, kind);
      }
      runWeek = true;
    }
    if (await byId(page, "onboarding-finish").isVisible()) break;
    await byId(page, "onboarding-next").click();
  }
  expect(runWeek, "onboarding shows the run week").toBe(true);
  await byId(page, "onboarding-finish").click();
  await byId(page, "week-view").waitFor();
}

describe("a week lived from a Wednesday", () => {
  it("past days are history, a move to Friday, a new run week drops it with a note, a logged workout shows what was lifted", async () => {
    const { page } = await journeys.open();
    await signUp(page);

    // Monday and Tuesday are history: marked, and no session planned on them.
    await byId(page, `session-${WED}`).waitFor();
    for (const day of [MON, TUE]) {
      expect(await byId(page, `day-${day}`).getAttribute("data-past")).toBe("true");
      expect(await byId(page, `session-${day}`).count()).toBe(0);
      expect(await byId(page, `start-gym-${day}`).count()).toBe(0);
    }
    expect(await byId(page, `day-${WED}`).getAttribute("data-past")).toBe("false");
    // Joined on the Wednesday: the week counts from then, so it holds one session and nothing
    // is missed (docs/protocol.md section 4); the week says why it is one.
    const tally = (await byId(page, "week-tally").textContent()) ?? "";
    expect(tally).toMatch(/0 of 1 done/);
    expect(tally).not.toMatch(/missed/);
    expect(await byId(page, "week-view").textContent()).toMatch(/You began on Wednesday/);
    await checkScreen(page, "time-week-wednesday");

    // The chooser: today and later only, the forbidden days marked with the rule's reason.
    await byId(page, `move-session-${WED}`).click();
    await byId(page, `move-reason-${SAT}`).waitFor();
    expect(await byId(page, `move-reason-${SAT}`).textContent()).toMatch(/long run/i);
    expect(await byId(page, `move-reason-${SUN}`).textContent()).toMatch(/three sessions/i);
    expect(await byId(page, `move-reason-${FRI}`).count()).toBe(0);
    for (const day of [MON, TUE]) expect(await byId(page, `move-to-${day}`).count()).toBe(0);
    await checkScreen(page, "time-move-chooser");
    await byId(page, `move-to-${FRI}`).click();
    await byId(page, `session-${FRI}`).waitFor();
    expect(await byId(page, `session-${WED}`).count()).toBe(0);

    // A new run week: the long run moves to Saturday, so Friday is the day before it.
    await page.goto("/settings");
    await byId(page, "run-sat").waitFor();
    await setRun(page, "sat", "long");
    await setRun(page, "sun", "easy");
    await byId(page, "settings-save").click();
    // The settings form says so itself (the sync pill, also a status, says "All saved").
    await page
      .getByRole("status")
      .filter({ hasText: /plan is updated/i })
      .waitFor();
    await page.goto("/");
    const dropped = byId(page, "week-dropped");
    await dropped.waitFor();
    expect(await dropped.textContent()).toMatch(/Friday \d+ \w+.*day before your long run/);
    // The session went back to the Wednesday the planner chose.
    await byId(page, `session-${WED}`).waitFor();
    expect(await byId(page, `session-${FRI}`).count()).toBe(0);
    await checkScreen(page, "time-move-dropped");

    // Today's session, logged in gym mode: 9 reps, 2 in the tank, a load where one is taken.
    await byId(page, `start-gym-${WED}`).click();
    await byId(page, "warmup-skip").click();
    const plan = (await (await page.request.get("/api/plan")).json()) as {
      weeks: { sessions: { date: string; exercises: { id: string }[] }[] }[];
    };
    const exercises = plan.weeks[0]?.sessions.find((s) => s.date === WED)?.exercises ?? [];
    expect(exercises.length).toBeGreaterThan(1);
    for (const exercise of exercises) {
      const card = byId(page, `exercise-card-${exercise.id}`);
      await card.getByTestId("log-set").waitFor();
      const load = card.getByTestId("load-value");
      if ((await load.count()) > 0 && !(Number((await load.inputValue()) || "0") > 0)) {
        for (let tap = 0; tap < 5; tap++) await card.getByTestId("load-plus").click();
      }
      await card.getByTestId("reps-9").click();
      await card.getByTestId("rir-2").click();
      await card.getByTestId("log-set").click();
      await card.getByTestId("log-set").waitFor({ state: "detached" });
    }
    await byId(page, "finish-workout").click();
    await byId(page, "summary").waitFor();
    await expect
      .poll(
        async () =>
          ((await (await page.request.get("/api/workouts")).json()) as { items: unknown[] }).items
            .length,
      )
      .toBe(1);

    // The done card: what was lifted, and next time's suggestion apart.
    await page.goto("/");
    const logged = byId(page, `session-logged-${WED}`);
    await logged.waitFor();
    const text = (await logged.textContent()) ?? "";
    expect(text).toMatch(/9 reps @ 2 RIR/);
    // Every exercise logged shows, each on its own row.
    expect(await logged.locator(".logged-row").count()).toBe(exercises.length);
    expect(text).toMatch(/kg × 9 reps/);
    expect(await byId(page, `session-next-${WED}`).textContent()).toMatch(/next time/i);
    expect(await byId(page, `move-session-${WED}`).count()).toBe(0);
    expect((await byId(page, "week-tally").textContent()) ?? "").toMatch(/1 of 1 done/);
    await checkScreen(page, "time-done-card");
  });
});
