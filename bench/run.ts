/**
 * `npm run bench`: the page engine's cost on generated news pages of 50 kB to 5 MB
 * of text, measured in headless Chromium with the built extension
 * (.output/chrome-mv3; the npm script builds it first), against the same pages
 * without the extension and against mark.js marking the same aliases.
 *
 * Prints a Markdown report and, for a full run (no options), writes it to
 * bench/results.md. Figures only: this never fails on a slow result.
 *
 * Options: --tiers=50k,300k,1M,5M  --runs=N (every tier)  --no-trace  --no-profile
 *          --no-markjs  --markjs-5m (adds mark.js at 5 MB: several minutes)
 *          --no-apps  --no-real-pages (skip those sections)
 *          --apps [--pairs=N --only=todo,feed,…]  --real-pages  (only that section, printed)
 *          --speedometer [--pairs=N --iterations=N --suites=… --params=…] (see speedometer.ts)
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { CDPSession, Page } from 'playwright-core';
import { format, resolveConfig } from 'prettier';
import {
  CHROMIUM,
  EXTENSION_DIR,
  ROOT,
  VIEWPORT,
  launch as launchBrowser,
  log,
  serve,
  sleep,
  type Browser,
} from './harness';
import { generatePage, loadCorpus, type GeneratedPage } from './pages';
import { HEARTBEAT_MS, PROBE_SCRIPT, readPage, type PageReading, type Probe } from './probe';
import { startProfile, summarizeProfile, type ProfileSummary } from './profile';
import { blockingTime, kb, longestTask, mb, median, ms, ratio } from './stats';
import { runApps } from './apps';
import { runRealPages } from './real-pages';
import { runSpeedometer } from './speedometer';
import { startTrace, summarizeTrace, type TraceSummary } from './trace';

const RESULTS = join(ROOT, 'bench/results.md');

interface Tier {
  key: string;
  label: string;
  chars: number;
  runs: number;
  /** The TBT window runs from navigation start to load + windowMs; it must outlast indexing. */
  windowMs: number;
  markjsRuns: number;
  markjsRegexRuns: number;
}

const TIERS: Tier[] = [
  {
    key: '50k',
    label: '50 kB',
    chars: 50_000,
    runs: 3,
    windowMs: 1_000,
    markjsRuns: 3,
    markjsRegexRuns: 3,
  },
  {
    key: '300k',
    label: '300 kB',
    chars: 300_000,
    runs: 3,
    windowMs: 1_500,
    markjsRuns: 1,
    markjsRegexRuns: 1,
  },
  {
    key: '1M',
    label: '1 MB',
    chars: 1_000_000,
    runs: 3,
    windowMs: 2_500,
    markjsRuns: 1,
    markjsRegexRuns: 1,
  },
  {
    key: '5M',
    label: '5 MB',
    chars: 5_000_000,
    runs: 3,
    windowMs: 6_000,
    markjsRuns: 0,
    markjsRegexRuns: 0,
  },
];

/** Interleaved with/without pairs of each app workload. */
const APP_PAIRS = 3;

/** Characters mark.js's `accuracy: 'exactly'` accepts around a whole word. */
const LIMITERS = [...',.;:!?\'"’‘“”()[]-–—/…«»'];

// ---------------------------------------------------------------------------
// Options
// ---------------------------------------------------------------------------

const argv = process.argv.slice(2);
/** Only a full run replaces bench/results.md; a partial one prints. */
const partial = argv.length > 0;
const flag = (name: string) => argv.includes(`--${name}`);
const option = (name: string) =>
  argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3) ?? null;
const onlyTiers = option('tiers')?.split(',') ?? null;
const runsOverride = option('runs') ? Number(option('runs')) : null;
const tiers = TIERS.filter((t) => !onlyTiers || onlyTiers.includes(t.key)).map((t) => ({
  ...t,
  runs: runsOverride ?? t.runs,
  markjsRuns: flag('no-markjs') ? 0 : t.key === '5M' && flag('markjs-5m') ? 1 : t.markjsRuns,
  markjsRegexRuns: flag('no-markjs')
    ? 0
    : t.key === '5M' && flag('markjs-5m')
      ? 1
      : t.markjsRegexRuns,
}));

// ---------------------------------------------------------------------------
// Pages and server
// ---------------------------------------------------------------------------

interface ServedPage extends GeneratedPage {
  tier: Tier;
  url: string;
  htmlBytes: number;
}

const launch = (withExtension: boolean) =>
  launchBrowser(withExtension, { initScript: PROBE_SCRIPT });

/** JS heap in use after a full collection (all worlds of the page's isolate). */
async function heapAfterGc(cdp: CDPSession): Promise<number | null> {
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('HeapProfiler.collectGarbage');
  const { metrics } = await cdp.send('Performance.getMetrics');
  return metrics.find((m) => m.name === 'JSHeapUsedSize')?.value ?? null;
}

async function pageNow(page: Page): Promise<{ now: number; loadEnd: number }> {
  return page.evaluate(() => {
    const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
    return { now: performance.now(), loadEnd: nav.loadEventEnd };
  });
}

