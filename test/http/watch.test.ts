import FitParser from "fit-file-parser";
import { describe, expect, it } from "vitest";
import { workoutSteps } from "../../src/adapters/fit-workout.js";
import { checkFitCrc } from "../../src/adapters/importers/fit-crc.js";
import type { Profile } from "../../src/core/profile/profile.js";
import type { Plan } from "../../src/core/protocol/plan-types.js";
import {
  appPerFile,
  exampleProfile,
  json,
  present,
  problem,
  signUp,
  weekOf,
} from "../support/http.js";

const t = appPerFile();

describe("GET /api/plan/sessions/:date/workout.fit", () => {
  it("answers the planned session as a FIT workout that decodes to its steps", async () => {
    const cookie = await signUp(t.app);
    await json<Profile>(t.app, "PUT", "/api/profile", cookie, exampleProfile("gym-runner"));
    const plan = (await json<Plan>(t.app, "GET", "/api/plan?from=2026-11-30", cookie)).body;
    const session = present(weekOf(plan).sessions[0]);
    const response = await t.app.inject({
      method: "GET",
      url: `/api/plan/sessions/${session.date}/workout.fit`,
      headers: { cookie },
    });
    expect(response.statusCode).toBe(200);
    expect(response.headers["content-type"]).toBe("application/vnd.ant.fit");
    expect(response.headers["content-disposition"]).toContain(`capacity-${session.date}.fit`);
    const bytes = new Uint8Array(response.rawPayload);
    expect(checkFitCrc(bytes).file).toBe("ok");
    const decoded = await new FitParser({ force: false, mode: "list" }).parseAsync(
      Buffer.from(bytes),
    );
    const steps = (decoded.messages as Record<string, Record<string, unknown>[]>).workout_step;
    expect(steps?.map((step) => step.wkt_step_name)).toEqual(
      workoutSteps(session).map((step) => step.name),
    );
  });

  it("answers 404 on a day without a session, 400 on a bad date and 401 without a session cookie", async () => {
    const cookie = await signUp(t.app);
    await json<Profile>(t.app, "PUT", "/api/profile", cookie, exampleProfile("gym-runner"));
    const plan = (await json<Plan>(t.app, "GET", "/api/plan?from=2026-11-30", cookie)).body;
    const free = present(weekOf(plan).days.find((day) => !day.session));
    const none = await json(t.app, "GET", `/api/plan/sessions/${free.date}/workout.fit`, cookie);
    expect(none.status).toBe(404);
    expect(problem(none)).toMatchObject({ kind: "not-found", field: "date" });
    const bad = await json(t.app, "GET", "/api/plan/sessions/2026-13-45/workout.fit", cookie);
    expect(bad.status).toBe(400);
    expect(problem(bad)).toMatchObject({ kind: "invalid", field: "date" });
    expect((await json(t.app, "GET", `/api/plan/sessions/${free.date}/workout.fit`)).status).toBe(
      401,
    );
  });
});
