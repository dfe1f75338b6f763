/**
 * The reader's own library: adding a page, the cards that cite it, the library page
 * (delete and undo, export and import, files), all on pages served from 127.0.0.1.
 */
import { readFile } from 'node:fs/promises';
import { describe, expect, test } from 'vitest';
import { card, hover } from './card-queries';
import { useHarness } from './use-harness';
import { settle } from './highlights';

const h = useHarness();

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

/** What the popup's "Add this page to Backstory" sends, for the page tab. */
async function addPage(tabId: number, mode = 'article'): Promise<Record<string, unknown>> {
  const popup = await h.extensionPage('popup.html');
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
    expect(outcome.entities).toEqual(
      expect.arrayContaining(['crocus-city-hall-attack', 'isis-k', 'sanaullah-ghafari']),
    );

    await page.bringToFront();
    await hover(page, 'Sanaullah Ghafari');
    const text = await card(page).first().textContent();
    expect(text).toContain('From your library');
    expect(text).toContain('The Harbour Gazette');
    expect(text).toContain('22 March 2025');
    expect(text).toContain('Analysts who study the group note that its leader, Sanaullah Ghafari');
  });
});

describe('the library page', () => {
  test('“Read in source” opens the saved copy at the sentence', async () => {
    const page = await h.openMarked('library-article.html');
    await hover(page, 'Sanaullah Ghafari');
    const opened = h.context.waitForEvent('page');
    const cited = card(page).first().locator('.bs-source-library').first();
    const quote = await cited.locator('blockquote').textContent();
    await cited.getByRole('button', { name: 'Read in source' }).click();
    const reader = await opened;
    await reader.waitForLoadState('load');
    expect(reader.url()).toMatch(/reader\.html#article=lib-[0-9a-f]{24}&block=\d+&sentence=\d+$/);
    const target = reader.locator('[aria-current="true"]');
    await expect.poll(() => target.textContent()).toBe(quote);
    expect(quote).toContain('Ghafari');
    expect(await reader.locator('h1').textContent()).toBe(
      'A year after the Crocus City Hall attack, families still wait',
    );
    expect(await reader.locator('.article-head').textContent()).toContain('The Harbour Gazette');
    await reader.close();
  });

  test('lists the added article with the entities it names; delete and undo', async () => {
    const library = await h.extensionPage('reader.html');
    const item = library.locator('.own-item', { hasText: 'families still wait' });
    await item.waitFor();
    expect(await item.textContent()).toContain('Sanaullah Ghafari');
    await item.getByRole('button', { name: /Delete/ }).click();
    await item.waitFor({ state: 'detached' });
    await library.getByRole('button', { name: 'Undo' }).click();
    await item.waitFor();
    await library.getByLabel('Search the library').fill('harbour gazette');
    await item.waitFor();
    expect(await library.locator('.list-item').count()).toBe(1);
    await library.getByLabel('Search the library').fill('no such words anywhere');
    await item.waitFor({ state: 'detached' });
    await library.close();
  });

  test('adds a Markdown file and pasted text', async () => {
    const library = await h.extensionPage('reader.html');
    await library.getByLabel('Add HTML, text or Markdown files').setInputFiles({
      name: 'kerman-notes.md',
      mimeType: 'text/markdown',
      buffer: Buffer.from(
        '# Notes on the Kerman bombings\n\nThe **Kerman bombings** killed 96 people, according to a later official count, at a memorial for [Qassem Soleimani](https://example.test).\n',
      ),
    });
    const item = library.locator('.own-item', { hasText: 'Notes on the Kerman bombings' });
    await item.waitFor();
    expect(await item.textContent()).toContain('kerman-notes.md');
    await item.getByRole('link').click();
    await expect
      .poll(() => library.locator('#article').textContent())
      .toContain('The Kerman bombings killed 96 people');

    await library.getByRole('button', { name: 'Paste text…' }).click();
    await library.getByLabel('Title (optional)').fill('Pasted about Ghafari');
    await library
      .getByLabel('Text', { exact: true })
      .fill('Sanaullah Ghafari was named leader of ISIS-K in 2020.');
    await library.getByRole('button', { name: 'Add to the library' }).click();
    await expect.poll(() => library.locator('h1').textContent()).toBe('Pasted about Ghafari');
    await library.close();

    const popup = await h.extensionPage('popup.html');
    const kerman = (await popup.evaluate(() =>
      (globalThis as unknown as { chrome: ChromeApi }).chrome.runtime.sendMessage({
        type: 'getCard',
        entity: 'kerman-bombings',
      }),
    )) as { claims: { subject: string; versions: { value: string }[] }[] };
    expect(
      kerman.claims.find((c) => c.subject === 'Death toll')?.versions.map((v) => v.value),
    ).toContain('96');
    await popup.close();
  });

  test('export, then a malformed import changes nothing, then a good one restores', async () => {
    const library = await h.extensionPage('reader.html');
    await library.locator('.own-item').first().waitFor();
    const before = await library.locator('.own-item').count();
    const download = library.waitForEvent('download');
    await library.getByRole('button', { name: 'Export your library' }).click();
    const file = await (await download).path();
    const exported = JSON.parse(await readFile(file, 'utf8')) as { articles: unknown[] };
    expect(exported.articles).toHaveLength(before);

    const broken = structuredClone(exported) as { articles: { title: string }[] };
    broken.articles[0]!.title = '';
    await library.getByLabel('Import a library file').setInputFiles({
      name: 'broken.json',
      mimeType: 'application/json',
      buffer: Buffer.from(JSON.stringify(broken)),
    });
    const alert = library.locator('.library-message[role=alert]');
    await alert.waitFor();
    expect(await alert.textContent()).toContain('Article 1 field “title” must not be empty.');
    expect(await alert.textContent()).toContain('your library is unchanged');
    expect(await library.locator('.own-item').count()).toBe(before);

    for (let i = 0; i < before; i++) {
      await library
        .locator('.own-item')
        .first()
        .getByRole('button', { name: /Delete/ })
        .click();
    }
    await expect.poll(() => library.locator('.own-item').count()).toBe(0);
    await library.getByLabel('Import a library file').setInputFiles(file);
    await expect.poll(() => library.locator('.own-item').count()).toBe(before);
    await library.close();
  });
});

describe('the popup lookup', () => {
  test('finds library articles by title and opens the cards of the entities they name', async () => {
    const popup = await h.extensionPage('popup.html');
    await popup.getByRole('combobox').fill('families still wait');
    const hit = popup.locator('.library-hit', { hasText: 'families still wait' });
    await hit.waitFor();
    expect(await hit.textContent()).toContain('The Harbour Gazette');
    await hit.getByRole('button', { name: 'Sanaullah Ghafari' }).click();
    const dialog = popup.locator('[role=dialog]');
    await dialog.waitFor();
    expect(await dialog.textContent()).toContain('From your library');
    await popup.close();
  });
});
