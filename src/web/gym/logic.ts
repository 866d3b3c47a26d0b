/** What gym mode works out on the phone: steps, swaps and what changes next time (no network). */
import { CATALOG } from "../../core/exercise/catalog.js";
import { exerciseById } from "../../core/exercise/catalog-index.js";
import { injuriesLoaded } from "../../core/exercise/selection.js";
import type { Equipment } from "../../core/exercise/types.js";
import { loadEquipmentOf, wayFor } from "../../core/exercise/ways.js";
import { incrementFor } from "../../core/progression/increments.js";
import { type Direction, directionFrom, nextLoad } from "../../core/progression/next-load.js";
import { roundToStep, stepAbove, stepBelow } from "../../core/progression/rounding.js";
import { DOSE } from "../../core/protocol/dose.js";
import type { Plan, PlannedSession, Prescription } from "../../core/protocol/plan-types.js";
import { convertWeight, tidy } from "../../core/units/weight.js";
import type { GymSetup, LoggedSet, WorkoutInProgress } from "../shared/outbox/types.js";

/** The reps of the dose, one button each (protocol section 2): 8, 9, 10. */
export const DOSE_REPS: readonly number[] = Array.from(
  { length: DOSE.reps.max - DOSE.reps.min + 1 },
  (_, index) => DOSE.reps.min + index,
);

/** Reps the dose's buttons cover; any other count is typed in. */
export function inDose(reps: number): boolean {
  return reps >= DOSE.reps.min && reps <= DOSE.reps.max;
}

const DOSE_WORDS = `${DOSE.reps.min} to ${DOSE.reps.max} reps`;

/** A bodyweight exercise moves up its ladder at the dose's top reps with this many left (protocol section 6). */
const LADDER_UP_RIR = 3;

/** The step of the −/+ buttons for this exercise, or null for bodyweight and bands. */
export function loadStep(equipment: readonly Equipment[], setup: GymSetup): number | null {
  const item = loadEquipmentOf({ equipment });
  return item ? incrementFor(item, setup.units, setup.increments) : null;
}

/** Where the load starts: the suggestion in the athlete's unit on their step, else 0 (choose one). */
export function startLoad(card: Prescription, setup: GymSetup): number {
  const step = loadStep(card.equipment, setup);
  if (step === null || !card.load) return 0;
  const value = convertWeight(card.load, setup.units).value;
  return card.load.unit === setup.units ? tidy(value) : roundToStep(value, step);
}

/** What the athlete still has to tap before a set can be logged, in words; null when nothing. */
export function missingInSet(
  step: number | null,
  unit: string,
  load: number,
  reps: number | null,
  rir: number | null,
): string | null {
  if (step !== null && load <= 0) {
    return `Set the load you lifted first: the − and + buttons go in ${step} ${unit} steps.`;
  }
  if (reps === null || reps < 1 || reps > 100) return "Tap how many reps you did.";
  if (rir === null) return "Tap how many more you could have done.";
  return null;
}

export function stepLoad(value: number, step: number, direction: "up" | "down"): number {
  if (direction === "up") return stepAbove(Math.max(0, value), step);
  return Math.max(0, stepBelow(value, step));
}

/** Reads a typed load ("22,5" too); null when it is not a load. */
export function parseLoad(text: string): number | null {
  const value = Number(text.trim().replace(",", "."));
  if (!text.trim() || !Number.isFinite(value) || value < 0 || value > 1000) return null;
  return tidy(value);
}

export function formatNumber(value: number): string {
  return String(tidy(value));
}

/** The session of that day in a plan. */
export function sessionOn(plan: Plan, date: string): PlannedSession | undefined {
  for (const week of plan.weeks) {
    const found = week.sessions.find((session) => session.date === date);
    if (found) return found;
  }
  return undefined;
}

/** The cards of a workout in order: the planned exercises, with the athlete's swaps. */
export function cardsOf(workout: Pick<WorkoutInProgress, "session" | "swaps">): Prescription[] {
  return workout.session.exercises.map((planned) => workout.swaps[planned.id] ?? planned);
}

/**
 * The card to open after the one at `after` (-1: from the start), going round: the first whose
 * exercise has no set yet; -1 when every card has one.
 */
export function nextOpenCard(
  cards: readonly Prescription[],
  sets: readonly LoggedSet[],
  after: number,
): number {
  for (let step = 1; step <= cards.length; step += 1) {
    const index = (after + step) % cards.length;
    const card = cards[index];
    if (card && !sets.some((set) => set.exercise === card.id)) return index;
  }
  return -1;
}

export interface Alternative {
  readonly id: string;
  readonly name: string;
  readonly equipment: readonly Equipment[];
  readonly loaded: boolean;
}

/**
 * What may replace `current`: the same main muscle (the API's swap rule), a way the
 * athlete's equipment allows, no injured area, and not already in the session.
 */
