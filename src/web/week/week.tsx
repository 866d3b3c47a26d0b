import type { ComponentChildren } from "preact";
import { useEffect } from "preact/hooks";
import { useLocation } from "preact-iso";
import { api, type Move, type PlannedDay, type PlannedWeek } from "../shared/api.js";
import { addDays, today as todayIn } from "../shared/dates.js";
import { canLoad, useLogin } from "../shared/login.js";
import { dayRunning } from "../shared/running.js";
import { TryAgain } from "../shared/try-again.js";
import { useLoad } from "../shared/use-load.js";
import type { WeightSetup } from "../shared/weight.js";
import { WeekRunning } from "./day-activities.js";
import { SessionCard } from "./session-card.js";
import { useCheckinPrompt, useMoves } from "./use-moves.js";
import { isPast, PastDays, UpNext, WeekDay } from "./week-day.js";
import { CheckinPrompt, WeekHead } from "./week-head.js";
import { DayLaterBanner, DroppedChanges, WeekNotes, WeekTally } from "./week-notes.js";
import { dayLaterNote, notesSaidOnce, phaseText, upNextDate, weekTitle } from "./week-words.js";

/**
 * `/`: the week at a glance. The session to do next comes first; this week's days already past
 * are folded; then today and the days ahead, each with its run and its session.
 */
// Over 80 lines: the week's markup in screen order; the parts are components (week-day, week-head,
// week-notes), the state they share is here.
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

  // With signal, the week also puts last time's sets on the phone, so that gym mode shows them
  // without signal for any session of the two weeks the service worker keeps (docs/web.md,
  // "Offline in gym mode"). Loaded apart: gym mode's code stays out of the first screen.
  const owner = account?.id ?? null;
  const planned = plan.data !== null;
  useEffect(() => {
    if (!planned || owner === null || !navigator.onLine) return;
    void import("../gym/last-sets.js")
      .then((module) => module.refreshLastSets(owner))
      .catch(() => undefined);
  }, [planned, owner]);

  const week = plan.data?.weeks[0];
  const laterNote = week ? dayLaterNote(plan.data?.dayLater, week) : null;
  const setup: WeightSetup | null = profile
    ? { units: profile.units, increments: profile.increments }
    : null;

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

  /** The card of the session on `day`, or null when the day holds none. */
  const cardOn = (day: PlannedDay, days: readonly PlannedDay[]) => {
    const session = week?.sessions.find((s) => s.date === day.date);
    if (!session) return null;
    return (
      <SessionCard
        session={session}
        days={days}
        today={today}
        setup={setup}
        open={open?.date === day.date ? open.panel : null}
        onToggle={(panel) => toggle(day.date, panel)}
        onMove={(to) => move(day.date, to)}
        moving={moving}
        moveError={open?.date === day.date ? moveError : null}
        past={isPast(day, today)}
        movedHere={movedTo(moves.data, day.date)}
        onUndo={undo}
      />
    );
  };

  return (
    <section class="screen week" data-testid="week-view" aria-labelledby="week-title">
      {promptFor ? <CheckinPrompt date={promptFor} today={today} /> : null}

      <WeekHead
        start={week?.start ?? null}
        today={today}
        // The profile holds the name the runner last gave (onboarding, settings); the account
        // keeps the one of sign-up.
        name={profile?.name || account?.name || null}
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
          <DroppedChanges week={week} />
          <WeekDays week={week} today={today} timeZone={profile?.timezone} cardOn={cardOn} />
          <WeekRunning week={week} />
          <WeekNotes notes={notesSaidOnce(week, laterNote)} />
          {/* With sessions missed, the tally says why; "enjoy your runs" would say none was due. */}
          {week.sessions.length === 0 && !(week.missed > 0) ? (
            <p class="card notice">
              {week.days.some((day) => dayRunning(day).importedStrength)
                ? "Your strength work this week is done. Enjoy your runs."
                : "No strength sessions this week. Enjoy your runs."}
            </p>
          ) : null}
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

/** The active move that brought a session to `date`, the latest if several did. */
function movedTo(moves: readonly Move[] | null, date: string): Move | undefined {
  return moves
    ?.filter(
      (change) => change.to === date && (change.state === undefined || change.state === "active"),
    )
    .sort((a, b) => a.createdAt.localeCompare(b.createdAt))
    .pop();
}

/**
 * The session up next, then the days: in this week those already past folded together (a week
 * that is over shows each of its days, since it is read for its history).
 */
function WeekDays(props: {
  week: PlannedWeek;
  today: string;
  timeZone: string | undefined;
  cardOn: (day: PlannedDay, days: readonly PlannedDay[]) => ComponentChildren;
}) {
  const { week, today } = props;
  const days = week.days;
  const next = upNextDate(week, today);
  const nextDay = days.find((day) => day.date === next);
  const ahead = days.some((day) => !isPast(day, today));
  const folded = ahead ? days.filter((day) => isPast(day, today)) : [];
  const rest = days.filter((day) => !folded.includes(day));
  const row = (day: PlannedDay) => (
    <WeekDay key={day.date} day={day} today={today} timeZone={props.timeZone}>
      {day.date === next ? (
        <p class="day-up-next">
          <a href="#up-next">Strength session: up next, above</a>
        </p>
      ) : (
        props.cardOn(day, days)
      )}
    </WeekDay>
  );
  const doneBefore = week.sessions.filter((s) => folded.some((day) => day.date === s.date)).length;
  return (
    <>
      {nextDay ? (
        <UpNext day={nextDay} today={today}>
          {props.cardOn(nextDay, days)}
        </UpNext>
      ) : null}
      <ol class="days">
        {folded.length > 0 ? (
          <PastDays days={folded} done={doneBefore}>
            {folded.map(row)}
          </PastDays>
        ) : null}
        {rest.map(row)}
      </ol>
    </>
  );
}
