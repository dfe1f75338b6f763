/**
 * A page that changes under the extension (live.html): posts appended every
 * 300 ms and a ticker whose text node the page rewrites in place every 500 ms.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { beforeAll, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { cardLabel, closeCard, hover } from './card-queries';
import { useHarness } from './use-harness';
import { highlightRanges, waitForHighlights, type HighlightRange } from './highlights';
import { expectCleanRun, plainText } from './expectations';

const h = useHarness();
let page: Page;

interface TickerUpdate {
  value: number;
  connected: boolean;
  shown: string;
}

beforeAll(async () => {
  page = await h.open('live.html');
});

const inPost = (ranges: HighlightRange[], id: string) =>
  ranges
    .filter((r) => r.ids.includes(id))
    .map((r) => plainText(r.text))
    .filter((t) => t !== '');

/** What each appended post should get highlighted: the first mentions it holds. */
const EXPECTED: [string, string[]][] = [
  ['post-0', ['Vladimir Putin']],
  ['post-1', ['Kabul']],
  ['post-2', ['Tajikistan']],
  ['post-3', ['Taliban', 'Afghanistan']],
  ['post-4', ['Crocus City Hall']],
  ['post-5', ['Amira Jadoon']],
  ['post-6', ['Central Asia']],
  ['post-7', []],
  ['post-8', ['Kandahar']],
  ['post-9', ['Sanaullah Ghafari']],
];

test('appended posts get their first mentions highlighted', async () => {
  await expect
    .poll(() => page.evaluate(() => (window as { __postsDone?: boolean }).__postsDone), {
      timeout: 10_000,
    })
    .toBe(true);
  const ranges = await waitForHighlights(page, (r) =>
    EXPECTED.every(([id, want]) => inPost(r, id).join('|') === want.join('|')),
  );
  const got = EXPECTED.map(([id]) => [id, inPost(ranges, id)]);
  expect(got).toEqual(EXPECTED);
});

test('appended posts with names seen before are hoverable', async () => {
  await hover(page, 'ISIS-K', { within: 'post-7' });
  expect(await cardLabel(page)).toBe('ISIS-K');
  await hover(page, 'Jadoon', { within: 'post-6' });
  expect(await cardLabel(page)).toBe('Amira Jadoon');
  await closeCard(page);
});

test('the page’s in-place text updates still show', async () => {
  await expect
    .poll(() => page.evaluate(() => (window as { __updates?: unknown[] }).__updates?.length), {
      timeout: 10_000,
    })
    .toBeGreaterThanOrEqual(8);
  const state = await page.evaluate(() => ({
    updates: (window as unknown as { __updates: TickerUpdate[] }).__updates,
    shown: document.getElementById('ticker')!.textContent,
    nodes: document.getElementById('ticker')!.childNodes.length,
  }));
  const last = state.updates[state.updates.length - 1]!;
  expect(state.updates.filter((u) => !u.connected)).toEqual([]);
  expect(state.updates.filter((u) => u.shown !== `Kerman toll: ${u.value}`)).toEqual([]);
  expect(state.shown).toBe(`Kerman toll: ${last.value}`);
  expect(state.nodes).toBe(1);
});

test('text rewritten in place stays annotated', async () => {
  // The ticker's "Kerman" is the page's only Kerman: after each rewrite it must be marked again.
  const ranges = await waitForHighlights(
    page,
    (r) => inPost(r, 'ticker').includes('Kerman'),
    3_000,
  );
  expect(inPost(ranges, 'ticker')).toEqual(['Kerman']);
});

test('a mention in text rewritten every 500 ms opens its card on every hover', async () => {
  // Several tries at different phases of the page's update cycle.
  const results: string[] = [];
  for (const pause of [0, 130, 260, 390]) {
    await sleep(pause);
    const result = await hover(page, 'Kerman', { within: 'ticker', expectCard: false });
    results.push(result.opened ? `${await cardLabel(page)}` : 'no card');
    await closeCard(page);
  }
  expect(results).toEqual(['Kerman', 'Kerman', 'Kerman', 'Kerman']);
});

test('hidden text the page rewrites does not take the first mention', async () => {
  // #hidden-log (hidden, above the posts) is rewritten to say "Syria" every 400 ms; the
  // last post is the page's first visible Syria and must be the highlighted one.
  await expect
    .poll(() => page.evaluate(() => document.getElementById('hidden-log')!.textContent), {
      timeout: 5_000,
    })
    .toContain('Syria');
  const ranges = await waitForHighlights(page, (r) => inPost(r, 'post-10').includes('Syria'));
  expect(inPost(ranges, 'post-10')).toEqual(['Syria']);
  expect(ranges.filter((r) => r.ids.includes('hidden-log')).map((r) => r.text)).toEqual([]);
});

test('no stale ranges pile up while the page changes', async () => {
  const ranges = await highlightRanges(page);
  expect(ranges.filter((r) => !r.connected).map((r) => r.text)).toEqual([]);
  expect(ranges.filter((r) => r.ids.includes('ticker') && r.text === '').length).toBeLessThan(2);
});

test('no console errors, no network requests', () => {
  expectCleanRun(h);
});
