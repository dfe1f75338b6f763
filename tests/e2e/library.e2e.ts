/**
 * The reader's own library: adding a page, the cards that cite it, the library page
 * (delete and undo, export and import, files), all on pages served from 127.0.0.1.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { card, hover, launchWithExtension, settle, type Harness } from './harness';

let h: Harness;

beforeAll(async () => {
  h = await launchWithExtension();
});

afterAll(async () => {
  await h?.close();
});

interface ChromeApi {
  tabs: { query(q: object): Promise<{ id?: number }[]> };
  runtime: { sendMessage(message: unknown): Promise<unknown> };
}

/** The id of the harness's one page tab, asked before any extension page opens. */
async function pageTabId(): Promise<number> {
  const worker = await h.serviceWorker();
  return worker.evaluate(async () => {
    const chrome = (globalThis as unknown as { chrome: ChromeApi }).chrome;
    const tabs = await chrome.tabs.query({});
    if (tabs.length !== 1 || tabs[0]?.id === undefined) throw new Error(`${tabs.length} tabs`);
    return tabs[0].id;
  });
}

async function extensionPage(path: string): Promise<Page> {
  const page = await h.context.newPage();
  await page.goto(`chrome-extension://${h.extensionId}/${path}`);
  return page;
}

/** What the popup's "Add this page to Backstory" sends, for the page tab. */
async function addPage(tabId: number, mode = 'article'): Promise<Record<string, unknown>> {
  const popup = await extensionPage('popup.html');
  const outcome = await popup.evaluate(
    ({ tabId, mode }) =>
      (globalThis as unknown as { chrome: ChromeApi }).chrome.runtime.sendMessage({
        type: 'addPage',
        tabId,
        mode,
      }),
    { tabId, mode },
  );
  await popup.close();
  return outcome as Record<string, unknown>;
}

describe('adding a page', () => {
  test('the article is added and its entities’ cards cite it', async () => {
    const page = await h.open('library-article.html');
    await settle(page);
    const tabId = await pageTabId();
    const outcome = await addPage(tabId);
    expect(outcome).toMatchObject({
      ok: true,
      title: 'A year after the Crocus City Hall attack, families still wait',
      updated: false,
    });
    expect(outcome.entities).toBeGreaterThanOrEqual(4);

    await page.bringToFront();
    await hover(page, 'Sanaullah Ghafari');
    const text = await card(page).first().textContent();
    expect(text).toContain('From your library');
    expect(text).toContain('The Harbour Gazette');
    expect(text).toContain('22 March 2025');
    expect(text).toContain('Analysts who study the group note that its leader, Sanaullah Ghafari');
  });
});
