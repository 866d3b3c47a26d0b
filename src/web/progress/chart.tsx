/// <reference types="vite/client" />
/**
 * A uPlot chart, loaded on first use (uPlot and its styles stay out of the first screen's
 * bundle), sized to its box and coloured from the page's CSS variables (dark mode too).
 * The chart is a picture for sighted runners: `summary` says the same in words.
 */
import type { ComponentChildren } from "preact";
import { useEffect, useRef, useState } from "preact/hooks";
import type uPlot from "uplot";

export type UPlot = typeof uPlot;

export interface ChartColors {
  readonly text: string;
  readonly grid: string;
  readonly accent: string;
  readonly second: string;
  readonly goal: string;
  readonly surface: string;
}

export interface ChartSpec {
  readonly options: Omit<uPlot.Options, "width" | "height">;
  readonly data: uPlot.AlignedData;
}

let library: Promise<UPlot> | null = null;

function loadUPlot(): Promise<UPlot> {
  if (!library) {
    library = Promise.all([import("uplot"), import("uplot/dist/uPlot.min.css")]).then(
      ([module]) => module.default,
    );
  }
  return library;
}

function colors(element: Element): ChartColors {
  const style = getComputedStyle(element);
  const read = (name: string, fallback: string) => style.getPropertyValue(name).trim() || fallback;
  return {
    text: read("--text-muted", "#444"),
    grid: read("--line", "#ddd"),
    accent: read("--accent", "#0b5cad"),
    second: read("--second", "#b4570a"),
    goal: read("--good", "#1f7a3a"),
    surface: read("--surface", "#fff"),
  };
}

const DARK = "(prefers-color-scheme: dark)";

/**
 * Whether the page is dark now, following the phone's switch (at dusk, or by hand) while the
 * page stays open: the chart's colours are read from the page when it is drawn.
 */
function useDarkScheme(): boolean {
  const [dark, setDark] = useState(() => matchMedia(DARK).matches);
  useEffect(() => {
    const query = matchMedia(DARK);
    const follow = () => setDark(query.matches);
    query.addEventListener("change", follow);
    return () => query.removeEventListener("change", follow);
  }, []);
  return dark;
}

export function Chart(props: {
  testId: string;
  title: string;
  summary: string;
  height?: number;
  /** A key that changes when the data changes. */
  dataKey: string;
  build: (uPlot: UPlot, colors: ChartColors) => ChartSpec;
  /** Extra attributes for tools and tests, e.g. the plotted values. */
  data?: Record<string, string>;
  /** Nothing to plot yet: the summary says so, and no empty axes are drawn. */
  empty?: boolean;
  children?: ComponentChildren;
}) {
  const box = useRef<HTMLDivElement>(null);
  const [failed, setFailed] = useState(false);
  const build = useRef(props.build);
  build.current = props.build;
  const height = props.height ?? 220;
  const dark = useDarkScheme();

  useEffect(() => {
    const element = box.current;
    if (!element) return;
    let plot: uPlot | null = null;
    let observer: ResizeObserver | null = null;
    let live = true;
    loadUPlot()
      .then((UPlotClass) => {
        if (!live) return;
        const spec = build.current(UPlotClass, colors(element));
        const width = Math.max(200, element.clientWidth);
        plot = new UPlotClass({ ...spec.options, width, height }, spec.data, element);
        // Which scheme's colours the chart was drawn in (for tools and tests).
        element.dataset.scheme = dark ? "dark" : "light";
        observer = new ResizeObserver(() => {
          const next = Math.max(200, element.clientWidth);
          if (plot && Math.abs(plot.width - next) > 2) plot.setSize({ width: next, height });
        });
        observer.observe(element);
      })
      .catch(() => {
        if (live) setFailed(true);
      });
    return () => {
      live = false;
      observer?.disconnect();
      plot?.destroy();
    };
  }, [props.dataKey, height, props.empty, dark]);

  return (
    <figure class="card chart" data-testid={props.testId} {...(props.data ?? {})}>
      <h2 class="chart-title">{props.title}</h2>
      <figcaption class="chart-summary">{props.summary}</figcaption>
      {props.empty ? null : (
        <div class="chart-box" ref={box} aria-hidden="true" style={{ minHeight: `${height}px` }} />
      )}
      {failed ? <p class="hint">The chart could not load. The numbers are below.</p> : null}
      {props.children}
    </figure>
  );
}
