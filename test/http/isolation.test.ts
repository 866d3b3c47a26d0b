/**
 * Every route of the app (read from Fastify's route tree, so a new route fails the table until
 * it is added) as the owner of some data, as another user, anonymously and with a made-up
 * session: the owner gets 2xx, the other user 404 for the owner's ids and only their own data,
 * anonymous callers 401 except on the public routes. After every call by someone else, the
 * owner's data is what it was.
 */
import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import type { ExportDocument, ImportSummary } from "../../src/app/data-transfer.js";
import type { ImportJob } from "../../src/app/import-jobs.js";
import type { StrengthImportReport } from "../../src/app/strength-import.js";
import type {
  Account,
  ActivityView,
  Checkin,
  Items,
  LogInState,
  Move,
  MoveOption,
  Swap,
  Workout,
} from "../../src/contract/index.js";
import type { Profile } from "../../src/core/profile/profile.js";
import type { Plan } from "../../src/core/protocol/plan-types.js";
import type { RunWeekAnswer } from "../../src/core/running/propose-week.js";
import type { WeeklyRunning } from "../../src/core/running/weekly.js";
import {
  appPerFile,
  appRoutes,
  exampleProfile,
  json,
  PASSWORD,
  present,
  problem,
  signUp,
  uniqueEmail,
  weekOf,
  workoutBody,
} from "../support/http.js";

const t = appPerFile();

interface Someone {
  readonly email: string;
  readonly cookie: string;
  readonly id: string;
}

interface World {
  readonly owner: Someone;
  readonly other: Someone;
  readonly workoutId: string;
  readonly checkinId: string;
  readonly moveId: string;
  readonly swapId: string;
  /** An imported activity, and the import job that brought it. */
  readonly activityId: string;
  readonly jobId: string;
  /** Strings only the owner's data holds: none may reach anyone else. */
  readonly markers: readonly string[];
}

type Caller = "owner" | "other" | "anonymous" | "forged";

const PLAN = "/api/plan?from=2026-11-30&weeks=2";

async function account(label: string, name: string, profileName: string): Promise<Someone> {
  const email = uniqueEmail(label);
  const cookie = await signUp(t.app, email, PASSWORD, name);
  const me = await json<Account>(t.app, "GET", "/api/me", cookie);
  const profile = { ...exampleProfile(), name: profileName };
  expect((await json<Profile>(t.app, "PUT", "/api/profile", cookie, profile)).status).toBe(200);
  return { email, cookie, id: me.body.id };
}

async function created(url: string, cookie: string, body: unknown): Promise<string> {
  const response = await json<{ readonly id: string }>(t.app, "POST", url, cookie, body);
  expect(response.status, `${url}: ${response.text}`).toBe(201);
  return response.body.id;
}

/** A multipart upload of one file (POST /api/activities/import). */
function upload(name: string, data: string): { payload: Buffer; type: string } {
  const boundary = `----isolation-${randomUUID()}`;
  const payload = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${name}"\r\nContent-Type: application/gpx+xml\r\n\r\n${data}\r\n--${boundary}--\r\n`,
  );
  return { payload, type: `multipart/form-data; boundary=${boundary}` };
}

/** A 20-minute GPX run. */
function gpxRun(start: string): string {
  const t0 = Date.parse(start);
  const points = Array.from({ length: 121 }, (_, i) => {
    const time = new Date(t0 + i * 10_000).toISOString();
    return `<trkpt lat="${(48 + i * 0.0003).toFixed(4)}" lon="2.0000"><time>${time}</time></trkpt>`;
  }).join("");
  return `<?xml version="1.0"?><gpx version="1.1" creator="test" xmlns="http://www.topografix.com/GPX/1/1"><trk><type>running</type><trkseg>${points}</trkseg></trk></gpx>`;
}

