import { CATALOG } from "../exercise/catalog.js";
import { exerciseById } from "../exercise/catalog-index.js";
import {
  type Athlete,
  type Choice,
  chooseForSlot,
  injuriesLoaded,
  isBentKnee,
  ladderStep,
  type SlotChoice,
} from "../exercise/selection.js";
import { SLOTS, type Slot } from "../exercise/slots.js";
import { BANDS, type Band, type Exercise, type Injury, type Muscle } from "../exercise/types.js";
import { isLoaded, loadEquipmentOf, wayFor } from "../exercise/ways.js";
import { type DatedSet, type History, lastDone, slowKey } from "../log/history.js";
import { type LoadContext, prescribeLoad } from "../progression/prescribe-load.js";
import { readSet } from "../progression/verdict.js";
import { DOSE } from "./dose.js";
import type { Adjustment, Prescription } from "./plan-types.js";

/**
 * What the athlete's sessions hold, worked out once per plan: which exercise fills each slot
 * and its suggested load. Every session of the plan takes its exercises from the top of it.
 */
export interface Menu {
  /**
   * Chosen exercises in session order; `hold` is the prescription for peak, taper and race week.
   * `alternate` (the calves slot) is the other half of a slot that changes from one session to
   * the next: straight-knee and bent-knee calf raises take turns.
   */
  readonly items: readonly {
    readonly slot: Slot;
    readonly base: Prescription;
    readonly hold: Prescription;
    readonly alternate?: { readonly base: Prescription; readonly hold: Prescription };
  }[];
  readonly omitted: readonly { readonly muscle: Muscle; readonly reason: string }[];
  readonly adjustments: readonly Adjustment[];
  readonly notes: readonly string[];
  /** The prescription for any exercise the athlete can do (for swaps), or null when they cannot. */
  readonly prescribeFor: (
    exercise: Exercise,
  ) => { readonly base: Prescription; readonly hold: Prescription } | null;
}

export const INJURY_WORDS: Record<Injury, string> = {
  achilles: "Achilles",
  "plantar-fascia": "plantar fascia",
  knee: "knee",
  "it-band": "IT band",
  hamstring: "hamstring",
  hip: "hip",
  "low-back": "low back",
  shin: "shin",
};

function injuryWords(injuries: readonly Injury[]): string {
  return injuries.map((injury) => INJURY_WORDS[injury] ?? injury).join(" and ");
}

/** The pain rule every injury note carries (protocol section 6, injuries). */
export const PAIN_RULE =
  "Pain during an exercise is fine up to 3 of 10 if it is no worse the next morning; otherwise skip that exercise and see a physical therapist.";

const DOSE_WHY = "One set of 8 to 10, stopping with 1 or 2 reps left in the tank.";
const SLOW = "3 seconds on the way down";

interface MenuInput {
  readonly athlete: Athlete;
  readonly history: History;
  readonly load: Omit<LoadContext, "hold" | "cut">;
  readonly cuts: ReadonlyMap<string, { readonly reason: string; readonly cause?: string }>;
}

/** Where a bodyweight or band exercise stands on its ladder for the next session. */
interface Rung {
  readonly choice: Choice;
  readonly why: string;
  readonly cut: string | null;
  readonly band?: Band;
  readonly slow?: boolean;
}

/**
 * The log does not record the tempo: once a set at the top of the ladder earned the slow tempo
 * (10 or more reps with 3 or more left; with a band, on that band), it stays slow.
 */
function earnedSlow(history: History, id: string, band?: Band): boolean {
  return history.earnedSlow.has(slowKey(id, band));
}

function usesBand(choice: Choice): boolean {
  return choice.way.equipment.includes("band");
}

function bandWords(band: Band): string {
  return band.replace("-", " ");
}

/** What the top of the ladder says, so that no rung is promised that does not exist. */
function nextRungWords(choice: Choice, athlete: Athlete): string {
  if (usesBand(choice)) {
    return `When 10 leave 3 or more in the tank, take the next band (${BANDS.map(bandWords).join(", ")}), then slow down (${SLOW}).`;
  }
  const harder = ladderStep(choice.exercise, "harder", athlete);
  return harder
    ? `When 10 feel easy with 3 or more left, you move to a harder variant: ${harder.exercise.name.toLowerCase()}.`
    : `When 10 feel easy with 3 or more left, slow down (${SLOW}) to make it harder.`;
}

/**
 * The band ladder (protocol section 6): light → medium → heavy → extra heavy, then a slower
 * tempo; down a band when the set was too hard or the next day too sore.
 */