/** Loads `url` and waits until the page's clock reads load + `windowMs`. */
async function loadAndWait(page: Page, url: string, windowMs: number): Promise<number> {
  await page.mouse.move(0, 0);
  await page.goto(url, { waitUntil: 'load', timeout: 180_000 });
  const { now, loadEnd } = await pageNow(page);
  await sleep(Math.max(0, loadEnd + windowMs - now));
  return loadEnd + windowMs;
}

/** A visible mention's centre, from the ranges registered in CSS.highlights. */
function findMentionInView(): { x: number; y: number; text: string } | null {
  const top = 80;
  const bottom = innerHeight - 40;
  for (const [name, highlight] of CSS.highlights) {
    if (!name.startsWith('backstory-')) continue;
    for (const range of highlight) {
      if (!(range instanceof Range)) continue;
      const rect = range.getClientRects()[0];
      if (!rect || rect.width < 12 || rect.top < top || rect.bottom > bottom) continue;
      const x = rect.left + rect.width / 2;
      const y = rect.top + rect.height / 2;
      const hit = document.elementFromPoint(x, y);
      if (hit && range.commonAncestorContainer.contains(hit)) {
        return { x, y, text: range.toString() };
      }
      const host = range.commonAncestorContainer;
      if (hit && (host === hit || hit.contains(host))) return { x, y, text: range.toString() };
    }
  }
  return null;
}

const lastCardMeasure = () => {
  const all = performance.getEntriesByName('backstory:card', 'measure');
  return all.length > 0 ? all[all.length - 1]!.duration : null;
};

interface CardTiming {
  /** First card on the page: data from the background, card host mounted. */
  card: number | null;
  /** The same mention again after the card closed: data cached, host mounted. */
  repeat: number | null;
  text: string | null;
}

/** Hovers a mention in view and returns the `backstory:card` measure, once the card shows. */
async function hoverCard(page: Page, repeat: boolean): Promise<CardTiming> {
  const target = await page.evaluate(findMentionInView);
  if (!target) return { card: null, repeat: null, text: null };
  const dialog = page.locator('[role=dialog]').first();
  const hover = async () => {
    await page.mouse.move(target.x, target.y + 120);
    await page.mouse.move(target.x, target.y, { steps: 4 });
    await dialog.waitFor({ state: 'visible', timeout: 5_000 });
    return page.evaluate(lastCardMeasure);
  };
  const card = await hover().catch(() => null);
  let again: number | null = null;
  if (repeat && card !== null) {
    await page.mouse.move(2, VIEWPORT.height - 2);
    await dialog.waitFor({ state: 'hidden', timeout: 5_000 }).catch(() => undefined);
    again = await hover().catch(() => null);
  }
  return { card, repeat: again, text: target.text };
}

/** Mutations a page does after load, timed one by one (µs each). */
const MUTATIONS = 20;

interface MutationCost {
  /** Appending a div to body and removing it again. */
  insertRemove: number;
  /** Changing the text of a text node near the end of the page. */
  edit: number;
}

/**
 * Synchronous DOM mutations in the main world, after indexing: Blink updates
 * every live Range of the document on each removal or text change, so their cost
 * grows with the ranges a script keeps. Runs last: it makes the engine rescan.
 */
async function mutationCost(page: Page): Promise<MutationCost> {
  return page.evaluate((n) => {
    const div = document.createElement('div');
    let t = performance.now();
    for (let i = 0; i < n; i++) {
      document.body.appendChild(div);
      div.remove();
    }
    const insertRemove = ((performance.now() - t) / n) * 1000;
    const paragraphs = document.querySelectorAll('p');
    const text = [...(paragraphs[paragraphs.length - 8]?.childNodes ?? [])].find(
      (c): c is Text => c.nodeType === Node.TEXT_NODE,
    );
    let edit = NaN;
    if (text) {
      const original = text.data;
      t = performance.now();
      for (let i = 0; i < n; i++) text.data = i % 2 ? original : `${original} `;
      edit = ((performance.now() - t) / n) * 1000;
      text.data = original;
    }
    return { insertRemove, edit };
  }, MUTATIONS);
}

// ---------------------------------------------------------------------------
// Runs
// ---------------------------------------------------------------------------

interface LoadRun {
  reading: PageReading;
  windowEnd: number;
  heap: number | null;
  card: CardTiming | null;
  mutation: MutationCost;
}

async function runExtension(b: Browser, p: ServedPage, repeatCard = false): Promise<LoadRun> {
  const windowEnd = await loadAndWait(b.page, p.url, p.tier.windowMs);
  // Indexing should be over by now; if not, wait for it (the TBT window stays fixed).
  await b.page
    .waitForFunction(() => performance.getEntriesByName('backstory:indexed').length > 0, null, {
      timeout: 120_000,
      polling: 250,
    })
    .catch(() => undefined);
  const reading = await b.page.evaluate(readPage);
  const card = await hoverCard(b.page, repeatCard);
  const heap = await heapAfterGc(b.cdp);
  return { reading, windowEnd, heap, card, mutation: await mutationCost(b.page) };
}

