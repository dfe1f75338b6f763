/**
 * The reader annotates the bundled articles with the corpus-only references too
 * (descriptions such as "coordinated series of raids across Europe"), which no other page gets.
 */
import { beforeAll, describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { cardLabel, closeCard, hover } from './card-queries';
import { useHarness } from './use-harness';
import { highlightRanges, settle, waitForHighlights } from './highlights';
import { expectCleanRun, plainText } from './expectations';

const h = useHarness();
let page: Page;

beforeAll(async () => {
  page = await h.extensionPage('reader.html#article=unherd-resurgent-threat');
  await waitForHighlights(page, (ranges) => ranges.length > 0, 8_000);
  await settle(page);
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
