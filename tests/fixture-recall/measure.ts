/**
 * Measures fixture recall in real Chromium with the built extension: for each
 * listed mention, whether the extension indexes it (it is marked, or revealed by
 * resting on it) as the entity the list names.
 *
 * The pages are read with marking set to “all mentions”: the extension then
 * marks exactly the mentions it has indexed and would reveal on hover (the same
 * index and the same category, broad-entity and date rules as first-mention
 * marking), so a highlight over the listed text is the test.
 */
import type { Frame, Page } from 'playwright-core';
import type { Harness } from '../e2e/harness';
import { storeSettings } from '../e2e/extension-settings';
import type { EntityIndex } from '../e2e/expectations';
import type { ExpectedMention, ExpectedPage, FixtureSet } from './labels';
import { mentionsOf } from './labels';

/** A listed mention that is not on screen yet may be marked a little after it is scrolled to. */
const MARK_WAIT_MS = 3_000;

export interface MentionResult extends ExpectedMention {
  found: boolean;
  /** The highlighted texts over the listed text, with the entities they name. */
  marked: { text: string; entities: string[] }[];
  /** Set when the listed context is not exactly once on the page (a label to fix). */
  problem?: string;
}

export interface PageResult {
  page: string;
  set: FixtureSet;
  results: MentionResult[];
}

interface Probe {
  /** Occurrences of the whole context in this document's shown text. */
  count: number;
  /** Highlighted ranges over the listed text (only when count is 1). */
  hits: { text: string }[];
}

/**
 * In the page: finds `before + text + after` in the document's shown text (text
 * nodes in tree order, open shadow roots included; script, style, template,
 * noscript, form fields and hidden elements skipped; whitespace collapsed),
 * optionally scrolls it into view, and lists the `backstory-*` highlight ranges
 * that overlap the text part.
 */
function probeInPage(args: { before: string; text: string; after: string; scroll: boolean }) {
  const SKIP = new Set(['SCRIPT', 'STYLE', 'TEMPLATE', 'NOSCRIPT', 'TEXTAREA', 'TITLE']);
  const chars: string[] = [];
  const at: [Text, number][] = [];
  const visit = (parent: Node) => {
    for (let child = parent.firstChild; child; child = child.nextSibling) {
      if (child instanceof Text) {
        for (let i = 0; i < child.data.length; i++) {
          const ch = child.data[i]!;
          if (ch === '\u00ad' || ch === '\u200b') continue;
          if (/\s/.test(ch)) {
            if (chars.length === 0 || chars[chars.length - 1] === ' ') continue;
            chars.push(' ');
          } else {
            chars.push(ch);
          }
          at.push([child, i]);
        }
      } else if (child instanceof Element) {
        if (SKIP.has(child.tagName) || !child.checkVisibility()) continue;
        const shadow = child.shadowRoot;
        if (shadow?.querySelector('[role=dialog]')) continue; // the extension's card host
        if (shadow) visit(shadow);
        visit(child);
      }
    }
  };
  visit(document.body);
  const all = chars.join('');
  const whole = args.before + args.text + args.after;
  let count = 0;
  let index = -1;
  for (let i = all.indexOf(whole); i >= 0; i = all.indexOf(whole, i + 1)) {
    count += 1;
    index = i;
  }
  if (count !== 1) return { count, hits: [] };
  const from = index + args.before.length;
  const to = from + args.text.length - 1;
  const range = document.createRange();
  range.setStart(at[from]![0], at[from]![1]);
  range.setEnd(at[to]![0], at[to]![1] + 1);
  if (args.scroll) {
    range.startContainer.parentElement?.scrollIntoView({
      block: 'center',
      inline: 'nearest',
      behavior: 'instant',
    });
  }
  const hits: { text: string }[] = [];
  CSS.highlights.forEach((highlight, name) => {
    if (!name.startsWith('backstory-') || name === 'backstory-revealed') return;
    highlight.forEach((abstract) => {
      const live = document.createRange();
      try {
        live.setStart(abstract.startContainer, abstract.startOffset);
        live.setEnd(abstract.endContainer, abstract.endOffset);
      } catch {
        return;
      }
      // Ranges in different trees (a shadow root and the document) cannot be compared.
      if (live.startContainer.getRootNode() !== range.startContainer.getRootNode()) return;
      const overlaps =
        live.compareBoundaryPoints(Range.START_TO_END, range) > 0 &&
        live.compareBoundaryPoints(Range.END_TO_START, range) < 0;
      if (overlaps) hits.push({ text: live.toString() });
    });
  });
  return { count, hits };
}

