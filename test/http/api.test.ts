/**
 * The whole API through `inject`, on one test database (SQLite, or PostgreSQL with
 * CAPACITY_TEST_DATABASE=postgres). Each test works in accounts of its own.
 */
import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import type { ExportDocument, ImportSummary } from "../../src/app/data-transfer.js";
import type {
  Account,
  Checkin,
  Items,
  LogInState,
  Move,
  Swap,
  Workout,
} from "../../src/contract/index.js";
import type { CatalogueEntry } from "../../src/core/exercise/filter.js";
import type { Profile } from "../../src/core/profile/profile.js";
import type { Plan, Prescription } from "../../src/core/protocol/plan-types.js";
import { aStoredActivity } from "../builders.js";
import {
  appPerFile,
  appRoutes,
  databaseRows,
  exampleProfile,
  json,
  type OpenApiDocument,
  PASSWORD,
  present,
  problem,
  sessionCookie,
  signUp,
  testApp,
  uniqueEmail,
  weekOf,
  workoutBody,
} from "../support/http.js";

const t = appPerFile();

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const PLAN = "/api/plan?from=2026-11-30&weeks=2";

function cookieAttributes(header: unknown): string[] {
  const all = Array.isArray(header) ? header : [String(header)];
  const session = all.find((h: string) => h.startsWith("capacity_session="));
  expect(session, "a capacity_session cookie").toBeDefined();
  return String(session)
    .split(";")
    .map((part) => part.trim().toLowerCase());
}

function sessionDates(plan: Plan, week = 0): string[] {
  return weekOf(plan, week).sessions.map((session) => session.date);
}

/** The exercise `id` of the session on `date`, or undefined when that session has none. */
function exerciseIn(plan: Plan, date: string, id: string): Prescription | undefined {
  for (const week of plan.weeks) {
    for (const session of week.sessions) {
      if (session.date !== date) continue;
      return session.exercises.find((exercise) => exercise.id === id);
    }
  }
  return undefined;
}

/** A new account with the marathoner's profile. */
async function athlete(): Promise<string> {
  const cookie = await signUp(t.app);
  const saved = await json<Profile>(t.app, "PUT", "/api/profile", cookie, exampleProfile());
  expect(saved.status).toBe(200);
  return cookie;
}

