/**
 * The calendar feed: parsed with ical.js (a maintained iCalendar library), checked against
 * RFC 5545's line rules, following the plan as it changes, and closed by rotate and revoke.
 */
import { Writable } from "node:stream";
import ICAL from "ical.js";
import { describe, expect, it } from "vitest";
import { argon2Hasher, cryptoIds } from "../../src/adapters/crypto.js";
import { buildApp } from "../../src/adapters/http/app.js";
import type { Items, Move, MoveOption } from "../../src/contract/index.js";
import type { Profile } from "../../src/core/profile/profile.js";
import type { Plan, PlannedSession } from "../../src/core/protocol/plan-types.js";
import { testStore } from "../support/database.js";
import {
  appPerFile,
  exampleProfile,
  json,
  present,
  problem,
  signUp,
  testClock,
} from "../support/http.js";

const t = appPerFile();

/** `GET /api/calendar` and `POST /api/calendar/rotate`: the feed's secret address. */
interface FeedLink {
  readonly url: string;
}

function feedPath(url: string): string {
  return new URL(url).pathname;
}

async function athlete(profile: Record<string, unknown>): Promise<string> {
  const cookie = await signUp(t.app);
  expect((await json<Profile>(t.app, "PUT", "/api/profile", cookie, profile)).status).toBe(200);
  return cookie;
}

interface ParsedEvent {
  uid: string;
  summary: string;
  description: string;
  start: ICAL.Time;
  end: ICAL.Time | null;
  url: string | null;
  triggers: string[];
}

function parse(text: string): ParsedEvent[] {
  const calendar = new ICAL.Component(ICAL.parse(text));
  return calendar.getAllSubcomponents("vevent").map((vevent) => {
    const event = new ICAL.Event(vevent);
    return {
      uid: event.uid,
      summary: event.summary,
      description: event.description,
      start: event.startDate,
      end: vevent.hasProperty("dtend") ? event.endDate : null,
      url: (vevent.getFirstPropertyValue("url") as string | null) ?? null,
      triggers: vevent
        .getAllSubcomponents("valarm")
        .map((alarm) => String(alarm.getFirstPropertyValue("trigger"))),
    };
  });
}

/** RFC 5545 section 3.1: CRLF after every line, at most 75 octets a line, folds start with a space. */
function checkLines(text: string): void {
  expect(text.endsWith("\r\n")).toBe(true);
  expect(text.replace(/\r\n/g, "")).not.toMatch(/[\r\n]/);
  const lines = text.split("\r\n").slice(0, -1);
  for (const line of lines) expect(Buffer.byteLength(line, "utf8")).toBeLessThanOrEqual(75);
  // No fold splits a UTF-8 sequence: each line is valid UTF-8 on its own.
  const decoder = new TextDecoder("utf-8", { fatal: true });
  for (const line of lines) expect(() => decoder.decode(Buffer.from(line, "utf8"))).not.toThrow();
  expect(lines.some((line) => line.startsWith(" "))).toBe(true);
}

async function planSessions(cookie: string): Promise<PlannedSession[]> {
  const plan = (await json<Plan>(t.app, "GET", "/api/plan?weeks=8", cookie)).body;
  return plan.weeks.flatMap((week) => week.sessions);
}