function bandRung(choice: Choice, last: DatedSet, input: MenuInput): Rung {
  const { reps, rir, band } = last.set;
  const index = band ? BANDS.indexOf(band) : -1;
  const seen = `Last time ${reps} reps with ${rir} left${band ? ` on the ${bandWords(band)} band` : ""}`;
  const cut = input.cuts.get(choice.exercise.id);
  const lighter = index > 0 ? BANDS[index - 1] : undefined;
  const heavier = index >= 0 ? BANDS[index + 1] : undefined;
  if (cut) {
    return lighter
      ? {
          choice,
          band: lighter,
          cut: cut.reason,
          why: `${cut.reason} With a band: the ${bandWords(lighter)} band.`,
        }
      : {
          choice,
          ...(band ? { band } : {}),
          cut: cut.reason,
          why: `${cut.reason} With a band: stop with 3 left, one set only.`,
        };
  }
  const verdict = readSet(last.set);
  if (verdict.rung === "harder") {
    if (heavier) {
      return {
        choice,
        band: heavier,
        cut: null,
        why: `${seen}: time for the ${bandWords(heavier)} band.`,
      };
    }
    if (band) {
      return {
        choice,
        band,
        slow: true,
        cut: null,
        why: `${seen}, the strongest band: slow down (${SLOW}) to make it harder.`,
      };
    }
    return {
      choice,
      cut: null,
      why: `${seen}: take a stronger band than last time and log which one, or slow down (${SLOW}) on your strongest.`,
    };
  }
  if (verdict.rung === "easier" && lighter) {
    return {
      choice,
      band: lighter,
      cut: null,
      why: `${seen}: too hard, so the ${bandWords(lighter)} band to land at 8 to 10.`,
    };
  }
  if (band === "extra-heavy" && earnedSlow(input.history, choice.exercise.id, band)) {
    return {
      choice,
      band,
      slow: true,
      cut: null,
      why: `${seen}: the strongest band, still slow (${SLOW}).`,
    };
  }
  return {
    choice,
    ...(band ? { band } : {}),
    cut: null,
    why: `${seen}: the same band again. ${nextRungWords(choice, input.athlete)}`,
  };
}

/**
 * Walks the bodyweight ladder: up when the last set was too easy (10+ reps with 3+ left),
 * down when it was too hard or the next day was too sore; at the top, a slower tempo.
 */
function applyLadder(choice: Choice, input: MenuInput): Rung {
  const last = lastDone(input.history, choice.exercise.id);
  if (!last) {
    const start = usesBand(choice)
      ? "Choose a band that lets you do 8 to 10 with 1 or 2 left, and log which one. "
      : "";
    return { choice, why: `${start}${nextRungWords(choice, input.athlete)}`, cut: null };
  }
  if (usesBand(choice)) return bandRung(choice, last, input);
  const { reps, rir } = last.set;
  const verdict = readSet(last.set);
  const cut = input.cuts.get(choice.exercise.id);
  if (cut) {
    const easier = ladderStep(choice.exercise, "easier", input.athlete);
    return easier
      ? {
          choice: easier,
          why: `${cut.reason} For a bodyweight exercise: the easier variant.`,
          cut: cut.reason,
        }
      : {
          choice,
          why: `${cut.reason} For a bodyweight exercise: stop with 3 left, one set only.`,
          cut: cut.reason,
        };
  }
  if (verdict.rung === "harder") {
    const harder = ladderStep(choice.exercise, "harder", input.athlete);
    if (harder) {
      return {
        choice: harder,
        why: `${choice.exercise.name} gave ${reps} reps with ${rir} left in the tank last time: time for the harder variant.`,
        cut: null,
      };
    }
    return {
      choice,
      slow: true,
      why: `${reps} reps with ${rir} left last time: slow down (${SLOW}) to make it harder.`,
      cut: null,
    };
  }
  if (verdict.rung === "easier") {
    const easier = ladderStep(choice.exercise, "easier", input.athlete);
    if (easier) {
      return {
        choice: easier,
        why: `${choice.exercise.name} was too hard last time (${reps} reps, ${rir} left): the easier variant lands you at 8 to 10.`,
        cut: null,
      };
    }
  }
  if (
    !ladderStep(choice.exercise, "harder", input.athlete) &&
    earnedSlow(input.history, choice.exercise.id)
  ) {
    return {
      choice,
      slow: true,
      why: `Last time ${reps} reps with ${rir} left in the tank: the same again, still slow (${SLOW}).`,
      cut: null,
    };
  }
  return {
    choice,
    why: `Last time ${reps} reps with ${rir} left in the tank: the same again. ${nextRungWords(choice, input.athlete)}`,
    cut: null,
  };
}