/** Follows an import job to its end. */
async function importDone(cookie: string, id: string): Promise<ImportJob> {
  for (let i = 0; i < 1000; i++) {
    const job = await json<ImportJob>(t.app, "GET", `/api/activities/imports/${id}`, cookie);
    expect(job.status, job.text).toBe(200);
    if (job.body.status !== "running") return job.body;
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  throw new Error(`import ${id} did not end`);
}

/** An owner with a profile, a workout, a check-in, a move, a swap and an imported run; another user with only a profile. */
async function world(): Promise<World> {
  const tag = randomUUID().slice(0, 8);
  const owner = await account("owner", `Olive Owner ${tag}`, `Olivia Ownerprofile ${tag}`);
  const other = await account("other", "Otto Other", "Otto");
  const workoutId = await created("/api/workouts", owner.cookie, workoutBody("2026-11-24", 3));
  const checkinId = await created("/api/checkins", owner.cookie, {
    date: "2026-11-20",
    soreness: 1,
    hurtRun: false,
  });
  const moveId = await created("/api/plan/moves", owner.cookie, {
    from: "2026-12-03",
    to: "2026-12-06",
  });
  const swapId = await created("/api/plan/swaps", owner.cookie, {
    date: "2026-12-01",
    exercise: "romanian-deadlift",
    with: "single-leg-romanian-deadlift",
  });
  const source = `owner-run-${tag}.gpx`;
  const file = upload(source, gpxRun("2026-11-24T06:30:00Z"));
  const started = await json<ImportJob>(
    t.app,
    "POST",
    "/api/activities/import",
    owner.cookie,
    file.payload,
    {
      "content-type": file.type,
    },
  );
  expect(started.status, started.text).toBe(202);
  const job = await importDone(owner.cookie, started.body.id);
  expect(job.counts, job.error ?? undefined).toEqual({ imported: 1, duplicates: 0, failed: 0 });
  const activityId = present(present(job.report).imported[0]?.id);
  return {
    owner,
    other,
    workoutId,
    checkinId,
    moveId,
    swapId,
    activityId,
    jobId: job.id,
    markers: [
      source,
      job.id,
      activityId,
      owner.email,
      owner.id,
      `Olive Owner ${tag}`,
      `Olivia Ownerprofile ${tag}`,
      workoutId,
      checkinId,
      moveId,
      swapId,
    ],
  };
}

function cookieOf(w: World, caller: Caller): string | null {
  if (caller === "owner") return w.owner.cookie;
  if (caller === "other") return w.other.cookie;
  if (caller === "forged") return `capacity_session=${randomUUID()}`;
  return null;
}

/** The owner's data as the owner reads it (the export, less its time stamp, and the activities). */
async function ownerSnapshot(w: World): Promise<unknown> {
  const exported = await json<ExportDocument>(t.app, "GET", "/api/export", w.owner.cookie);
  expect(exported.status, "the owner can still read their data").toBe(200);
  const { exportedAt: _ignored, ...rest } = exported.body;
  const activities = await json<Items<ActivityView>>(
    t.app,
    "GET",
    "/api/activities",
    w.owner.cookie,
  );
  expect(activities.status, "the owner can still read their activities").toBe(200);
  const job = await json<ImportJob>(
    t.app,
    "GET",
    `/api/activities/imports/${w.jobId}`,
    w.owner.cookie,
  );
  expect(job.status, "the owner can still read their import").toBe(200);
  return { ...rest, activities: activities.body.items, importJob: job.body };
}

interface Row {
  /** A public route answers everyone alike; the others answer 401 without a live session. */
  readonly public?: boolean;
  readonly url: (w: World) => string;
  readonly body?: (w: World, caller: Caller) => unknown;
  /** A body that is not JSON: sent as is with its content type. */
  readonly raw?: () => { payload: Buffer; type: string };
  readonly owner: number;
  /** The other user's status: their own data (2xx) or 404 for the owner's ids. */
  readonly other: number;
  readonly ownerSees?: (w: World, body: unknown) => void;
  readonly otherSees?: (w: World, body: unknown) => void;
}

const fixed = (url: string) => () => url;
const PUBLIC_GET: Row = { public: true, url: fixed("/"), owner: 200, other: 200 };
/** A check of a row's answer, typed by the contract's type of that route's body. */
function sees<T>(check: (w: World, body: T) => void): (w: World, body: unknown) => void {
  return (w, body) => check(w, body as T);
}

const empty = (_w: World, body: unknown) => expect(body).toEqual({ items: [] });

/** Every route of the app, as "METHOD /path" exactly as Fastify lists it. */
const ROUTES: Record<string, Row> = {
  "GET /": PUBLIC_GET,
  "GET /api/docs": { ...PUBLIC_GET, url: fixed("/api/docs") },
  "GET /api/docs/": { ...PUBLIC_GET, url: fixed("/api/docs/") },
  "GET /api/docs/*": { ...PUBLIC_GET, url: fixed("/api/docs/static/swagger-ui.css") },
  "GET /api/docs/json": { ...PUBLIC_GET, url: fixed("/api/docs/json") },
  "GET /api/docs/yaml": { ...PUBLIC_GET, url: fixed("/api/docs/yaml") },
  // swagger-ui sends this one on to /api/docs/.
  "GET /api/docs/static/index.html": {
    ...PUBLIC_GET,
    url: fixed("/api/docs/static/index.html"),
    owner: 302,
    other: 302,
  },
  "GET /api/docs/static/swagger-initializer.js": {
    ...PUBLIC_GET,
    url: fixed("/api/docs/static/swagger-initializer.js"),
  },
  "GET /api/openapi.json": { ...PUBLIC_GET, url: fixed("/api/openapi.json") },
  "GET /api/health": { ...PUBLIC_GET, url: fixed("/api/health") },
  "GET /api/exercises": { ...PUBLIC_GET, url: fixed("/api/exercises?muscle=calves") },
  "POST /api/auth/signup": {
    public: true,
    url: fixed("/api/auth/signup"),
    body: () => ({ email: uniqueEmail("new"), password: PASSWORD, name: "New" }),
    owner: 201,
    other: 201,
  },
  "POST /api/auth/login": {
    public: true,
    url: fixed("/api/auth/login"),
    body: (w, caller) => ({
      email: caller === "owner" ? w.owner.email : w.other.email,
      password: PASSWORD,
    }),
    owner: 200,
    other: 200,
    ownerSees: sees<Account>((w, body) => expect(body.id).toBe(w.owner.id)),
    otherSees: sees<Account>((w, body) => expect(body.id).toBe(w.other.id)),
  },
  "POST /api/auth/logout": { public: true, url: fixed("/api/auth/logout"), owner: 204, other: 204 },
  "POST /api/auth/password": {
    url: fixed("/api/auth/password"),
    body: () => ({ current: PASSWORD, next: "a new long passphrase" }),
    owner: 204,
    other: 204,
  },
  "GET /api/me": {
    url: fixed("/api/me"),
    owner: 200,
    other: 200,
    ownerSees: sees<Account>((w, body) =>
      expect(body).toMatchObject({ id: w.owner.id, email: w.owner.email }),
    ),
    otherSees: sees<Account>((w, body) =>
      expect(body).toMatchObject({ id: w.other.id, email: w.other.email }),
    ),
  },
  "DELETE /api/me": { url: fixed("/api/me"), owner: 204, other: 204 },
  // Public: answers 200 to everyone; anonymous and forged cookies get { user: null }.
  "GET /api/session": {
    public: true,
    url: fixed("/api/session"),
    owner: 200,
    other: 200,
    ownerSees: sees<LogInState>((w, body) =>
      expect(body.user).toMatchObject({ id: w.owner.id, email: w.owner.email }),
    ),
    otherSees: sees<LogInState>((w, body) =>
      expect(body.user).toMatchObject({ id: w.other.id, email: w.other.email }),
    ),
  },
  "GET /api/profile": {
    url: fixed("/api/profile"),
    owner: 200,
    other: 200,
    otherSees: sees<Profile>((_w, body) => expect(body.name).toBe("Otto")),
  },
  "PUT /api/profile": {
    url: fixed("/api/profile"),
    body: () => exampleProfile("gym-runner"),
    owner: 200,
    other: 200,
  },
  "GET /api/plan": {
    url: fixed(PLAN),
    owner: 200,
    other: 200,
    ownerSees: sees<Plan>((_w, body) => {
      const dates = weekOf(body).sessions.map((s) => s.date);
      expect(dates).toEqual(["2026-12-01", "2026-12-06"]);
      expect(present(weekOf(body).sessions[0]).exercises.map((e) => e.id)).toContain(
        "single-leg-romanian-deadlift",
      );
    }),
    otherSees: sees<Plan>((_w, body) => {
      // Neither the owner's move nor the owner's swap, nor loads from the owner's log.
      const dates = weekOf(body).sessions.map((s) => s.date);
      expect(dates).toEqual(["2026-12-01", "2026-12-03"]);
      const first = present(weekOf(body).sessions[0]).exercises;
      expect(first.map((e) => e.id)).toContain("romanian-deadlift");
      expect(present(first.find((e) => e.id === "quarter-squat")).load).toBeNull();
    }),
  },
  "GET /api/plan/move-options": {
    url: fixed("/api/plan/move-options?from=2026-12-01"),
    owner: 200,
    other: 200,
    // The owner moved Thursday's session to Sunday 6: Sunday is taken for the owner only.
    ownerSees: sees<Items<MoveOption>>((_w, body) =>
      expect(body.items.find((i) => i.date === "2026-12-06")).toMatchObject({
        allowed: false,
      }),
    ),
    otherSees: sees<Items<MoveOption>>((_w, body) =>
      expect(body.items.find((i) => i.date === "2026-12-06")).toMatchObject({
        allowed: true,
      }),
    ),
  },
  "GET /api/plan/moves": {
    url: fixed("/api/plan/moves"),
    owner: 200,
    other: 200,
    ownerSees: sees<Items<Move>>((w, body) =>
      expect(body.items.map((i) => i.id)).toEqual([w.moveId]),
    ),
    otherSees: empty,
  },
  "POST /api/plan/moves": {
    url: fixed("/api/plan/moves"),
    // The owner moved Thu 3 Dec to Sun 6 Dec, so their next week is Tue + Sun (two-in-seven),
    // the other user's Tue + Thu: each moves a session of their own.
    body: (_w, caller) =>
      caller === "owner"
        ? { from: "2026-12-08", to: "2026-12-10" }
        : { from: "2026-12-10", to: "2026-12-13" },
    owner: 201,
    other: 201,
  },
  "DELETE /api/plan/moves/:id": {
    url: (w) => `/api/plan/moves/${w.moveId}`,
    owner: 204,
    other: 404,
  },
  "GET /api/plan/swaps": {
    url: fixed("/api/plan/swaps"),
    owner: 200,
    other: 200,
    ownerSees: sees<Items<Swap>>((w, body) =>
      expect(body.items.map((i) => i.id)).toEqual([w.swapId]),
    ),
    otherSees: empty,
  },
  "POST /api/plan/swaps": {
    url: fixed("/api/plan/swaps"),
    body: () => ({
      date: "2026-12-08",
      exercise: "romanian-deadlift",
      with: "single-leg-romanian-deadlift",
    }),
    owner: 201,
    other: 201,
  },
  "DELETE /api/plan/swaps/:id": {
    url: (w) => `/api/plan/swaps/${w.swapId}`,
    owner: 204,
    other: 404,
  },
  "GET /api/export": {
    url: fixed("/api/export"),
    owner: 200,
    other: 200,
    ownerSees: sees<ExportDocument>((w, body) => {
      expect(body.account.email).toBe(w.owner.email);
      expect(body.workouts.map((x) => x.id)).toEqual([w.workoutId]);
      expect(body.activities.map((x) => x.id)).toEqual([w.activityId]);
    }),
    otherSees: sees<ExportDocument>((w, body) => {
      expect(body.account.email).toBe(w.other.email);
      expect(body).toMatchObject({ workouts: [], checkins: [], planChanges: [], activities: [] });
    }),
  },
  "POST /api/import": {
    url: fixed("/api/import"),
    body: (w) => ({
      format: "capacity-export",
      version: 1,
      exportedAt: "2026-11-30T09:00:00.000Z",
      account: { email: "someone@example.com", name: "Someone" },
      profile: null,
      workouts: [
        {
          ...workoutBody("2026-11-18", 1),
          createdAt: "2026-11-18T18:00:00.000Z",
          updatedAt: "2026-11-18T18:00:00.000Z",
        },
      ],
      checkins: [],
      planChanges: [],
      // The owner's activity id: the other user's copy is theirs; the owner's stored one stays.
      activities: [
        {
          id: w.activityId,
          sport: "run",
          start: "2026-11-18T07:00:00.000Z",
          elapsedS: 1800,
          movingS: 1800,
          distanceM: 5000,
          avgHr: null,
          maxHr: null,
          ascentM: null,
          sourceName: null,
          format: "gpx",
          source: "someone.gpx",
          warnings: [],
          createdAt: "2026-11-18T08:00:00.000Z",
        },
      ],
    }),
    owner: 200,
    other: 200,
    ownerSees: sees<ImportSummary>((_w, body) =>
      expect(body.activities).toEqual({ added: 0, kept: 1 }),
    ),
    otherSees: sees<ImportSummary>((_w, body) =>
      expect(body.activities).toEqual({ added: 1, kept: 0 }),
    ),
  },
  "POST /api/workouts": {
    url: fixed("/api/workouts"),
    body: () => workoutBody("2026-11-26", 2),
    owner: 201,
    other: 201,
  },
  "GET /api/workouts": {
    url: fixed("/api/workouts"),
    owner: 200,
    other: 200,
    ownerSees: sees<Items<Workout>>((w, body) =>
      expect(body.items.map((i) => i.id)).toEqual([w.workoutId]),
    ),
    otherSees: empty,
  },
  "GET /api/workouts/:id": {
    url: (w) => `/api/workouts/${w.workoutId}`,
    owner: 200,
    other: 404,
    ownerSees: sees<Workout>((w, body) => expect(body.id).toBe(w.workoutId)),
  },
  "PATCH /api/workouts/:id": {
    url: (w) => `/api/workouts/${w.workoutId}`,
    body: () => ({ date: "2026-11-23" }),
    owner: 200,
    other: 404,
  },
  "DELETE /api/workouts/:id": {
    url: (w) => `/api/workouts/${w.workoutId}`,
    owner: 204,
    other: 404,
  },
  "POST /api/checkins": {
    url: fixed("/api/checkins"),
    body: () => ({ date: "2026-11-20", soreness: 9, hurtRun: true }),
    owner: 201,
    other: 201,
  },
  "GET /api/checkins": {
    url: fixed("/api/checkins"),
    owner: 200,
    other: 200,
    ownerSees: sees<Items<Checkin>>((w, body) =>
      expect(body.items.map((i) => i.id)).toEqual([w.checkinId]),
    ),
    otherSees: empty,
  },
  "GET /api/calendar": {
    url: fixed("/api/calendar"),
    owner: 200,
    other: 200,
    ownerSees: sees<{ readonly url: string }>((_w, body) =>
      expect(body.url).toMatch(/\/api\/calendar\/.+\.ics$/),
    ),
  },
  "POST /api/calendar/rotate": { url: fixed("/api/calendar/rotate"), owner: 200, other: 200 },
  "DELETE /api/calendar": { url: fixed("/api/calendar"), owner: 204, other: 204 },
  // The feed's token is its only key: an unknown one answers 404 to everyone.
  "GET /api/calendar/:file": {
    public: true,
    url: fixed("/api/calendar/not-a-token.ics"),
    owner: 404,
    other: 404,
  },
  "GET /api/plan/sessions/:date/workout.fit": {
    url: fixed("/api/plan/sessions/2026-12-01/workout.fit"),
    owner: 200,
    other: 200,
  },
  "POST /api/strength-imports": {
    url: fixed("/api/strength-imports"),
    raw: () => ({
      payload: Buffer.from(
        "Date,Workout Name,Duration,Exercise Name,Set Order,Weight,Reps\n2026-11-18 18:00:00,A,1m,Zercher Carry,1,50,5\n",
      ),
      type: "text/csv",
    }),
    owner: 200,
    other: 200,
    ownerSees: sees<StrengthImportReport>((_w, body) =>
      expect(body.unmapped).toEqual([{ name: "Zercher Carry", sets: 1 }]),
    ),
  },
  "GET /api/strength-imports/review": {
    url: fixed("/api/strength-imports/review"),
    owner: 200,
    other: 200,
  },
  "POST /api/strength-imports/review": {
    url: fixed("/api/strength-imports/review"),
    body: () => ({ choices: [{ name: "Zercher Carry", exercise: null }] }),
    owner: 200,
    other: 200,
  },
  "GET /api/export.csv": { url: fixed("/api/export.csv"), owner: 200, other: 200 },
  "POST /api/activities/import": {
    url: fixed("/api/activities/import"),
    raw: () => upload("another-run.gpx", gpxRun("2026-11-26T17:00:00Z")),
    owner: 202,
    other: 202,
    ownerSees: sees<ImportJob>((w, body) => {
      expect(body).toMatchObject({ status: "running", files: 1 });
      expect(body.id).not.toBe(w.jobId);
    }),
    otherSees: sees<ImportJob>((w, body) => expect(body.id).not.toBe(w.jobId)),
  },
  "GET /api/activities/imports/:id": {
    url: (w) => `/api/activities/imports/${w.jobId}`,
    owner: 200,
    other: 404,
    ownerSees: sees<ImportJob>((w, body) => {
      expect(body).toMatchObject({ id: w.jobId, status: "done" });
      expect(present(body.report).imported.map((a) => a.id)).toEqual([w.activityId]);
    }),
  },
  "GET /api/activities": {
    url: fixed("/api/activities?from=2026-11-01&to=2026-11-30"),
    owner: 200,
    other: 200,
    ownerSees: sees<Items<ActivityView>>((w, body) =>
      expect(body.items.map((i) => i.id)).toEqual([w.activityId]),
    ),
    otherSees: empty,
  },
  "GET /api/activities/weekly": {
    url: fixed("/api/activities/weekly?weeks=2"),
    owner: 200,
    other: 200,
    ownerSees: sees<{ readonly weeks: readonly WeeklyRunning[] }>((_w, body) =>
      expect(body.weeks.map((x) => [x.start, x.runs])).toEqual([
        ["2026-11-23", 1],
        ["2026-11-30", 0],
      ]),
    ),
    otherSees: sees<{ readonly weeks: readonly WeeklyRunning[] }>((_w, body) =>
      expect(body.weeks.map((x) => [x.start, x.runs])).toEqual([
        ["2026-11-23", 0],
        ["2026-11-30", 0],
      ]),
    ),
  },
  "DELETE /api/activities/:id": {
    url: (w) => `/api/activities/${w.activityId}`,
    owner: 204,
    other: 404,
  },
  "GET /api/run-week/proposal": {
    url: fixed("/api/run-week/proposal"),
    owner: 200,
    other: 200,
    // One run is no habit: neither gets a proposal, each with the reason about their own runs.
    ownerSees: (_w, body) => expect(body).toEqual({ proposal: null, reason: expect.any(String) }),
    otherSees: sees<RunWeekAnswer>((_w, body) =>
      expect(body).toEqual({ proposal: null, reason: expect.stringContaining("No runs") }),
    ),
  },
};

async function call(w: World, route: string, row: Row, caller: Caller) {
  const method = route.split(" ")[0] as "GET" | "POST" | "PUT" | "PATCH" | "DELETE";
  const raw = row.raw?.();
  if (raw) {
    return json(t.app, method, row.url(w), cookieOf(w, caller), raw.payload, {
      "content-type": raw.type,
    });
  }
  return json(t.app, method, row.url(w), cookieOf(w, caller), row.body?.(w, caller));
}

function expectNoOwnerData(w: World, text: string, who: string): void {
  for (const marker of w.markers) {
    expect(text.includes(marker), `${who} got the owner's ${marker}`).toBe(false);
  }
}

describe("isolation", () => {
  it("the table lists every route of the app, and only those", () => {
    expect(Object.keys(ROUTES).sort()).toEqual(appRoutes(t.app));
  });

  describe.each(Object.entries(ROUTES))("%s", (route, row) => {
    it(
      row.public
        ? "answers anonymous callers, other users and the owner alike, never with the owner's data"
        : "401 without a session, the other user's own data or 404, 2xx for the owner",
      async () => {
        const w = await world();
        const before = await ownerSnapshot(w);

        for (const caller of ["anonymous", "forged"] as const) {
          const response = await call(w, route, row, caller);
          if (row.public) {
            expect(response.status, `${caller}: ${response.text}`).toBe(row.owner);
          } else {
            expect(response.status, `${caller}: ${response.text}`).toBe(401);
            expect(response.body).toEqual({
              error: { kind: "unauthorized", message: expect.any(String), field: null },
            });
          }
          expectNoOwnerData(w, response.text, caller);
          expect(await ownerSnapshot(w), `the owner's data after the ${caller} call`).toEqual(
            before,
          );
        }

        const other = await call(w, route, row, "other");
        expect(other.status, `other user: ${other.text}`).toBe(row.other);
        if (row.other === 404) expect(problem(other).kind).toBe("not-found");
        expectNoOwnerData(w, other.text, "the other user");
        row.otherSees?.(w, other.body);
        expect(await ownerSnapshot(w), "the owner's data after the other user's call").toEqual(
          before,
        );

        if (!row.public && route.startsWith("GET ")) {
          // The HEAD route Fastify adds to every GET is guarded the same way.
          const head = await json(t.app, "HEAD", row.url(w));
          expect(head.status, "HEAD without a session").toBe(401);
          expect(head.text).toBe("");
        }

        const owner = await call(w, route, row, "owner");
        expect(owner.status, `owner: ${owner.text}`).toBe(row.owner);
        row.ownerSees?.(w, owner.body);
      },
    );
  });

  it("another user may log a workout with the owner's client id: it is theirs, the owner's stays", async () => {
    const w = await world();
    const before = await ownerSnapshot(w);
    const body = workoutBody("2026-11-25", 1, w.workoutId);
    const logged = await json<Workout>(t.app, "POST", "/api/workouts", w.other.cookie, body);
    expect(logged.status).toBe(201);
    expect(logged.body.sets).toEqual(body.sets);
    const mine = await json<Workout>(t.app, "GET", `/api/workouts/${w.workoutId}`, w.other.cookie);
    expect(mine.body.date).toBe("2026-11-25");
    const theirs = await json<Workout>(
      t.app,
      "GET",
      `/api/workouts/${w.workoutId}`,
      w.owner.cookie,
    );
    expect(theirs.body.date).toBe("2026-11-24");
    expect(await ownerSnapshot(w)).toEqual(before);

    // Deleting it as the other user deletes only theirs.
    expect(
      (await json(t.app, "DELETE", `/api/workouts/${w.workoutId}`, w.other.cookie)).status,
    ).toBe(204);
    expect(await ownerSnapshot(w)).toEqual(before);
  });
});