describe("accounts", () => {
  it("signs up with 201, the public user and an HttpOnly SameSite=Lax cookie (no Secure over http)", async () => {
    const email = uniqueEmail("Signup").replace("signup", "SignUp");
    const response = await json<Account>(t.app, "POST", "/api/auth/signup", null, {
      email: `  ${email} `,
      password: PASSWORD,
      name: "Ana",
    });
    expect(response.status).toBe(201);
    expect(response.body).toEqual({
      id: expect.stringMatching(UUID),
      email: email.toLowerCase(),
      name: "Ana",
      createdAt: "2026-11-30T09:00:00.000Z",
    });
    expect(response.text).not.toContain("argon2");
    const attributes = cookieAttributes(response.headers["set-cookie"]);
    expect(attributes).toContain("httponly");
    expect(attributes).toContain("samesite=lax");
    expect(attributes).toContain("path=/");
    expect(attributes).not.toContain("secure");

    const cookie = sessionCookie(response.headers["set-cookie"] as string[]);
    const me = await json<Account>(t.app, "GET", "/api/me", cookie);
    expect(me.status).toBe(200);
    expect(me.body).toEqual(response.body);
  });

  it("sends a Secure cookie behind an HTTPS proxy when trustProxy is on, and only then", async () => {
    const proxied = await testApp({ trustProxy: true });
    try {
      const https = { "x-forwarded-proto": "https" };
      const signup = await json<Account>(
        proxied.app,
        "POST",
        "/api/auth/signup",
        null,
        { email: uniqueEmail(), password: PASSWORD, name: "Ana" },
        https,
      );
      expect(signup.status).toBe(201);
      expect(cookieAttributes(signup.headers["set-cookie"])).toContain("secure");

      const email = uniqueEmail();
      await signUp(proxied.app, email);
      const login = await json<Account>(
        proxied.app,
        "POST",
        "/api/auth/login",
        null,
        { email, password: PASSWORD },
        https,
      );
      expect(login.status).toBe(200);
      expect(cookieAttributes(login.headers["set-cookie"])).toContain("secure");

      const plain = await json<Account>(proxied.app, "POST", "/api/auth/login", null, {
        email,
        password: PASSWORD,
      });
      expect(plain.status).toBe(200);
      expect(cookieAttributes(plain.headers["set-cookie"])).not.toContain("secure");
    } finally {
      await proxied.dispose();
    }
    // Without trustProxy anyone could send the header: it is not believed.
    const spoofed = await json<Account>(
      t.app,
      "POST",
      "/api/auth/signup",
      null,
      { email: uniqueEmail(), password: PASSWORD, name: "Ana" },
      { "x-forwarded-proto": "https" },
    );
    expect(spoofed.status).toBe(201);
    expect(cookieAttributes(spoofed.headers["set-cookie"])).not.toContain("secure");
  });

  it("logs in (any case of the e-mail), refuses a wrong password, and logout ends that session only", async () => {
    const email = uniqueEmail();
    const first = await signUp(t.app, email);

    const wrong = await json<Account>(t.app, "POST", "/api/auth/login", null, {
      email,
      password: `${PASSWORD}!`,
    });
    expect(wrong.status).toBe(401);
    expect(problem(wrong)).toMatchObject({ kind: "unauthorized", field: null });
    expect(wrong.headers["set-cookie"]).toBeUndefined();
    const nobody = await json<Account>(t.app, "POST", "/api/auth/login", null, {
      email: uniqueEmail(),
      password: PASSWORD,
    });
    expect(nobody.status).toBe(401);
    expect(problem(nobody).message).toBe(problem(wrong).message);

    const login = await json<Account>(t.app, "POST", "/api/auth/login", null, {
      email: email.toUpperCase(),
      password: PASSWORD,
    });
    expect(login.status).toBe(200);
    expect(login.body.email).toBe(email);
    const second = sessionCookie(login.headers["set-cookie"] as string[]);
    expect(second).not.toBeNull();
    expect(second).not.toBe(first);

    const logout = await json(t.app, "POST", "/api/auth/logout", second);
    expect(logout.status).toBe(204);
    const cleared = cookieAttributes(logout.headers["set-cookie"]);
    expect(cleared[0]).toBe("capacity_session=");
    expect((await json<Account>(t.app, "GET", "/api/me", second)).status).toBe(401);
    expect((await json<Account>(t.app, "GET", "/api/me", first)).status).toBe(200);

    // Logging out without a session (or twice) is harmless.
    expect((await json(t.app, "POST", "/api/auth/logout")).status).toBe(204);
    expect((await json(t.app, "POST", "/api/auth/logout", second)).status).toBe(204);
  });

  it("changing the password ends every other session and keeps the caller logged in", async () => {
    const email = uniqueEmail();
    const caller = await signUp(t.app, email);
    const login = await json<Account>(t.app, "POST", "/api/auth/login", null, {
      email,
      password: PASSWORD,
    });
    const laptop = sessionCookie(login.headers["set-cookie"] as string[]);
    expect((await json<Account>(t.app, "GET", "/api/me", laptop)).status).toBe(200);

    const wrongCurrent = await json(t.app, "POST", "/api/auth/password", caller, {
      current: "not the password",
      next: "a brand new passphrase",
    });
    expect(wrongCurrent.status).toBe(400);
    expect(problem(wrongCurrent).field).toBe("current");
    const tooShort = await json(t.app, "POST", "/api/auth/password", caller, {
      current: PASSWORD,
      next: "123456789",
    });
    expect(tooShort.status).toBe(400);
    expect(problem(tooShort).field).toBe("next");
    expect((await json<Account>(t.app, "GET", "/api/me", laptop)).status).toBe(200);

    const changed = await json(t.app, "POST", "/api/auth/password", caller, {
      current: PASSWORD,
      next: "a brand new passphrase",
    });
    expect(changed.status).toBe(204);
    const fresh = sessionCookie(changed.headers["set-cookie"] as string[]);
    expect(fresh).not.toBeNull();
    expect(cookieAttributes(changed.headers["set-cookie"])).toContain("httponly");
    expect((await json<Account>(t.app, "GET", "/api/me", fresh)).status).toBe(200);
    expect((await json<Account>(t.app, "GET", "/api/me", laptop)).status).toBe(401);

    const old = await json<Account>(t.app, "POST", "/api/auth/login", null, {
      email,
      password: PASSWORD,
    });
    expect(old.status).toBe(401);
    const next = await json<Account>(t.app, "POST", "/api/auth/login", null, {
      email,
      password: "a brand new passphrase",
    });
    expect(next.status).toBe(200);
  });

  it("has the password rules: 10 to 200 characters, not one repeated, not a common one", async () => {
    const tryPassword = (password: string) =>
      json<Account>(t.app, "POST", "/api/auth/signup", null, {
        email: uniqueEmail(),
        password,
        name: "Ana",
      });
    const nine = await tryPassword("123456789");
    expect(nine.status).toBe(400);
    expect(problem(nine)).toMatchObject({ kind: "invalid", field: "password" });
    expect(problem(nine).message).toContain("10");
    expect((await tryPassword("1234567890")).status).toBe(400);
    expect((await tryPassword("x".repeat(10))).status).toBe(400);
    expect((await tryPassword("xy".repeat(100))).status).toBe(201);
    const long = await tryPassword("x".repeat(201));
    expect(long.status).toBe(400);
    expect(problem(long).field).toBe("password");
  });

  it("refuses a second account with the same e-mail in any case with 409", async () => {
    const email = uniqueEmail();
    await signUp(t.app, email);
    for (const again of [email, email.toUpperCase(), ` ${email.replace("@", "@")} `]) {
      const response = await json<Account>(t.app, "POST", "/api/auth/signup", null, {
        email: again,
        password: PASSWORD,
        name: "Twin",
      });
      expect(response.status).toBe(409);
      expect(problem(response)).toMatchObject({ kind: "conflict", field: "email" });
      expect(response.headers["set-cookie"]).toBeUndefined();
    }
  });

  it("ends a session when it expires", async () => {
    const cookie = await signUp(t.app);
    const start = t.clock.now();
    try {
      t.clock.advance(29 * 86_400_000);
      expect((await json<Account>(t.app, "GET", "/api/me", cookie)).status).toBe(200);
      t.clock.advance(2 * 86_400_000);
      expect((await json<Account>(t.app, "GET", "/api/me", cookie)).status).toBe(401);
    } finally {
      t.clock.set(start);
    }
  });

  it("rate-limits log-in and sign-up attempts with 429 in the API's error shape", async () => {
    const limited = await testApp({ authRateLimit: 3 });
    try {
      const attempt = () =>
        json<Account>(limited.app, "POST", "/api/auth/login", null, {
          email: "nobody@example.com",
          password: PASSWORD,
        });
      for (let i = 0; i < 3; i++) expect((await attempt()).status).toBe(401);
      const blocked = await attempt();
      expect(blocked.status).toBe(429);
      expect(problem(blocked)).toMatchObject({ kind: "rate-limited", field: null });
      // Without trustProxy, a made-up X-Forwarded-For does not make a new caller.
      const spoofed = await json<Account>(
        limited.app,
        "POST",
        "/api/auth/login",
        null,
        { email: "nobody@example.com", password: PASSWORD },
        { "x-forwarded-for": "203.0.113.7" },
      );
      expect(spoofed.status).toBe(429);

      const signups = [];
      for (let i = 0; i < 4; i++) {
        signups.push(
          (
            await json<Account>(limited.app, "POST", "/api/auth/signup", null, {
              email: uniqueEmail(),
              password: "short",
              name: "Ana",
            })
          ).status,
        );
      }
      expect(signups).toEqual([400, 400, 400, 429]);
    } finally {
      await limited.dispose();
    }
  });

  it("DELETE /api/me removes the account and everything in it", async () => {
    const email = uniqueEmail();
    const cookie = await signUp(t.app, email);
    const me = (await json<Account>(t.app, "GET", "/api/me", cookie)).body;
    expect(
      (await json<Profile>(t.app, "PUT", "/api/profile", cookie, exampleProfile())).status,
    ).toBe(200);
    expect(
      (await json<Workout>(t.app, "POST", "/api/workouts", cookie, workoutBody())).status,
    ).toBe(201);
    const checkin = { date: "2026-11-25", soreness: 2, hurtRun: false };
    expect((await json<Checkin>(t.app, "POST", "/api/checkins", cookie, checkin)).status).toBe(201);
    const move = { from: "2026-12-03", to: "2026-12-06" };
    expect((await json<Move>(t.app, "POST", "/api/plan/moves", cookie, move)).status).toBe(201);
    const bystander = await signUp(t.app);
    expect(
      (await json<Workout>(t.app, "POST", "/api/workouts", bystander, workoutBody())).status,
    ).toBe(201);

    const deleted = await json(t.app, "DELETE", "/api/me", cookie);
    expect(deleted.status).toBe(204);
    expect(cookieAttributes(deleted.headers["set-cookie"])[0]).toBe("capacity_session=");
    expect((await json<Account>(t.app, "GET", "/api/me", cookie)).status).toBe(401);
    const login = await json<Account>(t.app, "POST", "/api/auth/login", null, {
      email,
      password: PASSWORD,
    });
    expect(login.status).toBe(401);

    const rows = await databaseRows(t.db);
    const everything = Object.values(rows).flat().join("\n");
    expect(everything).not.toContain(me.id);
    expect(everything).not.toContain(email);
    expect(
      (await json<Items<Workout>>(t.app, "GET", "/api/workouts", bystander)).body.items,
    ).toHaveLength(1);

    // The e-mail is free again.
    expect((await json<Account>(t.app, "GET", "/api/me", await signUp(t.app, email))).status).toBe(
      200,
    );
  });
});

