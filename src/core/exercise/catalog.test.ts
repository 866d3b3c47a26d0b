import { describe, expect, it } from "vitest";
import { CATALOG, TAGS } from "./catalog.js";
import {
  EQUIPMENT,
  type Equipment,
  type Exercise,
  type ExerciseWay,
  INJURIES,
  LOAD_EQUIPMENT,
  MUSCLES,
  type Muscle,
  PATTERNS,
} from "./types.js";

const byId = new Map(CATALOG.map((exercise) => [exercise.id, exercise]));
const KEBAB = /^[a-z0-9]+(-[a-z0-9]+)*$/;
/** Proper nouns allowed to keep their capital inside a sentence-case name. */
const PROPER_NOUNS = new Set(["Romanian", "Nordic", "Pallof"]);

const isLoaded = (way: ExerciseWay): boolean =>
  way.equipment.some((item) => (LOAD_EQUIPMENT as readonly string[]).includes(item));
const fits = (way: ExerciseWay, kit: readonly Equipment[]): boolean =>
  way.equipment.every((item) => kit.includes(item));
const isBodyweight = (way: ExerciseWay): boolean =>
  way.equipment.length === 1 && way.equipment[0] === "bodyweight";
const primary = (exercise: Exercise): Muscle | undefined => exercise.muscles[0];
const duplicates = <T>(items: readonly T[]): T[] =>
  items.filter((item, index) => items.indexOf(item) !== index);
const ids = (exercises: readonly Exercise[]): string[] => exercises.map((e) => e.id);

const ATHLETES: Record<string, readonly Equipment[]> = {
  "bodyweight-only": ["bodyweight"],
  home: ["bodyweight", "dumbbells", "band"],
  gym: [
    "bodyweight",
    "barbell",
    "rack",
    "bench",
    "dumbbells",
    "machine",
    "cable",
    "leg-press",
    "kettlebell",
  ],
};
const GROUPS: readonly Muscle[] = MUSCLES;
const LOADED_GROUPS: Record<string, readonly Muscle[]> = {
  gym: ["quadriceps", "hamstrings", "gluteals", "calves", "upper-push", "upper-pull"],
  home: ["quadriceps", "hamstrings", "gluteals", "upper-push", "upper-pull"],
};
/** Injuries are managed, not just excluded: every group keeps a bodyweight exercise for each. */
const INJURY_SAFE_GROUPS: readonly Muscle[] = GROUPS;

describe("exercise catalogue: identity", () => {
  it("has at least 60 exercises", () => {
    expect(CATALOG.length).toBeGreaterThanOrEqual(60);
  });

  it("has unique ids", () => {
    expect(duplicates(ids(CATALOG)), "duplicated ids").toEqual([]);
  });

  it("has unique names", () => {
    expect(duplicates(CATALOG.map((e) => e.name)), "duplicated names").toEqual([]);
  });

  it.each(CATALOG)("$id: id is kebab-case and name is in sentence case", (exercise) => {
    expect(KEBAB.test(exercise.id), `${exercise.id}: id is not kebab-case`).toBe(true);
    const [first = "", ...rest] = exercise.name.split(" ");
    expect(/^[A-Z]/.test(first), `${exercise.id}: name must start with a capital`).toBe(true);
    const capitalised = rest.filter((word) => /^[A-Z]/.test(word) && !PROPER_NOUNS.has(word));
    expect(capitalised, `${exercise.id}: name is not in sentence case`).toEqual([]);
  });
});

describe("exercise catalogue: vocabulary", () => {
  it.each(CATALOG)("$id: muscles come from MUSCLES, without duplicates", (exercise) => {
    expect(exercise.muscles.length, `${exercise.id}: no muscles`).toBeGreaterThan(0);
    for (const muscle of exercise.muscles) {
      expect(MUSCLES, `${exercise.id}: unknown muscle "${muscle}"`).toContain(muscle);
    }
    expect(duplicates(exercise.muscles), `${exercise.id}: duplicated muscles`).toEqual([]);
  });

  it.each(CATALOG)("$id: loads come from INJURIES, without duplicates", (exercise) => {
    for (const injury of exercise.loads) {
      expect(INJURIES, `${exercise.id}: unknown injury "${injury}"`).toContain(injury);
    }
    expect(duplicates(exercise.loads), `${exercise.id}: duplicated loads`).toEqual([]);
  });

  it.each(CATALOG)("$id: has 2-4 cues, each a short plain sentence", (exercise) => {
    expect(exercise.cues.length, `${exercise.id}: cue count`).toBeGreaterThanOrEqual(2);
    expect(exercise.cues.length, `${exercise.id}: cue count`).toBeLessThanOrEqual(4);
    for (const cue of exercise.cues) {
      expect(cue.trim(), `${exercise.id}: cue "${cue}" has stray spaces`).toBe(cue);
      expect(/^[A-Z0-9].*[.!?]$/.test(cue), `${exercise.id}: cue "${cue}" is not a sentence`).toBe(
        true,
      );
      expect(cue.length, `${exercise.id}: cue "${cue}" is too long`).toBeLessThanOrEqual(90);
    }
  });
});