export function alternatives(
  current: Prescription,
  inSession: readonly string[],
  setup: GymSetup,
): Alternative[] {
  const main = current.muscles[0] ?? exerciseById(current.id)?.muscles[0];
  const available = new Set<string>(["bodyweight", ...setup.equipment]);
  const injuries = new Set(setup.injuries);
  const taken = new Set(inSession);
  const result: Alternative[] = [];
  for (const exercise of CATALOG) {
    if (exercise.id === current.id || taken.has(exercise.id)) continue;
    if (exercise.muscles[0] !== main) continue;
    if (injuriesLoaded(exercise, injuries).length) continue;
    const way = wayFor(exercise, available);
    if (!way) continue;
    result.push({
      id: exercise.id,
      name: exercise.name,
      equipment: way.equipment,
      loaded: loadEquipmentOf(way) !== null,
    });
  }
  return result;
}

/** A card for an exercise swapped in on the phone: the usual dose, no suggested load yet. */
export function swappedCard(id: string, replacing: Prescription, setup: GymSetup): Prescription {
  const exercise = exerciseById(id);
  if (!exercise) return replacing;
  const available = new Set<string>(["bodyweight", ...setup.equipment]);
  const way = wayFor(exercise, available) ?? exercise.ways[0] ?? { equipment: ["bodyweight"] };
  return {
    id: exercise.id,
    name: exercise.name,
    muscles: exercise.muscles,
    equipment: way.equipment,
    sets: replacing.sets,
    reps: replacing.reps,
    rir: replacing.rir,
    load: null,
    why: `You swapped ${replacing.name} for this.`,
    cues: exercise.cues,
    ...(way.implements ? { implements: way.implements } : {}),
  };
}

/** "each dumbbell, one in each hand", … : what the number means for this exercise. */
export function loadMeaning(card: Prescription): string {
  const item = loadEquipmentOf({ equipment: card.equipment });
  switch (item) {
    case "dumbbells":
      return card.implements === 2 ? "each dumbbell (one in each hand)" : "one dumbbell";
    case "kettlebell":
      return card.implements === 2 ? "each kettlebell (one in each hand)" : "one kettlebell";
    case "barbell":
      return "bar and plates together";
    case "machine":
    case "cable":
    case "leg-press":
      return "the machine's setting";
    default:
      return "";
  }
}

const EQUIPMENT_WORDS: Partial<Record<Equipment, string>> = {
  bodyweight: "body weight",
  "leg-press": "leg press",
};

export function equipmentWords(equipment: readonly Equipment[]): string {
  return equipment.map((item) => EQUIPMENT_WORDS[item] ?? item).join(" + ");
}

export function tankWords(rir: number): string {
  return rir >= 5 ? "5 or more left in the tank" : `${rir} left in the tank`;
}

export interface SummaryLine {
  readonly exercise: string;
  readonly name: string;
  /** "10 reps at 22 kg, 3 left in the tank" */
  readonly did: string;
  /** "Next time 24 kg: it was light enough to go up." */
  readonly next: string;
  readonly direction: Direction;
}

/** What was logged and what changes next time, by the core's progression (protocol section 6). */
export function summarize(
  sets: readonly LoggedSet[],
  cards: readonly Prescription[],
  setup: GymSetup,
): SummaryLine[] {
  return sets.map((set) => {
    const card = cards.find((item) => item.id === set.exercise);
    const name = card?.name ?? exerciseById(set.exercise)?.name ?? set.exercise;
    const direction = directionFrom(set.reps, set.rir);
    const tank = tankWords(set.rir);
    const step = card ? loadStep(card.equipment, setup) : null;
    if (!set.load || set.load.value <= 0) {
      const did = `${set.reps} reps, ${tank}`;
      const next =
        set.reps >= DOSE.reps.max && set.rir >= LADDER_UP_RIR
          ? "Next time a harder variant, or 3 slow seconds on the way down."
          : direction === "lighter"
            ? `Next time an easier variant, to land at ${DOSE_WORDS}.`
            : "Next time the same: right where it should be.";
      return { exercise: set.exercise, name, did, next, direction };
    }
    const unit = set.load.unit;
    const did = `${set.reps} reps at ${formatNumber(set.load.value)} ${unit}, ${tank}`;
    const increment = step ?? (unit === "kg" ? 2.5 : 5);
    const { load } = nextLoad(set.load.value, set.reps, set.rir, increment);
    const amount = `${formatNumber(load)} ${unit}`;
    const next =
      direction === "heavier"
        ? `Next time ${amount}: it was light enough to go up.`
        : direction === "lighter"
          ? `Next time ${amount}: a little lighter, to land at ${DOSE.reps.min} to ${DOSE.reps.max} with ${DOSE.rir.min} or ${DOSE.rir.max} left.`
          : `Next time ${amount} again: right where it should be.`;
    return { exercise: set.exercise, name, did, next, direction };
  });
}
