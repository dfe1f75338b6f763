/** What one page load is measured by, besides the probe: heap, the first card, mutation cost. */
import { setTimeout as sleep } from 'node:timers/promises';
import type { CDPSession, Page } from 'playwright-core';
import { CARD_HOST } from '../lib/card/card-host';
import { REVEAL_HIGHLIGHT } from '../lib/page/highlighter';
import { defaultSettings } from '../lib/settings/schema';
import { DEFAULT_VIEWPORT } from '../tests/support/chromium';

/** JS heap in use after a full collection (all worlds of the page's isolate). */
export async function heapAfterGc(cdp: CDPSession): Promise<number | null> {
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
export async function loadAndWait(page: Page, url: string, windowMs: number): Promise<number> {
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
  // Marks are static ranges: geometry and text come from one live range set over each in turn.
  const range = document.createRange();
  for (const [name, highlight] of CSS.highlights) {
    if (!name.startsWith('backstory-')) continue;
    for (const mark of highlight) {
      range.setStart(mark.startContainer, mark.startOffset);
      range.setEnd(mark.endContainer, mark.endOffset);
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

export interface CardTiming {
  /** First card on the page: data from the background, card host mounted. */
  card: number | null;
  /** The same mention again after the card closed: data cached, host mounted. */
  repeat: number | null;
  text: string | null;
}

/** Hovers a mention in view and returns the `backstory:card` measure, once the card shows. */
export async function hoverCard(page: Page, repeat: boolean): Promise<CardTiming> {
  const target = await page.evaluate(findMentionInView);
  if (!target) return { card: null, repeat: null, text: null };
  // Polled in the page's main world, where it finds the card host by tag: a Playwright
  // locator would run its injected script in a world of its own and walk every element of
  // the page for shadow roots, and the heap measured after the card would count that
  // script and a JS wrapper per element (0.95 MB of the 6.3 MB it read at 5 MB) as Backstory’s.
  const cardShown = (visible: boolean) =>
    page.waitForFunction(
      ([tag, want]) => {
        const dialog = document.querySelector(tag)?.shadowRoot?.querySelector('[role=dialog]');
        return (dialog?.checkVisibility() ?? false) === want;
      },
      [CARD_HOST, visible] as const,
      { timeout: 5_000, polling: 50 },
    );
  const hover = async () => {
    await page.mouse.move(target.x, target.y + 120);
    await page.mouse.move(target.x, target.y, { steps: 4 });
    await cardShown(true);
    return page.evaluate(lastCardMeasure);
  };
  const card = await hover().catch(() => null);
  let again: number | null = null;
  if (repeat && card !== null) {
    await page.mouse.move(2, DEFAULT_VIEWPORT.height - 2);
    await cardShown(false).catch(() => undefined);
    again = await hover().catch(() => null);
  }
  return { card, repeat: again, text: target.text };
}

/** Mutations a page does after load, timed together (µs each; the page's clock is coarsened). */
export const MUTATIONS = 1_000;
/** Frames timed after a DOM change each. */
export const CHANGED_FRAMES = 10;

export interface MutationCost {
  /** Appending a div to body and removing it again. */
  insertRemove: number;
  /** Changing the text of a text node near the end of the page. */
  edit: number;
  /** From one animation frame to the next when a div was appended to body between them, ms (median). */
  frameAfterChange: number;
}

/**
 * Synchronous DOM mutations in the main world, after indexing: Blink updates
 * every live Range of the document on each removal or text change, so their cost
 * grows with the ranges a script keeps. Then how long the frame after a change takes: from
 * one animation callback to the next, across the rendering (style, layout, pre-paint, paint)
 * of a frame that follows a change. Runs last: it makes the engine rescan.
 */
export async function mutationCost(page: Page): Promise<MutationCost> {
  return page.evaluate(
    async ([n, frames]) => {
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
      // The callback's own clock, not the frame time it is given (a vsync, which rounds to 16.7 ms).
      const frame = () =>
        new Promise<number>((r) => requestAnimationFrame(() => r(performance.now())));
      const intervals: number[] = [];
      for (let i = 0; i < frames; i++) {
        const before = await frame();
        document.body.appendChild(div);
        intervals.push((await frame()) - before);
        div.remove();
        await frame();
      }
      intervals.sort((a, b) => a - b);
      return { insertRemove, edit, frameAfterChange: intervals[intervals.length >> 1]! };
    },
    [MUTATIONS, CHANGED_FRAMES] as const,
  );
}

/** Where the reader jumps to, as a share of the page's scrollable height. */
export const JUMP_TO = 0.85;
/** How often the resting hand jitters by a pixel (well inside the hover intent's rest radius). */
const JITTER_MS = 50;
/** Longer than reading the largest tier takes. */
const FAR_HOVER_TIMEOUT_MS = 30_000;

export interface FarHover {
  /**
   * From the jump to the card or the revealed mark, less the hover delay: how much later
   * than on an indexed mention it answered, ms.
   */
  late: number | null;
  /** Whether the page had been read to its end before the jump. */
  indexedBefore: boolean;
  text: string | null;
}

/**
 * A reader who jumps far down the page as soon as its first screen is marked (the
 * scrollbar, End, a link to a section) and rests the pointer on a name there. Only an
 * entity's first mention is marked, so the name is usually unmarked: resting on it
 * reveals it once the engine has read that far, and a marked one opens its card. The
 * hand jitters by a pixel, as a resting hand does, so a rest that began before the name
 * was read still counts once it has been.
 */
export async function hoverFarMention(
  page: Page,
  url: string,
  aliases: readonly string[],
): Promise<FarHover> {
  await page.mouse.move(0, 0);
  await page.goto(url, { waitUntil: 'load', timeout: 180_000 });
  await page.waitForFunction(
    () => performance.getEntriesByName('backstory:viewport-marked').length > 0,
    null,
    { timeout: 60_000, polling: 50 },
  );
  const target = await page.evaluate(findAliasAfterJump, [JUMP_TO, aliases] as const);
  if (!target) return { late: null, indexedBefore: false, text: null };
  const answered = () =>
    page.evaluate(
      ([tag, reveal]) => {
        const dialog = document.querySelector(tag)?.shadowRoot?.querySelector('[role=dialog]');
        const shown = dialog?.checkVisibility() || (CSS.highlights.get(reveal)?.size ?? 0) > 0;
        return shown ? performance.now() : null;
      },
      [CARD_HOST, REVEAL_HIGHLIGHT] as const,
    );
  for (let i = 0; i * JITTER_MS < FAR_HOVER_TIMEOUT_MS; i++) {
    await page.mouse.move(target.x + (i % 2), target.y);
    const at = await answered();
    if (at !== null) {
      const late = at - target.jumpedAt - defaultSettings.hoverDelayMs;
      return { late, indexedBefore: target.indexedBefore, text: target.text };
    }
    await sleep(JITTER_MS);
  }
  return { late: null, indexedBefore: target.indexedBefore, text: target.text };
}

/** Scrolls to `share` of the page and finds the centre of the first alias in view (main world). */
function findAliasAfterJump([share, aliases]: readonly [number, readonly string[]]): {
  x: number;
  y: number;
  text: string;
  jumpedAt: number;
  indexedBefore: boolean;
} | null {
  const indexedBefore = performance.getEntriesByName('backstory:indexed').length > 0;
  scrollTo(0, (document.documentElement.scrollHeight - innerHeight) * share);
  const jumpedAt = performance.now();
  const words = new RegExp(
    `(?<![\\p{L}\\p{N}])(?:${aliases.map((a) => a.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|')})(?![\\p{L}\\p{N}])`,
    'u',
  );
  // From the text in view, not the top of the page: the search runs on the page's thread,
  // and walking a 5 MB page to its 85 % would hold back the engine it is timing.
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  walker.currentNode =
    document.elementFromPoint(innerWidth / 2, innerHeight * 0.2) ?? document.body;
  const range = document.createRange();
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const text = node as Text;
    range.selectNodeContents(text);
    const box = range.getBoundingClientRect();
    if (box.top > innerHeight - 80) break;
    if (box.bottom < 80 || box.width === 0) continue;
    const found = words.exec(text.data);
    if (!found) continue;
    range.setStart(text, found.index);
    range.setEnd(text, found.index + found[0].length);
    const word = range.getClientRects()[0];
    if (!word || word.top < 80 || word.bottom > innerHeight - 80) continue;
    return {
      x: word.left + word.width / 2,
      y: word.top + word.height / 2,
      text: found[0],
      jumpedAt,
      indexedBefore,
    };
  }
  return null;
}
