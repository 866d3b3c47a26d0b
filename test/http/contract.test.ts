/**
 * The answers of the running app match the contract (src/contract): every body a route sends
 * is checked against its TypeBox schema, closed objects included, so a field added on one side
 * only fails here.
 */
import type { TSchema } from "@sinclair/typebox";
import { Value } from "@sinclair/typebox/value";
import { describe, expect, it } from "vitest";
import {
  type Account,
  AccountSchema,
  type ActivityView,
  ActivityViewSchema,
  type Checkin,
  CheckinSchema,
  ErrorBodySchema,
  type Items,
  type LogInState,
  LogInStateSchema,
  type Move,
  type MoveOption,
  MoveOptionSchema,
  MoveSchema,
  type Swap,
  SwapSchema,
  type Workout,
  WorkoutSchema,
} from "../../src/contract/index.js";
import type { Profile } from "../../src/core/profile/profile.js";
import { aStoredActivity } from "../builders.js";
import { appPerFile, exampleProfile, json, uniqueEmail, workoutBody } from "../support/http.js";

const t = appPerFile();

function expectShape(schema: TSchema, body: unknown): void {
  const problems = [...Value.Errors(schema, body)].map((e) => `${e.path}: ${e.message}`);
  expect(problems).toEqual([]);
}

function expectItems(schema: TSchema, body: unknown): void {
  const items = (body as { items?: unknown[] }).items;
  expect(Array.isArray(items) && items.length > 0).toBe(true);
  for (const item of items ?? []) expectShape(schema, item);
}

describe("responses follow src/contract", () => {
  it("accounts and the log-in state", async () => {
    const signedOut = await json<LogInState>(t.app, "GET", "/api/session");
    expectShape(LogInStateSchema, signedOut.body);
    const signup = await json<Account>(t.app, "POST", "/api/auth/signup", null, {
      email: uniqueEmail(),
      password: "correct horse battery staple",
      name: "Ana",
    });
    expect(signup.status).toBe(201);
    expectShape(AccountSchema, signup.body);
    const cookie = String(signup.headers["set-cookie"]).split(";")[0] ?? "";
    expectShape(AccountSchema, (await json<Account>(t.app, "GET", "/api/me", cookie)).body);
    await json<Profile>(t.app, "PUT", "/api/profile", cookie, exampleProfile());
    const signedIn = await json<LogInState>(t.app, "GET", "/api/session", cookie);
    expectShape(LogInStateSchema, signedIn.body);
    expect(signedIn.body.profile).not.toBeNull();
  });

  it("workouts, check-ins, moves, swaps, move options and activities", async () => {
    const signup = await json<Account>(t.app, "POST", "/api/auth/signup", null, {
      email: uniqueEmail(),
      password: "correct horse battery staple",
      name: "Ben",
    });
    const cookie = String(signup.headers["set-cookie"]).split(";")[0] ?? "";
    await json<Profile>(t.app, "PUT", "/api/profile", cookie, exampleProfile());

    const workout = await json<Workout>(t.app, "POST", "/api/workouts", cookie, workoutBody());
    expectShape(WorkoutSchema, workout.body);
    expectItems(
      WorkoutSchema,
      (await json<Items<Workout>>(t.app, "GET", "/api/workouts", cookie)).body,
    );
    const checkin = { date: "2026-11-25", soreness: 2, hurtRun: false };
    expectShape(
      CheckinSchema,
      (await json<Checkin>(t.app, "POST", "/api/checkins", cookie, checkin)).body,
    );
    expectItems(
      CheckinSchema,
      (await json<Items<Checkin>>(t.app, "GET", "/api/checkins", cookie)).body,
    );

    const options = await json<Items<MoveOption>>(
      t.app,
      "GET",
      "/api/plan/move-options?from=2026-12-01",
      cookie,
    );
    expectItems(MoveOptionSchema, options.body);
    const allowed = options.body.items.find((option) => option.allowed);
    const move = await json<Move>(t.app, "POST", "/api/plan/moves", cookie, {
      from: "2026-12-01",
      to: allowed?.date,
    });
    expect(move.status).toBe(201);
    expectShape(MoveSchema, move.body);
    expectItems(
      MoveSchema,
      (await json<Items<Move>>(t.app, "GET", "/api/plan/moves", cookie)).body,
    );
    const swap = await json<Swap>(t.app, "POST", "/api/plan/swaps", cookie, {
      date: "2026-12-03",
      exercise: "romanian-deadlift",
      with: "single-leg-romanian-deadlift",
    });
    expect(swap.status).toBe(201);
    expectShape(SwapSchema, swap.body);

    const me = (await json<Account>(t.app, "GET", "/api/me", cookie)).body;
    await t.store.activities.insertNew(me.id, [
      aStoredActivity("7f1c2d3e-0000-4000-8000-000000000001", "2026-11-28T07:00:00.000Z"),
    ]);
    expectItems(
      ActivityViewSchema,
      (await json<Items<ActivityView>>(t.app, "GET", "/api/activities", cookie)).body,
    );
  });

  it("error bodies, the framework's included", async () => {
    const answers = await Promise.all([
      json<Items<Workout>>(t.app, "GET", "/api/workouts"),
      json(t.app, "GET", "/api/no-such-route"),
      json<Account>(t.app, "POST", "/api/auth/login", null, "{not json", {
        "content-type": "application/json",
      }),
      json<Account>(t.app, "POST", "/api/auth/login", null, { email: "x" }),
    ]);
    expect(answers.map((answer) => answer.status)).toEqual([401, 404, 400, 400]);
    for (const answer of answers) expectShape(ErrorBodySchema, answer.body);
  });
});