describe("exercise catalogue: ways", () => {
  it.each(CATALOG)("$id: has at least one way, each well formed", (exercise) => {
    expect(exercise.ways.length, `${exercise.id}: no ways`).toBeGreaterThan(0);
    exercise.ways.forEach((way, index) => {
      const where = `${exercise.id} way ${index} [${way.equipment.join(", ")}]`;
      expect(way.equipment.length, `${where}: empty equipment`).toBeGreaterThan(0);
      for (const item of way.equipment) {
        expect(EQUIPMENT, `${where}: unknown equipment "${item}"`).toContain(item);
      }
      expect(duplicates(way.equipment), `${where}: duplicated equipment`).toEqual([]);
      if (way.equipment.includes("bodyweight")) {
        expect(way.equipment, `${where}: "bodyweight" must stand alone`).toEqual(["bodyweight"]);
      }
    });
    const keys = exercise.ways.map((way) => [...way.equipment].sort().join("+"));
    expect(duplicates(keys), `${exercise.id}: duplicated ways`).toEqual([]);
  });

  it.each(CATALOG)("$id: implements is set exactly on dumbbell or kettlebell ways", (exercise) => {
    exercise.ways.forEach((way, index) => {
      const where = `${exercise.id} way ${index} [${way.equipment.join(", ")}]`;
      const held = way.equipment.includes("dumbbells") || way.equipment.includes("kettlebell");
      if (held) {
        expect([1, 2], `${where}: say whether one or two are held`).toContain(way.implements);
      } else {
        expect(way.implements, `${where}: implements without dumbbells or kettlebell`).toBe(
          undefined,
        );
      }
    });
  });
});

describe("exercise catalogue: ladders", () => {
  it.each(CATALOG)(
    "$id: easier/harder links exist, are symmetric and stay in group",
    (exercise) => {
      const links: [string, readonly string[], "easier" | "harder"][] = [
        ["easier", exercise.easier, "harder"],
        ["harder", exercise.harder, "easier"],
      ];
      for (const [side, targets, back] of links) {
        expect(duplicates(targets), `${exercise.id}: duplicated ${side} ids`).toEqual([]);
        for (const target of targets) {
          const other = byId.get(target);
          expect(other, `${exercise.id}: ${side} "${target}" does not exist`).toBeDefined();
          expect(target, `${exercise.id}: lists itself as ${side}`).not.toBe(exercise.id);
          if (other === undefined) continue;
          expect(
            other[back],
            `${exercise.id} lists ${target} as ${side}, but ${target} does not list it as ${back}`,
          ).toContain(exercise.id);
          expect(
            primary(other),
            `${exercise.id}: ${side} "${target}" has another primary muscle`,
          ).toBe(primary(exercise));
        }
      }
      const both = exercise.easier.filter((id) => exercise.harder.includes(id));
      expect(both, `${exercise.id}: listed as both easier and harder`).toEqual([]);
    },
  );
});

describe("exercise catalogue: the article's one exercise", () => {
  it("has a quarter squat working the quadriceps first and the gluteals", () => {
    const squat = byId.get("quarter-squat");
    expect(squat, "quarter-squat is missing").toBeDefined();
    expect(squat?.muscles[0], "quarter-squat: primary muscle").toBe("quadriceps");
    expect(squat?.muscles, "quarter-squat: muscles").toContain("gluteals");
    expect(squat?.ways.some(isBodyweight), "quarter-squat: needs a bodyweight way").toBe(true);
  });

  it("has a leg press done on a leg press", () => {
    const press = byId.get("leg-press");
    expect(press, "leg-press is missing").toBeDefined();
    expect(press?.muscles[0], "leg-press: primary muscle").toBe("quadriceps");
    expect(press?.ways.map((way) => way.equipment)).toContainEqual(["leg-press"]);
  });
});

describe("exercise catalogue: coverage", () => {
  const cases = Object.entries(ATHLETES).flatMap(([athlete, kit]) =>
    GROUPS.map((group) => ({ athlete, group, kit })),
  );
  it.each(cases)("$group can be trained by the $athlete athlete", ({ athlete, group, kit }) => {
    const usable = CATALOG.filter(
      (e) => primary(e) === group && e.ways.some((way) => fits(way, kit)),
    );
    expect(ids(usable), `no ${group} exercise for the ${athlete} athlete`).not.toEqual([]);
  });

  const loadedCases = Object.entries(LOADED_GROUPS).flatMap(([athlete, groups]) =>
    groups.map((group) => ({ athlete, group, kit: ATHLETES[athlete] ?? [] })),
  );
  it.each(loadedCases)(
    "$group has a loaded choice for the $athlete athlete",
    ({ athlete, group, kit }) => {
      const loaded = CATALOG.filter(
        (e) => primary(e) === group && e.ways.some((way) => isLoaded(way) && fits(way, kit)),
      );
      expect(ids(loaded), `no loaded ${group} exercise for the ${athlete} athlete`).not.toEqual([]);
    },
  );

  const injuryCases = INJURIES.flatMap((injury) =>
    INJURY_SAFE_GROUPS.map((group) => ({ injury, group })),
  );
  it.each(injuryCases)(
    "$group keeps a bodyweight exercise with a $injury injury",
    ({ injury, group }) => {
      const safe = CATALOG.filter(
        (e) => primary(e) === group && e.ways.some(isBodyweight) && !e.loads.includes(injury),
      );
      expect(ids(safe), `no bodyweight ${group} exercise spares the ${injury}`).not.toEqual([]);
    },
  );
});

