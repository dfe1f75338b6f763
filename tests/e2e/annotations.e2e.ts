/**
 * Which text gets marked, which does not, and that the page stays the page:
 * article.html (a realistic news page), tricky.html (matching edge cases) and
 * plain.html (nothing to mark), each compared with the same page in a browser
 * without the extension.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { beforeAll, describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { cardLabel, closeCard, hover } from './card-queries';
import { bodyText, cardHosts, domSnapshot } from './dom-snapshot';
import { useHarness } from './use-harness';
import {
  allHighlights,
  highlightRanges,
  settle,
  waitForHighlights,
  type HighlightRange,
} from './highlights';
import {
  byEntity,
  expectCleanRun,
  loadEntityIndex,
  partialWordRanges,
  plainText,
  type EntityIndex,
} from './expectations';

const h = useHarness();
const plain = useHarness(() => ({ extensionDir: false, server: h.server }));
let index: EntityIndex;

beforeAll(() => {
  index = loadEntityIndex();
});

/** Opens a page in both browsers and waits for the extension to finish marking it. */
async function openBoth(name: string): Promise<{ page: Page; reference: Page }> {
  const page = await h.open(name);
  const reference = await plain.open(name);
  await waitForHighlights(page, (ranges) => ranges.length > 0, 8_000);
  await settle(page);
  return { page, reference };
}

/** Highlighted text inside the element with `id`, ranges joined, dashes and quotes made ASCII. */
function textIn(ranges: HighlightRange[], id: string, name?: string): string {
  return plainText(
    ranges
      .filter((r) => r.ids.includes(id) && (name === undefined || r.name === name))
      .map((r) => r.text)
      .join(''),
  );
}

/** Entities highlighted more than once: only the first mention should be. */
function repeated(ranges: HighlightRange[]): [string, string[]][] {
  return [...byEntity(index, ranges)].filter(([key, list]) => key !== '' && list.length > 1);
}

describe('article.html', () => {
  let page: Page;
  let reference: Page;
  let ranges: HighlightRange[];

  beforeAll(async () => {
    ({ page, reference } = await openBoth('article.html'));
    ranges = await allHighlights(page);
  });

  test('the page text and DOM are what they are without the extension', async () => {
    expect(await bodyText(page)).toBe(await bodyText(reference));
    expect(await domSnapshot(page)).toBe(await domSnapshot(reference));
    // Before any hover there is no card host either ("attached when first needed").
    expect(await cardHosts(page)).toEqual([]);
  });

  test('highlights use only the six category names, in their contrast variants', async () => {
    const names = await page.evaluate(() => {
      const out: string[] = [];
      CSS.highlights.forEach((_, name) => out.push(name));
      return out;
    });
    const ours = names.filter((n) => n.startsWith('backstory-'));
    expect(ours.length).toBeGreaterThan(0);
    for (const name of ours) {
      if (name === 'backstory-revealed') continue;
      const category = /^backstory-([a-z]+)(?:-in-link)?(?:-on-dark)?$/.exec(name)?.[1];
      expect(['person', 'group', 'organization', 'media', 'place', 'event']).toContain(category);
    }
    // Six categories, each drawn for a light or dark background, in or out of a link.
    expect(ours.filter((n) => n !== 'backstory-revealed')).toHaveLength(24);
  });

  test('every mark is drawn with its highlight’s style, in links and headings too', () => {
    expect(ranges.filter((r) => !r.painted).map((r) => `${r.name}${r.variant}: ${r.text}`)).toEqual(
      [],
    );
    expect(ranges.some((r) => r.variant.includes('-in-link'))).toBe(true);
  });

  test('first mentions are highlighted, under their category', () => {
    expect(textIn(ranges, 'headline', 'backstory-group')).toBe('ISIS-K');
    expect(textIn(ranges, 'headline', 'backstory-event')).toBe('Moscow concert hall attack');
    expect(textIn(ranges, 'factbox', 'backstory-person')).toBe('Sanaullah Ghafari');
    expect(textIn(ranges, 'p5', 'backstory-group')).toBe('Taliban');
    expect(textIn(ranges, 'p7', 'backstory-person')).toBe('Amira Jadoon');
    expect(textIn(ranges, 'kerman-link', 'backstory-place')).toBe('Kerman');
    expect(textIn(ranges, 'h-russia', 'backstory-person')).toBe('Putin');
    expect(textIn(ranges, 'p12', 'backstory-person')).toBe('Rita Katz');
  });

  test('only the first mention of each entity is highlighted', () => {
    expect(repeated(ranges)).toEqual([]);
    // Later mentions of highlighted entities stay unmarked.
    expect(textIn(ranges, 'p3', 'backstory-group')).toBe('');
    expect(textIn(ranges, 'p9', 'backstory-person')).not.toContain('Vladimir Putin');
    expect(textIn(ranges, 'quote')).toBe('');
  });

  test('every highlight is a whole catalogued name', () => {
    expect(partialWordRanges(ranges)).toEqual([]);
    expect(byEntity(index, ranges).get('') ?? []).toEqual([]);
  });

  test('on a page on the corpus’s topic, a surname counts without the full name', async () => {
    // "Baghdadi’s brutal vision": the article never gives his full name.
    expect(textIn(ranges, 'a1', 'backstory-person')).toBe('Baghdadi');
    await hover(page, 'Baghdadi', { within: 'a1' });
    expect(await cardLabel(page)).toBe('Abu Bakr al-Baghdadi');
    await closeCard(page);
  });

  test.each([
    ['ISIS-K', 'p3', 0, 'ISIS-K'],
    ['ISIS-K', 'p10', 1, 'ISIS-K'],
    ['Jadoon', 'quote', 0, 'Amira Jadoon'],
    ['Vladimir Putin', 'p9', 0, 'Vladimir Putin'],
    ['Taliban', 'p10', 0, 'Taliban'],
    ['Kerman', 'kerman-note', 0, 'Kerman'],
    ['Putin', 'a3', 0, 'Vladimir Putin'],
  ])('a later mention, %j in #%s, opens its card', async (text, within, nth, label) => {
    await hover(page, text, { within, nth });
    expect(await cardLabel(page)).toBe(label);
    await closeCard(page);
  });

  test('the first mention opens its card too', async () => {
    await hover(page, 'Sanaullah Ghafari', { within: 'factbox' });
    expect(await cardLabel(page)).toBe('Sanaullah Ghafari');
    await closeCard(page);
  });

  test('after hovering, the page is unchanged apart from one card host', async () => {
    expect(await bodyText(page)).toBe(await bodyText(reference));
    expect(await domSnapshot(page)).toBe(await domSnapshot(reference));
    expect((await cardHosts(page)).length).toBe(1);
  });

  test('a link that is a mention still navigates', async () => {
    await page.locator('#kerman-link').click();
    await expect.poll(() => page.evaluate(() => location.hash)).toBe('#kerman-note');
    await closeCard(page);
  });
});