describe("service routes", () => {
  it("GET /api/health answers {status: ok}", async () => {
    const response = await json(t.app, "GET", "/api/health");
    expect(response.status).toBe(200);
    expect(response.body).toEqual({ status: "ok" });
  });

  it("GET /api/health answers 503 in the API's error shape when the database does not answer", async () => {
    const broken = await testApp();
    try {
      await broken.store.close();
      const response = await json(broken.app, "GET", "/api/health");
      expect(response.status).toBe(503);
      expect(response.body).toMatchObject({
        status: "unavailable",
        error: { kind: "database", field: null },
      });
    } finally {
      await broken.dispose();
    }
  });

  it("sends security headers, without asking browsers to upgrade to HTTPS", async () => {
    for (const url of ["/api/health", "/", "/api/me", "/api/openapi.json", "/api/exercises"]) {
      const response = await json(t.app, "GET", url);
      expect(response.headers["x-content-type-options"], url).toBe("nosniff");
      const csp = String(response.headers["content-security-policy"]);
      expect(csp, url).toContain("default-src 'self'");
      expect(csp, url).not.toContain("upgrade-insecure-requests");
      expect(response.headers["x-frame-options"], url).toBeDefined();
    }
  });

  it("GET / answers the home page", async () => {
    const response = await t.app.inject({ method: "GET", url: "/" });
    expect(response.statusCode).toBe(200);
    expect(response.headers["content-type"]).toContain("text/html");
    expect(response.body).toContain("/api/docs");
  });

  it("GET /api/openapi.json is an OpenAPI 3 document listing every /api route", async () => {
    const response = await json<OpenApiDocument>(t.app, "GET", "/api/openapi.json");
    expect(response.status).toBe(200);
    const doc = response.body;
    expect(String(doc.openapi)).toMatch(/^3\./);
    expect(doc.info.title).toBeTruthy();
    const documented = new Set<string>();
    for (const [path, operations] of Object.entries(doc.paths as Record<string, object>)) {
      for (const method of Object.keys(operations)) {
        documented.add(`${method.toUpperCase()} ${path.replace(/\{(\w+)\}/g, ":$1")}`);
      }
    }
    const served = appRoutes(t.app)
      .filter((route) => route.startsWith("GET /api") || !route.startsWith("GET"))
      .filter((route) => !/ \/api\/docs|\/api\/openapi\.json$/.test(route));
    expect(served.length).toBeGreaterThan(20);
    expect([...documented].sort()).toEqual([...served].sort());
    // Request bodies are described by their schemas.
    const workouts = doc.paths["/api/workouts"]?.post?.requestBody?.content["application/json"];
    expect(Object.keys(present(workouts).schema.properties ?? {})).toEqual(["id", "date", "sets"]);
  });

  it("GET /api/docs answers the browsable documentation as HTML", async () => {
    let url = "/api/docs";
    let response = await t.app.inject({ method: "GET", url });
    for (
      let hops = 0;
      response.statusCode >= 300 && response.statusCode < 400 && hops < 5;
      hops++
    ) {
      url = new URL(String(response.headers.location), `http://localhost${url}`).pathname;
      response = await t.app.inject({ method: "GET", url });
    }
    expect(response.statusCode).toBe(200);
    expect(response.headers["content-type"]).toContain("text/html");
    expect(response.body.toLowerCase()).toContain("swagger");
    expect(response.headers["x-content-type-options"]).toBe("nosniff");
    for (const asset of ["/api/docs/static/swagger-initializer.js", "/api/docs/json"]) {
      expect((await t.app.inject({ method: "GET", url: asset })).statusCode, asset).toBe(200);
    }
  });

  it("GET /api/docs does not ask browsers to upgrade to HTTPS (its assets would not load over http)", async () => {
    // The app's own policy leaves upgrade-insecure-requests out on purpose: the server is
    // reached over plain HTTP on a home network too. The docs page must follow it.
    for (const url of ["/api/docs", "/api/docs/"]) {
      const response = await t.app.inject({ method: "GET", url });
      expect(response.statusCode, url).toBe(200);
      expect(String(response.headers["content-security-policy"]), url).not.toContain(
        "upgrade-insecure-requests",
      );
    }
  });
});

