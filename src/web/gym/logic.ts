/** What gym mode works out on the phone: steps, swaps and what changes next time (no network). */
import { CATALOG } from "../../core/exercise/catalog.js";
import { exerciseById } from "../../core/exercise/catalog-index.js";
import { injuriesLoaded } from "../../core/exercise/selection.js";
import { BANDS, type Band, type Equipment } from "../../core/exercise/types.js";
import { loadEquipmentOf, wayFor } from "../../core/exercise/ways.js";
import { incrementFor } from "../../core/progression/increments.js";
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

/** "8 to 10 reps": the dose in words. */
export const DOSE_WORDS = `${DOSE.reps.min} to ${DOSE.reps.max} reps`;

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

/** "each dumbbell, one per hand", … : what the number means for this exercise. */
export function loadMeaning(card: Prescription): string {
  const item = loadEquipmentOf({ equipment: card.equipment });
  switch (item) {
    case "dumbbells":
      return card.implements === 2 ? "each dumbbell, one per hand" : "one dumbbell";
    case "kettlebell":
      return card.implements === 2 ? "each kettlebell, one per hand" : "one kettlebell";
    case "barbell":
      return "bar and plates";
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

/** Whether the card is done with a resistance band: it then has a band to choose, not a load. */
export function usesBand(card: Pick<Prescription, "equipment">): boolean {
  return card.equipment.includes("band");
}

/** The bands of the picker, light to extra heavy (the band ladder, protocol section 6). */
export const BAND_CHOICES: readonly Band[] = BANDS;

/** "extra heavy": a band as the athlete reads it. */
export function bandWords(band: Band): string {
  return band.replace("-", " ");
}

/** The band the picker starts on: the one logged, else the prescription's, else none chosen. */
export function startBand(card: Prescription, logged: LoggedSet | undefined): Band | null {
  if (!usesBand(card)) return null;
  return logged?.band ?? card.band ?? null;
}

/** "8 to 10 reps", or "8 reps" when the prescription names one count (the dose after a sore day). */
function countWords(range: { readonly min: number; readonly max: number }, unit: string): string {
  return range.min === range.max ? `${range.min} ${unit}` : `${range.min} to ${range.max} ${unit}`;
}

/**
 * What the card asks for, read from the prescription (never a fixed 8 to 10): "8 to 10 reps,
 * stop with 1 or 2 left in the tank", or "8 reps, stop with 3 left in the tank" after a sore day.
 */
export function targetWords(card: Pick<Prescription, "reps" | "rir">): string {
  const { reps, rir } = card;
  const left = rir.min === rir.max ? `${rir.min}` : `${rir.min} or ${rir.max}`;
  return `${countWords(reps, "reps")}, stop with ${left} left in the tank`;
}

/** The tempo line of the card: the ladder's top rung is 3 seconds on the way down. */
export function tempoWords(card: Pick<Prescription, "tempo">): string | null {
  return card.tempo === "slow" ? "Slow: 3 s down, every rep" : null;
}

/** What the closed card says it needs: the band, body weight, a load, or a load to choose. */
export function needWords(card: Prescription, setup: GymSetup): string {
  const slow = card.tempo === "slow" ? ", 3 s down" : "";
  if (usesBand(card)) {
    return `${card.band ? `${capitalize(bandWords(card.band))} band` : "Your band"}${slow}`;
  }
  if (loadStep(card.equipment, setup) === null) return `Body weight${slow}`;
  return card.load
    ? `${formatNumber(startLoad(card, setup))} ${setup.units} suggested${slow}`
    : `Choose a load${slow}`;
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
