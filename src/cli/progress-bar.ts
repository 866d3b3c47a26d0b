/**
 * A one-line progress bar for a terminal: drawn over itself with a carriage return, redrawn at
 * most every `intervalMs` (a 3,000-file import reports far more often than a person can read),
 * and erased before anything else is printed.
 */

/** What the entry point knows about standard error; tests pass their own. */
export interface ErrTerminal {
  /** True when standard error is a terminal: only then is a progress bar drawn. */
  readonly errIsTty?: boolean;
  /** The terminal's width in columns. */
  readonly errColumns?: () => number;
}

export interface ProgressBar {
  /** `done` of `total` items; `note` follows the numbers (e.g. what was stored so far). */
  update(done: number, total: number, note?: string): void;
  /** Erases the bar (the line is left empty, the cursor at its start). */
  clear(): void;
}

export interface ProgressBarOptions {
  readonly write: (text: string) => void;
  readonly columns: () => number;
  /** Milliseconds, e.g. performance.now or a test's clock. */
  readonly now: () => number;
  readonly label: string;
  readonly unit: string;
  readonly intervalMs?: number;
}

const ERASE_LINE = "\r\x1b[2K";
const BAR = 24;

/**
 * `label [#####.....] done/total unit  pct%  note`, cut to the terminal's width. The bar keeps
 * its width while the numbers grow, so it does not jitter; a narrow terminal gets no bar.
 */
export function renderProgress(
  label: string,
  unit: string,
  done: number,
  total: number,
  note: string,
  columns: number,
): string {
  const shown = Math.min(done, total);
  const fraction = total > 0 ? shown / total : 0;
  const percent = `${Math.floor(fraction * 100)}%`;
  const counts = `${shown}/${total} ${unit}`;
  const tail = `${counts}  ${percent.padStart(4)}${note ? `  ${note}` : ""}`;
  const width = columns >= 60 ? BAR : 0;
  const filled = Math.round(fraction * width);
  const bar = width ? ` [${"#".repeat(filled)}${".".repeat(width - filled)}]` : "";
  // One column spare: a line as wide as the terminal wraps on some terminals.
  return `${label}${bar} ${tail}`.slice(0, Math.max(0, columns - 1));
}

export function progressBar(options: ProgressBarOptions): ProgressBar {
  const interval = options.intervalMs ?? 100;
  let last = Number.NEGATIVE_INFINITY;
  let drawn = false;
  return {
    update(done, total, note = "") {
      const now = options.now();
      // The first state is drawn at once, the next ones at most once per interval (the last one
      // is erased before the summary anyway).
      if (drawn && now - last < interval) return;
      last = now;
      drawn = true;
      options.write(
        `${ERASE_LINE}${renderProgress(options.label, options.unit, done, total, note, options.columns())}`,
      );
    },
    clear() {
      if (!drawn) return;
      drawn = false;
      last = Number.NEGATIVE_INFINITY;
      options.write(ERASE_LINE);
    },
  };
}

/** A bar that draws nothing: for a pipe, a file, or --json read by a program. */
export const noProgressBar: ProgressBar = { update() {}, clear() {} };
