/**
 * Mentions inside a same-origin iframe and inside an open shadow root
 * (frames.html with frame-child.html and a <news-quote> custom element).
 */
import { beforeAll, expect, test } from 'vitest';
import type { Frame, Page } from 'playwright-core';
import { cardLabel, closeCard, hover } from './card-queries';
import { bodyText } from './dom-snapshot';
import { useHarness } from './use-harness';
import { settle, waitForHighlights, type HighlightRange } from './highlights';
import { expectCleanRun, plainText } from './expectations';

const h = useHarness();
const plain = useHarness(() => ({ extensionDir: false, server: h.server }));
let page: Page;
let child: Frame;

beforeAll(async () => {
  page = await h.open('frames.html');
  const frame = page.frame({ url: /frame-child\.html$/ });
  if (!frame) throw new Error('frames.html has no frame-child.html frame');
  child = frame;
  await waitForHighlights(page, (r) => r.length > 0, 8_000);
  await settle(page);
  await settle(child);
});

const texts = (ranges: HighlightRange[], filter: (r: HighlightRange) => boolean) =>
  ranges.filter(filter).map((r) => `${r.name}: ${plainText(r.text)}`);

test('mentions in a same-origin iframe are highlighted in that frame', async () => {
  const ranges = await waitForHighlights(child, (r) => r.length >= 3, 5_000);
  expect(texts(ranges, () => true)).toEqual([
    'backstory-place: Kerman',
    'backstory-group: ISIS-K',
    'backstory-group: Taliban',
  ]);
});

test('mentions in an open shadow root are highlighted', async () => {
  const ranges = await waitForHighlights(page, (r) => r.some((x) => x.inShadow), 5_000);
  expect(texts(ranges, (r) => r.inShadow)).toEqual([
    'backstory-person: Sanaullah Ghafari',
    'backstory-place: Kandahar',
  ]);
  // The document's rules reach into the shadow tree (Chromium inherits highlight styles).
  expect(ranges.filter((r) => r.inShadow && !r.painted)).toEqual([]);
});

test('the light DOM of the page is highlighted as usual', async () => {
  const ranges = await waitForHighlights(page, (r) => r.length > 0);
  expect(texts(ranges, (r) => !r.inShadow)).toEqual([
    'backstory-person: Vladimir Putin',
    // The iframe is its own page: its Taliban does not use up this document's first mention.
    'backstory-group: Taliban',
  ]);
});

test('a mention in the shadow root opens its card', async () => {
  await hover(page, 'Kandahar', { within: 'quote-host' });
  expect(await cardLabel(page)).toBe('Kandahar');
  await closeCard(page);
});

test('a mention in the iframe opens its card', async () => {
  // The frame's own content script shows the card, inside the frame's document.
  await hover(child, 'ISIS-K');
  expect(await cardLabel(child)).toBe('ISIS-K');
  await closeCard(child);
});

test('the text of the page and of the frame is unchanged', async () => {
  const reference = await plain.open('frames.html');
  const referenceChild = reference.frame({ url: /frame-child\.html$/ })!;
  expect(await bodyText(page)).toBe(await bodyText(reference));
  expect(await bodyText(child)).toBe(await bodyText(referenceChild));
  const shadowText = (p: Page) =>
    p.evaluate(() => document.getElementById('quote-host')!.shadowRoot!.textContent);
  expect(await shadowText(page)).toBe(await shadowText(reference));
});

test('no console errors, no network requests', () => {
  expectCleanRun(h);
  expectCleanRun(plain);
});