async function runBaseline(b: Browser, p: ServedPage): Promise<LoadRun> {
  const windowEnd = await loadAndWait(b.page, p.url, p.tier.windowMs);
  const reading = await b.page.evaluate(readPage);
  const heap = await heapAfterGc(b.cdp);
  return { reading, windowEnd, heap, card: null, mutation: await mutationCost(b.page) };
}

interface MarkjsRun {
  tbt: number;
  longest: number;
  /** Marking (synchronous) until the next frame has run after it. */
  total: number;
  marks: number;
}

type MarkjsMode = 'keywords' | 'regex';

async function runMarkjs(
  b: Browser,
  p: ServedPage,
  source: string,
  aliases: string[],
  mode: MarkjsMode,
): Promise<MarkjsRun> {
  // Let the page's own load work settle first: only mark.js's tasks are counted.
  await loadAndWait(b.page, p.url, 1_000);
  await b.page.addScriptTag({ content: source });
  const timing = await b.page.evaluate(
    ({ aliases, limiters, mode }) =>
      new Promise<{ t0: number; t1: number; t2: number; marks: number }>((done) => {
        setTimeout(() => {
          type MarkOptions = Record<string, unknown> & { done?: (n: number) => void };
          const Mark = (
            window as unknown as {
              Mark: new (el: Element) => {
                mark(keywords: string[], options: MarkOptions): void;
                markRegExp(re: RegExp, options: MarkOptions): void;
              };
            }
          ).Mark;
          let marks = 0;
          const t0 = performance.now();
          const instance = new Mark(document.body);
          if (mode === 'keywords') {
            instance.mark(aliases, {
              acrossElements: true,
              separateWordSearch: false,
              caseSensitive: false,
              accuracy: { value: 'exactly', limiters },
              done: (n: number) => (marks = n),
            });
          } else {
            // One pass: every alias in one whole-word alternation, longest first.
            const alternation = [...aliases]
              .sort((a, b) => b.length - a.length)
              .map((a) => a.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
              .join('|');
            const re = new RegExp(`(?<![\\p{L}\\p{N}])(?:${alternation})(?![\\p{L}\\p{N}])`, 'giu');
            instance.markRegExp(re, { acrossElements: true, done: (n: number) => (marks = n) });
          }
          const t1 = performance.now();
          requestAnimationFrame(() =>
            setTimeout(() => done({ t0, t1, t2: performance.now(), marks }), 0),
          );
        }, 0);
      }),
    { aliases, limiters: LIMITERS, mode },
  );
  await sleep(500);
  const tasks = await b.page.evaluate(
    () => (window as unknown as { __bench: Probe }).__bench.longtasks,
  );
  // The task that runs mark.js starts a hair before its first line.
  const from = timing.t0 - 5;
  const to = timing.t2 + 500;
  return {
    tbt: blockingTime(tasks, from, to),
    longest: longestTask(tasks, from, to),
    total: timing.t2 - timing.t0,
    marks: timing.marks,
  };
}

async function runTraced(b: Browser, p: ServedPage): Promise<TraceSummary | null> {
  const stop = await startTrace(b.cdp);
  await loadAndWait(b.page, p.url, p.tier.windowMs);
  const events = await stop();
  return summarizeTrace(events, p.url);
}

async function runProfiled(b: Browser, p: ServedPage): Promise<ProfileSummary> {
  const stop = await startProfile(b.cdp);
  await loadAndWait(b.page, p.url, p.tier.windowMs);
  const profile = await stop();
  // The loaded copy: .output may have been rebuilt since.
  const source = join(b.extensionDir ?? EXTENSION_DIR, 'content-scripts/content.js');
  return summarizeProfile(profile, readFileSync(source, 'utf8'));
}

// ---------------------------------------------------------------------------
// Per-tier figures
// ---------------------------------------------------------------------------

interface TierResult {
  page: ServedPage;
  ext: LoadRun[];
  base: LoadRun[];
  markjs: MarkjsRun[];
  markjsRegex: MarkjsRun[];
  trace: TraceSummary | null;
}

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

function summarize(t: TierResult) {
  const m = <T>(runs: T[], f: (r: T) => number | null | undefined) => median(runs.map(f));
  const sub = (a: number | null, b: number | null) => (a === null || b === null ? null : a - b);
  const after = (r: LoadRun, x: number | null) => (x === null ? null : x - r.reading.loadEnd);
  const indexedAfterLoad = m(t.ext, (r) => after(r, r.reading.indexed));
  const ext = {
    tbtAfterLoad: m(t.ext, (r) => tbtOf(r).afterLoad),
    tbtWhole: m(t.ext, (r) => tbtOf(r).whole),
    longestAfterLoad: m(t.ext, (r) => tbtOf(r).longestAfterLoad),
    longestWhole: m(t.ext, (r) => tbtOf(r).longestWhole),
    loaf: m(t.ext, (r) => tbtOf(r).loafBlocking),
    heap: m(t.ext, (r) => r.heap),
    loadEnd: m(t.ext, (r) => r.reading.loadEnd),
    timerGap: m(t.ext, (r) => maxGapAfterLoad(r, r.reading.timerGaps)),
    fps: m(t.ext, (r) => frameRate(r, r.reading.indexed)),
    insertRemove: m(t.ext, (r) => r.mutation.insertRemove),
    edit: m(t.ext, (r) => r.mutation.edit),
  };
  const base = {
    tbtAfterLoad: m(t.base, (r) => tbtOf(r).afterLoad),
    tbtWhole: m(t.base, (r) => tbtOf(r).whole),
    longestAfterLoad: m(t.base, (r) => tbtOf(r).longestAfterLoad),
    longestWhole: m(t.base, (r) => tbtOf(r).longestWhole),
    loaf: m(t.base, (r) => tbtOf(r).loafBlocking),
    heap: m(t.base, (r) => r.heap),
    loadEnd: m(t.base, (r) => r.reading.loadEnd),
    timerGap: m(t.base, (r) => maxGapAfterLoad(r, r.reading.timerGaps)),
    // The same stretch after load as the extension's median indexing.
    fps: m(t.base, (r) => frameRate(r, r.reading.loadEnd + (indexedAfterLoad ?? 0))),
    insertRemove: m(t.base, (r) => r.mutation.insertRemove),
    edit: m(t.base, (r) => r.mutation.edit),
  };
  return {
    ext,
    base,
    addedTbtAfterLoad: sub(ext.tbtAfterLoad, base.tbtAfterLoad),
    addedTbtWhole: sub(ext.tbtWhole, base.tbtWhole),
    addedLoaf: sub(ext.loaf, base.loaf),
    addedHeap: sub(ext.heap, base.heap),
    viewportAfterLoad: m(t.ext, (r) => after(r, r.reading.viewportMarked)),
    viewportFromNav: m(t.ext, (r) => r.reading.viewportMarked),
    visibleAfterLoad: m(t.ext, (r) => after(r, r.reading.firstHighlightAt)),
    visibleFromNav: m(t.ext, (r) => r.reading.firstHighlightAt),
    indexedAfterLoad,
    indexedFromNav: m(t.ext, (r) => r.reading.indexed),
    indexedPastWindow: t.ext.filter((r) => (r.reading.indexed ?? Infinity) > r.windowEnd).length,
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

// ---------------------------------------------------------------------------
// Report
// ---------------------------------------------------------------------------

/** A duration given in µs, shown in µs or ms. */
function us(x: number | null): string {
  if (x === null) return '—';
  return x >= 1000 ? `${ms(x / 1000, 1)} ms` : `${ms(x)} µs`;
}

function row(cells: (string | number)[]): string {
  return `| ${cells.join(' | ')} |`;
}

function table(head: string[], rows: (string | number)[][]): string {
  const align = head.map((_, i) => (i === 0 ? '---' : '---:'));
  return [row(head), row(align), ...rows.map(row)].join('\n');
}

function report(
  results: TierResult[],
  meta: {
    chromium: string;
    bundle: { raw: number; gzip: number; css: number };
    source: string;
  },
  profile: { tier: Tier; summary: ProfileSummary } | null,
): string {
  const s = results.map((t) => ({ t, s: summarize(t) }));
  const date = new Date().toISOString().replace('T', ' ').slice(0, 16) + ' UTC';
  const cpu = cpus();
  const out: string[] = [];
  out.push('# Backstory page-engine benchmark', '');
  out.push(
    `${date} · ${cpu.length} cores (${cpu[0]?.model.trim() ?? 'unknown CPU'}), ` +
      `${Math.round(totalmem() / 2 ** 30)} GB · ${meta.chromium} (headless, /usr/bin/chromium) · ` +
      `Node ${process.version} · viewport ${VIEWPORT.width}×${VIEWPORT.height} · ${meta.source}`,
    '',
  );
  out.push(
    `Content script \`.output/chrome-mv3/content-scripts/content.js\`: ` +
      `**${kb(meta.bundle.raw)} raw, ${kb(meta.bundle.gzip)} gzip** ` +
      `(content.css, loaded into the card's shadow root: ${kb(meta.bundle.css)} raw).`,
    '',
  );

  out.push('## Extension vs. the same page without it (medians)', '');
  out.push(
    table(
      [
        'Page (text)',
        'HTML / elements',
        'Runs',
        'Load event, with / without',
        'Frames/s while indexing, with / without',
        'Added TBT after load',
        'Added TBT whole load',
        'Longest task after load, with / without',
        'Viewport marked',
        'Marks visible',
        'Indexed',
        'Card, first / again',
        'Heap added',
        'Ranges',
        'Mentions (blocks)',
        'DOM insert+remove, with / without',
      ],
      s.map(({ t, s }) => [
        `${t.page.tier.label} (${kb(t.page.textChars, 0)})`,
        `${kb(t.page.htmlBytes, 0)} / ${ms(s.elements)}`,
        t.ext.length,
        `${ms(s.ext.loadEnd)} / ${ms(s.base.loadEnd)} ms (${s.ext.loadEnd !== null && s.base.loadEnd ? (s.ext.loadEnd / s.base.loadEnd).toFixed(2) : '—'})`,
        `${ms(s.ext.fps)} / ${ms(s.base.fps)}`,
        `${ms(s.addedTbtAfterLoad)} ms`,
        `${ms(s.addedTbtWhole)} ms`,
        `${ms(s.ext.longestAfterLoad)} / ${ms(s.base.longestAfterLoad)} ms`,
        `${ms(s.viewportAfterLoad)} ms`,
        `${ms(s.visibleAfterLoad)} ms`,
        `${ms(s.indexedAfterLoad)} ms${s.indexedPastWindow ? ` (${s.indexedPastWindow} past window)` : ''}`,
        s.cardsShown ? `${ms(s.card, 1)} / ${ms(s.cardRepeat, 1)} ms` : 'no card',
        `${mb(s.addedHeap)} MB`,
        ms(s.ranges),
        `${ms(s.mentions)} (${ms(s.blocks)})`,
        `${us(s.ext.insertRemove)} / ${us(s.base.insertRemove)}`,
      ]),
    ),
    '',
  );

  out.push('## mark.js on the same pages, without the extension', '');
  out.push(
    table(
      [
        'Page',
        'mark.js `mark(aliases)`: TBT / longest / total',
        'marks',
        'mark.js one regex: TBT / longest / total',
        'marks',
        'Extension added TBT ÷ mark.js TBT',
      ],
      s.map(({ t, s }) => {
        const k = s.markjs;
        const r = s.markjsRegex;
        const added = s.addedTbtAfterLoad === null ? null : Math.max(0, s.addedTbtAfterLoad);
        const addedWhole = s.addedTbtWhole === null ? null : Math.max(0, s.addedTbtWhole);
        const own = t.trace?.blockingMs ?? null;
        return [
          t.page.tier.label,
          t.markjs.length
            ? `${ms(k.tbt)} / ${ms(k.longest)} / ${ms(k.total)} ms (${t.markjs.length} run${t.markjs.length > 1 ? 's' : ''})`
            : 'not run',
          ms(k.marks),
          t.markjsRegex.length
            ? `${ms(r.tbt)} / ${ms(r.longest)} / ${ms(r.total)} ms (${t.markjsRegex.length})`
            : 'not run',
          ms(r.marks),
          t.markjs.length
            ? `after load ${ratio(added, k.tbt)} · whole load ${ratio(addedWhole, k.tbt)} · own tasks ${ratio(own, k.tbt)}`
            : '—',
        ];
      }),
    ),
    '',
  );

  out.push("## The extension's own main-thread tasks (one traced load per tier)", '');
  out.push(
    table(
      [
        'Page',
        'Tasks',
        'Main-thread time',
        'Longest',
        'Tasks > 50 ms',
        'TBT of own tasks',
        'Longest tasks (parts)',
      ],
      s.map(({ t }) => {
        const tr = t.trace;
        if (!tr) return [t.page.tier.label, '—', '—', '—', '—', '—', 'not traced'];
        const parts = tr.top
          .filter((x) => x.duration > 16)
          .map(
            (x) =>
              `${ms(x.duration)} ms at ${ms(x.start)} (` +
              (Object.entries(x.parts)
                .filter(([, v]) => v >= 1)
                .sort((a, b) => b[1] - a[1])
                .map(([k, v]) => `${k} ${ms(v)}`)
                .join(', ') || 'script') +
              ')',
          )
          .join('; ');
        return [
          t.page.tier.label,
          tr.tasks,
          `${ms(tr.totalMs)} ms`,
          `${ms(tr.longest, 1)} ms`,
          tr.over50,
          `${ms(tr.blockingMs)} ms`,
          parts || 'none over 16 ms',
        ];
      }),
    ),
    '',
  );

  out.push('## Details (medians)', '');
  out.push(
    table(
      [
        'Page',
        'TBT after load, with / without',
        'TBT whole load, with / without',
        'Longest task whole load, with / without',
        'LoAF blocking added',
        'Load event, with / without',
        'Viewport marked / marks visible / indexed (from navigation start)',
        'Worst page-timer delay after load, with / without',
        'Frames/s from load to indexed, with / without',
        'JS heap, with / without',
        'Text edit, with / without',
      ],
      s.map(({ t, s }) => [
        t.page.tier.label,
        `${ms(s.ext.tbtAfterLoad)} / ${ms(s.base.tbtAfterLoad)} ms`,
        `${ms(s.ext.tbtWhole)} / ${ms(s.base.tbtWhole)} ms`,
        `${ms(s.ext.longestWhole)} / ${ms(s.base.longestWhole)} ms`,
        `${ms(s.addedLoaf)} ms`,
        `${ms(s.ext.loadEnd)} / ${ms(s.base.loadEnd)} ms`,
        `${ms(s.viewportFromNav)} / ${ms(s.visibleFromNav)} / ${ms(s.indexedFromNav)} ms`,
        `${ms(s.ext.timerGap)} / ${ms(s.base.timerGap)} ms`,
        `${ms(s.ext.fps)} / ${ms(s.base.fps)}`,
        `${mb(s.ext.heap)} / ${mb(s.base.heap)} MB`,
        `${us(s.ext.edit)} / ${us(s.base.edit)}`,
      ]),
    ),
    '',
  );

  if (profile) {
    const p = profile.summary;
    out.push(`## CPU profile of one ${profile.tier.label} load with the extension`, '');
    out.push(
      `Sampled JS time: ${ms(p.totalMs)} ms, of which ${ms(p.extensionMs)} ms with the content ` +
        'script on the stack (navigation start → load + window; sampling every 0.25 ms slows it down).',
      '',
    );
    out.push(
      table(
        ['Inclusive (extension function)', 'ms', 'Self (leaf, incl. native calls)', 'ms'],
        Array.from({ length: Math.max(p.inclusive.length, p.self.length) }, (_, i) => [
          p.inclusive[i]?.name ?? '',
          ms(p.inclusive[i]?.ms),
          p.self[i]?.name ?? '',
          ms(p.self[i]?.ms),
        ]),
      ),
      '',
    );
  }

  const one = s.find(({ t }) => t.page.tier.key === '1M')?.s;
  out.push('## Targets', '');
  out.push(
    table(
      ['Target', 'Measured'],
      [
        [
          'Added TBT on 1 MB ≤ 1/20 of mark.js',
          one && one.markjs.tbt !== null
            ? `after load ${ratio(Math.max(0, one.addedTbtAfterLoad ?? 0), one.markjs.tbt)}, whole load ${ratio(Math.max(0, one.addedTbtWhole ?? 0), one.markjs.tbt)} (mark.js ${ms(one.markjs.tbt)} ms)`
            : 'not measured',
        ],
        [
          'No task > 50 ms from the extension',
          s
            .map(({ t }) => `${t.page.tier.label}: ${t.trace ? `${ms(t.trace.longest)} ms` : '—'}`)
            .join(', '),
        ],
        [
          'Viewport marked ≤ 100 ms after idle (load)',
          s
            .map(
              ({ t, s }) =>
                `${t.page.tier.label}: ${ms(s.viewportAfterLoad)} ms (visible ${ms(s.visibleAfterLoad)})`,
            )
            .join(', '),
        ],
        [
          'Card ≤ 16 ms after the intent delay',
          s
            .map(
              ({ t, s }) =>
                `${t.page.tier.label}: ${ms(s.card, 1)} ms (again ${ms(s.cardRepeat, 1)})`,
            )
            .join(', '),
        ],
        ['Content script ≤ 40 kB gzip', kb(meta.bundle.gzip)],
        [
          'Heap ≤ 5 MB',
          s.map(({ t, s }) => `${t.page.tier.label}: ${mb(s.addedHeap)} MB`).join(', '),
        ],
      ],
    ),
    '',
  );

  out.push('## Legend', '');
  out.push(
    [
      '- **Pages**: generated from the corpus paragraphs (assets/corpus), seeded, so every run serves the same bytes: site header and navigation, articles with header/byline, sections of `div > p` paragraphs with links, `em` and `strong` over word runs (mentions can span them), figures with captions, pull quotes, lists, related-link asides, tag footers, a sidebar. "Page (text)" is the text content size; HTML is the document size. Served from 127.0.0.1 by node:http.',
      `- **Runs**: each tier loads the page N times with the extension and N times in a second Chromium launched without \`--load-extension\`, interleaved, one tab each; figures are medians over runs (each column separately). A warm-up load precedes the runs.`,
      '- **TBT** (total blocking time): Σ max(0, duration − 50 ms) over `longtask` entries, observed by a PerformanceObserver that `addInitScript` installs in the main world before any page script. **Window**: from navigation start to `loadEventEnd` + a fixed per-tier time (' +
        tiers.map((t) => `${t.label} ${t.windowMs / 1000} s`).join(', ') +
        ') that outlasts indexing. **Added TBT after load** counts tasks starting after `loadEventEnd` (the brief\'s definition); **whole load** counts every task from navigation start, because the extension moves work across the load event (its content script starts before `load` fires and delays it, and the first full style/layout of a large page lands on either side). Both are "with minus without" of the medians, so small negative values are noise. Long tasks do not include rendering (style/layout/paint in frames); the LoAF column (`long-animation-frame` blockingDuration) does.',
      "- **Longest task** (main table): the longest `longtask` after load, with and without the extension; it includes the page's own work. The extension's own longest task is in the traced table.",
      "- **Own tasks (trace)**: one extra load per tier with a Chromium trace (`devtools.timeline`, `disabled-by-default-devtools.timeline`); a renderer main-thread task (`RunTask`, which includes its microtask checkpoint) is the extension's if it evaluates or calls into `chrome-extension://` code or resumes a `scheduler.yield()` continuation. Tracing slows tasks down a little. Parts: style = UpdateLayoutTree, layout = Layout (both forced by the engine's getComputedStyle/getBoundingClientRect), callbacks = browser→extension calls such as the TreeWalker filter, compile = V8 compile; parts can nest.",
      '- **Viewport marked**: the `backstory:viewport-marked` mark minus `loadEventEnd` (ms after load; document_idle content scripts start around load here). **Marks visible**: the first animation frame (main-world rAF poll) at which a `backstory-*` highlight holds a range, minus `loadEventEnd`: what the reader sees. **Indexed**: the `backstory:indexed` mark minus `loadEventEnd`. The details table gives the same from navigation start.',
      "- **Card, first / again**: the `backstory:card` measure (hover intent fired → card rendered) after moving the mouse onto a mention in the viewport and waiting for the card's `[role=dialog]`; hovering starts after the window, when indexing is done. *First* is the page's first card (card data asked from the background, card host mounted); *again* hovers the same mention after the card closed (data cached, host mounted: rendering only; first 3 runs of each tier).",
      '- **Heap added**: CDP `Performance.getMetrics` JSHeapUsedSize after two `HeapProfiler.collectGarbage`, with minus without (after the card is shown). It covers the V8 heap of the page (all worlds); Blink objects such as Range are not in it.',
      "- **Ranges**: Σ `CSS.highlights.get(name).size` over the six `backstory-*` highlights, read in the main world (only blocks near the viewport get ranges). **Mentions (blocks)**: from the `backstory:indexed` mark's detail.",
      "- **mark.js** 8.11.1, injected after load + 1 s in the browser without the extension, marking every KB alias on `document.body`: `mark(aliases, { acrossElements: true, separateWordSearch: false, caseSensitive: false, accuracy: { value: 'exactly', limiters: [punctuation] } })` (one DOM pass per alias, its usual use), and a one-pass variant `markRegExp(/(?<![\\p{L}\\p{N}])(?:alias|…)(?![\\p{L}\\p{N}])/giu, { acrossElements: true })`. TBT and longest over long tasks from its start to 500 ms after the next frame; total = marking plus the next frame. mark.js at 5 MB is skipped unless `--markjs-5m` (one keyword pass at 1 MB already takes about a minute and a half).",
      `- **DOM insert+remove / text edit**: after indexing (and the card), ${MUTATIONS} synchronous mutations in the main world, timed per operation: appending a \`div\` to \`body\` and removing it, and changing the text of a text node near the end of the page. Blink walks every live \`Range\` of the document on each removal and text change, so this grows with the number of live ranges the page holds (a range per mention on the page would make every mutation slow).`,
      '- **Worst page-timer delay**: a main-world `setInterval` of ' +
        `${HEARTBEAT_MS} ms (standing in for the page's own timers): the largest delay of one firing beyond its interval, among gaps ending after load. ` +
        '**Frames/s from load to indexed**: animation frames the main-world rAF poll saw from `loadEventEnd` until `backstory:indexed` (without the extension: over the same stretch after load); 60 is a page that renders every frame, about 9 is the ~100 ms rendering turn Chromium grants a main thread that is kept busy. ' +
        '**LoAF blocking added**: Σ blockingDuration of long animation frames, with minus without.',
      '- **Targets**: added TBT on 1 MB ≤ 1/20 of mark.js; no task > 50 ms from the extension; viewport marked ≤ 100 ms after idle; card ≤ 16 ms after the intent delay; content script ≤ 40 kB gzip; heap ≤ 5 MB. The bench reports, it never fails.',
    ].join('\n'),
    '',
  );
  return out.join('\n');
}

/** Which sources were built: the commit, and whether the extension's files differ from it. */
function sourceState(): string {
  try {
    const git = (...args: string[]) =>
      execFileSync('git', args, {
        cwd: ROOT,
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'ignore'],
      });
    const commit = git('rev-parse', '--short', 'HEAD').trim();
    const dirty = git(
      'status',
      '--porcelain',
      '--',
      'lib',
      'entrypoints',
      'wxt.config.ts',
      'generated',
    )
      .split('\n')
      .filter(Boolean).length;
    return dirty ? `build of ${commit} + ${dirty} uncommitted file(s)` : `build of ${commit}`;
  } catch {
    return 'build of an unknown revision';
  }
}

function bundleSize(file: string) {
  const js = readFileSync(file);
  const css = file.replace(/\.js$/, '.css');
  return {
    raw: js.length,
    gzip: gzipSync(js, { level: 9 }).length,
    css: existsSync(css) ? readFileSync(css).length : 0,
  };
}

// ---------------------------------------------------------------------------
// Main
// ---------------------------------------------------------------------------

async function main(): Promise<void> {
  const started = Date.now();
  if (!existsSync(join(EXTENSION_DIR, 'manifest.json'))) {
    throw new Error(`No extension build at ${EXTENSION_DIR}: run \`npm run build\` first.`);
  }
  if (!existsSync(CHROMIUM)) throw new Error(`No Chromium at ${CHROMIUM}.`);
  const matcher = JSON.parse(readFileSync(join(ROOT, 'generated/matcher.json'), 'utf8')) as {
    aliases: [string, number, string][];
  };
  const aliases = matcher.aliases.map(([text]) => text);
  const markjsSource = readFileSync(join(ROOT, 'node_modules/mark.js/dist/mark.min.js'), 'utf8');

  const corpus = loadCorpus(join(ROOT, 'assets/corpus'));
  const html = new Map<string, string>();
  const generated = tiers.map((tier, i) => {
    const page = generatePage(corpus, tier.chars, 20240322 + i);
    html.set(`/news-${tier.key}.html`, page.html);
    return { tier, page };
  });
  const server = await serve(html);
  const pages: ServedPage[] = generated.map(({ tier, page }) => ({
    ...page,
    tier,
    url: `${server.origin}/news-${tier.key}.html`,
    htmlBytes: Buffer.byteLength(page.html),
  }));
  log(`pages: ${pages.map((p) => `${p.tier.label} ${p.elements} elements`).join(', ')}`);

  const withExt = await launch(true);
  const without = await launch(false);
  // Sizes of the copy the browser loaded (a build may rewrite .output meanwhile).
  const bundle = bundleSize(join(withExt.extensionDir!, 'content-scripts/content.js'));
  const source = sourceState();
  const { product } = await withExt.cdp.send('Browser.getVersion');
  try {
    // Warm-up: first loads pay for process start, caches and the service worker.
    const warm = pages[0]!;
    await runExtension(withExt, warm);
    await runBaseline(without, warm);

    const results: TierResult[] = [];
    for (const p of pages) {
      const t: TierResult = {
        page: p,
        ext: [],
        base: [],
        markjs: [],
        markjsRegex: [],
        trace: null,
      };
      for (let i = 0; i < p.tier.runs; i++) {
        t.ext.push(await runExtension(withExt, p, i < 3));
        t.base.push(await runBaseline(without, p));
        const e = t.ext[t.ext.length - 1]!;
        log(
          `${p.tier.label} run ${i + 1}/${p.tier.runs}: indexed ${ms(e.reading.indexed)} ms, ` +
            `card ${ms(e.card?.card, 1)} ms (again ${ms(e.card?.repeat, 1)} ms) on “${e.card?.text ?? '-'}”`,
        );
      }
      if (!flag('no-trace')) t.trace = await runTraced(withExt, p);
      for (let i = 0; i < p.tier.markjsRegexRuns; i++) {
        t.markjsRegex.push(await runMarkjs(without, p, markjsSource, aliases, 'regex'));
      }
      for (let i = 0; i < p.tier.markjsRuns; i++) {
        log(`${p.tier.label}: mark.js keywords run ${i + 1}/${p.tier.markjsRuns}`);
        t.markjs.push(await runMarkjs(without, p, markjsSource, aliases, 'keywords'));
      }
      results.push(t);
      log(`${p.tier.label} done at ${Math.round((Date.now() - started) / 1000)} s`);
    }

    let profile: { tier: Tier; summary: ProfileSummary } | null = null;
    if (!flag('no-profile')) {
      const largest = pages[pages.length - 1]!;
      profile = { tier: largest.tier, summary: await runProfiled(withExt, largest) };
    }

    await withExt.close();
    await without.close();
    const sections: string[] = [];
    if (!flag('no-apps')) {
      log('app workloads and bad input');
      sections.push('## Web apps and bad input', '', await runApps(corpus, APP_PAIRS));
    }
    if (!flag('no-real-pages')) {
      log('real pages');
      const real = await runRealPages();
      if (real) sections.push(real);
    }
    // Formatted as the repository's Prettier would (aligned tables; `npm run lint` stays clean).
    const raw = [report(results, { chromium: product, bundle, source }, profile), ...sections].join(
      '\n',
    );
    const md = await format(raw, { ...(await resolveConfig(RESULTS)), filepath: RESULTS });
    console.log(md);
    if (!partial) writeFileSync(RESULTS, md);
    log(
      `finished in ${Math.round((Date.now() - started) / 1000)} s; ` +
        (partial ? 'partial run: bench/results.md left as it was' : 'written to bench/results.md'),
    );
  } finally {
    await withExt.close();
    await without.close();
    await server.close();
  }
}

/** `--apps` alone: only the app workloads and bad-input pages. */
async function appsOnly(): Promise<void> {
  const pairs = Number(option('pairs') ?? APP_PAIRS);
  const only = option('only')?.split(',') ?? null;
  console.log(await runApps(loadCorpus(join(ROOT, 'assets/corpus')), pairs, only));
}

/** `--real-pages` alone. */
async function realPagesOnly(): Promise<void> {
  console.log((await runRealPages()) ?? 'No ../shared/real-pages here.');
}

(flag('speedometer')
  ? runSpeedometer(argv).then((md) => console.log(md))
  : flag('apps')
    ? appsOnly()
    : flag('real-pages')
      ? realPagesOnly()
      : main()
).catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
