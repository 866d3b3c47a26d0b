import { type Athlete, type Choice, chooseForSlot, ladderStep } from "../exercise/selection.js";
import { SLOTS, type Slot } from "../exercise/slots.js";
import type { Exercise, Muscle } from "../exercise/types.js";
import { isLoaded, wayFor } from "../exercise/ways.js";
import { type History, lastDone } from "../log/history.js";
import { type LoadContext, prescribeLoad } from "../progression/prescribe-load.js";
import { DOSE } from "./dose.js";
import type { Adjustment, Prescription } from "./plan-types.js";

/**
 * What the athlete's sessions hold, worked out once per plan: which exercise fills each slot
 * and its suggested load. Every session of the plan takes its exercises from the top of it.
 */
export interface Menu {
  /** Chosen exercises in session order; `hold` is the prescription for peak, taper and race week. */
  readonly items: readonly {
    readonly slot: Slot;
    readonly base: Prescription;
    readonly hold: Prescription;
  }[];
  readonly omitted: readonly { readonly muscle: Muscle; readonly reason: string }[];
  readonly adjustments: readonly Adjustment[];
  readonly notes: readonly string[];
  /** The prescription for any exercise the athlete can do (for swaps), or null when they cannot. */
  readonly prescribeFor: (
    exercise: Exercise,
  ) => { readonly base: Prescription; readonly hold: Prescription } | null;
}

const INJURY_WORDS: Record<string, string> = {
  achilles: "Achilles",
  "plantar-fascia": "plantar fascia",
  knee: "knee",
  "it-band": "IT band",
  hamstring: "hamstring",
  hip: "hip",
  "low-back": "low back",
  shin: "shin",
};

function injuryWords(injuries: readonly string[]): string {
  return injuries.map((injury) => INJURY_WORDS[injury] ?? injury).join(" and ");
}

const DOSE_WHY = "One set of 8 to 10, stopping with 1 or 2 reps left in the tank.";

interface MenuInput {
  readonly athlete: Athlete;
  readonly history: History;
  readonly load: Omit<LoadContext, "hold" | "cut">;
  readonly cuts: ReadonlyMap<string, { readonly reason: string }>;
}

/**
 * Walks the bodyweight ladder: up when the last set was too easy (10+ reps with 3+ left),
 * down when it was too hard or the next day was too sore.
 */
function applyLadder(
  choice: Choice,
  input: MenuInput,
): { choice: Choice; why: string; cut: string | null } {
  const last = lastDone(input.history, choice.exercise.id);
  if (!last)
    return {
      choice,
      why: "When 10 feels easy with 3 or more left, you move to a harder variant.",
      cut: null,
    };
  const { reps, rir } = last.set;
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
          why: `${cut.reason} For a bodyweight exercise: stop with 2 left, one set only.`,
          cut: cut.reason,
        };
  }
  if (reps >= 10 && rir >= 3) {
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
      why: `${reps} reps with ${rir} left last time: slow down (3 seconds on the way down) to make it harder.`,
      cut: null,
    };
  }
  if (reps + rir <= 8) {
    const easier = ladderStep(choice.exercise, "easier", input.athlete);
    if (easier) {
      return {
        choice: easier,
        why: `${choice.exercise.name} was too hard last time (${reps} reps, ${rir} left): the easier variant lands you at 8 to 10.`,
        cut: null,
      };
    }
  }
  return {
    choice,
    why: `Last time ${reps} reps with ${rir} left in the tank: the same again.`,
    cut: null,
  };
}

/** The bodyweight reason for a swapped-in exercise, without moving along its ladder. */
function applyLadderWhy(exercise: Exercise, input: MenuInput): string {
  const last = lastDone(input.history, exercise.id);
  return last
    ? `Last time ${last.set.reps} reps with ${last.set.rir} left in the tank: aim at 8 to 10 with 1 or 2 left.`
    : "When 10 feels easy with 3 or more left, you move to a harder variant.";
}

function prescribe(choice: Choice, input: MenuInput, hold: boolean, bodyweightWhy: string) {
  const { exercise, way } = choice;
  const cut = input.cuts.get(exercise.id) ?? null;
  const decision = prescribeLoad(way, lastDone(input.history, exercise.id), {
    ...input.load,
    hold,
    cut,
  });
  const why = !isLoaded(way)
    ? `${DOSE_WHY} ${bodyweightWhy}`
    : decision.load
      ? `${DOSE_WHY} ${decision.why}`
      : decision.why;
  const item: Prescription = {
    id: exercise.id,
    name: exercise.name,
    muscles: exercise.muscles,
    equipment: way.equipment,
    sets: DOSE.sets,
    reps: { ...DOSE.reps },
    rir: { ...DOSE.rir },
    load: decision.load,
    why,
    cues: exercise.cues,
    ...(way.implements ? { implements: way.implements } : {}),
  };
  return { item, decision };
}

export function buildMenu(input: MenuInput): Menu {
  const items: Menu["items"][number][] = [];
  const omitted: Menu["omitted"][number][] = [];
  const adjustments: Adjustment[] = [];
  const notes: string[] = [];
  for (const slot of SLOTS) {
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
    if (picked.swappedFor) {
      notes.push(
        `${picked.choice.exercise.name} instead of ${picked.swappedFor.exercise.name}, which loads your ${injuryWords(picked.swappedFor.injuries)}. Check with your physical therapist.`,
      );
    }
    const laddered = isLoaded(picked.choice.way)
      ? { choice: picked.choice, why: "", cut: null }
      : applyLadder(picked.choice, input);
    const base = prescribe(laddered.choice, input, false, laddered.why);
    const hold = prescribe(laddered.choice, input, true, laddered.why);
    items.push({ slot, base: base.item, hold: hold.item });
    if (laddered.cut) {
      adjustments.push({
        exercise: picked.choice.exercise.id,
        from: null,
        to: null,
        reason: laddered.why,
      });
    } else if (base.decision.adjustedFrom && base.decision.adjustmentReason) {
      adjustments.push({
        exercise: laddered.choice.exercise.id,
        from: base.decision.adjustedFrom,
        to: base.decision.load,
        reason: base.decision.adjustmentReason,
      });
    }
  }
  const prescribeFor = (exercise: Exercise) => {
    const way = wayFor(exercise, input.athlete.equipment);
    if (!way) return null;
    const why = isLoaded(way) ? "" : applyLadderWhy(exercise, input);
    return {
      base: prescribe({ exercise, way }, input, false, why).item,
      hold: prescribe({ exercise, way }, input, true, why).item,
    };
  };
  return { items, omitted, adjustments, notes, prescribeFor };
}