describe("the calendar feed", () => {
  it("answers a secret URL, the same one each time, only to a signed-in athlete", async () => {
    expect((await json<FeedLink>(t.app, "GET", "/api/calendar")).status).toBe(401);
    const cookie = await athlete(exampleProfile());
    const first = await json<FeedLink>(t.app, "GET", "/api/calendar", cookie);
    expect(first.status).toBe(200);
    expect(first.body.url).toMatch(
      /^http:\/\/localhost(:\d+)?\/api\/calendar\/[A-Za-z0-9_-]{43}\.ics$/,
    );
    expect((await json<FeedLink>(t.app, "GET", "/api/calendar", cookie)).body.url).toBe(
      first.body.url,
    );
  });

  it("lists 8 weeks of sessions at the preferred time with a reminder, and a check-in the morning after", async () => {
    const cookie = await athlete({ ...exampleProfile(), sessionTime: "18:30" });
    const { url } = (await json<FeedLink>(t.app, "GET", "/api/calendar", cookie)).body;
    const response = await t.app.inject({ method: "GET", url: feedPath(url) });
    expect(response.statusCode).toBe(200);
    expect(response.headers["content-type"]).toMatch(/^text\/calendar/);
    checkLines(response.body);

    const sessions = await planSessions(cookie);
    expect(sessions.length).toBeGreaterThanOrEqual(8);
    const events = parse(response.body);
    expect(events).toHaveLength(sessions.length * 2);
    expect(new Set(events.map((event) => event.uid)).size).toBe(events.length);

    const workouts = events.filter((event) => !event.summary.startsWith("Check-in"));
    for (const [i, session] of sessions.entries()) {
      const event = workouts[i] as ParsedEvent;
      // Europe/Berlin is UTC+1 in winter: 18:30 there is 17:30 UTC.
      const local = event.start.toJSDate().toLocaleString("sv-SE", { timeZone: "Europe/Berlin" });
      expect(local).toBe(`${session.date} 18:30:00`);
      const end = event.end?.toJSDate().getTime() ?? 0;
      expect(end - event.start.toJSDate().getTime()).toBe(session.minutes * 60_000);
      expect(event.triggers).toEqual(["-PT1H"]);
      expect(event.description).toContain(`Warm-up: ${session.warmup.minutes} minutes`);
      for (const exercise of session.exercises) expect(event.description).toContain(exercise.name);
      expect(event.description).toContain("reps in reserve");
      // Commas and semicolons come back exactly: they were escaped in the file.
      expect(event.description).toContain(`Why: ${session.why}`);
    }
    expect(response.body).toContain("\\,");

    const checkins = events.filter((event) => event.summary.startsWith("Check-in"));
    expect(checkins).toHaveLength(sessions.length);
    const day = checkins[0]?.start
      .toJSDate()
      .toLocaleString("sv-SE", { timeZone: "Europe/Berlin" });
    const next = new Date(`${present(sessions[0]).date}T00:00:00Z`);
    next.setUTCDate(next.getUTCDate() + 1);
    expect(day).toBe(`${next.toISOString().slice(0, 10)} 08:00:00`);
    expect(checkins[0]?.url).toMatch(/^http:\/\/localhost(:\d+)?\/checkin$/);
  });

  it("writes all-day events with an 08:00 reminder without a preferred time, and the lead time the profile asks", async () => {
    const allDay = await athlete(exampleProfile());
    const { url } = (await json<FeedLink>(t.app, "GET", "/api/calendar", allDay)).body;
    const events = parse((await t.app.inject({ method: "GET", url: feedPath(url) })).body);
    const workout = events.find((event) => !event.summary.startsWith("Check-in"));
    expect(workout?.start.isDate).toBe(true);
    expect(workout?.triggers).toEqual(["PT8H"]);

    const early = await athlete({ ...exampleProfile(), sessionTime: "07:05", reminderMinutes: 90 });
    const feed = (await json<FeedLink>(t.app, "GET", "/api/calendar", early)).body.url;
    const timed = parse((await t.app.inject({ method: "GET", url: feedPath(feed) })).body);
    expect(timed.find((event) => !event.summary.startsWith("Check-in"))?.triggers).toEqual([
      "-PT1H30M",
    ]);
  });

  it("refuses a bad session time or lead time in the profile, naming the field", async () => {
    const cookie = await signUp(t.app);
    for (const [field, value] of [
      ["sessionTime", "25:00"],
      ["sessionTime", "7:30"],
      ["reminderMinutes", -5],
      ["reminderMinutes", 2000],
    ] as const) {
      const answer = await json<Profile>(t.app, "PUT", "/api/profile", cookie, {
        ...exampleProfile(),
        [field]: value,
      });
      expect(answer.status).toBe(400);
      expect(problem(answer).field).toBe(field);
    }
  });

  it("follows the plan: a moved session shows on its new day under the same UID", async () => {
    const cookie = await athlete(exampleProfile());
    const { url } = (await json<FeedLink>(t.app, "GET", "/api/calendar", cookie)).body;
    const before = parse((await t.app.inject({ method: "GET", url: feedPath(url) })).body);
    const sessions = await planSessions(cookie);
    const moved = present(sessions[0]);
    const options = await json<Items<MoveOption>>(
      t.app,
      "GET",
      `/api/plan/move-options?from=${moved.date}`,
      cookie,
    );
    const target = present(
      options.body.items.find((item) => item.allowed),
      "an allowed day",
    );
    expect(target, "an allowed day to move to").toBeDefined();
    const move = await json<Move>(t.app, "POST", "/api/plan/moves", cookie, {
      from: moved.date,
      to: target.date,
    });
    expect(move.status).toBe(201);

    const after = parse((await t.app.inject({ method: "GET", url: feedPath(url) })).body);
    // A session that keeps its day keeps its UID. (A move can shift the weeks after it: two
    // sessions in seven days at most, docs/protocol.md section 4; those get their new days.)
    const byDay = new Map(before.map((event) => [event.start.toString(), event.uid]));
    for (const event of after) {
      const was = byDay.get(event.start.toString());
      if (was !== undefined && event.start.toString() !== target.date)
        expect(event.uid, event.start.toString()).toBe(was);
    }
    const uid = before.find((event) => event.start.toString() === moved.date)?.uid;
    expect(uid).toBeDefined();
    expect(after.find((event) => event.uid === uid)?.start.toString()).toBe(target.date);
  });

  it("a rotated token answers 404, the new one works; a revoked feed answers 404", async () => {
    const cookie = await athlete(exampleProfile());
    const old = (await json<FeedLink>(t.app, "GET", "/api/calendar", cookie)).body.url;
    const rotated = await json<FeedLink>(t.app, "POST", "/api/calendar/rotate", cookie);
    expect(rotated.status).toBe(200);
    expect(rotated.body.url).not.toBe(old);
    const gone = await json(t.app, "GET", feedPath(old));
    expect(gone.status).toBe(404);
    expect(problem(gone).kind).toBe("not-found");
    expect(
      (await t.app.inject({ method: "GET", url: feedPath(rotated.body.url) })).statusCode,
    ).toBe(200);

    expect((await json(t.app, "DELETE", "/api/calendar", cookie)).status).toBe(204);
    expect((await json(t.app, "GET", feedPath(rotated.body.url))).status).toBe(404);
    expect((await json(t.app, "GET", "/api/calendar/not-a-token.ics")).status).toBe(404);
    expect((await json(t.app, "GET", "/api/calendar/anything")).status).toBe(404);
  });

  it("never writes the token in the request log", async () => {
    const made = await testStore();
    const lines: string[] = [];
    const stream = new Writable({
      write(chunk, _encoding, done) {
        lines.push(String(chunk));
        done();
      },
    });
    const app = await buildApp(
      {
        store: made.store,
        hasher: argon2Hasher,
        ids: cryptoIds,
        clock: testClock(),
        logInDays: 30,
      },
      {
        logLevel: "trace",
        trustProxy: false,
        bodyLimitBytes: 1_048_576,
        authRateLimit: 1000,
        logStream: stream,
      },
    );
    try {
      const cookie = await signUp(app);
      await json<Profile>(app, "PUT", "/api/profile", cookie, exampleProfile());
      const { url } = (await json<FeedLink>(app, "GET", "/api/calendar", cookie)).body;
      const token = /\/api\/calendar\/(.+)\.ics$/.exec(url)?.[1] ?? "";
      expect(token).not.toBe("");
      expect((await app.inject({ method: "GET", url: feedPath(url) })).statusCode).toBe(200);
      expect((await app.inject({ method: "GET", url: `${feedPath(url)}?x=1` })).statusCode).toBe(
        200,
      );
      const log = lines.join("");
      expect(log).toContain("/api/calendar/[redacted].ics");
      expect(log).not.toContain(token);
    } finally {
      await app.close();
      await made.dispose();
    }
  });
});
