/**
 * The reader annotates the bundled articles with the corpus-only references too
 * (descriptions such as "coordinated series of raids across Europe"), which no other page gets.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import {
  cardLabel,
  closeCard,
  highlightRanges,
  hover,
  launchWithExtension,
  settle,
  waitForHighlights,
  type Harness,
} from './harness';
import { expectCleanRun, plainText } from './expectations';

let h: Harness;
let page: Page;

beforeAll(async () => {
  h = await launchWithExtension();
  page = await h.context.newPage();
  await page.goto(
    `chrome-extension://${h.extensionId}/reader.html#article=unherd-resurgent-threat`,
  );
  await waitForHighlights(page, (ranges) => ranges.length > 0, 8_000);
  await settle(page);
});

afterAll(async () => {
  await h?.close();
});

describe('reader.html', () => {
  test('marks a corpus-only reference as its event, and its card opens', async () => {
    const ranges = await highlightRanges(page);
    const raids = ranges.find(
      (r) => plainText(r.text) === 'coordinated series of raids across Europe',
    );
    expect(raids?.name).toBe('backstory-event');
    await hover(page, 'coordinated series of raids across Europe');
    expect(await cardLabel(page)).toBe('Cologne Cathedral plot');
    await closeCard(page);
    expectCleanRun(h);
  });
});
