/**
 * The lookup popup, settings applied live to an open page, and the options page's
 * import: the extension's own pages driven in tabs of the same browser.
 */
import { describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { useHarness } from './use-harness';
import { allHighlights, settle, waitForHighlights } from './highlights';

const h = useHarness();

/** The part of `chrome.storage` these tests use, from an extension page. */
interface ChromeStorageApi {
  storage: {
    local: {
      get(key: string): Promise<Record<string, unknown>>;
      set(items: Record<string, unknown>): Promise<void>;
    };
  };
}

async function storedSettings(page: Page): Promise<unknown> {
  return page.evaluate(async () => {
    const chrome = (globalThis as unknown as { chrome: ChromeStorageApi }).chrome;
    return (await chrome.storage.local.get('settings')).settings ?? null;
  });
}

async function storeSettings(page: Page, settings: unknown): Promise<void> {
  await page.evaluate(async (value) => {
    const chrome = (globalThis as unknown as { chrome: ChromeStorageApi }).chrome;
    await chrome.storage.local.set({ settings: value });
  }, settings);
}

describe('popup lookup', () => {
  test('a typo finds the entity first and Enter shows its card', async () => {
    const popup = await h.extensionPage('popup.html');
    const search = popup.getByRole('combobox');
    await expect.poll(() => search.evaluate((el) => el === document.activeElement)).toBe(true);
    await search.fill('Gafari');
    await expect
      .poll(() => popup.getByRole('option').first().textContent())
      .toContain('Sanaullah Ghafari');
    await search.press('Enter');
    const dialog = popup.locator('[role=dialog]');
    await dialog.waitFor();
    expect(await dialog.getAttribute('aria-label')).toBe('Sanaullah Ghafari');
    expect(await dialog.textContent()).toContain('became leader of ISIS-K in 2020');
    await popup.close();
  });

  test.each([
    ['Khorason Province', 'ISIS-K'],
    ['Bortnikof', 'Alexander Bortnikov'],
  ])('"%s" finds %s first', async (query, name) => {
    const popup = await h.extensionPage('popup.html');
    await popup.getByRole('combobox').fill(query);
    await expect.poll(() => popup.getByRole('option').first().textContent()).toContain(name);
    await popup.close();
  });
});

describe('settings apply live', () => {
  test('turning a category off removes its marks from the open page without reload', async () => {
    const article = await h.open('article.html');
    await waitForHighlights(article, (ranges) => ranges.some((r) => r.name === 'backstory-place'));
    await settle(article);
    const options = await h.extensionPage('options.html');
    await options.locator('label[data-category=place] input').uncheck();
    await expect
      .poll(
        async () =>
          (await allHighlights(article)).filter((r) => r.name === 'backstory-place').length,
      )
      .toBe(0);
    expect((await allHighlights(article)).some((r) => r.name === 'backstory-group')).toBe(true);
    await options.locator('label[data-category=place] input').check();
    await expect
      .poll(
        async () =>
          (await allHighlights(article)).filter((r) => r.name === 'backstory-place').length,
      )
      .toBeGreaterThan(0);
    await options.close();
  });

  test('pausing the site removes every mark; resuming brings them back', async () => {
    const article = await h.open('article.html');
    await waitForHighlights(article, (ranges) => ranges.length > 0);
    const options = await h.extensionPage('options.html');
    const stored = await storedSettings(options);
    await storeSettings(options, { ...(stored as object), pausedHosts: ['127.0.0.1'] });
    await expect.poll(async () => (await allHighlights(article)).length).toBe(0);
    await storeSettings(options, stored ?? {});
    await expect.poll(async () => (await allHighlights(article)).length).toBeGreaterThan(0);
    await options.close();
  });
});

describe('options import', () => {
  test('a malformed file is rejected with its reason and the settings stay as they were', async () => {
    const options = await h.extensionPage('options.html');
    await options.locator('label[data-category=media] input').uncheck();
    await expect
      .poll(() => storedSettings(options))
      .toMatchObject({ categories: { media: false } });
    const before = await storedSettings(options);
    await options.getByLabel('Settings file to import').setInputFiles({
      name: 'settings.json',
      mimeType: 'application/json',
      buffer: Buffer.from('{"backstorySettings":1,"settings":{"theme":"neon"}}'),
    });
    const alert = options.locator('[role=alert]').filter({ hasText: 'neon' });
    await alert.waitFor();
    expect(await alert.textContent()).toMatch(/theme: "neon" is not valid/);
    expect(await storedSettings(options)).toEqual(before);
    await options.locator('label[data-category=media] input').check();
    await options.close();
  });
});
