/**
 * Importing activities (docs/web.md, "Importing") as a new runner tries it on a phone: a real recording from the corpus, then a zip of
 * five weeks of runs (and one broken file) through /import; the summary, the runs in the week,
 * the proposed run week accepted, the weekly running on /progress and a deleted activity.
 * Needs the corpus (CAPACITY_CORPUS_DIR, set by CI): skipped without it, failed when it is set
 * and the file is missing.
 *
 * A journey is one story told in order (each step starts where the last one left the phone),
 * so each stays one function however long it runs.
 */
import { existsSync } from "node:fs";
import { join } from "node:path";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { ZipFile } from "yazl";
import { formatLocalDate, parseLocalDate, startOfWeek } from "../../src/core/units/local-date.js";
import {
  addDays,
  byId,
  checkScreen,
  finishOnboarding,
  journeyHarness,
  signUpAndOnboard,
  startServer,
} from "./support.js";

const CORPUS = process.env.CAPACITY_CORPUS_DIR;
const REAL_FILE = "fit/activity-small-fenix2-run.fit";
const ZONE = "Europe/Berlin";

/** The profile's run week is the one the generated history shows (runs Tue, Thu, Sat). */
async function expectProposedRunWeek(page: Page): Promise<void> {
  const profile = (await (await page.request.get("/api/profile")).json()) as {
    runWeek: Record<string, string>;
  };
  expect(profile.runWeek).toMatchObject({ tue: "easy", thu: "quality", sat: "long", mon: "rest" });
}

/** "Import more files", then one zip through the file input. */
async function importAgain(page: Page, name: string, zip: Buffer): Promise<void> {
  await byId(page, "import-again").click();
  await byId(page, "import-file").setInputFiles({ name, mimeType: "application/zip", buffer: zip });
  await byId(page, "import-start").click();
}

// ---- generated history: GPX runs as a watch would export them ----

function localToday(): string {
  return new Intl.DateTimeFormat("en-CA", { timeZone: ZONE }).format(new Date());
}

/** Monday of the week holding `date` (onboarding keeps en-GB's Monday start). */
function mondayOf(date: string): string {
  const day = parseLocalDate(date);
  if (day === null) throw new Error(`not a date: ${date}`);
  return formatLocalDate(startOfWeek(day, "mon"));
}

interface Run {
  /** Local day and time in Berlin (the test's browser zone, so the profile's). */
  readonly date: string;
  readonly time: string;
  readonly minutes: number;
  /** Seconds per kilometre. */
  readonly pace: number;
  readonly hr: number;
}

/** A GPX 1.1 track, one point every 10 s heading north, heart rate in Garmin's extension. */
function gpx(run: Run): string {
  // Berlin is UTC+1 or +2; the instant is worked out by asking Intl, not by guessing.
  const guess = Date.parse(`${run.date}T${run.time}:00Z`);
  const shown = new Intl.DateTimeFormat("en-GB", {
    timeZone: ZONE,
    hour: "2-digit",
    minute: "2-digit",
    hourCycle: "h23",
  }).format(new Date(guess));
  const [h, m] = shown.split(":").map(Number);
  const [wantH, wantM] = run.time.split(":").map(Number);
  const offsetMs = (((h ?? 0) - (wantH ?? 0)) * 60 + ((m ?? 0) - (wantM ?? 0))) * 60_000;
  const start = guess - offsetMs;
  const speed = 1000 / run.pace;
  const points: string[] = [];
  for (let s = 0; s <= run.minutes * 60; s += 10) {
    const lat = 52.5 + (speed * s) / 111_320;
    const hr = run.hr + ((s / 10) % 5) - 2;
    points.push(
      `<trkpt lat="${lat.toFixed(7)}" lon="13.4000000"><ele>35</ele><time>${new Date(start + s * 1000).toISOString()}</time><extensions><gpxtpx:TrackPointExtension><gpxtpx:hr>${hr}</gpxtpx:hr></gpxtpx:TrackPointExtension></extensions></trkpt>`,
    );
  }
  return `<?xml version="1.0" encoding="UTF-8"?>
<gpx version="1.1" creator="Capacity e2e" xmlns="http://www.topografix.com/GPX/1/1" xmlns:gpxtpx="http://www.garmin.com/xmlschemas/TrackPointExtension/v1">
<trk><name>Run</name><type>running</type><trkseg>
${points.join("\n")}
</trkseg></trk></gpx>
`;
}

/**
 * Five whole weeks before this one: easy Tuesday, hard Thursday (faster, higher heart rate),
 * long Saturday; and an easy run today, in the small hours so it is never in the future.
 */
function history(today: string): Run[] {
  const monday = mondayOf(today);
  const runs: Run[] = [];
  for (let week = 5; week >= 1; week--) {
    const start = addDays(monday, -7 * week);
    runs.push({ date: addDays(start, 1), time: "07:00", minutes: 42, pace: 360, hr: 138 });
    runs.push({ date: addDays(start, 3), time: "18:30", minutes: 48, pace: 285, hr: 162 });
    runs.push({ date: addDays(start, 5), time: "08:00", minutes: 105, pace: 375, hr: 142 });
  }
  runs.push({ date: today, time: "00:05", minutes: 40, pace: 360, hr: 139 });
  return runs;
}

