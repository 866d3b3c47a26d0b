/**
 * Every screen of docs/web.md on a phone, light and dark: each passes the shared checks (axe,
 * nothing wider than the phone) in both colour schemes, and with CAPACITY_SCREENSHOTS set each
 * is saved as `<screen>-light.png` and `<screen>-dark.png` to be looked at. Along the way, the
 * screens say what the data says: the library starts from the runner's equipment, the
 * deletion warning names imported activities, and the week starts on Monday unless the runner
 * picks the day the phone's calendar starts on.
 */
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import {
  addDays,
  byId,
  checkScreen,
  journeyHarness,
  launchBrowser,
  PHONE,
  thisWeeks,
} from "./support.js";

/** Monday of this week, 08:00 in Berlin: the whole week is ahead, whatever day this runs. */
const NOW = thisWeeks("mon", "07:00:00");
const MONDAY = NOW.slice(0, 10);
const journeys = journeyHarness({ now: NOW });

/** The shared checks and a screenshot, in the light scheme and then the dark one. */
async function bothSchemes(page: Page, name: string): Promise<void> {
  for (const colorScheme of ["light", "dark"] as const) {
    await page.emulateMedia({ colorScheme });
    await checkScreen(page, `${name}-${colorScheme}`);
  }
  await page.emulateMedia({ colorScheme: "light" });
}

/** Sign-up, then every onboarding step (dumbbells added on the equipment step), then the week. */
async function signUpThroughEveryStep(page: Page): Promise<void> {
  await page.goto("/login");
  await byId(page, "login-email").waitFor();
  await bothSchemes(page, "login");
  await page.goto("/signup");
  await byId(page, "signup-name").fill("Ana");
  await byId(page, "signup-email").fill(`ana-screens-${Date.now()}@example.com`);
  await byId(page, "signup-password").fill("a long pass phrase");
  await bothSchemes(page, "signup");
  await byId(page, "signup-submit").click();
  await page.waitForURL("**/onboarding");
  for (let step = 1; step <= 12; step++) {
    await page.locator("#onboarding-title").waitFor();
    if (await byId(page, "equipment-dumbbells").isVisible()) {
      await byId(page, "equipment-dumbbells").click();
    }
    await bothSchemes(page, `onboarding-${step}`);
    if (await byId(page, "onboarding-finish").isVisible()) break;
    await byId(page, "onboarding-next").click();
  }
  await byId(page, "onboarding-finish").click();
  await byId(page, "week-view").waitFor();
}

interface ApiPlan {
  weeks: { sessions: { date: string; exercises: { id: string }[] }[] }[];
}

/** Two workouts last week, so progress has points to draw. */
async function logLastWeek(page: Page): Promise<void> {
  for (const [date, value] of [
    [addDays(MONDAY, -7), 20],
    [addDays(MONDAY, -4), 22.5],
  ] as const) {
    const response = await page.request.post("/api/workouts", {
      data: {
        date,
        sets: [{ exercise: "quarter-squat", load: { value, unit: "kg" }, reps: 9, rir: 2 }],
      },
    });
    expect(response.status()).toBe(201);
  }
}

