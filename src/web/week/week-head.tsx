import { addDays, shortDate, WEEKDAY_NAME, weekdayOfDate } from "../shared/dates.js";
import { weekTitle } from "./week-words.js";

/** The check-in asked for after a workout: yesterday's, or the day before's. */
export function CheckinPrompt(props: { date: string; today: string }) {
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

/**
 * The week's title and dates between the previous and next week buttons. The greeting wraps
 * (a long name breaks anywhere) so that it never runs under the buttons.
 */
export function WeekHead(props: {
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
        {props.name ? (
          <p class="eyebrow week-greeting" data-testid="week-greeting">
            Hi {props.name}
          </p>
        ) : null}
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
