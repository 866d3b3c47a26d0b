/**
 * Lifting history from Hevy on a phone (docs/web.md, "Lifting history"): a new runner uploads a
 * real Hevy export on /import, maps one unknown exercise name and skips the others, and the
 * week's loads start from what they lifted; the same file again stores nothing twice. Then the
 * calendar feed in Settings: its link shown, a new one made (the old one answers 404), the
 * reminder times saved, the feed turned off. Needs the corpus (CAPACITY_CORPUS_DIR): skipped
 * without it, failed when it is set and the file is missing.
 *
 * A journey is one story told in order, so each stays one function however long it runs.
 */
import { existsSync } from "node:fs";
import { join } from "node:path";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { byId, checkScreen, journeyHarness, signUpAndOnboard, thisWeeks } from "./support.js";

const CORPUS = process.env.CAPACITY_CORPUS_DIR;
const HEVY = "strength/hevy-2025-kg.csv";

/** The week ahead whatever weekday the test runs on (as the other journeys). */
const NOW = thisWeeks("mon", "07:00:00");

interface PlannedExercise {
  id: string;
  name: string;
  load: { value: number; unit: string } | null;
}

async function plannedExercises(page: Page): Promise<Map<string, PlannedExercise>> {
  const response = await page.request.get("/api/plan");
  expect(response.status()).toBe(200);
  const plan = (await response.json()) as {
    weeks: { sessions: { date: string; exercises: PlannedExercise[] }[] }[];
  };
  const byExercise = new Map<string, PlannedExercise>();
  for (const session of plan.weeks[0]?.sessions ?? []) {
    for (const exercise of session.exercises) {
      if (!byExercise.has(exercise.id)) byExercise.set(exercise.id, exercise);
    }
  }
  return byExercise;
}

/** The imported workouts' sets by exercise, last day last. */
async function loggedSets(
  page: Page,
): Promise<Map<string, { date: string; load: { value: number } | null; reps: number }[]>> {
  const response = await page.request.get("/api/workouts");
  const workouts = (
    (await response.json()) as {
      items: {
        date: string;
        sets: { exercise: string; load: { value: number } | null; reps: number }[];
      }[];
    }
  ).items;
  const sets = new Map<string, { date: string; load: { value: number } | null; reps: number }[]>();
  for (const workout of [...workouts].sort((a, b) => a.date.localeCompare(b.date))) {
    for (const set of workout.sets) {
      sets.set(set.exercise, [...(sets.get(set.exercise) ?? []), { date: workout.date, ...set }]);
    }
  }
  return sets;
}

async function setsStored(page: Page): Promise<number> {
  let count = 0;
  for (const sets of (await loggedSets(page)).values()) count += sets.length;
  return count;
}

/** The phone's screen as it shows `at` (a long page's full shot is hard to read). */
async function viewShot(page: Page, at: string, name: string): Promise<void> {
  const dir = process.env.CAPACITY_SCREENSHOTS;
  if (!dir) return;
  await byId(page, at).scrollIntoViewIfNeeded();
  await page.screenshot({ path: join(dir, `${name}-view.png`) });
}

/** Light, then dark: the screen checks in both colour schemes, and `at` as the phone shows it. */
async function checkBothSchemes(page: Page, name: string, at: string): Promise<void> {
  for (const scheme of ["light", "dark"] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    const shot = scheme === "light" ? name : `${name}-dark`;
    await checkScreen(page, shot);
    await viewShot(page, at, shot);
  }
  await page.emulateMedia({ colorScheme: "light" });
}

/** The name to map, and the catalogue exercise it is (a dumbbell press, as the plan's). */
const MAPPED = { name: "Incline Bench Press (Dumbbell)", exercise: "dumbbell-floor-press" };