describe("profile and plan", () => {
  it("PUT then GET /api/profile round-trips the planner's profile format", async () => {
    const cookie = await signUp(t.app);
    const before = await json<Profile>(t.app, "GET", "/api/profile", cookie);
    expect(before.status).toBe(404);
    expect(problem(before).kind).toBe("not-found");

    const profile = exampleProfile();
    const put = await json<Profile>(t.app, "PUT", "/api/profile", cookie, profile);
    expect(put.status).toBe(200);
    expect(put.body).toEqual(profile);
    const got = await json<Profile>(t.app, "GET", "/api/profile", cookie);
    expect(got.status).toBe(200);
    expect(got.body).toEqual(profile);

    const other = exampleProfile("gym-runner");
    expect((await json<Profile>(t.app, "PUT", "/api/profile", cookie, other)).status).toBe(200);
    expect((await json<Profile>(t.app, "GET", "/api/profile", cookie)).body).toEqual(other);
  });

  it("refuses a bad profile with 400 naming runWeek.tue, and keeps the stored one", async () => {
    const cookie = await athlete();
    const bad = exampleProfile();
    bad.runWeek = { ...(bad.runWeek as object), tue: "hard" };
    const response = await json<Profile>(t.app, "PUT", "/api/profile", cookie, bad);
    expect(response.status).toBe(400);
    expect(problem(response)).toMatchObject({ kind: "invalid", field: "runWeek.tue" });
    expect(problem(response).message).toContain("quality");
    expect((await json<Profile>(t.app, "GET", "/api/profile", cookie)).body).toEqual(
      exampleProfile(),
    );
  });

  it("GET /api/plan before a profile answers 409 no-profile", async () => {
    const cookie = await signUp(t.app);
    const response = await json<Plan>(t.app, "GET", PLAN, cookie);
    expect(response.status).toBe(409);
    expect(problem(response).kind).toBe("no-profile");
  });

  it("plans the marathoner's weeks: sessions on Tuesday 12-01 and Thursday 12-03", async () => {
    const cookie = await athlete();
    const response = await json<Plan>(t.app, "GET", PLAN, cookie);
    expect(response.status).toBe(200);
    const plan = response.body;
    expect(plan.weeks).toHaveLength(2);
    expect(plan.weeks.map((week) => week.start)).toEqual(["2026-11-30", "2026-12-07"]);
    expect(sessionDates(plan)).toEqual(["2026-12-01", "2026-12-03"]);
    expect(sessionDates(plan, 1)).toEqual(["2026-12-08", "2026-12-10"]);
    expect(plan.feedback).toEqual([]);
    expect(plan.adjustments).toEqual([]);

    // Without `from`, the week of today in the profile's time zone (the clock says 2026-11-30).
    const today = await json<Plan>(t.app, "GET", "/api/plan", cookie);
    expect(today.status).toBe(200);
    expect(today.body.weeks).toHaveLength(1);
    expect(weekOf(today.body).start).toBe("2026-11-30");
  });

  it("loads follow the log, and a sore check-in brings feedback and adjustments", async () => {
    const cookie = await athlete();
    const before = (await json<Plan>(t.app, "GET", PLAN, cookie)).body;
    expect(present(exerciseIn(before, "2026-12-01", "quarter-squat")).load).toBeNull();

    const logged = await json<Workout>(t.app, "POST", "/api/workouts", cookie, {
      date: "2026-11-24",
      sets: [{ exercise: "quarter-squat", load: { value: 20, unit: "kg" }, reps: 10, rir: 3 }],
    });
    expect(logged.status).toBe(201);
    const after = (await json<Plan>(t.app, "GET", PLAN, cookie)).body;
    expect(present(exerciseIn(after, "2026-12-01", "quarter-squat")).load).toEqual({
      value: 22,
      unit: "kg",
    });
    expect(after.feedback).toEqual([]);
    expect(after.adjustments).toEqual([]);

    const checkin = await json<Checkin>(t.app, "POST", "/api/checkins", cookie, {
      date: "2026-11-25",
      soreness: 7,
      hurtRun: false,
    });
    expect(checkin.status).toBe(201);
    const sore = (await json<Plan>(t.app, "GET", PLAN, cookie)).body;
    expect(sore.feedback.length).toBeGreaterThan(0);
    expect(sore.feedback[0]).toMatchObject({ date: "2026-11-24", exercise: "quarter-squat" });
    expect(sore.adjustments).toEqual([
      expect.objectContaining({
        exercise: "quarter-squat",
        from: { value: 20, unit: "kg" },
        to: { value: 18, unit: "kg" },
      }),
    ]);
  });

  it("the plan follows every write at once: it equals the plan of a fresh account with the same data", async () => {
    /** The plan of a new account that stored `workouts` and `checkins` directly. */
    const freshPlan = async (
      workouts: unknown[],
      checkins: unknown[] = [],
      profile = exampleProfile(),
    ): Promise<Plan> => {
      const cookie = await signUp(t.app);
      expect((await json<Profile>(t.app, "PUT", "/api/profile", cookie, profile)).status).toBe(200);
      for (const w of workouts) {
        expect((await json<Workout>(t.app, "POST", "/api/workouts", cookie, w)).status).toBe(201);
      }
      for (const c of checkins) {
        expect((await json<Checkin>(t.app, "POST", "/api/checkins", cookie, c)).status).toBe(201);
      }
      return (await json<Plan>(t.app, "GET", PLAN, cookie)).body;
    };
    const cookie = await athlete();
    const plan = async () => {
      const response = await json<Plan>(t.app, "GET", PLAN, cookie);
      expect(response.status).toBe(200);
      return response.body;
    };
    const squat = (value: number, rir = 3) => ({
      id: randomUUID(),
      date: "2026-11-24",
      sets: [{ exercise: "quarter-squat", load: { value, unit: "kg" }, reps: 10, rir }],
    });
    const first = squat(20);
    expect(await plan()).toEqual(await freshPlan([]));

    expect((await json<Workout>(t.app, "POST", "/api/workouts", cookie, first)).status).toBe(201);
    expect(await plan()).toEqual(await freshPlan([first]));

    const heavier = { ...first, sets: [{ ...first.sets[0], load: { value: 30, unit: "kg" } }] };
    const patch = await json<Workout>(t.app, "PATCH", `/api/workouts/${first.id}`, cookie, {
      sets: heavier.sets,
    });
    expect(patch.status).toBe(200);
    const afterPatch = await plan();
    expect(afterPatch).toEqual(await freshPlan([heavier]));
    expect(present(exerciseIn(afterPatch, "2026-12-01", "quarter-squat")).load).not.toEqual({
      value: 22,
      unit: "kg",
    });

    const sore = { date: "2026-11-25", soreness: 7, hurtRun: false };
    expect((await json<Checkin>(t.app, "POST", "/api/checkins", cookie, sore)).status).toBe(201);
    expect(await plan()).toEqual(await freshPlan([heavier], [sore]));
    const fine = { ...sore, soreness: 1 };
    expect((await json<Checkin>(t.app, "POST", "/api/checkins", cookie, fine)).status).toBe(201);
    expect(await plan()).toEqual(await freshPlan([heavier], [fine]));

    expect((await json(t.app, "DELETE", `/api/workouts/${first.id}`, cookie)).status).toBe(204);
    expect(await plan()).toEqual(await freshPlan([], [fine]));

    const gym = exampleProfile("gym-runner");
    expect((await json<Profile>(t.app, "PUT", "/api/profile", cookie, gym)).status).toBe(200);
    expect(await plan()).toEqual(await freshPlan([], [fine], gym));

    const source = await signUp(t.app);
    expect((await json<Workout>(t.app, "POST", "/api/workouts", source, first)).status).toBe(201);
    const doc = (await json<ExportDocument>(t.app, "GET", "/api/export", source)).body;
    expect((await json<ImportSummary>(t.app, "POST", "/api/import", cookie, doc)).status).toBe(200);
    expect(await plan()).toEqual(await freshPlan([first], [fine], gym));
  });

  it("moves a session: a rule-breaking day is refused with 409 and the rule, an allowed one kept until undone", async () => {
    const cookie = await athlete();
    const friday = await json<Move>(t.app, "POST", "/api/plan/moves", cookie, {
      from: "2026-12-03",
      to: "2026-12-04",
    });
    expect(friday.status).toBe(409);
    expect(problem(friday)).toMatchObject({
      kind: "rule",
      rule: "not-before-long-or-race",
      field: "to",
    });
    expect(problem(friday).message).toBeTruthy();
    expect((await json<Items<Move>>(t.app, "GET", "/api/plan/moves", cookie)).body).toEqual({
      items: [],
    });

    const sunday = await json<Move>(t.app, "POST", "/api/plan/moves", cookie, {
      from: "2026-12-03",
      to: "2026-12-06",
    });
    expect(sunday.status).toBe(201);
    expect(sunday.body).toEqual({
      id: expect.stringMatching(UUID),
      kind: "move",
      from: "2026-12-03",
      to: "2026-12-06",
      createdAt: "2026-11-30T09:00:00.000Z",
    });
    const moved = (await json<Plan>(t.app, "GET", PLAN, cookie)).body;
    expect(sessionDates(moved)).toEqual(["2026-12-01", "2026-12-06"]);
    // Sun 6, Tue 8 and Thu 10 would be three sessions in seven days (two-in-seven): Tue + Sun.
    expect(sessionDates(moved, 1)).toEqual(["2026-12-08", "2026-12-13"]);
    const listed = await json<Items<Move>>(t.app, "GET", "/api/plan/moves", cookie);
    expect(listed.status).toBe(200);
    expect(listed.body).toEqual({ items: [{ ...sunday.body, state: "active", reason: null }] });
    expect((await json<Items<Swap>>(t.app, "GET", "/api/plan/swaps", cookie)).body).toEqual({
      items: [],
    });

    const nothingThere = await json<Move>(t.app, "POST", "/api/plan/moves", cookie, {
      from: "2026-12-02",
      to: "2026-12-05",
    });
    expect(nothingThere.status).toBe(409);

    const undo = await json(t.app, "DELETE", `/api/plan/moves/${sunday.body.id}`, cookie);
    expect(undo.status).toBe(204);
    expect(sessionDates((await json<Plan>(t.app, "GET", PLAN, cookie)).body)).toEqual([
      "2026-12-01",
      "2026-12-03",
    ]);
    expect((await json<Items<Move>>(t.app, "GET", "/api/plan/moves", cookie)).body).toEqual({
      items: [],
    });
    expect((await json(t.app, "DELETE", `/api/plan/moves/${sunday.body.id}`, cookie)).status).toBe(
      404,
    );
  });

  it("swaps an exercise for another of the same muscle group, refuses another group, and undoes", async () => {
    const cookie = await athlete();
    const swap = {
      date: "2026-12-01",
      exercise: "romanian-deadlift",
      with: "single-leg-romanian-deadlift",
    };
    const otherGroup = await json<Swap>(t.app, "POST", "/api/plan/swaps", cookie, {
      ...swap,
      with: "one-arm-dumbbell-row",
    });
    expect(otherGroup.status).toBe(409);
    expect(problem(otherGroup)).toMatchObject({ kind: "conflict", field: "with" });
    const notInSession = await json<Swap>(t.app, "POST", "/api/plan/swaps", cookie, {
      ...swap,
      date: "2026-12-02",
    });
    expect(notInSession.status).toBe(409);

    const created = await json<Swap>(t.app, "POST", "/api/plan/swaps", cookie, swap);
    expect(created.status).toBe(201);
    expect(created.body).toEqual({
      id: expect.stringMatching(UUID),
      kind: "swap",
      ...swap,
      createdAt: "2026-11-30T09:00:00.000Z",
    });
    const plan = (await json<Plan>(t.app, "GET", PLAN, cookie)).body;
    expect(exerciseIn(plan, "2026-12-01", "single-leg-romanian-deadlift")).toBeDefined();
    expect(exerciseIn(plan, "2026-12-01", "romanian-deadlift")).toBeUndefined();
    expect(exerciseIn(plan, "2026-12-03", "romanian-deadlift")).toBeDefined();
    expect((await json<Items<Swap>>(t.app, "GET", "/api/plan/swaps", cookie)).body).toEqual({
      items: [{ ...created.body, state: "active", reason: null }],
    });
    expect((await json<Items<Move>>(t.app, "GET", "/api/plan/moves", cookie)).body).toEqual({
      items: [],
    });

    // A swap id is not a move id.
    expect((await json(t.app, "DELETE", `/api/plan/moves/${created.body.id}`, cookie)).status).toBe(
      404,
    );
    expect((await json(t.app, "DELETE", `/api/plan/swaps/${created.body.id}`, cookie)).status).toBe(
      204,
    );
    const undone = (await json<Plan>(t.app, "GET", PLAN, cookie)).body;
    expect(exerciseIn(undone, "2026-12-01", "romanian-deadlift")).toBeDefined();
    expect((await json<Items<Swap>>(t.app, "GET", "/api/plan/swaps", cookie)).body).toEqual({
      items: [],
    });
  });
});

