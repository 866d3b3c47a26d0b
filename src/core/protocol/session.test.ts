import { describe, expect, it } from "vitest";
import { aLog, aProfile, day } from "../../../test/builders.js";
import type { Profile } from "../profile/profile.js";
import { planWeeks } from "./plan.js";
import { minutesNote } from "./session.js";

/** The session planned on Tuesday 2026-12-01 for this profile. */
function sessionFor(profile: Profile) {
  const plan = planWeeks({ profile, log: aLog(), from: day("2026-12-01"), weeks: 1 });
  const found = plan.weeks[0]?.sessions.find((session) => session.date === "2026-12-01");
  if (!found) throw new Error("no session on 2026-12-01");
  return found;
}

const NO_OMITTED = { omitted: [] };

describe("the minutes note: why a session is shorter than asked", () => {
  it("a full session in 60 minutes asked: the dose needs only about 26", () => {
    // 8 + 7 × 2.5 = 25.5 → "about 26", the card's rounding.
    const session = sessionFor(aProfile({ sessionMinutes: 60 }));
    expect(session.kind).toBe("full");
    expect(session.minutesNote).toBe(
      "You asked for 60 minutes; this session takes about 26: its 7 exercises are all that suit you, and one set of each is the whole dose, so more time would not make it better.",
    );
  });

  it("a short session: 20 asked, 4 exercises in 18, a fifth would not fit", () => {
    const session = sessionFor(aProfile({ sessionMinutes: 20 }));
    expect(session.minutes).toBe(18);
    expect(session.minutesNote).toBe(
      "You asked for 20 minutes; this session takes about 18: 4 exercises fit, and one more would take 2.5 minutes past your 20.",
    );
  });

  it("no note when the session takes what was asked (13 = 8 + 2 × 2.5)", () => {
    const session = sessionFor(aProfile({ sessionMinutes: 13 }));
    expect(session.minutes).toBe(13);
    expect(session.minutesNote).toBeNull();
  });

  it("no note when the rounded minutes reach what was asked (20.5 shows as 21)", () => {
    expect(
      minutesNote({
        kind: "short",
        phase: "base",
        minutes: 20.5,
        count: 5,
        menu: NO_OMITTED,
        asked: 21,
      }),
    ).toBeNull();
  });

  it("names the muscle groups left out, pointing to the reason", () => {
    const note = minutesNote({
      kind: "full",
      phase: "base",
      minutes: 23,
      count: 6,
      menu: {
        omitted: [
          { muscle: "hip-stabilizers", reason: "No hip stabilizers exercise fits your equipment." },
        ],
      },
      asked: 35,
    });
    expect(note).toBe(
      "You asked for 35 minutes; this session takes about 23: its 6 exercises are all that suit you, and one set of each is the whole dose, so more time would not make it better. Left out: hip stabilizers (the reason is under Why?).",
    );
  });

  it("the taper and race week say they cut the session on purpose", () => {
    const base = { kind: "reduced", minutes: 15.5, count: 3, menu: NO_OMITTED, asked: 35 } as const;
    expect(minutesNote({ ...base, phase: "taper" })).toBe(
      "You asked for 35 minutes; this session takes about 16: the taper keeps about half the exercises (3 exercises), so you arrive at the race fresh.",
    );
    expect(minutesNote({ ...base, phase: "race-week" })).toMatch(
      /^You asked for 35 minutes; this session takes about 16: race week keeps it short/,
    );
  });
});
