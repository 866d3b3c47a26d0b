import type { ComponentChildren } from "preact";
import { useEffect, useState } from "preact/hooks";
import { useLocation } from "preact-iso";
import { RULES } from "../../core/protocol/rules.js";
import {
  api,
  type DayLater,
  type Move,
  type PlannedDay,
  type PlannedWeek,
  type Profile,
} from "../shared/api.js";
import {
  addDays,
  dayAndDate,
  daysBetween,
  humanDates,
  longDate,
  shortDate,
  today as todayIn,
  WEEKDAY_NAME,
  weekdayOfDate,
} from "../shared/dates.js";
import type { ApiError } from "../shared/http.js";
import { canLoad, useLogin } from "../shared/login.js";
import { dayRunning } from "../shared/running.js";
import { TryAgain } from "../shared/try-again.js";
import { useLoad } from "../shared/use-load.js";
import {
  idToName,
  PHASE_WORD,
  plural,
  RACE_WORD,
  RUN_WORD,
  type RunWord,
} from "../shared/words.js";
import { DayActivities, WeekRunning } from "./day-activities.js";
import { SessionCard } from "./session-card.js";

/** The rule ids the plan's notes end with, " (48h-apart)": people read the sentence alone. */
const RULE_IDS = new RegExp(`\\s\\((?:${Object.keys(RULES).join("|")})\\)`, "g");

function weekTitle(start: string, today: string): string {
  const offset = Math.floor(daysBetween(start, today) / 7);
  if (today >= start && today <= addDays(start, 6)) return "This week";
  if (offset === -1) return "Next week";
  if (offset === 1) return "Last week";
  return `Week of ${shortDate(start)}`;
}

/** "Base phase: building strength · 20 weeks to your marathon". */
function phaseText(week: PlannedWeek, race: Profile["race"]): string {
  const phase = PHASE_WORD[week.phase] ?? week.phase;
  if (!race) return phase;
  const days = daysBetween(week.start, race.date);
  const name = RACE_WORD[race.distance] ?? race.distance;
  if (days < 0) return phase;
  if (days < 7) return `${phase} · your ${name} is on ${longDate(race.date)}`;
  return `${phase} · ${plural(Math.floor(days / 7), "week")} to your ${name}`;
}

