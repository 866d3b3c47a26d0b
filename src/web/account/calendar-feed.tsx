/** Settings → Calendar: the feed's secret link, copied, replaced or turned off. */
import { useRef, useState } from "preact/hooks";
import { calendar } from "../shared/api.js";
import type { ApiError } from "../shared/http.js";

type Feed =
  | { readonly state: "hidden" }
  | { readonly state: "loading" }
  | { readonly state: "shown"; readonly url: string }
  | { readonly state: "off" };

/** Calendar apps open webcal:// links as a subscription rather than a download. */
export function webcalOf(url: string): string {
  return url.replace(/^https?:/, "webcal:");
}

/** Copies with the clipboard API; false where the browser refuses (no HTTPS, no permission). */
async function copyText(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    return false;
  }
}

/**
 * The link is fetched only when asked for: `GET /api/calendar` makes a token when there is none,
 * so fetching on every visit would turn a feed that was turned off back on, and the secret link
 * stays off the screen until the runner wants it.
 */
// Over 80 lines: its markup, in screen order; the three actions (show, new link, turn off) share
// the one link state and its status line.
export function CalendarFeed() {
  const [feed, setFeed] = useState<Feed>({ state: "hidden" });
  const [confirming, setConfirming] = useState<"rotate" | "off" | null>(null);
  const [note, setNote] = useState("");
  const [error, setError] = useState<ApiError | null>(null);

  // A confirmation replaces what the last action said ("Link copied." is no longer news).
  const ask = (what: "rotate" | "off") => {
    setNote("");
    setConfirming(what);
  };

  const show = async () => {
    setFeed({ state: "loading" });
    setError(null);
    setNote("");
    const result = await calendar.feed();
    if (!result.ok) {
      setError(result.error);
      setFeed({ state: "hidden" });
      return;
    }
    setFeed({ state: "shown", url: result.value.url });
  };

  const rotate = async () => {
    setConfirming(null);
    setError(null);
    const result = await calendar.rotate();
    if (!result.ok) {
      setError(result.error);
      return;
    }
    setFeed({ state: "shown", url: result.value.url });
    setNote("New link made. The old one no longer works: subscribe to this one instead.");
  };

  const turnOff = async () => {
    setConfirming(null);
    setError(null);
    const result = await calendar.turnOff();
    if (!result.ok) {
      setError(result.error);
      return;
    }
    setFeed({ state: "off" });
    setNote("The calendar feed is off. Its link no longer shows your plan.");
  };

  const copy = async (url: string, input: HTMLInputElement | null) => {
    if (await copyText(url)) {
      setNote("Link copied.");
      return;
    }
    // Without the clipboard, select the text so the phone offers its own Copy.
    input?.focus();
    input?.select();
    setNote("Copying was refused here: the link is selected, copy it with your phone's menu.");
  };

  return (
    <div class="stack calendar-feed" data-testid="calendar-feed">
      <p class="hint">
        Subscribe to your plan in Google Calendar, Apple Calendar or Outlook: the next 8 weeks of
        planned sessions with reminders, and a check-in reminder the morning after. It follows the
        plan as it changes. Anyone with the link sees your plan, nothing else.
      </p>

      {feed.state === "shown" ? (
        <FeedLink
          url={feed.url}
          onCopy={copy}
          onRotate={() => ask("rotate")}
          onOff={() => ask("off")}
        />
      ) : (
        <button
          type="button"
          class="button block"
          data-testid="calendar-show"
          onClick={show}
          disabled={feed.state === "loading"}
        >
          {feed.state === "loading"
            ? "Getting your link…"
            : feed.state === "off"
              ? "Turn the feed on with a new link"
              : "Show my calendar link"}
        </button>
      )}

      {confirming ? (
        <div
          class="danger-zone"
          role="alertdialog"
          aria-labelledby="calendar-confirm-title"
          aria-describedby="calendar-confirm-text"
        >
          <h3 id="calendar-confirm-title">
            {confirming === "rotate" ? "Make a new link?" : "Turn the feed off?"}
          </h3>
          <p id="calendar-confirm-text">
            The old link stops working: calendars subscribed to it stop showing your plan.
            {confirming === "rotate" ? " Subscribe to the new link instead." : ""}
          </p>
          <div class="row">
            <button type="button" class="button" onClick={() => setConfirming(null)}>
              Keep the link
            </button>
            <button
              type="button"
              class="button danger"
              data-testid={
                confirming === "rotate" ? "calendar-rotate-confirm" : "calendar-off-confirm"
              }
              onClick={confirming === "rotate" ? rotate : turnOff}
            >
              {confirming === "rotate" ? "New link" : "Turn off"}
            </button>
          </div>
        </div>
      ) : null}

      <p class="hint" role="status" data-testid="calendar-status">
        {note}
      </p>
      {error ? (
        <p class="form-error" role="alert" data-testid="calendar-error">
          {error.message}
        </p>
      ) : null}
    </div>
  );
}

function FeedLink(props: {
  url: string;
  onCopy: (url: string, input: HTMLInputElement | null) => void;
  onRotate: () => void;
  onOff: () => void;
}) {
  const input = useRef<HTMLInputElement>(null);
  return (
    <>
      <label class="field">
        <span class="field-label">Your calendar link</span>
        <input
          ref={input}
          data-testid="calendar-url"
          class="feed-url"
          readOnly
          value={props.url}
          onFocus={(event) => event.currentTarget.select()}
        />
      </label>
      <div class="row">
        <button
          type="button"
          class="button primary"
          data-testid="calendar-copy"
          onClick={() => props.onCopy(props.url, input.current)}
        >
          Copy link
        </button>
        <a class="button" data-testid="calendar-subscribe" href={webcalOf(props.url)}>
          Open in calendar
        </a>
      </div>
      <div class="row">
        <button type="button" class="button" data-testid="calendar-rotate" onClick={props.onRotate}>
          New link
        </button>
        <button
          type="button"
          class="button danger-outline"
          data-testid="calendar-off"
          onClick={props.onOff}
        >
          Turn off
        </button>
      </div>
    </>
  );
}