async function zipOf(entries: readonly { name: string; text: string }[]): Promise<Buffer> {
  const zip = new ZipFile();
  for (const entry of entries) zip.addBuffer(Buffer.from(entry.text), entry.name);
  zip.end();
  const chunks: Buffer[] = [];
  for await (const chunk of zip.outputStream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/** Waits for the end of an import and returns the three counts shown. */
async function finished(
  page: Page,
): Promise<{ imported: number; duplicates: number; failed: number }> {
  await byId(page, "import-summary").waitFor({ timeout: 60_000 });
  const count = async (id: string) => Number((await byId(page, id).textContent()) ?? "NaN");
  return {
    imported: await count("import-imported"),
    duplicates: await count("import-duplicates"),
    failed: await count("import-failed"),
  };
}

describe.skipIf(!CORPUS)("importing runs on a phone", () => {
  const journeys = journeyHarness();

  it("a real file and a five-week archive: summary, the week, the proposal accepted, progress", async () => {
    const realFile = join(CORPUS ?? "", REAL_FILE);
    if (!existsSync(realFile)) throw new Error(`${realFile} is missing from the corpus`);
    const { page } = await journeys.open();
    await signUpAndOnboard(page, "Rosa");

    // An empty week leads to the import screen.
    await byId(page, "week-import-link").click();
    await page.waitForURL("**/import");
    await byId(page, "import-file").waitFor({ state: "attached" });
    await byId(page, "proposal-reason").waitFor();
    await checkScreen(page, "import-empty");

    // 1. One real recording (a Garmin Fenix 2 run).
    await byId(page, "import-file").setInputFiles(realFile);
    await byId(page, "import-selected").waitFor();
    expect(await byId(page, "import-selected").textContent()).toContain(
      "activity-small-fenix2-run.fit",
    );
    await checkScreen(page, "import-selected");
    await byId(page, "import-start").click();
    expect(await finished(page)).toEqual({ imported: 1, duplicates: 0, failed: 0 });
    expect(page.url()).toMatch(/\/import\?job=/);
    await byId(page, "import-activities").locator("summary").first().click();
    expect(await byId(page, "import-activities").textContent()).toMatch(/Run/);
    await checkScreen(page, "import-real-file");

    // 2. An archive: five weeks of runs, one this week, and one broken file.
    const today = localToday();
    const runs = history(today);
    const archive = await zipOf([
      ...runs.map((run, index) => ({
        name: `export/activities/${run.date}-${index}.gpx`,
        text: gpx(run),
      })),
      { name: "export/activities/broken.gpx", text: "<gpx><trk><trkseg><trkpt" },
    ]);
    await importAgain(page, "export.zip", archive);
    expect(await finished(page)).toEqual({ imported: runs.length, duplicates: 0, failed: 1 });
    const failedList = (await byId(page, "import-failed-list").textContent()) ?? "";
    expect(failedList).toContain("broken.gpx");
    await checkScreen(page, "import-archive");

    // 3. The same archive again stores nothing twice.
    await importAgain(page, "export.zip", archive);
    expect(await finished(page)).toEqual({ imported: 0, duplicates: runs.length, failed: 1 });

    // 4. The run week the history shows, compared with the profile's, accepted.
    await byId(page, "proposal-accept").waitFor();
    expect(await byId(page, "proposal-day-sat").getAttribute("data-kind")).toBe("long");
    expect(await byId(page, "proposal-day-thu").getAttribute("data-kind")).toBe("quality");
    expect(await byId(page, "proposal-day-tue").getAttribute("data-kind")).toBe("easy");
    expect(await byId(page, "proposal-day-mon").getAttribute("data-kind")).toBe("rest");
    expect(await byId(page, "proposal-basis").textContent()).toMatch(/15 runs/);
    await byId(page, "proposal").scrollIntoViewIfNeeded();
    await checkScreen(page, "import-proposal");
    await byId(page, "proposal-accept").click();
    await byId(page, "proposal-saved").waitFor();
    await expectProposedRunWeek(page);
    await checkScreen(page, "import-proposal-saved");

    // 5. This week shows today's run and the week's running.
    await byId(page, "nav-week").click();
    await byId(page, `day-activities-${today}`).waitFor();
    expect(await byId(page, `day-activities-${today}`).textContent()).toMatch(/Run.*6\.\d km/);
    expect(await byId(page, "week-running").textContent()).toMatch(/1 run/);
    await byId(page, `day-${today}`).scrollIntoViewIfNeeded();
    await checkScreen(page, "week-with-runs");

    // A past week: the Saturday long run is on its day.
    const lastSaturday = addDays(mondayOf(today), -2);
    await page.goto(`/?week=${mondayOf(lastSaturday)}`);
    const saturday = byId(page, `day-activities-${lastSaturday}`);
    await saturday.waitFor();
    expect(await saturday.locator("[data-effort]").first().getAttribute("data-effort")).toBe(
      "long",
    );
    await checkScreen(page, "week-past");

    // 6. Progress: distance per week, the recent activities, one deleted.
    await page.goto("/progress");
    await byId(page, "running-chart").waitFor();
    await byId(page, "running-chart").locator("canvas").first().waitFor();
    const kms = ((await byId(page, "running-chart").getAttribute("data-km")) ?? "")
      .split(",")
      .map(Number);
    expect(kms).toHaveLength(12);
    expect(kms.filter((km) => km > 0).length).toBeGreaterThanOrEqual(6);
    const items = byId(page, "recent-activities").locator("[data-testid^='recent-activity-']");
    await items.first().waitFor();
    const before = await items.count();
    expect(before).toBeGreaterThan(0);
    await byId(page, "recent-activities").scrollIntoViewIfNeeded();
    await checkScreen(page, "progress-running");
    const firstId = ((await items.first().getAttribute("data-testid")) ?? "").replace(
      "recent-activity-",
      "",
    );
    await byId(page, `activity-delete-${firstId}`).click();
    await checkScreen(page, "progress-delete-confirm");
    await byId(page, `activity-delete-confirm-${firstId}`).click();
    await expect.poll(() => byId(page, `recent-activity-${firstId}`).count()).toBe(0);
  });

  it("runs imported before the run-week step fill it in onboarding, with the reasons", async () => {
    const { page } = await journeys.open();
    await page.goto("/signup");
    await byId(page, "signup-name").fill("Nina");
    await byId(page, "signup-email").fill(`nina-${Date.now()}@example.com`);
    await byId(page, "signup-password").fill("a long pass phrase");
    await byId(page, "signup-submit").click();
    await page.waitForURL("**/onboarding");

    // The history arrives as from the command line: through the API, before onboarding opens.
    const runs = history(localToday());
    const archive = await zipOf(
      runs.map((run, index) => ({ name: `runs/${run.date}-${index}.gpx`, text: gpx(run) })),
    );
    const upload = await page.request.post("/api/activities/import", {
      multipart: { file: { name: "runs.zip", mimeType: "application/zip", buffer: archive } },
    });
    expect(upload.status()).toBe(202);
    const { id } = (await upload.json()) as { id: string };
    await expect
      .poll(
        async () =>
          (
            (await (await page.request.get(`/api/activities/imports/${id}`)).json()) as {
              status: string;
            }
          ).status,
        { timeout: 60_000, interval: 250 },
      )
      .toBe("done");

    // Onboarding opened afresh: the run-week step starts from the runs, not the default.
    await page.goto("/onboarding");
    for (let step = 0; step < 8; step++) {
      if (await byId(page, "run-tue").isVisible()) break;
      await byId(page, "onboarding-next").click();
    }
    const basis = byId(page, "run-week-from-runs");
    await basis.waitFor();
    expect(await basis.textContent()).toMatch(
      /^From your \d+ runs of the last \d+ weeks: change any day that is wrong\.$/,
    );
    expect(await byId(page, "run-tue").textContent()).toBe("easy");
    expect(await byId(page, "run-thu").textContent()).toBe("quality");
    expect(await byId(page, "run-sat").textContent()).toBe("long");
    expect(await byId(page, "run-mon").textContent()).toBe("rest");
    await byId(page, "run-week-reasons").locator("summary").click();
    expect(await byId(page, "run-week-reason-sat").textContent()).toMatch(/Saturday/);
    await checkScreen(page, "onboarding-run-week-from-runs");

    // Finished as it is, the profile keeps the proposed week.
    await finishOnboarding(page);
    await expectProposedRunWeek(page);
  });

  it("an upload over the server's limit is refused in plain words, and the files can be chosen again", async () => {
    // A server of its own with a 200 KB limit; the variable is set only while it starts.
    process.env.IMPORT_LIMIT_BYTES = String(200 * 1024);
    const small = await startServer().finally(() => {
      delete process.env.IMPORT_LIMIT_BYTES;
    });
    try {
      // The browser logs the refused request itself; nothing else may show up.
      const { page } = await journeys.open({
        base: small.base,
        expectedErrors: /status of 413|net::ERR_(CONNECTION|UPLOAD|FAILED)/,
      });
      await signUpAndOnboard(page, "Rosa");
      await page.goto("/import");
      await byId(page, "import-file").setInputFiles({
        name: "big.fit",
        mimeType: "application/octet-stream",
        buffer: Buffer.alloc(600 * 1024, 7),
      });
      await byId(page, "import-start").click();
      const error = byId(page, "import-error");
      await error.waitFor({ timeout: 30_000 });
      const text = (await error.textContent()) ?? "";
      // 413 with the size, or (when the browser only sees the connection closed) both causes.
      expect(text).toMatch(/200 KB|too large/);
      expect(text).not.toMatch(/IMPORT_LIMIT_BYTES/);
      expect(await byId(page, "import-start").isVisible()).toBe(true);
      await checkScreen(page, "import-too-large");
    } finally {
      await small.stop();
    }
  });
});
