import { describe, expect, it } from "vitest";
import { README_PROFILE as ANA } from "../../../test/builders.js";
import { formatInvalid } from "../validation.js";
import { availableEquipment, preferredDays, validateProfile } from "./validate-profile.js";

type Doc = Record<string, unknown>;
const withField = (changes: Doc): Doc => ({ ...structuredClone(ANA), ...changes });
const without = (field: keyof typeof ANA): Doc => {
  const copy: Doc = structuredClone(ANA);
  delete copy[field];
  return copy;
};

/** The one-line message for an invalid profile; fails the test if it was accepted. */
function problem(input: unknown): { field: string; line: string } {
  const result = validateProfile(input);
  if (result.ok) throw new Error("expected the profile to be refused");
  return { field: result.error.field, line: formatInvalid(result.error) };
}

describe("validateProfile accepts the contract", () => {
  it("the README's example profile", () => {
    const result = validateProfile(structuredClone(ANA));
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.value.name).toBe("Ana");
  });

  it("without the optional fields", () => {
    let minimal: Doc = structuredClone(ANA);
    for (const field of ["preferredDays", "injuries", "race", "timezone", "increments"] as const) {
      minimal = { ...minimal };
      delete minimal[field];
    }
    expect(validateProfile(minimal).ok).toBe(true);
  });

  it("sessionMinutes at both ends: 8 and 180", () => {
    expect(validateProfile(withField({ sessionMinutes: 8 })).ok).toBe(true);
    expect(validateProfile(withField({ sessionMinutes: 180 })).ok).toBe(true);
  });

  it("every race distance and a leap-day race", () => {
    for (const distance of ["5k", "10k", "half", "marathon", "ultra"]) {
      expect(validateProfile(withField({ race: { date: "2028-02-29", distance } })).ok).toBe(true);
    }
  });
});

describe("validateProfile names the field and what is accepted", () => {
  it("an unknown field", () => {
    const { field, line } = problem(withField({ colour: "red" }));
    expect(field).toBe("colour");
    expect(line).toMatch(/^colour: is not a known field/);
    for (const known of ["name", "birthYear", "runWeek", "sessionMinutes", "timezone"]) {
      expect(line).toContain(known);
    }
  });

  it('"tue": "hard" names runWeek.tue and lists rest, easy, quality, long', () => {
    const { field, line } = problem(withField({ runWeek: { ...ANA.runWeek, tue: "hard" } }));
    expect(field).toBe("runWeek.tue");
    expect(line).toBe(
      'runWeek.tue: "hard" is not accepted; expected one of rest, easy, quality, long',
    );
  });

  it("a missing day of the run week", () => {
    const { sun: _sun, ...sixDays } = ANA.runWeek;
    const { field, line } = problem(withField({ runWeek: sixDays }));
    expect(field).toBe("runWeek.sun");
    expect(line).toMatch(/missing/);
  });

  it("a missing required field", () => {
    const { field, line } = problem(without("name"));
    expect(field).toBe("name");
    expect(line).toBe("name: is missing");
  });

  it.each([7, 181, 0, 30.5])("sessionMinutes %s is refused: whole minutes 8 to 180", (minutes) => {
    const { field, line } = problem(withField({ sessionMinutes: minutes }));
    expect(field).toBe("sessionMinutes");
    expect(line).toContain(String(minutes));
    expect(line).toMatch(/8 to 180/);
  });

  it("a race date that does not exist: 2027-02-30", () => {
    const { field, line } = problem(
      withField({ race: { date: "2027-02-30", distance: "marathon" } }),
    );
    expect(field).toBe("race.date");
    expect(line).toContain("2027-02-30");
    expect(line).toContain("YYYY-MM-DD");
  });

  it("a race date in another format", () => {
    const { field, line } = problem(withField({ race: { date: "18/04/2027", distance: "half" } }));
    expect(field).toBe("race.date");
    expect(line).toContain("YYYY-MM-DD");
  });

  it("a race distance outside the list", () => {
    const { field, line } = problem(withField({ race: { date: "2027-04-18", distance: "42k" } }));
    expect(field).toBe("race.distance");
    expect(line).toMatch(/5k, 10k, half, marathon, ultra/);
  });

  it("a time zone that does not exist", () => {
    const { field, line } = problem(withField({ timezone: "Mars/Olympus" }));
    expect(field).toBe("timezone");
    expect(line).toContain("Mars/Olympus");
    expect(line).toMatch(/IANA/);
  });

  it("equipment, injuries, units and weekStart outside their lists", () => {
    expect(problem(withField({ equipment: ["dumbbells", "sofa"] })).field).toBe("equipment[1]");
    expect(problem(withField({ equipment: ["sofa"] })).line).toMatch(/bodyweight, band, dumbbells/);
    expect(problem(withField({ injuries: ["toe"] })).line).toMatch(/^injuries\[0\]: .*achilles/);
    expect(problem(withField({ units: "stone" })).line).toMatch(/^units: .*kg, lb/);
    expect(problem(withField({ weekStart: "monday" })).line).toMatch(/^weekStart: .*mon, tue/);
  });

  it("increments: unknown equipment and a zero step", () => {
    expect(problem(withField({ increments: { sofa: 1 } })).field).toBe("increments.sofa");
    const zero = problem(withField({ increments: { dumbbells: 0 } }));
    expect(zero.field).toBe("increments.dumbbells");
    expect(zero.line).toMatch(/above 0/);
  });

  it("a birth year as text", () => {
    expect(problem(withField({ birthYear: "1971" })).field).toBe("birthYear");
  });

  it("something that is not an object at all", () => {
    for (const input of [null, [], "Ana", 42]) {
      const result = validateProfile(input);
      expect(result.ok).toBe(false);
    }
  });
});

describe("profile helpers", () => {
  it("bodyweight is always available", () => {
    const result = validateProfile(withField({ equipment: ["band"] }));
    if (!result.ok) throw new Error(formatInvalid(result.error));
    expect([...availableEquipment(result.value)].sort()).toEqual(["band", "bodyweight"]);
    expect([...preferredDays(result.value)]).toEqual(["tue"]);
  });
});