describe("exercise catalogue: injuries by movement pattern", () => {
  it.each(CATALOG)("$id: has a known pattern and suits only known injuries", (exercise) => {
    expect(PATTERNS).toContain(exercise.pattern);
    for (const injury of exercise.suits) expect(INJURIES).toContain(injury);
    const both = exercise.loads.filter((injury) => exercise.suits.includes(injury));
    expect(both, `${exercise.id}: both aggravates and suits`).toEqual([]);
  });

  it("tags every exercise sharing a pattern the same way, for every injury", () => {
    const wrong: string[] = [];
    for (const pattern of PATTERNS) {
      const members = CATALOG.filter((exercise) => exercise.pattern === pattern);
      for (const injury of INJURIES) {
        const tag = (exercise: Exercise) =>
          exercise.loads.includes(injury)
            ? "aggravates"
            : exercise.suits.includes(injury)
              ? "suits"
              : "neither";
        const tags = new Set(members.map(tag));
        if (tags.size > 1) {
          wrong.push(`${pattern}/${injury}: ${members.map((e) => `${e.id}=${tag(e)}`).join(", ")}`);
        }
      }
      const table = TAGS[pattern];
      for (const member of members) {
        if (
          [...member.loads].sort().join() !== [...table.loads].sort().join() ||
          [...member.suits].sort().join() !== [...table.suits].sort().join()
        ) {
          wrong.push(`${member.id}: tags differ from the ${pattern} pattern's`);
        }
      }
    }
    expect(wrong).toEqual([]);
  });

  it("uses every pattern", () => {
    const used = new Set(CATALOG.map((exercise) => exercise.pattern));
    expect(PATTERNS.filter((pattern) => !used.has(pattern))).toEqual([]);
  });

  it.each(INJURIES)("%s: some exercise suits it, and one needs no equipment", (injury) => {
    const suiting = CATALOG.filter((exercise) => exercise.suits.includes(injury));
    expect(ids(suiting)).not.toEqual([]);
    expect(ids(suiting.filter((exercise) => exercise.ways.some(isBodyweight)))).not.toEqual([]);
  });

  it("names the rehabilitation loading the protocol lists for each region", () => {
    const suits = (id: string) => byId.get(id)?.suits ?? [];
    expect(suits("bent-knee-calf-raise")).toContain("achilles");
    expect(suits("calf-raise-hold")).toContain("achilles");
    expect(suits("calf-raise")).toContain("plantar-fascia");
    expect(suits("isometric-hamstring-bridge")).toContain("hamstring");
    expect(suits("spanish-squat")).toContain("knee");
    expect(suits("step-down")).toContain("knee");
    expect(suits("tibialis-raise")).toContain("shin");
  });
});

describe("exercise catalogue: new groups and equipment", () => {
  it("has the Copenhagen plank and a bodyweight, band and machine or cable adductor option", () => {
    const adductors = CATALOG.filter((exercise) => primary(exercise) === "adductors");
    expect(ids(adductors)).toContain("copenhagen-plank");
    const kinds = adductors.flatMap((exercise) => exercise.ways.map((way) => way.equipment));
    expect(kinds).toContainEqual(["bodyweight"]);
    expect(kinds).toContainEqual(["band"]);
    expect(kinds.some((kit) => kit.includes("machine") || kit.includes("cable"))).toBe(true);
  });

  it("has pull-up and chin-up on a pull-up bar, and the tibialis raise, Spanish squat, step-down", () => {
    for (const id of ["pull-up", "chin-up"]) {
      expect(byId.get(id)?.ways.map((way) => way.equipment)).toContainEqual(["pull-up-bar"]);
    }
    for (const id of ["tibialis-raise", "spanish-squat", "step-down"]) {
      expect(byId.get(id), id).toBeDefined();
    }
  });

  it("asks for a bar in a rack for the inverted row, not nothing", () => {
    expect(byId.get("inverted-row")?.ways.some(isBodyweight)).toBe(false);
  });

  it("uses every equipment item in some way (bike is the warm-up)", () => {
    const used = new Set(CATALOG.flatMap((e) => e.ways.flatMap((way) => way.equipment)));
    expect(EQUIPMENT.filter((item) => item !== "bike" && !used.has(item))).toEqual([]);
  });
});
