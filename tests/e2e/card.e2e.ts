/**
 * The hover card: hover intent, closing, Escape, placement, isolation from page
 * styles (hostile.html) and the keyboard step through mentions (steps.html).
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { beforeAll, describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import {
  card,
  CARD_CLOSE_TIMEOUT,
  CARD_OPEN_TIMEOUT,
  cardLabel,
  closeCard,
  hover,
  unhover,
} from './card-queries';
import { useHarness } from './use-harness';
import { locateText, type TextBox } from './locate-text';
import { expectCleanRun } from './expectations';

const h = useHarness();

/** Polls `check` every 25 ms; resolves with the elapsed time when it holds, or -1 on timeout. */
async function timeUntil(check: () => Promise<boolean>, timeout: number): Promise<number> {
  const start = Date.now();
  while (Date.now() - start < timeout) {
    if (await check()) return Date.now() - start;
    await sleep(25);
  }
  return -1;
}

interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

function overlaps(a: Box, b: TextBox): boolean {
  return a.x < b.right && a.x + a.width > b.left && a.y < b.bottom && a.y + a.height > b.top;
}

async function expectInViewport(page: Page, box: Box | null): Promise<void> {
  expect(box, 'card box').not.toBeNull();
  const viewport = page.viewportSize()!;
  expect(box!.x).toBeGreaterThanOrEqual(0);
  expect(box!.y).toBeGreaterThanOrEqual(0);
  expect(box!.x + box!.width).toBeLessThanOrEqual(viewport.width + 0.5);
  expect(box!.y + box!.height).toBeLessThanOrEqual(viewport.height + 0.5);
}

describe('hover card on article.html', () => {
  let page: Page;

  beforeAll(async () => {
    page = await h.openMarked('article.html');
  });

  test('opens after the pointer rests (~400 ms), not at once', async () => {
    const mention = await locateText(page, 'ISIS-K', { within: 'headline' });
    await unhover(page);
    await page.mouse.move(mention.x, mention.y, { steps: 4 });
    const arrived = Date.now();
    await sleep(150);
    expect(await card(page).first().isVisible(), 'visible 150 ms after arrival').toBe(false);
    const opened = await timeUntil(() => card(page).first().isVisible(), CARD_OPEN_TIMEOUT);
    const delay = Date.now() - arrived;
    expect(opened, 'card never opened').toBeGreaterThanOrEqual(0);
    expect(delay).toBeGreaterThanOrEqual(250);
    expect(delay).toBeLessThanOrEqual(1_500);
    expect(await cardLabel(page)).toBe('ISIS-K');
  });

  test('is compact, inside the viewport and does not cover the mention', async () => {
    const result = await hover(page, 'ISIS-K', { within: 'headline' });
    const box = await card(page).first().boundingBox();
    await expectInViewport(page, box);
    expect(box!.width).toBeGreaterThanOrEqual(240);
    expect(box!.width).toBeLessThanOrEqual(480);
    expect(overlaps(box!, result), 'card covers the mention').toBe(false);
  });

  test('closes ~300 ms after the pointer leaves', async () => {
    await hover(page, 'ISIS-K', { within: 'headline' });
    await unhover(page);
    const left = Date.now();
    await sleep(80);
    expect(await card(page).first().isVisible(), 'closed 80 ms after leaving').toBe(true);
    const closed = await timeUntil(
      async () => !(await card(page).first().isVisible()),
      CARD_CLOSE_TIMEOUT,
    );
    expect(closed, 'card never closed').toBeGreaterThanOrEqual(0);
    expect(Date.now() - left, 'closing took').toBeLessThanOrEqual(1_500);
  });

  test('stays open while the pointer moves into it', async () => {
    await hover(page, 'ISIS-K', { within: 'headline' });
    const box = (await card(page).first().boundingBox())!;
    await page.mouse.move(box.x + box.width / 2, box.y + Math.min(box.height / 2, 40), {
      steps: 6,
    });
    await sleep(800);
    expect(await card(page).first().isVisible()).toBe(true);
    expect(await cardLabel(page)).toBe('ISIS-K');
    await closeCard(page);
  });

  test('Escape closes it and leaves focus outside the card', async () => {
    await hover(page, 'Taliban', { within: 'p5' });
    expect(await cardLabel(page)).toBe('Taliban');
    await page.keyboard.press('Escape');
    await card(page).first().waitFor({ state: 'hidden', timeout: 1_000 });
    const focusInCard = await page.evaluate(() => {
      const active = document.activeElement;
      return Boolean(active?.shadowRoot?.querySelector('[role=dialog]'));
    });
    expect(focusInCard).toBe(false);
    await unhover(page);
  });

  test('a fast sweep across mentions opens nothing', async () => {
    const first = await locateText(page, 'ISIS-K', { within: 'p3' });
    const last = await locateText(page, 'ISIS-K', { within: 'p3', nth: 1, scroll: false });
    await unhover(page);
    await page.mouse.move(first.left - 30, first.y, { steps: 2 });
    await page.mouse.move(last.right + 30, last.y, { steps: 8 });
    await unhover(page);
    await sleep(900);
    expect(await card(page).first().isVisible()).toBe(false);
  });
});