describe("workouts and check-ins", () => {
  it("stores a retried workout once: 201, then 200 with the stored one; another body is 409", async () => {
    const cookie = await signUp(t.app);
    const body = workoutBody("2026-11-24", 2);
    const first = await json<Workout>(t.app, "POST", "/api/workouts", cookie, body);
    expect(first.status).toBe(201);
    expect(first.body).toEqual({
      ...body,
      createdAt: "2026-11-30T09:00:00.000Z",
      updatedAt: "2026-11-30T09:00:00.000Z",
    });

    const start = t.clock.now();
    t.clock.advance(60_000);
    try {
      const retry = await json<Workout>(t.app, "POST", "/api/workouts", cookie, body);
      expect(retry.status).toBe(200);
      expect(retry.body).toEqual(first.body);

      const list = await json<Items<Workout>>(t.app, "GET", "/api/workouts", cookie);
      expect(list.status).toBe(200);
      expect(list.body).toEqual({ items: [first.body] });

      const changed = structuredClone(body);
      (changed.sets[1] as { reps: number }).reps = 9;
      const conflict = await json<Workout>(t.app, "POST", "/api/workouts", cookie, changed);
      expect(conflict.status).toBe(409);
      expect(problem(conflict)).toMatchObject({ kind: "conflict", field: "id" });
      const otherDay = await json<Workout>(t.app, "POST", "/api/workouts", cookie, {
        ...body,
        date: "2026-11-25",
      });
      expect(otherDay.status).toBe(409);
      expect((await json<Items<Workout>>(t.app, "GET", "/api/workouts", cookie)).body).toEqual({
        items: [first.body],
      });
    } finally {
      t.clock.set(start);
    }
  });

  it("gives a workout without id a server-made UUID", async () => {
    const cookie = await signUp(t.app);
    const body = workoutBody("2026-11-26", 3, null);
    expect(body).not.toHaveProperty("id");
    const created = await json<Workout>(t.app, "POST", "/api/workouts", cookie, body);
    expect(created.status).toBe(201);
    expect(created.body.id).toMatch(UUID);
    expect(created.body.sets).toEqual(body.sets);
    const again = await json<Workout>(t.app, "POST", "/api/workouts", cookie, body);
    expect(again.status).toBe(201);
    expect(again.body.id).not.toBe(created.body.id);
    expect(
      (await json<Items<Workout>>(t.app, "GET", "/api/workouts", cookie)).body.items,
    ).toHaveLength(2);
  });

  it("keeps loads in the unit they were logged in, bodyweight sets as null", async () => {
    const cookie = await signUp(t.app);
    const body = {
      id: randomUUID(),
      date: "2026-11-27",
      sets: [
        { exercise: "romanian-deadlift", load: { value: 45, unit: "lb" }, reps: 8, rir: 1 },
        { exercise: "glute-bridge", load: null, reps: 12, rir: 0 },
        { exercise: "quarter-squat", load: { value: 22.5, unit: "kg" }, reps: 100, rir: 5 },
      ],
    };
    expect((await json<Workout>(t.app, "POST", "/api/workouts", cookie, body)).status).toBe(201);
    const got = await json<Workout>(t.app, "GET", `/api/workouts/${body.id}`, cookie);
    expect(got.body.sets).toEqual(body.sets);
    expect((await json<Workout>(t.app, "POST", "/api/workouts", cookie, body)).status).toBe(200);
  });

  it("stores a workout sent several times at once exactly once (201 once, 200 for the others)", async () => {
    const cookie = await signUp(t.app);
    const body = workoutBody("2026-11-24", 3);
    const answers = await Promise.all(
      Array.from({ length: 8 }, () => json<Workout>(t.app, "POST", "/api/workouts", cookie, body)),
    );
    const statuses = answers.map((a) => a.status).sort();
    expect(statuses).toEqual([200, 200, 200, 200, 200, 200, 200, 201]);
    for (const answer of answers) expect(answer.body.sets).toEqual(body.sets);
    expect(
      (await json<Items<Workout>>(t.app, "GET", "/api/workouts", cookie)).body.items,
    ).toHaveLength(1);

    // Different bodies racing for one id: one wins, the others are told 409.
    const id = randomUUID();
    const racing = await Promise.all(
      [8, 9, 10].map((reps) =>
        json<Workout>(t.app, "POST", "/api/workouts", cookie, {
          id,
          date: "2026-11-25",
          sets: [{ exercise: "glute-bridge", load: null, reps, rir: 2 }],
        }),
      ),
    );
    expect(racing.map((a) => a.status).sort()).toEqual([201, 409, 409]);
    expect(
      (await json<Items<Workout>>(t.app, "GET", "/api/workouts", cookie)).body.items,
    ).toHaveLength(2);
  });

  it("keeps one check-in per day when answers for that day arrive at once", async () => {
    const cookie = await signUp(t.app);
    const answers = await Promise.all(
      [1, 2, 3, 4, 5].map((soreness) =>
        json<Checkin>(t.app, "POST", "/api/checkins", cookie, {
          date: "2026-11-25",
          soreness,
          hurtRun: false,
        }),
      ),
    );
    for (const answer of answers) expect(answer.status, answer.text).toBe(201);
    const items = (await json<Items<Checkin>>(t.app, "GET", "/api/checkins", cookie)).body.items;
    expect(items).toHaveLength(1);
    expect([1, 2, 3, 4, 5]).toContain(present(items[0]).soreness);
  });

  it("answers one 201 and 409s when the same e-mail signs up several times at once", async () => {
    const email = uniqueEmail();
    const answers = await Promise.all(
      [1, 2, 3].map(() =>
        json<Account>(t.app, "POST", "/api/auth/signup", null, {
          email,
          password: PASSWORD,
          name: "Ana",
        }),
      ),
    );
    expect(answers.map((a) => a.status).sort()).toEqual([201, 409, 409]);
  });

  it("answers 404 (not 500) for ids that are no UUID", async () => {
    const cookie = await signUp(t.app);
    for (const id of ["not-a-uuid", "1", "%20", "00000000-0000-0000-0000-00000000000g"]) {
      for (const [method, url, body] of [
        ["GET", `/api/workouts/${id}`, undefined],
        ["PATCH", `/api/workouts/${id}`, { date: "2026-11-23" }],
        ["DELETE", `/api/workouts/${id}`, undefined],
        ["DELETE", `/api/plan/moves/${id}`, undefined],
        ["DELETE", `/api/plan/swaps/${id}`, undefined],
      ] as const) {
        const response = await json(t.app, method, url, cookie, body);
        expect(response.status, `${method} ${url}: ${response.text}`).toBe(404);
        expect(problem(response).kind).toBe("not-found");
      }
    }
  });

  it("answers a retry with loads in pounds and odd decimals with 200, not 409", async () => {
    const cookie = await signUp(t.app);
    for (const [value, unit] of [
      [22.7, "lb"],
      [0.1, "lb"],
      [33.3, "lb"],
      [1000, "lb"],
      [12.345, "kg"],
      [0, "kg"],
      [999.99, "kg"],
    ] as const) {
      const body = {
        id: randomUUID(),
        date: "2026-11-24",
        sets: [{ exercise: "romanian-deadlift", load: { value, unit }, reps: 8, rir: 2 }],
      };
      const first = await json<Workout>(t.app, "POST", "/api/workouts", cookie, body);
      expect(first.status, `${value} ${unit}`).toBe(201);
      const read = await json<Workout>(t.app, "GET", `/api/workouts/${body.id}`, cookie);
      const load = present(read.body.sets[0]?.load, "the stored load");
      expect(load.unit, `${value} ${unit}`).toBe(unit);
      expect(load.value, `${value} ${unit}`).toBeCloseTo(value, 2);
      const retry = await json<Workout>(t.app, "POST", "/api/workouts", cookie, body);
      expect(retry.status, `${value} ${unit}: ${retry.text}`).toBe(200);
    }
  });

  it("GET, PATCH and DELETE /api/workouts/:id", async () => {
    const cookie = await signUp(t.app);
    const body = workoutBody("2026-11-24", 3);
    const created = (await json<Workout>(t.app, "POST", "/api/workouts", cookie, body)).body;
    const url = `/api/workouts/${body.id}`;

    const got = await json(t.app, "GET", url, cookie);
    expect(got.status).toBe(200);
    expect(got.body).toEqual(created);

    const start = t.clock.now();
    t.clock.advance(3_600_000);
    try {
      const moved = await json(t.app, "PATCH", url, cookie, { date: "2026-11-23" });
      expect(moved.status).toBe(200);
      expect(moved.body).toEqual({
        ...created,
        date: "2026-11-23",
        updatedAt: "2026-11-30T10:00:00.000Z",
      });
      const sets = [{ exercise: "glute-bridge", load: null, reps: 10, rir: 2 }];
      const corrected = await json(t.app, "PATCH", url, cookie, { sets });
      expect(corrected.status).toBe(200);
      expect(corrected.body).toMatchObject({ id: body.id, date: "2026-11-23", sets });
      expect((await json(t.app, "GET", url, cookie)).body).toEqual(corrected.body);
      expect((await json<Items<Workout>>(t.app, "GET", "/api/workouts", cookie)).body).toEqual({
        items: [corrected.body],
      });
    } finally {
      t.clock.set(start);
    }

    const deleted = await json(t.app, "DELETE", url, cookie);
    expect(deleted.status).toBe(204);
    expect((await json(t.app, "GET", url, cookie)).status).toBe(404);
    expect((await json(t.app, "DELETE", url, cookie)).status).toBe(404);
    expect((await json(t.app, "PATCH", url, cookie, { date: "2026-11-23" })).status).toBe(404);
    expect((await json<Items<Workout>>(t.app, "GET", "/api/workouts", cookie)).body).toEqual({
      items: [],
    });
    const missing = await json<Workout>(t.app, "GET", `/api/workouts/${randomUUID()}`, cookie);
    expect(missing.status).toBe(404);
    expect(problem(missing).kind).toBe("not-found");
  });

  it("lists workouts oldest training day first", async () => {
    const cookie = await signUp(t.app);
    for (const date of ["2026-11-20", "2026-11-10", "2026-11-15"]) {
      expect(
        (await json<Workout>(t.app, "POST", "/api/workouts", cookie, workoutBody(date))).status,
      ).toBe(201);
    }
    const items = (await json<Items<Workout>>(t.app, "GET", "/api/workouts", cookie)).body.items;
    expect(items.map((item) => item.date)).toEqual(["2026-11-10", "2026-11-15", "2026-11-20"]);
  });

  it("keeps one check-in per day: a second answer replaces the first", async () => {
    const cookie = await signUp(t.app);
    expect((await json<Items<Checkin>>(t.app, "GET", "/api/checkins", cookie)).body).toEqual({
      items: [],
    });
    const first = await json<Checkin>(t.app, "POST", "/api/checkins", cookie, {
      date: "2026-11-25",
      soreness: 3,
      hurtRun: false,
    });
    expect(first.status).toBe(201);
    expect(first.body).toEqual({
      id: expect.stringMatching(UUID),
      date: "2026-11-25",
      soreness: 3,
      hurtRun: false,
      createdAt: "2026-11-30T09:00:00.000Z",
    });
    const other = await json<Checkin>(t.app, "POST", "/api/checkins", cookie, {
      date: "2026-11-27",
      soreness: 0,
      hurtRun: false,
    });
    expect(other.status).toBe(201);
    const second = await json<Checkin>(t.app, "POST", "/api/checkins", cookie, {
      date: "2026-11-25",
      soreness: 8,
      hurtRun: true,
    });
    expect([200, 201]).toContain(second.status);
    expect(second.body).toMatchObject({ date: "2026-11-25", soreness: 8, hurtRun: true });
    const list = await json<Items<Checkin>>(t.app, "GET", "/api/checkins", cookie);
    expect(list.status).toBe(200);
    expect(list.body.items).toHaveLength(2);
    expect(list.body.items).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ date: "2026-11-25", soreness: 8, hurtRun: true }),
        expect.objectContaining({ date: "2026-11-27", soreness: 0, hurtRun: false }),
      ]),
    );
  });
});