describe("every screen, light and dark", () => {
  it("sign-up, onboarding, week, gym mode, check-in, progress, library, settings and import", async () => {
    const { page } = await journeys.open();
    await signUpThroughEveryStep(page);
    await logLastWeek(page);
    await page.reload();
    await byId(page, "week-view").waitFor();
    await bothSchemes(page, "week");

    const plan = (await (await page.request.get("/api/plan")).json()) as ApiPlan;
    const session = plan.weeks[0]?.sessions[0];
    if (!session) throw new Error("no session this week");
    await page.goto(`/gym/${session.date}`);
    await byId(page, "warmup-timer").waitFor();
    await bothSchemes(page, "gym-warmup");
    await byId(page, "warmup-skip").click();
    await byId(page, `exercise-card-${session.exercises[0]?.id}`).waitFor();
    await bothSchemes(page, "gym-card");

    await page.goto("/checkin");
    await byId(page, "checkin-submit").waitFor();
    await bothSchemes(page, "checkin");

    await page.goto("/progress");
    await byId(page, "progress-chart").locator("canvas").first().waitFor();
    await bothSchemes(page, "progress");

    // The library starts from the runner's equipment: dumbbells in, a barbell out.
    await page.goto("/library");
    await byId(page, "library-item-quarter-squat").waitFor();
    expect(await byId(page, "library-equipment-dumbbells").getAttribute("aria-pressed")).toBe(
      "true",
    );
    expect(await byId(page, "library-equipment-barbell").getAttribute("aria-pressed")).toBe(
      "false",
    );
    expect(await byId(page, "library-equipment-hint").textContent()).toContain("your profile");
    const filtered = (await page.locator(".library .count").textContent()) ?? "";
    expect(filtered).toMatch(/^\d+ of \d+ exercises$/);
    expect(await byId(page, "library-equipment").textContent()).toContain(
      "Dumbbells · from your profile",
    );
    await bothSchemes(page, "library");
    await byId(page, "library-equipment").locator("summary").click();
    await bothSchemes(page, "library-equipment");
    await byId(page, "library-equipment-all").click();
    expect(await page.locator(".library .count").textContent()).toMatch(/^\d+ exercises$/);

    await page.goto("/settings");
    await byId(page, "export-data").waitFor();
    await bothSchemes(page, "settings");
    await byId(page, "delete-account").click();
    const warning = (await byId(page, "delete-warning").textContent()) ?? "";
    for (const named of ["profile", "workout", "check-in", "imported activit", "calendar"]) {
      expect(warning, `the deletion warning names ${named}`).toContain(named);
    }
    await bothSchemes(page, "settings-delete");

    await page.goto("/import");
    await byId(page, "import-view").waitFor();
    await bothSchemes(page, "import");
    // About 25 screens, each scanned twice (six minutes on a busy machine): far past the default.
  }, 900_000);
});

describe("the first day of the week", () => {
  it("is Monday on a phone whose calendar starts on Sunday, until the runner picks Sunday", async () => {
    const base = journeys.server().base;
    const browser = await launchBrowser();
    try {
      const context = await browser.newContext({
        baseURL: base,
        viewport: PHONE,
        isMobile: true,
        hasTouch: true,
        locale: "en-US",
        timezoneId: "America/Chicago",
        // axe-core is injected as a script, which the app's CSP would block (as in support.ts).
        bypassCSP: true,
      });
      const page = await context.newPage();
      await page.goto("/signup");
      await byId(page, "signup-name").fill("Sam");
      await byId(page, "signup-email").fill(`sam-${Date.now()}@example.com`);
      await byId(page, "signup-password").fill("a long pass phrase");
      await byId(page, "signup-submit").click();
      await page.waitForURL("**/onboarding");
      await byId(page, "onboarding-next").click();
      await byId(page, "week-start").waitFor();
      expect(await byId(page, "week-start").inputValue()).toBe("mon");
      expect(await byId(page, "week-start-hint").textContent()).toContain("Sunday");
      await checkScreen(page, "onboarding-week-start-en-us");

      // Skipped through, the profile's week starts on Monday.
      await byId(page, "onboarding-skip").click();
      await byId(page, "onboarding-back").click();
      expect(await byId(page, "week-start").inputValue()).toBe("mon");

      // One tap on the phone's day, and the profile says Sunday.
      await byId(page, "week-start-locale").click();
      expect(await byId(page, "week-start").inputValue()).toBe("sun");
      expect(await byId(page, "week-start-locale").count()).toBe(0);
      for (let step = 0; step < 12; step++) {
        if (await byId(page, "onboarding-finish").isVisible()) break;
        await byId(page, "onboarding-next").click();
      }
      await byId(page, "onboarding-finish").click();
      await byId(page, "week-view").waitFor();
      const profile = (await (await page.request.get("/api/profile")).json()) as {
        weekStart: string;
      };
      expect(profile.weekStart).toBe("sun");
      await page.goto("/settings");
      await byId(page, "week-start").waitFor();
      expect(await byId(page, "week-start").inputValue()).toBe("sun");
      await context.close();
    } finally {
      await browser.close();
    }
  });
});
