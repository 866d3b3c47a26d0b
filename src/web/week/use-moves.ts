/** The week's state beyond the plan: moving a planned session, and whether a check-in is due. */
import { useEffect, useState } from "preact/hooks";
import { api, type Move } from "../shared/api.js";
import { addDays } from "../shared/dates.js";
import type { ApiError } from "../shared/http.js";

export type Panel = "why" | "move" | "details";

/** Was a workout logged yesterday or the day before, with no check-in since? */
export function useCheckinPrompt(today: string, enabled: boolean): string | null {
  const [due, setDue] = useState<string | null>(null);
  useEffect(() => {
    if (!enabled) return;
    let live = true;
    Promise.all([api.workouts(), api.checkins()]).then(([workouts, checkins]) => {
      if (!live || !workouts.ok || !checkins.ok) return;
      const recent = [addDays(today, -1), addDays(today, -2)];
      const logged = workouts.value
        .map((workout) => workout.date)
        .filter((date) => recent.includes(date))
        .sort()
        .pop();
      const answered = checkins.value.some(
        (checkin) => checkin.date === today || checkin.date === addDays(today, -1),
      );
      setDue(logged && !answered ? logged : null);
    });
    return () => {
      live = false;
    };
  }, [today, enabled]);
  return due;
}

/**
 * Moving planned sessions: which card has its details, reason or day chooser open, the move
 * asked for (the rules are asked first) and undoing one. `changed` reloads the plan and the moves.
 */
export function useMoves(changed: () => void) {
  const [open, setOpen] = useState<{ date: string; panel: Panel } | null>(null);
  const [moving, setMoving] = useState(false);
  const [moveError, setMoveError] = useState<ApiError | null>(null);

  const toggle = (date: string, panel: Panel) => {
    setMoveError(null);
    setOpen((current) =>
      current && current.date === date && current.panel === panel ? null : { date, panel },
    );
  };

  const move = async (from: string, to: string) => {
    setMoving(true);
    setMoveError(null);
    // Ask the rules first: a day they forbid is explained at once, without a refused request.
    const options = await api.moveOptions(from);
    const option = options.ok
      ? options.value.find((candidate) => candidate.date === to)
      : undefined;
    if (option && !option.allowed) {
      setMoving(false);
      setMoveError({
        kind: "rule",
        message: option.reason ?? "That day breaks a rule.",
        field: "to",
        ...(option.rule ? { rule: option.rule } : {}),
        status: 409,
      });
      return;
    }
    const result = await api.move(from, to);
    setMoving(false);
    if (!result.ok) {
      setMoveError(result.error);
      return;
    }
    setOpen(null);
    changed();
  };

  const undo = async (change: Move) => {
    const result = await api.undoMove(change.id);
    if (result.ok) {
      changed();
    }
  };

  return { open, setOpen, moving, moveError, setMoveError, toggle, move, undo };
}
