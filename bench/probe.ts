/**
 * What the benchmark installs in the page's main world before any page script
 * runs (`addInitScript`), and the shapes it reads back with `page.evaluate`.
 *
 * The script is a string on purpose: tsx compiles the `evaluate` callbacks of this
 * package with esbuild's `keepNames`, which wraps named functions in `__name(...)`.
 * The page has no such helper, so the script defines a no-op one first.
 */

export interface Probe {
  /** [startTime, duration] of every `longtask` entry. */
  longtasks: [number, number][];
  /** [startTime, duration, blockingDuration] of every `long-animation-frame` entry. */
  loafs: [number, number, number][];
  /** First animation frame at which a `backstory-*` highlight held a range. */
  firstHighlightAt: number | null;
  /** First animation frame at which the `backstory-*` highlights were registered at all. */
  registryAt: number | null;
  /** [when, ms] of every heartbeat-timer firing more than 50 ms late: how long page timers waited. */
  timerGaps: [number, number][];
  /** When the heartbeat first fired after the load event: the page's first free moment. */
  freeAfterLoadAt: number | null;
  /** When each animation frame ran (for the first 60 s). */
  frames: number[];
  /** Set by the mark.js run. */
  markjs?: { t0: number; t1: number; t2: number; marks: number };
}

/** How often the main-world heartbeat timer fires, ms. */
export const HEARTBEAT_MS = 25;

export const PROBE_SCRIPT = `
globalThis.__name = globalThis.__name || ((f) => f);
(() => {
  const probe = {
    longtasks: [],
    loafs: [],
    firstHighlightAt: null,
    registryAt: null,
    timerGaps: [],
    freeAfterLoadAt: null,
    frames: [],
  };
  window.__bench = probe;
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) probe.longtasks.push([e.startTime, e.duration]);
    }).observe({ type: 'longtask', buffered: true });
  } catch {}
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) probe.loafs.push([e.startTime, e.duration, e.blockingDuration]);
    }).observe({ type: 'long-animation-frame', buffered: true });
  } catch {}
  // Which frame first shows marks: the content script adds ranges to CSS.highlights.
  const count = () => {
    let n = 0;
    for (const [name, h] of CSS.highlights) if (name.startsWith('backstory-')) n += h.size;
    return n;
  };
  // It runs on after marks show: the frame rate while the rest of the page is indexed counts.
  const onFrame = () => {
    const now = performance.now();
    if (probe.frames.length < 20000) probe.frames.push(now);
    if (probe.registryAt === null && CSS.highlights.has('backstory-person')) probe.registryAt = now;
    if (probe.firstHighlightAt === null && count() > 0) probe.firstHighlightAt = now;
    if (now < 60000) requestAnimationFrame(onFrame);
  };
  requestAnimationFrame(onFrame);
  // A page's own timer (ads, analytics, app code): how late does it fire?
  let last = performance.now();
  const beat = setInterval(() => {
    const now = performance.now();
    const lag = now - last - ${HEARTBEAT_MS};
    if (lag > 50) probe.timerGaps.push([last, lag]);
    // readyState turns complete in the task that fires load: a later timer runs after it.
    if (probe.freeAfterLoadAt === null && document.readyState === 'complete') probe.freeAfterLoadAt = now;
    last = now;
    if (now > 60000) clearInterval(beat);
  }, ${HEARTBEAT_MS});
})();
`;

/** The figures one page load yields, read in the main world. */
export interface PageReading {
  navigationStart: 0;
  domContentLoaded: number;
  loadEnd: number;
  longtasks: [number, number][];
  loafs: [number, number, number][];
  firstHighlightAt: number | null;
  registryAt: number | null;
  timerGaps: [number, number][];
  freeAfterLoadAt: number | null;
  frames: number[];
  /** Start-up, mark by mark (see START_UP_MARKS): when each was reached, or null. */
  startUp: (number | null)[];
  viewportMarked: number | null;
  indexed: number | null;
  indexedDetail: {
    blocks?: number;
    mentions?: number;
    registeredRanges?: number;
    viewportMarkedAt?: number | null;
    indexedAt?: number | null;
  } | null;
  highlightRanges: number;
  elements: number;
  textChars: number;
}

/** Runs in the page (main world). Self-contained: `evaluate` serializes it. */
export function readPage(): PageReading {
  const probe = (window as unknown as { __bench: Probe }).__bench;
  const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
  const mark = (name: string) =>
    performance.getEntriesByName(name, 'mark')[0] as PerformanceMark | undefined;
  let ranges = 0;
  for (const [name, h] of CSS.highlights) if (name.startsWith('backstory-')) ranges += h.size;
  const indexed = mark('backstory:indexed');
  return {
    navigationStart: 0,
    domContentLoaded: nav.domContentLoadedEventStart,
    loadEnd: nav.loadEventEnd,
    longtasks: probe.longtasks,
    loafs: probe.loafs,
    firstHighlightAt: probe.firstHighlightAt,
    registryAt: probe.registryAt,
    timerGaps: probe.timerGaps,
    freeAfterLoadAt: probe.freeAfterLoadAt,
    frames: probe.frames,
    startUp: [
      'backstory:settled',
      'backstory:engine-loaded',
      'backstory:engine-started',
      'backstory:matcher-built',
    ].map((name) => mark(name)?.startTime ?? null),
    viewportMarked: mark('backstory:viewport-marked')?.startTime ?? null,
    indexed: indexed?.startTime ?? null,
    indexedDetail: (indexed?.detail as PageReading['indexedDetail']) ?? null,
    highlightRanges: ranges,
    elements: document.getElementsByTagName('*').length,
    textChars: document.body.textContent?.length ?? 0,
  };
}