describe("exercises", () => {
  it("GET /api/exercises lists the catalogue, by muscle and by equipment", async () => {
    const all = await json<Items<CatalogueEntry>>(t.app, "GET", "/api/exercises");
    expect(all.status).toBe(200);
    expect(all.body.items.length).toBeGreaterThan(10);
    const ids = all.body.items.map((item) => item.id);
    expect(ids).toContain("quarter-squat");
    expect(new Set(ids).size).toBe(ids.length);

    const calves = await json<Items<CatalogueEntry>>(t.app, "GET", "/api/exercises?muscle=calves");
    expect(calves.status).toBe(200);
    expect(calves.body.items.length).toBeGreaterThan(0);
    expect(calves.body.items.length).toBeLessThan(all.body.items.length);
    for (const item of calves.body.items) expect(item.muscles).toContain("calves");

    const some = await json<Items<CatalogueEntry>>(
      t.app,
      "GET",
      "/api/exercises?equipment=dumbbells,band",
    );
    expect(some.status).toBe(200);
    expect(some.body.items.length).toBeGreaterThan(0);
    expect(some.body.items.length).toBeLessThan(all.body.items.length);
    const allowed = new Set(["bodyweight", "dumbbells", "band"]);
    for (const item of some.body.items) {
      expect(item.ways.length).toBeGreaterThan(0);
      for (const way of item.ways) {
        for (const equipment of way.equipment) expect(allowed).toContain(equipment);
      }
    }
    const ids2 = some.body.items.map((item) => item.id);
    expect(ids2).not.toContain("leg-press");

    const both = await json<Items<CatalogueEntry>>(
      t.app,
      "GET",
      "/api/exercises?muscle=calves&equipment=dumbbells,band",
    );
    expect(both.status).toBe(200);
    for (const item of both.body.items) expect(item.muscles).toContain("calves");

    const bad = await json<Items<CatalogueEntry>>(t.app, "GET", "/api/exercises?muscle=biceps");
    expect(bad.status).toBe(400);
    expect(problem(bad)).toMatchObject({ kind: "invalid", field: "muscle" });
    const badEquipment = await json<Items<CatalogueEntry>>(
      t.app,
      "GET",
      "/api/exercises?equipment=dumbbells,jetpack",
    );
    expect(badEquipment.status).toBe(400);
    expect(problem(badEquipment).field).toBe("equipment");
  });
});

