/**
 * With first-mention marking, the mark goes to the first mention the reader can
 * see (visible.html): not a carousel's hidden slide, a playlist item scrolled
 * sideways, a zero-size box or text parked off screen; a panel that scrolls
 * vertically is read by scrolling, so its text counts as visible.
 */
import { beforeAll, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { TIMED_EXTENSION_DIR } from '../support/paths';
import { useHarness } from './use-harness';
import { allHighlights, flat, settle, waitForHighlights, type HighlightRange } from './highlights';
import { expectCleanRun } from './expectations';

const h = useHarness({ extensionDir: TIMED_EXTENSION_DIR });
let page: Page;
let ranges: HighlightRange[];

beforeAll(async () => {
  page = await h.open('visible.html');
  await page.waitForFunction(() => performance.getEntriesByName('backstory:indexed').length > 0);
  await waitForHighlights(page, (r) => r.length > 0);
  await settle(page);
  ranges = await allHighlights(page);
});

const markedIn = (id: string) => ranges.filter((r) => r.ids.includes(id)).map((r) => flat(r.text));

test('mentions in clipped, zero-size and off-screen regions are passed over', () => {
  expect(markedIn('slide-2')).toEqual([]);
  expect(markedIn('video-3')).toEqual([]);
  expect(markedIn('zero')).toEqual([]);
  expect(markedIn('offscreen')).toEqual([]);
});

test('the first visible mention is marked instead', () => {
  expect(markedIn('p1')).toEqual(['Vladimir Putin', 'Kerman', 'Taliban']);
  expect(markedIn('p2')).toEqual(['Kabul']);
});

test('text in a panel that scrolls vertically is visible', async () => {
  expect(markedIn('p2')).not.toContain('Crocus City Hall');
  // Marks are registered for what is on screen: scroll the panel to its text.
  await page.evaluate(() => document.getElementById('pane-text')!.scrollIntoView());
  const inPane = await waitForHighlights(page, (r) => r.some((x) => x.ids.includes('pane-text')));
  expect(inPane.filter((r) => r.ids.includes('pane-text')).map((r) => flat(r.text))).toEqual([
    'Crocus City Hall',
  ]);
});

test('nothing logged, nothing requested', () => {
  expectCleanRun(h);
});
