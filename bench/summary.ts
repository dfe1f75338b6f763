/** A tier's runs reduced to the figures the report shows: medians, and with minus without. */
import type { TierResult } from './static-tiers';
import { blockingTime, longestTask, median } from './stats';
import type { LoadRun } from './tier-runs';

/** Long tasks after load, and over the whole load (navigation start → load + window). */
function tbtOf(r: LoadRun) {
  const { longtasks, loadEnd } = r.reading;
  return {
    afterLoad: blockingTime(longtasks, loadEnd, r.windowEnd),
    whole: blockingTime(longtasks, 0, r.windowEnd),
    longestAfterLoad: longestTask(longtasks, loadEnd, r.windowEnd),
    longestWhole: longestTask(longtasks, 0, r.windowEnd),
    loafBlocking: r.reading.loafs
      .filter(([start]) => start < r.windowEnd)
      .reduce((a, [, , blocking]) => a + blocking, 0),
  };
}

/** The longest gap (timer lateness or time between frames) starting after load, within the window. */
function maxGapAfterLoad(r: LoadRun, gaps: [number, number][]): number {
  let max = 0;
  for (const [at, gap] of gaps) {
    if (at + gap >= r.reading.loadEnd && at < r.windowEnd) max = Math.max(max, gap);
  }
  return max;
}

/** Animation frames per second from load until `until` (null if that is not after load). */
function frameRate(r: LoadRun, until: number | null): number | null {
  const from = r.reading.loadEnd;
  if (until === null || until - from < 50) return null;
  const n = r.reading.frames.filter((t) => t >= from && t < until).length;
  return n / ((until - from) / 1000);
}

const m = <T>(runs: T[], f: (r: T) => number | null | undefined) => median(runs.map(f));

/** Medians of one side's runs; `fpsUntil` says where each run's frame-rate stretch ends. */
function sideFigures(runs: LoadRun[], fpsUntil: (r: LoadRun) => number | null) {
  return {
    tbtAfterLoad: m(runs, (r) => tbtOf(r).afterLoad),
    tbtWhole: m(runs, (r) => tbtOf(r).whole),
    longestAfterLoad: m(runs, (r) => tbtOf(r).longestAfterLoad),
    longestWhole: m(runs, (r) => tbtOf(r).longestWhole),
    loaf: m(runs, (r) => tbtOf(r).loafBlocking),
    heap: m(runs, (r) => r.heap),
    loadEnd: m(runs, (r) => r.reading.loadEnd),
    timerGap: m(runs, (r) => maxGapAfterLoad(r, r.reading.timerGaps)),
    /** How long after its load event the page's own timers first ran. */
    busyAfterLoad: m(runs, (r) =>
      r.reading.freeAfterLoadAt === null ? null : r.reading.freeAfterLoadAt - r.reading.loadEnd,
    ),
    fps: m(runs, (r) => frameRate(r, fpsUntil(r))),
    insertRemove: m(runs, (r) => r.mutation.insertRemove),
    edit: m(runs, (r) => r.mutation.edit),
    frameAfterChange: m(runs, (r) => r.mutation.frameAfterChange),
  };
}

export function summarize(t: TierResult) {
  const sub = (a: number | null, b: number | null) => (a === null || b === null ? null : a - b);
  const after = (r: LoadRun, x: number | null) => (x === null ? null : x - r.reading.loadEnd);
  const indexedAfterLoad = m(t.ext, (r) => after(r, r.reading.indexed));
  const viewportAfterLoad = m(t.ext, (r) => after(r, r.reading.viewportMarked));
  const ext = sideFigures(t.ext, (r) => r.reading.indexed);
  // Without the extension: the same stretch after load as the extension's median indexing.
  const base = sideFigures(t.base, (r) => r.reading.loadEnd + (indexedAfterLoad ?? 0));
  const control = sideFigures(t.control, (r) => r.reading.loadEnd + (indexedAfterLoad ?? 0));
  const div = (a: number | null, b: number | null) => (a === null || !b ? null : a / b);
  return {
    ext,
    base,
    control,
    /** Load event with ÷ without, and with ÷ with an empty content script. */
    loadRatio: div(ext.loadEnd, base.loadEnd),
    loadRatioToControl: div(ext.loadEnd, control.loadEnd),
    addedTbtAfterLoad: sub(ext.tbtAfterLoad, base.tbtAfterLoad),
    addedTbtWhole: sub(ext.tbtWhole, base.tbtWhole),
    addedLoaf: sub(ext.loaf, base.loaf),
    addedHeap: sub(ext.heap, base.heap),
    /** Each start-up step after load (PageReading.startUp's order), then the viewport. */
    startUpAfterLoad: [0, 1, 2, 3].map((i) =>
      m(t.ext, (r) => after(r, r.reading.startUp[i] ?? null)),
    ),
    viewportAfterLoad,
    /**
     * After the page's own first free moment in the same load: its first timer after load.
     * Our first task after load can run before that timer (both are due at once when the
     * page has held the thread), so this leaves out at most that one task.
     */
    viewportAfterPageFree: m(t.ext, (r) => {
      const { viewportMarked, freeAfterLoadAt } = r.reading;
      return viewportMarked === null || freeAfterLoadAt === null
        ? null
        : viewportMarked - freeAfterLoadAt;
    }),
    viewportFromNav: m(t.ext, (r) => r.reading.viewportMarked),
    visibleAfterLoad: m(t.ext, (r) => after(r, r.reading.firstHighlightAt)),
    visibleFromNav: m(t.ext, (r) => r.reading.firstHighlightAt),
    indexedAfterLoad,
    indexedFromNav: m(t.ext, (r) => r.reading.indexed),
    indexedPastWindow: t.ext.filter((r) => (r.reading.indexed ?? Infinity) > r.windowEnd).length,
    farLate: m(t.farHovers, (r) => r.late),
    farIndexedBefore: t.farHovers.filter((r) => r.indexedBefore).length,
    farHovers: t.farHovers.length,
    card: m(t.ext, (r) => r.card?.card),
    cardRepeat: m(t.ext, (r) => r.card?.repeat),
    cardsShown: t.ext.filter((r) => typeof r.card?.card === 'number').length,
    ranges: m(t.ext, (r) => r.reading.highlightRanges),
    mentions: m(t.ext, (r) => r.reading.indexedDetail?.mentions),
    blocks: m(t.ext, (r) => r.reading.indexedDetail?.blocks),
    elements: m(t.base, (r) => r.reading.elements),
    markjs: {
      tbt: m(t.markjs, (r) => r.tbt),
      longest: m(t.markjs, (r) => r.longest),
      total: m(t.markjs, (r) => r.total),
      marks: m(t.markjs, (r) => r.marks),
    },
    markjsRegex: {
      tbt: m(t.markjsRegex, (r) => r.tbt),
      longest: m(t.markjsRegex, (r) => r.longest),
      total: m(t.markjsRegex, (r) => r.total),
      marks: m(t.markjsRegex, (r) => r.marks),
    },
  };
}
