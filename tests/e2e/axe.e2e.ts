/**
 * axe-core (WCAG 2 A/AA and best practice) on a page with an open card (light and
 * dark page, with a citation tooltip), and on the popup, options and reader pages.
 * The axe source is evaluated in each page's main world; it walks open shadow roots.
 */
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { card, closeCard, hover } from './card-queries';
import { useHarness } from './use-harness';
import { waitForHighlights } from './highlights';
import { expectCleanRun } from './expectations';

const AXE_SOURCE = readFileSync(
  createRequire(import.meta.url).resolve('axe-core/axe.min.js'),
  'utf8',
);
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'];

const h = useHarness();

/** `rule-id: selector` per violating node, empty when axe finds nothing. */
async function violations(page: Page): Promise<string[]> {
  await page.evaluate(AXE_SOURCE);
  const found = await page.evaluate(async (tags) => {
    const axe = (window as unknown as { axe: { run: (...args: unknown[]) => Promise<unknown> } })
      .axe;
    const result = (await axe.run(document, {
      runOnly: { type: 'tag', values: tags },
      resultTypes: ['violations'],
    })) as { violations: { id: string; nodes: { target: unknown[] }[] }[] };
    return result.violations.flatMap((v) =>
      v.nodes.map((n) => `${v.id}: ${JSON.stringify(n.target)}`),
    );
  }, TAGS);
  console.info(`[axe] ${page.url().replace(/^.*\//, '')}: ${found.length} violation(s)`);
  return found;
}

describe('a page with an open card', () => {
  test.each(['reading.html', 'dark.html'])('%s: 0 violations', async (name) => {
    const page = await h.openMarked(name);
    await hover(page, 'Taliban');
    expect(await violations(page)).toEqual([]);
    await card(page).locator('.bs-cite').first().hover();
    await card(page).locator('[role=tooltip]').waitFor();
    expect(await violations(page), 'with a citation tooltip').toEqual([]);
    await closeCard(page);
  });
});

describe("the extension's own pages", () => {
  test('popup: empty, with results and with a card', async () => {
    const popup = await h.extensionPage('popup.html');
    expect(await violations(popup), 'empty').toEqual([]);
    await popup.getByRole('combobox').fill('Gafari');
    await popup.getByRole('option').first().waitFor();
    expect(await violations(popup), 'results').toEqual([]);
    await popup.getByRole('combobox').press('Enter');
    await popup.locator('[role=dialog]').waitFor();
    expect(await violations(popup), 'card').toEqual([]);
    await popup.close();
  });

  test('options', async () => {
    const options = await h.extensionPage('options.html');
    await options.locator('input').first().waitFor();
    expect(await violations(options)).toEqual([]);
    await options.close();
  });

  test('reader: the article list, and at a cited sentence with a card open', async () => {
    const reader = await h.extensionPage('reader.html');
    await reader.locator('main, #app').first().waitFor();
    expect(await violations(reader), 'article list').toEqual([]);
    await reader.goto(
      `chrome-extension://${h.extensionId}/reader.html#article=cnn-isis-k&block=4&sentence=1`,
    );
    await reader.locator('[aria-current]').first().waitFor();
    await waitForHighlights(reader, (ranges) => ranges.length > 0, 8_000);
    await hover(reader, 'ISIS-K', { within: 'article' });
    expect(await violations(reader), 'with a card').toEqual([]);
    await reader.close();
  });
});

test('no console errors, no network requests', () => {
  expectCleanRun(h);
});