/** Was a workout logged yesterday or the day before, with no check-in since? */
function useCheckinPrompt(today: string, enabled: boolean): string | null {
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

/** `/`: the week at a glance, its runs and its two strength sessions. */
// Over 80 lines: the week's days, moves and counts share one loaded plan; mostly markup.
export function Week() {
  const { query, route } = useLocation();
  const login = useLogin();
  const { profile, account } = login;
  const ready = canLoad(login);
  const requested = /^\d{4}-\d{2}-\d{2}$/.test(query.week ?? "") ? query.week : undefined;
  const today = todayIn(profile?.timezone);
  const plan = useLoad(() => api.plan(requested, 1), requested ?? "", ready);
  const moves = useLoad(() => api.moves(), "moves", ready);
  const promptFor = useCheckinPrompt(today, ready);

  useEffect(() => {
    if (plan.error?.kind === "no-profile") route("/onboarding", true);
  }, [plan.error, route]);

  const week = plan.data?.weeks[0];
  const laterNote = week ? dayLaterNote(plan.data?.dayLater, week) : null;
  const notes = week ? notesSaidOnce(week, laterNote) : [];

  const { open, setOpen, moving, moveError, setMoveError, toggle, move, undo } = useMoves(() => {
    plan.reload();
    moves.reload();
  });

  const goWeek = (start: string) => {
    setOpen(null);
    setMoveError(null);
    const current = today >= start && today <= addDays(start, 6);
    route(current ? "/" : `/?week=${start}`);
  };

  return (
    <section class="screen week" data-testid="week-view" aria-labelledby="week-title">
      {promptFor ? <CheckinPrompt date={promptFor} today={today} /> : null}

      <WeekHead
        start={week?.start ?? null}
        today={today}
        name={account?.name ?? null}
        onGo={goWeek}
      />

      {week && profile?.race ? (
        <p class={`phase phase-${week.phase}`} data-testid="week-phase">
          {phaseText(week, profile.race)}
        </p>
      ) : null}

      {plan.loading && !week ? <p class="loading">Loading your week…</p> : null}
      {plan.error && plan.error.kind !== "no-profile" ? (
        <TryAgain message={plan.error.message} onRetry={plan.reload} />
      ) : null}

      {week ? (
        <>
          <WeekTally week={week} />
          {plan.data?.dayLater && laterNote ? (
            <DayLaterBanner dayLater={plan.data.dayLater} note={laterNote} />
          ) : null}
          <WeekRunning week={week} />
          {notes.length > 0 ? (
            <ul class="notes" data-testid="week-notes">
              {notes.map((note) => (
                <li key={note}>{humanDates(note.replace(RULE_IDS, ""))}</li>
              ))}
            </ul>
          ) : null}
          <DroppedChanges week={week} />
          {/* With sessions missed, the tally says why; "enjoy your runs" would say none was due. */}
          {week.sessions.length === 0 && !(week.missed > 0) ? (
            <p class="card notice">
              {week.days.some((day) => dayRunning(day).importedStrength)
                ? "Your strength work this week is done. Enjoy your runs."
                : "No strength sessions this week. Enjoy your runs."}
            </p>
          ) : null}
          <ol class="days">
            {week.days.map((day) => {
              const session = week.sessions.find((s) => s.date === day.date);
              return (
                <WeekDay key={day.date} day={day} today={today} timeZone={profile?.timezone}>
                  {session ? (
                    <SessionCard
                      session={session}
                      days={week.days}
                      today={today}
                      open={open?.date === day.date ? open.panel : null}
                      onToggle={(panel) => toggle(day.date, panel)}
                      onMove={(to) => move(day.date, to)}
                      moving={moving}
                      moveError={open?.date === day.date ? moveError : null}
                      past={day.past}
                      movedHere={moves.data
                        ?.filter(
                          (change) =>
                            change.to === day.date &&
                            (change.state === undefined || change.state === "active"),
                        )
                        .sort((a, b) => a.createdAt.localeCompare(b.createdAt))
                        .pop()}
                      onUndo={undo}
                    />
                  ) : null}
                </WeekDay>
              );
            })}
          </ol>
          {weekTitle(week.start, today) !== "This week" ? (
            <p class="center">
              <a class="button quiet" href="/">
                Back to this week
              </a>
            </p>
          ) : null}
        </>
      ) : null}
    </section>
  );
}

/** The check-in asked for after a workout: yesterday's, or the day before's. */
function CheckinPrompt(props: { date: string; today: string }) {
  const { date, today } = props;
  return (
    <a class="prompt" href="/checkin" data-testid="checkin-prompt">
      <span class="prompt-title">How do you feel today?</span>
      <span class="prompt-text">
        Tell us after{" "}
        {date === addDays(today, -1) ? "yesterday's" : `${WEEKDAY_NAME[weekdayOfDate(date)]}'s`}{" "}
        workout. It takes ten seconds.
      </span>
    </a>
  );
}

/** The week's title and dates between the previous and next week buttons. */
function WeekHead(props: {
  start: string | null;
  today: string;
  name: string | null;
  onGo: (start: string) => void;
}) {
  const { start, today } = props;
  return (
    <div class="week-head">
      <button
        type="button"
        class="icon-button"
        data-testid="week-prev"
        aria-label="Previous week"
        onClick={() => start && props.onGo(addDays(start, -7))}
        disabled={!start}
      >
        <span aria-hidden="true">‹</span>
      </button>
      <div class="week-heading">
        {props.name ? <p class="eyebrow">Hi {props.name}</p> : null}
        <h1 id="week-title" data-testid="week-title">
          {start ? weekTitle(start, today) : "Your week"}
        </h1>
        {start ? (
          <p class="week-range">
            {shortDate(start)} – {shortDate(addDays(start, 6))}
          </p>
        ) : null}
      </div>
      <button
        type="button"
        class="icon-button"
        data-testid="week-next"
        aria-label="Next week"
        onClick={() => start && props.onGo(addDays(start, 7))}
        disabled={!start}
      >
        <span aria-hidden="true">›</span>
      </button>
    </div>
  );
}

/** One day of the week: its name, its run, what was done, and its planned session if any. */
function WeekDay(props: {
  day: PlannedDay;
  today: string;
  timeZone: string | undefined;
  children: ComponentChildren;
}) {
  const { day, today } = props;
  const isToday = day.date === today;
  // The server's word first (its clock and the profile's time zone); the browser's day else.
  const past = day.past ?? day.date < today;
  const run = day.run as RunWord;
  return (
    <li
      class={`day${isToday ? " is-today" : ""}${props.children ? " has-session" : ""}${
        past ? " is-past" : ""
      }`}
      data-testid={`day-${day.date}`}
      data-past={past ? "true" : "false"}
      aria-current={isToday ? "date" : undefined}
    >
      <div class="day-head">
        <h2 class="day-name">
          {WEEKDAY_NAME[day.weekday]}
          {isToday ? <span class="tag tag-today">Today</span> : null}
          {past ? <span class="tag tag-past">Past</span> : null}
          <span class="day-date">{shortDate(day.date)}</span>
        </h2>
        <span class={`run-badge run-${run}`}>{RUN_WORD[run] ?? run}</span>
      </div>
      <DayActivities day={day} timeZone={props.timeZone} />
      {day.checkin ? (
        <p class="day-checkin" data-testid={`day-checkin-${day.date}`}>
          Check-in: soreness {day.checkin.soreness} of 10
          {day.checkin.hurtRun ? ", and your run suffered" : ""}.
        </p>
      ) : null}
      {past && !props.children && !hasHistory(day) ? (
        <p class="day-history" data-testid={`day-history-${day.date}`}>
          Nothing logged or imported.
        </p>
      ) : null}
      {props.children}
    </li>
  );
}

/** Whether a day before today holds anything that happened: activities, strength, a check-in. */
function hasHistory(day: PlannedDay): boolean {
  return (day.activities?.length ?? 0) > 0 || day.importedStrength === true || day.checkin != null;
}

/** "1 of 2 done", then what is still to do or what was missed and why. */
function WeekTally(props: { week: PlannedWeek }) {
  const { week } = props;
  // Older servers send none of these: say nothing rather than something false.
  if (typeof week.target !== "number" || typeof week.done !== "number") return null;
  const parts: string[] = [`${week.done} of ${week.target} done`];
  const planned = Math.max(0, (week.owed ?? 0) - (week.missed ?? 0));
  if (planned > 0 && week.done < week.target) parts.push(`${planned} to go`);
  return (
    <div class="card week-tally" data-testid="week-tally">
      <p class="week-tally-count">
        <strong>Strength sessions:</strong> {parts.join(" · ")}
      </p>
      {week.missed > 0 ? (
        <p class="week-missed" data-testid="week-missed">
          <strong>{week.missed} missed</strong>
          {week.missedReason ? `: ${missedWhy(week.missedReason)}` : "."}
        </p>
      ) : null}
    </div>
  );
}

/** The reason alone: the tally already says how many ("1 session missed: " goes). */
function missedWhy(reason: string): string {
  return humanDates(
    reason
      .replace(RULE_IDS, "")
      .replace(/^\d+ sessions? (?:missed|of this week not logged):\s*/i, ""),
  );
}

/**
 * The week's notes but those said elsewhere: the day-later note (in its banner), the missed
 * sessions' reason (in the tally) and a note naming a dropped change's day and reason (in the
 * dropped list). Each thing said once.
 */
function notesSaidOnce(week: PlannedWeek, laterNote: string | null): readonly string[] {
  const dropped = week.dropped ?? [];
  return week.notes.filter(
    (note) =>
      note !== laterNote &&
      !(week.missed > 0 && note === week.missedReason) &&
      !dropped.some(
        (change) =>
          note.includes(change.reason) &&
          note.includes(change.kind === "move" ? change.from : change.date),
      ),
  );
}

/** The moves and swaps of this week that a later change made unfit, each with why. */
function DroppedChanges(props: { week: PlannedWeek }) {
  const dropped = props.week.dropped ?? [];
  if (dropped.length === 0) return null;
  return (
    <div class="card dropped" data-testid="week-dropped">
      <h2 class="dropped-title">No longer applied</h2>
      <ul>
        {dropped.map((change) => (
          <li
            key={change.id ?? JSON.stringify(change)}
            data-testid={`dropped-${change.kind}-${change.kind === "move" ? change.from : change.date}`}
          >
            {change.kind === "move"
              ? `Your move from ${dayAndDate(change.from)} to ${dayAndDate(change.to)}: `
              : `Your swap of ${idToName(change.exercise)} for ${idToName(change.with)} on ${dayAndDate(change.date)}: `}
            {humanDates(change.reason.replace(RULE_IDS, ""))}
          </li>
        ))}
      </ul>
    </div>
  );
}

/**
 * The day-later rule's note when it concerns this week and the rule moved or dropped a session:
 * taken from the plan's own `dayLater`, so "your next session is later" is never said untrue.
 */
function dayLaterNote(dayLater: DayLater | null | undefined, week: PlannedWeek): string | null {
  if (!dayLater?.note || dayLater.outcome === "unchanged") return null;
  const end = addDays(week.start, 6);
  const concerned = [dayLater.from, dayLater.to].some(
    (date) => date !== null && date >= week.start && date <= end,
  );
  return concerned ? dayLater.note : null;
}

/** That note as a banner above the week, with what the rule did in `data-outcome`. */
function DayLaterBanner(props: { dayLater: DayLater; note: string }) {
  return (
    <p class="card day-later" data-testid="day-later" data-outcome={props.dayLater.outcome}>
      {humanDates(props.note.replace(RULE_IDS, ""))}
    </p>
  );
}

type Panel = "why" | "move";

/**
 * Moving planned sessions: which card has its reason or day chooser open, the move asked for
 * (the rules are asked first) and undoing one. `changed` reloads the plan and the moves.
 */
function useMoves(changed: () => void) {
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