describe("export and import", () => {
  it("an export imported into a second account gives the same data; a second import adds nothing", async () => {
    const source = await athlete();
    const workouts = [workoutBody("2026-11-20", 2), workoutBody("2026-11-24", 3)];
    for (const body of workouts) {
      expect((await json<Workout>(t.app, "POST", "/api/workouts", source, body)).status).toBe(201);
    }
    for (const checkin of [
      { date: "2026-11-21", soreness: 2, hurtRun: false },
      { date: "2026-11-25", soreness: 4, hurtRun: true },
    ]) {
      expect((await json<Checkin>(t.app, "POST", "/api/checkins", source, checkin)).status).toBe(
        201,
      );
    }
    const move = { from: "2026-12-03", to: "2026-12-06" };
    expect((await json<Move>(t.app, "POST", "/api/plan/moves", source, move)).status).toBe(201);
    const sourceId = (await json<Account>(t.app, "GET", "/api/me", source)).body.id;
    const activities = [
      aStoredActivity(randomUUID(), "2026-11-22T07:15:00.000Z", {
        elapsedS: 3723.5,
        movingS: 3600,
        distanceM: 10_012.4,
        avgHr: 142,
        maxHr: 171,
        ascentM: 88.2,
        sourceName: "Garmin Forerunner 255",
        format: "gpx",
        source: "export_1/activities/123.gpx.gz",
        warnings: ["point times without a time zone read as UTC"],
        createdAt: Date.parse("2026-11-29T10:00:00Z"),
      }),
      aStoredActivity(randomUUID(), "2026-11-26T17:00:00.000Z", {
        sport: "strength",
        format: "csv",
        source: "activities.csv",
        createdAt: Date.parse("2026-11-29T10:00:01Z"),
      }),
    ];
    const stored = await t.store.activities.insertNew(sourceId, activities);
    expect(stored.inserted).toHaveLength(2);

    const exported = await json<ExportDocument>(t.app, "GET", "/api/export", source);
    expect(exported.status).toBe(200);
    expect(String(exported.headers["content-disposition"])).toContain("attachment");
    const doc = exported.body;
    expect(doc).toMatchObject({ format: "capacity-export", version: 1 });
    expect(doc.workouts).toHaveLength(2);
    expect(doc.checkins).toHaveLength(2);
    expect(doc.planChanges).toHaveLength(1);
    expect(doc.profile).toEqual(exampleProfile());
    expect(doc.activities).toEqual(
      activities.map((a) => ({ ...a, createdAt: new Date(a.createdAt).toISOString() })),
    );

    const target = await signUp(t.app);
    const imported = await json<ImportSummary>(t.app, "POST", "/api/import", target, doc);
    expect(imported.status).toBe(200);
    expect(imported.body).toMatchObject({
      workouts: { added: 2, kept: 0 },
      planChanges: { added: 1, kept: 0 },
      profile: true,
      activities: { added: 2, kept: 0 },
    });

    const same = async <T>(url: string) => {
      const a = await json<T>(t.app, "GET", url, source);
      const b = await json<T>(t.app, "GET", url, target);
      expect(b.status, url).toBe(200);
      expect(b.body, url).toEqual(a.body);
      return b.body;
    };
    const copied = await same<Items<Workout>>("/api/workouts");
    expect(copied.items.map((w) => w.id).sort()).toEqual(workouts.map((w) => w.id).sort());
    await same("/api/checkins");
    await same("/api/profile");
    await same("/api/plan/moves");
    await same("/api/activities");
    await same(PLAN);
    const rows = await databaseRows(t.db);

    const again = await json<ImportSummary>(t.app, "POST", "/api/import", target, doc);
    expect(again.status).toBe(200);
    expect(again.body).toMatchObject({
      workouts: { added: 0, kept: 2 },
      planChanges: { added: 0, kept: 1 },
      activities: { added: 0, kept: 2 },
    });
    await same("/api/workouts");
    await same("/api/checkins");
    await same("/api/plan/moves");
    await same("/api/activities");
    const after = await databaseRows(t.db);
    for (const table of [
      "workout",
      "workout_set",
      "checkin",
      "plan_change",
      "profile",
      "activity",
    ]) {
      expect(after[table], table).toEqual(rows[table]);
    }

    const secondExport = (await json<ExportDocument>(t.app, "GET", "/api/export", target)).body;
    const { exportedAt: _a, account: _b, ...rest } = doc;
    const { exportedAt: _c, account: _d, ...restAgain } = secondExport;
    expect(restAgain).toEqual(rest);
  });

  it("an export made before activities were exported still restores", async () => {
    const source = await athlete();
    expect(
      (await json<Workout>(t.app, "POST", "/api/workouts", source, workoutBody("2026-11-20")))
        .status,
    ).toBe(201);
    const { activities, ...older } = (
      await json<ExportDocument>(t.app, "GET", "/api/export", source)
    ).body;
    expect(activities).toEqual([]);

    const target = await signUp(t.app);
    const imported = await json<ImportSummary>(t.app, "POST", "/api/import", target, older);
    expect(imported.status, imported.text).toBe(200);
    expect(imported.body).toMatchObject({
      workouts: { added: 1, kept: 0 },
      activities: { added: 0, kept: 0 },
    });
    expect(
      (await json<ExportDocument>(t.app, "GET", "/api/export", target)).body.activities,
    ).toEqual([]);
  });

  it("restored activities go through the duplicate rule: the copy already stored stays", async () => {
    const target = await athlete();
    const targetId = (await json<Account>(t.app, "GET", "/api/me", target)).body.id;
    // The target imported the same run from another file: another id, a start 30 s apart.
    const own = aStoredActivity(randomUUID(), "2026-11-22T07:15:30.000Z", {
      elapsedS: 3700,
      source: "Move_2026_11_22.fit",
      createdAt: Date.parse("2026-11-23T08:00:00Z"),
    });
    await t.store.activities.insertNew(targetId, [own]);

    const source = await signUp(t.app);
    const sourceId = (await json<Account>(t.app, "GET", "/api/me", source)).body.id;
    const same = aStoredActivity(randomUUID(), "2026-11-22T07:15:00.000Z", { elapsedS: 3720 });
    const other = aStoredActivity(randomUUID(), "2026-11-24T07:00:00.000Z", { elapsedS: 1800 });
    await t.store.activities.insertNew(sourceId, [same, other]);
    const doc = (await json<ExportDocument>(t.app, "GET", "/api/export", source)).body;

    const imported = await json<ImportSummary>(t.app, "POST", "/api/import", target, doc);
    expect(imported.status, imported.text).toBe(200);
    expect(imported.body.activities).toEqual({ added: 1, kept: 1 });
    const after = (await json<ExportDocument>(t.app, "GET", "/api/export", target)).body.activities;
    expect(after.map((a) => a.id)).toEqual([own.id, other.id]);
    const again = await json<ImportSummary>(t.app, "POST", "/api/import", target, doc);
    expect(again.body.activities).toEqual({ added: 0, kept: 2 });
    expect(
      (await json<ExportDocument>(t.app, "GET", "/api/export", target)).body.activities,
    ).toEqual(after);
  });

  it("a start given with an offset is stored as the same instant in UTC", async () => {
    const target = await signUp(t.app);
    const doc = {
      ...(await json<ExportDocument>(t.app, "GET", "/api/export", target)).body,
      activities: [
        {
          ...aStoredActivity(randomUUID(), "2026-11-22T08:15:00+01:00"),
          createdAt: "2026-11-29T10:00:00.000Z",
        },
      ],
    };
    const imported = await json<ImportSummary>(t.app, "POST", "/api/import", target, doc);
    expect(imported.status, imported.text).toBe(200);
    const after = (await json<ExportDocument>(t.app, "GET", "/api/export", target)).body.activities;
    expect(after).toEqual([{ ...doc.activities[0], start: "2026-11-22T07:15:00.000Z" }]);
  });
});

describe("GET /api/session (the app's start)", () => {
  it("answers 200 with nobody, then the account, then its profile", async () => {
    const t = await testApp();
    try {
      const anonymous = await json<LogInState>(t.app, "GET", "/api/session");
      expect(anonymous.status).toBe(200);
      expect(anonymous.body).toEqual({ user: null, profile: null });
      const cookie = await signUp(t.app, "session@example.com");
      const fresh = await json<LogInState>(t.app, "GET", "/api/session", cookie);
      expect(fresh.body).toMatchObject({ user: { email: "session@example.com" }, profile: null });
      const profile = exampleProfile("marathoner");
      expect((await json<Profile>(t.app, "PUT", "/api/profile", cookie, profile)).status).toBe(200);
      const ready = await json<LogInState>(t.app, "GET", "/api/session", cookie);
      expect(ready.body.profile).toEqual(profile);
    } finally {
      await t.dispose();
    }
  });
});