describe('tricky.html', () => {
  let page: Page;
  let reference: Page;
  let ranges: HighlightRange[];

  beforeAll(async () => {
    ({ page, reference } = await openBoth('tricky.html'));
    ranges = await allHighlights(page);
  });

  test('the page text and DOM are what they are without the extension', async () => {
    expect(await bodyText(page)).toBe(await bodyText(reference));
    expect(await domSnapshot(page)).toBe(await domSnapshot(reference));
  });

  test('words that merely contain a name are not highlighted', () => {
    expect(ranges.filter((r) => r.ids.includes('negatives')).map((r) => r.text)).toEqual([]);
    expect(partialWordRanges(ranges)).toEqual([]);
  });

  test.each([
    ['risk', 'neg-risk', 0],
    ['Kermanshah', 'neg-kermanshah', 0],
    ['Kerman', 'neg-split', 0],
    ['Talibanization', 'neg-talibanization', 0],
    ['ISKCON', 'neg-iskcon', 0],
    ['IS', 'neg-is', 0],
    ['IS', 'neg-is', 1],
    ['crocus', 'neg-crocus', 0],
    ['isk', 'neg-case', 0],
    ['Iskander', 'neg-case', 0],
  ])('%j in #%s (occurrence %i) opens no card', async (text, within, nth) => {
    const result = await hover(page, text, { within, nth, expectCard: false });
    expect(result.opened, `card for ${text}: ${await cardLabel(page).catch(() => '')}`).toBe(false);
  });

  test('script, style, template, noscript and hidden elements are not marked', () => {
    const unseen = ranges.filter((r) => r.ids.includes('unseen') || !r.connected);
    expect(unseen.map((r) => `${r.text} in #${r.ids[0] ?? '?'}`)).toEqual([]);
  });

  test('inputs, textareas and contenteditable are not marked', () => {
    expect(ranges.filter((r) => r.ids.includes('editable')).map((r) => r.text)).toEqual([]);
  });

  test('names the page hides or the user edits do not use up the first mention', () => {
    expect(textIn(ranges, 'v-after')).toBe('TajikistanKermanSyriaPakistan');
    expect(textIn(ranges, 'm-link', 'backstory-group')).toMatch(/^ISIS-K('s)?$/);
    expect(textIn(ranges, 'm-shy', 'backstory-group')).toBe('Taliban');
    expect(textIn(ranges, 'p-straight', 'backstory-place')).toMatch(/^Kandahar('s)?$/);
    expect(textIn(ranges, 'd-hyphen', 'backstory-place')).toBe('Germany');
    expect(textIn(ranges, 'c-upper', 'backstory-place')).toBe('MOSCOW');
  });

  test('mentions across inline markup are highlighted whole', () => {
    expect(textIn(ranges, 'm-em', 'backstory-person')).toBe('Sanaullah Ghafari');
    expect(textIn(ranges, 'm-bold', 'backstory-place')).toBe('Crocus City Hall');
  });

  test('a drop-cap first letter (a floated span) does not split the word', () => {
    // Readers see "Kabul"; the "K" is a float, so layout-wise it is its own box.
    expect(textIn(ranges, 'm-dropcap', 'backstory-place')).toBe('Kabul');
  });

  test('soft hyphens and no-break spaces do not hide a mention', () => {
    expect(textIn(ranges, 'm-shy', 'backstory-group')).toBe('Taliban');
    expect(textIn(ranges, 'm-nbsp', 'backstory-group')).toBe('Islamic State');
  });

  test('hyphen variants do not hide a mention', () => {
    expect(textIn(ranges, 'd-nbhyphen', 'backstory-person')).toBe('Edmund Fitton-Brown');
    expect(textIn(ranges, 'd-hyphen', 'backstory-person')).toBe('Hans-Jacob Schindler');
  });

  test('curly possessives and diacritics do not hide a mention', () => {
    expect(textIn(ranges, 'p-curly', 'backstory-person')).toMatch(/^Putin('s)?$/);
    expect(textIn(ranges, 't-turkiye', 'backstory-place')).toBe('Türkiye');
  });

  test.each([
    ['ISIS\u2011K', 'd-isis-nb', 'ISIS-K'],
    ['ISIS\u2013K', 'd-isis-en', 'ISIS-K'],
    ['IS\u2010K', 'd-is-hyphen', 'ISIS-K'],
    ['Daesh’s', 'p-daesh', 'Islamic State'],
    ["Daesh's", 'p-straight-daesh', 'Islamic State'],
    ['Turkiye', 't-ascii', 'Turkey'],
    ['Tu\u0308rkiye', 't-nfd', 'Turkey'],
    ['Ghafari', 'm-em', 'Sanaullah Ghafari'],
    ['Sanaullah', 'm-em', 'Sanaullah Ghafari'],
    ['Crocus', 'm-bold', 'Crocus City Hall'],
    ['liban', 'm-shy', 'Taliban'],
  ])('%j in #%s opens the card of %s', async (text, within, label) => {
    await hover(page, text, { within });
    expect(await cardLabel(page)).toBe(label);
    await closeCard(page);
  });

  test('on a page on the corpus’s topic, a surname counts before the full name too', async () => {
    expect(textIn(ranges, 's-before', 'backstory-person')).toBe('Jadoon');
    expect(textIn(ranges, 's-full')).toBe('');
    for (const within of ['s-full', 's-after']) {
      await hover(page, 'Jadoon', { within });
      expect(await cardLabel(page)).toBe('Amira Jadoon');
      await closeCard(page);
    }
  });

  test('typing in the editable regions works and stays unmarked', async () => {
    await page.locator('#notes').fill('ISIS-K Taliban and Kerman');
    await page.locator('#editor').click();
    await page.keyboard.press('End');
    await page.keyboard.type(' Putin and ISIS-K');
    await page.locator('#field').fill('Sanaullah Ghafari');
    await sleep(1_000);
    await settle(page);
    const after = await allHighlights(page);
    expect(after.filter((r) => r.ids.includes('editable')).map((r) => r.text)).toEqual([]);
    expect(await page.locator('#notes').inputValue()).toBe('ISIS-K Taliban and Kerman');
    expect(await page.locator('#field').inputValue()).toBe('Sanaullah Ghafari');
    expect(await page.locator('#editor').textContent()).toMatch(/too\.\s+Putin and ISIS-K/);
    const editor = await hover(page, 'Kerman', { within: 'editor', expectCard: false });
    expect(editor.opened).toBe(false);
  });
});

describe('plain.html', () => {
  test('a page without entities gets no highlights, no card host, no changes', async () => {
    const page = await h.open('plain.html');
    const reference = await plain.open('plain.html');
    await sleep(1_500);
    expect(await highlightRanges(page)).toEqual([]);
    expect(await bodyText(page)).toBe(await bodyText(reference));
    expect(await domSnapshot(page)).toBe(await domSnapshot(reference));
    // Not even an empty host: the card host is attached when first needed.
    expect(await cardHosts(page)).toEqual([]);
    const crocus = await hover(page, 'crocus', { expectCard: false });
    expect(crocus.opened).toBe(false);
  });
});

test('no console errors, no network requests', () => {
  expectCleanRun(h);
  expectCleanRun(plain);
});
