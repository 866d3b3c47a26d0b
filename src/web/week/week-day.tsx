/** The days of the week: one day's row, the fold of the days already past, the session up next. */
import type { ComponentChildren } from "preact";
import type { PlannedDay } from "../shared/api.js";
import { shortDate, WEEKDAY_NAME, WEEKDAY_SHORT } from "../shared/dates.js";
import { plural, RUN_WORD, type RunWord } from "../shared/words.js";
import { DayActivities } from "./day-activities.js";

/** The server's word first (its clock and the profile's time zone); the browser's day else. */
export function isPast(day: PlannedDay, today: string): boolean {
  return day.past ?? day.date < today;
}

/** A day's name, its date, and its run as a badge. */
function DayHead(props: { day: PlannedDay; today: string }) {
  const { day, today } = props;
  const run = day.run as RunWord;
  return (
    <div class="day-head">
      <h2 class="day-name">
        {WEEKDAY_NAME[day.weekday]}
        {day.date === today ? <span class="tag tag-today">Today</span> : null}
        {isPast(day, today) ? <span class="tag tag-past">Past</span> : null}
        <span class="day-date">{shortDate(day.date)}</span>
      </h2>
      <span class={`run-badge run-${run}`}>{RUN_WORD[run] ?? run}</span>
    </div>
  );
}

/** One day of the week: its name, its run, what was done, and its planned session if any. */
export function WeekDay(props: {
  day: PlannedDay;
  today: string;
  timeZone: string | undefined;
  children: ComponentChildren;
}) {
  const { day, today } = props;
  const isToday = day.date === today;
  const past = isPast(day, today);
  return (
    <li
      class={`day${isToday ? " is-today" : ""}${props.children ? " has-session" : ""}${
        past ? " is-past" : ""
      }`}
      data-testid={`day-${day.date}`}
      data-past={past ? "true" : "false"}
      aria-current={isToday ? "date" : undefined}
    >
      <DayHead day={day} today={today} />
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

/**
 * This week's days before today, folded: what is done is read on the week's tally and the days
 * ahead matter more; one tap opens them, each as it was.
 */
export function PastDays(props: {
  days: readonly PlannedDay[];
  done: number;
  children: ComponentChildren;
}) {
  const { days } = props;
  const first = days[0];
  const last = days.at(-1);
  if (!first || !last) return null;
  const span =
    first === last
      ? WEEKDAY_NAME[first.weekday]
      : `${WEEKDAY_SHORT[first.weekday]} – ${WEEKDAY_SHORT[last.weekday]}`;
  const runs = days.reduce(
    (count, day) => count + (day.activities ?? []).filter((a) => a.sport === "run").length,
    0,
  );
  const parts = [
    ...(props.done > 0 ? [`${plural(props.done, "workout")} done`] : []),
    ...(runs > 0 ? [plural(runs, "run")] : []),
  ];
  if (parts.length === 0) parts.push("nothing logged or imported");
  return (
    <li class="past-days">
      <details data-testid="week-past-days">
        <summary>
          <span class="past-days-title">Earlier this week: {span}</span>
          <span class="past-days-sum">{parts.join(" · ")}</span>
        </summary>
        <ol class="days">{props.children}</ol>
      </details>
    </li>
  );
}

/** The session to do next, above the days: its day and run, then its card. */
export function UpNext(props: { day: PlannedDay; today: string; children: ComponentChildren }) {
  return (
    <section
      class="day up-next has-session"
      id="up-next"
      data-testid="week-up-next"
      aria-label="Up next"
    >
      <p class="up-next-label">Up next</p>
      <DayHead day={props.day} today={props.today} />
      {props.children}
    </section>
  );
}