// As source text: tsx (esbuild keepNames) would otherwise call a `__name` helper the page lacks.
const probeScript = (args: Parameters<typeof probeInPage>[0]) =>
  `(() => { const __name = (f) => f; return (${probeInPage.toString()})(${JSON.stringify(args)}); })()`;

const probe = (frame: Frame, m: ExpectedMention, scroll: boolean) =>
  frame.evaluate<Probe>(probeScript({ before: m.before, text: m.text, after: m.after, scroll }));

const sleep = (ms: number) => new Promise((ok) => setTimeout(ok, ms));

/** Waits until the extension has read every frame of the page (the timed build's mark). */
async function waitForIndexedFrames(page: Page): Promise<void> {
  for (const frame of page.frames()) {
    await frame.waitForFunction(
      () => performance.getEntriesByName('backstory:indexed').length > 0,
      null,
      { timeout: 30_000, polling: 100 },
    );
  }
}

/** A page that writes itself after load (the live blog) is measured once it has finished. */
async function waitForPageScripts(page: Page): Promise<void> {
  await page.waitForFunction(
    () => (window as { __postsDone?: boolean }).__postsDone !== false,
    null,
    { timeout: 30_000, polling: 100 },
  );
}

async function measureMention(page: Page, m: ExpectedMention, index: EntityIndex) {
  const located: { frame: Frame; count: number }[] = [];
  for (const frame of page.frames()) {
    const { count } = await probe(frame, m, false);
    if (count > 0) located.push({ frame, count });
  }
  const total = located.reduce((n, l) => n + l.count, 0);
  if (total !== 1) {
    const problem = `the context is ${total === 0 ? 'not' : `${total} times`} on the page`;
    return { ...m, found: false, marked: [], problem };
  }
  const frame = located[0]!.frame;
  const frameElement = await frame.frameElement().catch(() => null);
  await frameElement?.scrollIntoViewIfNeeded();
  const deadline = Date.now() + MARK_WAIT_MS;
  let marked: MentionResult['marked'] = [];
  for (let first = true; ; first = false) {
    const { hits } = await probe(frame, m, first);
    marked = hits.map((h) => ({ text: h.text, entities: index.entitiesOf(h.text) }));
    if (marked.some((h) => h.entities.includes(m.entity))) return { ...m, found: true, marked };
    if (Date.now() > deadline) return { ...m, found: false, marked };
    await sleep(150);
  }
}

/** Opens each fixture page in turn and checks every mention listed for it. */
export async function measureRecall(
  h: Harness,
  pages: readonly ExpectedPage[],
  index: EntityIndex,
): Promise<PageResult[]> {
  await storeSettings(h, { marking: 'all' });
  const out: PageResult[] = [];
  for (const expected of pages) {
    const page = await h.context.newPage();
    try {
      await page.goto(h.server.url(expected.page), { waitUntil: 'load' });
      await waitForIndexedFrames(page);
      await waitForPageScripts(page);
      const results: MentionResult[] = [];
      for (const m of mentionsOf(expected)) results.push(await measureMention(page, m, index));
      out.push({ page: expected.page, set: expected.set, results });
    } finally {
      await page.close();
    }
  }
  return out;
}

export interface Recall {
  expected: number;
  found: number;
  /** found / expected, or 1 when nothing is expected. */
  share: number;
}

export function recallOf(results: readonly MentionResult[]): Recall {
  const found = results.filter((r) => r.found).length;
  return {
    expected: results.length,
    found,
    share: results.length === 0 ? 1 : found / results.length,
  };
}