describe.skipIf(!CORPUS)("lifting history and the calendar on a phone", () => {
  const journeys = journeyHarness({ now: NOW });

  it("a Hevy export: counts, one name mapped, the others skipped, the week's loads from it, and again", async () => {
    const file = join(CORPUS ?? "", HEVY);
    if (!existsSync(file)) throw new Error(`${file} is missing from the corpus`);
    // The foreign file's 400 is the browser's console line for a refused request, on purpose.
    const { page } = await journeys.open({
      expectedErrors: /status of 400 .*\/api\/strength-imports\?name=jefit/,
    });
    await signUpAndOnboard(page, "Lena");
    // Dumbbells and a barbell, as in the export: the plan holds loaded exercises.
    const profile = (await (await page.request.get("/api/profile")).json()) as {
      equipment: string[];
    };
    const saved = await page.request.put("/api/profile", {
      data: { ...profile, equipment: [...new Set([...profile.equipment, "dumbbells", "barbell"])] },
    });
    expect(saved.status()).toBe(200);
    const before = await plannedExercises(page);
    // With no history every loaded exercise starts from "choose a load".
    expect([...before.values()].every((exercise) => exercise.load === null)).toBe(true);

    // 1. A foreign CSV (a JEFIT fixture) gets the server's own words, and nothing is stored.
    await byId(page, "nav-import").click();
    await byId(page, "strength-file").waitFor({ state: "attached" });
    await checkBothSchemes(page, "import-strength-empty", "strength-import");
    await byId(page, "strength-file").setInputFiles(
      join(CORPUS ?? "", "strength/jefit-synthetic-openweight.csv"),
    );
    await byId(page, "strength-error").waitFor();
    expect(await byId(page, "strength-error").textContent()).toMatch(
      /jefit-synthetic-openweight\.csv.*(Strong|Hevy)/,
    );
    expect(await setsStored(page)).toBe(0);
    await checkScreen(page, "import-strength-error");

    // 2. The Hevy export: its counts, and the names to check.
    await byId(page, "strength-file").setInputFiles(file);
    await byId(page, "strength-summary").waitFor();
    const count = async (id: string) => Number((await byId(page, id).textContent()) ?? "NaN");
    expect(await byId(page, "strength-read").textContent()).toMatch(/330 rows in 17 workouts/);
    expect(await count("strength-stored-workouts")).toBe(15);
    const firstSets = await count("strength-stored-sets");
    expect(firstSets).toBe(91);
    expect(await count("strength-duplicates")).toBe(0);
    expect(await setsStored(page)).toBe(91);
    const review = byId(page, "strength-review");
    await review.waitFor();
    const items = review.getByTestId("strength-review-item");
    const names = await items.evaluateAll((elements) =>
      elements.map((element) => element.getAttribute("data-name") ?? ""),
    );
    expect(names).toContain(MAPPED.name);
    expect(names.length).toBeGreaterThan(2);
    // Axe over 31 selects of the whole catalogue is slow: light is checked in full, dark is
    // looked at (its colours are the same as the empty and done screens', checked in full).
    await checkScreen(page, "import-strength-review");
    await viewShot(page, "strength-summary", "import-strength-review");
    await page.emulateMedia({ colorScheme: "dark" });
    await viewShot(page, "strength-summary", "import-strength-review-dark");
    await page.emulateMedia({ colorScheme: "light" });

    // 3. Map one name, skip another by hand and the rest with one tap, then import.
    const mapped = names.indexOf(MAPPED.name);
    const skipped = mapped === 0 ? 1 : 0;
    await byId(page, `strength-map-${mapped}`).selectOption(MAPPED.exercise);
    await byId(page, `strength-map-${skipped}`).selectOption({
      label: "Skip: leave these sets out",
    });
    expect(await byId(page, "strength-chosen").textContent()).toMatch(/^2 of /);
    await byId(page, `strength-map-${mapped}`).scrollIntoViewIfNeeded();
    await checkScreen(page, "import-strength-choosing");
    await viewShot(page, `strength-map-${mapped}`, "import-strength-choosing");
    await byId(page, "strength-skip-rest").click();
    expect(await byId(page, "strength-chosen").textContent()).toBe(
      `${names.length} of ${names.length} chosen`,
    );
    await byId(page, "strength-review-save").click();
    await byId(page, "strength-review-result").waitFor();
    await expect.poll(() => byId(page, "strength-review").count()).toBe(0);
    // The mapped name's 12 sets came in as the chosen exercise, nothing of the skipped ones.
    expect(await byId(page, "strength-review-result").textContent()).toMatch(/12 sets/);
    const logged = await loggedSets(page);
    expect(logged.get(MAPPED.exercise)?.length).toBe(12);
    expect(await setsStored(page)).toBe(103);
    const reviewLeft = await page.request.get("/api/strength-imports/review");
    expect(((await reviewLeft.json()) as { items: unknown[] }).items).toEqual([]);
    await checkBothSchemes(page, "import-strength-done", "strength-review-result");

    // 4. The week: an exercise with imported history starts from it (no more "choose a load"):
    // its load is what was last lifted, made lighter after the long break, never heavier.
    const after = await plannedExercises(page);
    const fromHistory = [...after.values()].filter((exercise) => logged.has(exercise.id));
    expect(fromHistory.length).toBeGreaterThan(0);
    // The mapped name's sets drive the exercise it was mapped to (a press the plan holds).
    expect(fromHistory.map((exercise) => exercise.id)).toContain(MAPPED.exercise);
    for (const exercise of fromHistory) {
      const heaviest = Math.max(
        ...(logged.get(exercise.id) ?? []).map((set) => set.load?.value ?? 0),
      );
      expect(exercise.load, exercise.id).not.toBeNull();
      expect(exercise.load?.value ?? 0).toBeGreaterThan(0);
      expect(exercise.load?.value ?? Number.POSITIVE_INFINITY).toBeLessThanOrEqual(heaviest);
      expect(before.get(exercise.id)?.load ?? null).toBeNull();
    }
    await byId(page, "strength-see-week").click();
    await byId(page, "week-view").waitFor();
    const shown = fromHistory[0];
    if (!shown?.load) throw new Error("no exercise with a load from history");
    const card = page.locator("[data-testid^='session-']", { hasText: shown.name });
    await expect
      .poll(async () => (await card.first().textContent()) ?? "")
      .toContain(`${shown.load.value} kg`);
    await card.first().scrollIntoViewIfNeeded();
    await checkScreen(page, "week-after-strength-import");

    // 5. The same export again: every set already there, nothing to review, nothing stored.
    await byId(page, "nav-import").click();
    await byId(page, "strength-file").setInputFiles(file);
    await byId(page, "strength-summary").waitFor();
    expect(await count("strength-stored-sets")).toBe(0);
    expect(await count("strength-stored-workouts")).toBe(0);
    expect(await count("strength-duplicates")).toBe(103);
    expect(await byId(page, "strength-review").count()).toBe(0);
    expect(await setsStored(page)).toBe(103);
    await checkScreen(page, "import-strength-again");
    // A long journey: the review's screen checks (31 names, each with the whole catalogue to
    // choose from) take a while on a busy machine.
  }, 360_000);

  it("the calendar feed in Settings: shown, copied, a new link, reminder times, turned off; Export as CSV", async () => {
    const { context, page } = await journeys.open();
    await context.grantPermissions(["clipboard-read", "clipboard-write"]);
    await signUpAndOnboard(page, "Mira");
    await byId(page, "nav-settings").click();
    await byId(page, "calendar-show").waitFor();
    // The link is not made until asked for (a feed turned off stays off).
    expect(await byId(page, "calendar-url").count()).toBe(0);

    // 1. The link: shown, copied, and the feed it names answers.
    await byId(page, "calendar-show").click();
    const urlField = byId(page, "calendar-url");
    await urlField.waitFor();
    const first = await urlField.inputValue();
    expect(first).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/api\/calendar\/[^/]+\.ics$/);
    expect(await byId(page, "calendar-subscribe").getAttribute("href")).toBe(
      first.replace(/^http:/, "webcal:"),
    );
    const feed = await page.request.get(first);
    expect(feed.status()).toBe(200);
    expect(feed.headers()["content-type"]).toMatch(/^text\/calendar/);
    expect(await feed.text()).toMatch(/^BEGIN:VCALENDAR\r\n/);
    await byId(page, "calendar-copy").click();
    await expect.poll(() => byId(page, "calendar-status").textContent()).toBe("Link copied.");
    expect(
      await page.evaluate(() =>
        (
          globalThis as unknown as { navigator: { clipboard: { readText(): Promise<string> } } }
        ).navigator.clipboard.readText(),
      ),
    ).toBe(first);
    await checkBothSchemes(page, "settings-calendar", "calendar-feed");

    // 2. A new link, after a confirmation that says the old one stops working.
    await byId(page, "calendar-rotate").click();
    expect(await page.getByRole("alertdialog").textContent()).toMatch(/old link stops working/);
    await checkScreen(page, "settings-calendar-rotate");
    await viewShot(page, "calendar-rotate-confirm", "settings-calendar-rotate");
    await byId(page, "calendar-rotate-confirm").click();
    await expect.poll(() => urlField.inputValue()).not.toBe(first);
    const second = await urlField.inputValue();
    expect(second).toMatch(/\/api\/calendar\/[^/]+\.ics$/);
    expect(await byId(page, "calendar-status").textContent()).toMatch(/New link made/);
    expect((await page.request.get(first)).status()).toBe(404);
    expect((await page.request.get(second)).status()).toBe(200);

    // 3. A preferred time and a reminder, saved with the profile, in the feed.
    await byId(page, "session-time").fill("18:30");
    await byId(page, "reminder-minutes").fill("30");
    await byId(page, "settings-save").click();
    await page.getByText("Saved. Your plan is updated.").waitFor();
    const profile = (await (await page.request.get("/api/profile")).json()) as {
      sessionTime?: string;
      reminderMinutes?: number;
    };
    expect(profile).toMatchObject({ sessionTime: "18:30", reminderMinutes: 30 });
    const timed = await (await page.request.get(second)).text();
    // 18:30 in Berlin, written in UTC: 17:30 in winter, 16:30 in summer time.
    expect(timed).toMatch(/DTSTART:\d{8}T1[67]3000Z/);
    expect(timed).toMatch(/TRIGGER:-PT30M/);
    // An empty time makes the sessions all-day events again.
    await byId(page, "session-time").fill("");
    await byId(page, "settings-save").click();
    await expect
      .poll(async () => (await (await page.request.get("/api/profile")).json()) as object)
      .not.toHaveProperty("sessionTime");
    expect(await (await page.request.get(second)).text()).toMatch(/DTSTART;VALUE=DATE:\d{8}/);

    // 4. Export as CSV: a download in Strong's layout.
    await viewShot(page, "export-csv", "settings-export");
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      byId(page, "export-csv").click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^capacity-workouts-\d{4}-\d{2}-\d{2}\.csv$/);
    const csv = await (await page.request.get("/api/export.csv")).text();
    expect(csv.split(/\r?\n/)[0]).toBe(
      "Date,Workout Name,Duration,Exercise Name,Set Order,Weight,Reps,Distance,Seconds,Notes,Workout Notes,RPE,Weight Unit",
    );

    // 5. Turned off: the link answers 404, and the button offers a new one.
    await byId(page, "calendar-feed").scrollIntoViewIfNeeded();
    await byId(page, "calendar-off").click();
    await byId(page, "calendar-off-confirm").click();
    await expect.poll(() => byId(page, "calendar-show").textContent()).toMatch(/new link/);
    expect(await byId(page, "calendar-url").count()).toBe(0);
    expect((await page.request.get(second)).status()).toBe(404);
    await checkScreen(page, "settings-calendar-off");
    await viewShot(page, "calendar-feed", "settings-calendar-off");
  }, 240_000);
});