/** The bodyweight reason for a swapped-in exercise, without moving along its ladder. */
function applyLadderWhy(exercise: Exercise, input: MenuInput): string {
  const last = lastDone(input.history, exercise.id);
  return last
    ? `Last time ${last.set.reps} reps with ${last.set.rir} left in the tank: aim at 8 to 10 with 1 or 2 left.`
    : "Choose a variant that lets you do 8 to 10 with 1 or 2 left.";
}

/** The exercise's dumbbell way the athlete can do: below the empty bar, a barbell exercise turns to it. */
function dumbbellWayOf(exercise: Exercise, athlete: Athlete) {
  return (
    exercise.ways.find(
      (way) =>
        loadEquipmentOf(way) === "dumbbells" &&
        way.equipment.every((item) => item === "bodyweight" || athlete.equipment.has(item)),
    ) ?? null
  );
}

function prescribe(
  choice: Choice,
  input: MenuInput,
  hold: boolean,
  rung: Omit<Rung, "choice" | "cut">,
) {
  const { exercise, way } = choice;
  const cut = input.cuts.get(exercise.id) ?? null;
  const entries = input.history.byExercise.get(exercise.id) ?? [];
  const decision = prescribeLoad(
    way,
    lastDone(input.history, exercise.id),
    { ...input.load, hold, cut },
    { previous: entries.at(-2) ?? null, dumbbellWay: dumbbellWayOf(exercise, input.athlete) },
  );
  const used = decision.way ?? way;
  const why = !isLoaded(way)
    ? `${DOSE_WHY} ${rung.why}`
    : decision.load
      ? `${DOSE_WHY} ${decision.why}`
      : decision.why;
  const dose = decision.dose ?? { reps: DOSE.reps, rir: DOSE.rir };
  const item: Prescription = {
    id: exercise.id,
    name: exercise.name,
    muscles: exercise.muscles,
    equipment: used.equipment,
    sets: DOSE.sets,
    reps: { ...dose.reps },
    rir: { ...dose.rir },
    load: decision.load,
    why,
    cues: exercise.cues,
    ...(used.implements ? { implements: used.implements } : {}),
    ...(rung.band ? { band: rung.band } : {}),
    ...(rung.slow ? { tempo: "slow" as const } : {}),
  };
  return { item, decision };
}

/** The last exercise done in one half of a slot (the calves slot's straight-knee or bent-knee raises). */
function lastInTrack(
  history: History,
  inTrack: (exercise: Exercise) => boolean,
  muscles: readonly Muscle[],
): { id: string; day: number } | null {
  let found: { id: string; day: number } | null = null;
  for (const [id, entries] of history.byExercise) {
    const exercise = exerciseById(id);
    if (!exercise || !muscles.includes(exercise.muscles[0] as Muscle) || !inTrack(exercise))
      continue;
    const day = entries.at(-1)?.day ?? -Infinity;
    if (!found || day > found.day || (day === found.day && doneLater(history, day, id, found.id)))
      found = { id, day };
  }
  return found;
}

/**
 * Two exercises of a track done the same day: the one whose first working set came later is
 * the last (as History.lastByMuscle reads a day). Not the order the history met them first,
 * which depends on how far back the log was read.
 */
function doneLater(history: History, day: number, id: string, than: string): boolean {
  const sets = history.workouts.find((workout) => workout.day === day)?.sets ?? [];
  const first = (exercise: string) =>
    sets.findIndex((set) => set.exercise === exercise && set.kind === undefined);
  return first(id) > first(than);
}

/**
 * One note per declared injury (protocol section 6, injuries): what was left out, what in the
 * sessions loads it the way its rehabilitation does, and the pain rule. Never silent.
 */
function injuryNotes(athlete: Athlete, chosen: readonly Exercise[]): string[] {
  const notes: string[] = [];
  for (const injury of athlete.injuries) {
    const words = INJURY_WORDS[injury];
    const helping = chosen.filter((exercise) => exercise.suits.includes(injury));
    let helps: string;
    if (helping.length) {
      helps = `${listNames(helping)} ${helping.length === 1 ? "loads" : "load"} it the way its rehabilitation does.`;
    } else {
      const elsewhere = CATALOG.filter(
        (exercise) =>
          exercise.suits.includes(injury) &&
          wayFor(exercise, athlete.equipment) !== null &&
          injuriesLoaded(exercise, athlete.injuries).length === 0,
      ).slice(0, 3);
      helps = elsewhere.length
        ? `Its rehabilitation uses ${listNames(elsewhere).toLowerCase()}: add them with your physical therapist's advice.`
        : "Nothing you can do with your equipment targets it: ask your physical therapist.";
    }
    notes.push(`Your ${words}: exercises that strain it are left out. ${helps} ${PAIN_RULE}`);
  }
  return notes;
}