describe('card on hostile.html', () => {
  test('page styles do not reach the card', async () => {
    const page = await h.openMarked('hostile.html');
    await hover(page, 'ISIS-K');
    expect(await cardLabel(page)).toBe('ISIS-K');
    const box = await card(page).first().boundingBox();
    await expectInViewport(page, box);
    expect(box!.width).toBeGreaterThanOrEqual(240);
    const styles = await card(page)
      .first()
      .evaluate((dialog) => {
        const elements = [dialog, ...dialog.querySelectorAll('*')].filter(
          (el) => !['STYLE', 'SCRIPT', 'svg', 'path'].includes(el.tagName),
        );
        return elements.map((el) => {
          const s = getComputedStyle(el);
          return {
            el: `${el.tagName.toLowerCase()}${el.className ? '.' + String(el.className) : ''}`,
            hasText: [...el.childNodes].some((n) => n instanceof Text && n.data.trim() !== ''),
            fontFamily: s.fontFamily,
            letterSpacing: s.letterSpacing,
            wordSpacing: s.wordSpacing,
            color: s.color,
            fontSize: s.fontSize,
            lineHeight: s.lineHeight,
            textShadow: s.textShadow,
            textDecorationStyle: s.textDecorationStyle,
            textAlign: s.textAlign,
          };
        });
      });
    expect(
      styles.some((s) => s.hasText),
      'card has text',
    ).toBe(true);
    const leaks = styles.flatMap((s) => {
      const found: string[] = [];
      if (/papyrus|fantasy/i.test(s.fontFamily)) found.push(`font-family ${s.fontFamily}`);
      // The page's values; the card's own design may space small caps a little.
      if (s.letterSpacing === '8px') found.push(`letter-spacing ${s.letterSpacing}`);
      if (s.wordSpacing === '12px') found.push(`word-spacing ${s.wordSpacing}`);
      if (s.color === 'rgb(0, 255, 0)') found.push('color lime');
      if (s.fontSize === '30px') found.push('font-size 30px');
      const lineHeight = parseFloat(s.lineHeight);
      if (lineHeight / parseFloat(s.fontSize) > 3) found.push(`line-height ${s.lineHeight}`);
      if (s.textShadow.includes('255, 0, 255')) found.push('text-shadow magenta');
      if (s.textDecorationStyle === 'wavy') found.push('text-decoration wavy');
      if (s.textAlign === 'right') found.push('text-align right');
      return found.map((f) => `${s.el}: ${f}`);
    });
    expect(leaks).toEqual([]);
    await closeCard(page);
  });
});

describe('keyboard step on steps.html', () => {
  let page: Page;

  beforeAll(async () => {
    page = await h.openMarked('steps.html');
    await page.evaluate(() => window.scrollTo(0, 0));
    await unhover(page);
  });

  /** Steps and waits for the card of `label`; returns whether `text` in `#id` is on screen. */
  async function step(direction: 1 | -1, label: string, text: string, id: string) {
    await h.stepMention(page, direction);
    await expect
      .poll(() => cardLabel(page).catch(() => null), { timeout: CARD_OPEN_TIMEOUT })
      .toBe(label);
    await expect.poll(() => card(page).first().isVisible()).toBe(true);
    await expectInViewport(page, await card(page).first().boundingBox());
    const mention = await locateText(page, text, { within: id, scroll: false });
    const viewport = page.viewportSize()!;
    expect(mention.top, `${text} above the viewport`).toBeGreaterThanOrEqual(0);
    expect(mention.bottom, `${text} below the viewport`).toBeLessThanOrEqual(viewport.height);
    return mention;
  }

  test('stepMention opens the card of the first mention', async () => {
    await step(1, 'Vladimir Putin', 'Vladimir Putin', 'step-1');
  });

  test('the next step scrolls the next mention into view and opens its card', async () => {
    const before = await page.evaluate(() => window.scrollY);
    await step(1, 'Kerman', 'Kerman', 'step-2');
    expect(await page.evaluate(() => window.scrollY)).toBeGreaterThan(before);
    await step(1, 'Taliban', 'Taliban', 'step-3');
  });

  test('stepping back returns to the previous mention', async () => {
    await step(-1, 'Kerman', 'Kerman', 'step-2');
  });

  test('Escape closes a card opened from the keyboard', async () => {
    await page.keyboard.press('Escape');
    await card(page).first().waitFor({ state: 'hidden', timeout: 1_000 });
  });
});

test('no console errors, no network requests', () => {
  expectCleanRun(h);
});