function listNames(exercises: readonly Exercise[]): string {
  const names = exercises.map((exercise) => exercise.name);
  return names.length <= 1
    ? (names[0] ?? "")
    : `${names.slice(0, -1).join(", ")} and ${names.at(-1)}`;
}

// Over 80 lines: one pass over the slots whose items, omissions, adjustments and notes are built
// together; its steps are the inner functions fill and prescribeFor.
export function buildMenu(input: MenuInput): Menu {
  const items: Menu["items"][number][] = [];
  const omitted: Menu["omitted"][number][] = [];
  const adjustments: Adjustment[] = [];
  const notes: string[] = [];
  const chosen: Exercise[] = [];

  /** One slot (or one half of it): the choice, its ladder rung and both prescriptions. */
  const fill = (slot: Slot, picked: SlotChoice & { kind: "chosen" }) => {
    if (picked.swappedFor) {
      notes.push(
        `${picked.choice.exercise.name} instead of ${picked.swappedFor.exercise.name}, which loads your ${injuryWords(picked.swappedFor.injuries)}. Check with your physical therapist.`,
      );
    }
    const rung: Rung = isLoaded(picked.choice.way)
      ? { choice: picked.choice, why: "", cut: null }
      : applyLadder(picked.choice, input);
    const base = prescribe(rung.choice, input, false, rung);
    const hold = prescribe(rung.choice, input, true, rung);
    chosen.push(rung.choice.exercise);
    if (rung.cut) {
      adjustments.push({
        exercise: picked.choice.exercise.id,
        from: null,
        to: null,
        reason: rung.why,
      });
    }
    // A rung down the ladder can be a loaded exercise with its own sore cut (a pistol to box
    // stepping down to a split squat done sore with weights): that cut is listed too, under the
    // exercise the session holds.
    if (base.decision.adjustedFrom && base.decision.adjustmentReason) {
      adjustments.push({
        exercise: rung.choice.exercise.id,
        from: base.decision.adjustedFrom,
        to: base.decision.load,
        reason: base.decision.adjustmentReason,
      });
    }
    return { slot, base: base.item, hold: hold.item };
  };

  for (const slot of SLOTS) {
    const muscles = [slot.muscle, ...(slot.joins ?? [])];
    if (slot.id === "calves") {
      // Straight-knee and bent-knee (soleus) raises take turns, each on its own history.
      const straight = (exercise: Exercise) => !isBentKnee(exercise);
      const lastStraight = lastInTrack(input.history, straight, muscles);
      const lastBent = lastInTrack(input.history, isBentKnee, muscles);
      const halves = [
        chooseForSlot(slot, input.athlete, lastStraight?.id ?? null, straight),
        chooseForSlot(slot, input.athlete, lastBent?.id ?? null, isBentKnee),
      ] as const;
      const [first, second] =
        lastStraight && (!lastBent || lastStraight.day > lastBent.day)
          ? [halves[1], halves[0]]
          : halves;
      if (first.kind === "chosen" && second.kind === "chosen") {
        const one = fill(slot, first);
        const other = fill(slot, second);
        items.push({ ...one, alternate: { base: other.base, hold: other.hold } });
        continue;
      }
      const only = first.kind === "chosen" ? first : second.kind === "chosen" ? second : null;
      if (only) {
        items.push(fill(slot, only));
        continue;
      }
    }
    const picked = chooseForSlot(
      slot,
      input.athlete,
      input.history.lastByMuscle.get(slot.muscle) ?? null,
    );
    if (picked.kind === "omitted") {
      const reason = picked.injuries.length
        ? `Every ${slot.muscle.replace("-", " ")} exercise you can do loads your ${injuryWords(picked.injuries)}: left out. Check with your physical therapist before adding it back.`
        : `No ${slot.muscle.replace("-", " ")} exercise fits your equipment.`;
      omitted.push({ muscle: slot.muscle, reason });
      continue;
    }
    items.push(fill(slot, picked));
  }
  notes.push(...injuryNotes(input.athlete, chosen));
  const prescribeFor = (exercise: Exercise) => {
    const way = wayFor(exercise, input.athlete.equipment);
    if (!way) return null;
    const why = isLoaded(way) ? "" : applyLadderWhy(exercise, input);
    return {
      base: prescribe({ exercise, way }, input, false, { why }).item,
      hold: prescribe({ exercise, way }, input, true, { why }).item,
    };
  };
  return { items, omitted, adjustments, notes, prescribeFor };
}
