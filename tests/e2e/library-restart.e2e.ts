/**
 * What the reader adds survives a browser restart (the same profile, the extension at
 * the same path), and a real saved news page added in one click cites itself on the
 * cards of every known entity it names, with its outlet and date.
 */
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { ROOT } from '../support/paths';
import { serve, type StaticServer } from '../support/static-server';
import { launchWithExtension } from './harness';
import { settle } from './highlights';

const REAL_PAGES = resolve(ROOT, '../shared/real-pages');
const PAGE = 'syria-turkey-assad-offensive-globalnews.html';

interface ChromeApi {
  tabs: { query(q: object): Promise<{ id?: number }[]> };
  runtime: { sendMessage(message: unknown): Promise<unknown> };
}

interface Card {
  name: string;
  library?: {
    credit: string;
    title: string;
    text: string;
    ref: { article: string; block: number; sentence: number };
    addedByReader?: { published?: string };
  }[];
  mentionCount: number;
}

let server: StaticServer;
let profile: string;

beforeAll(async () => {
  server = await serve({ dir: REAL_PAGES });
  profile = join(await mkdtemp(join(tmpdir(), 'backstory-restart-')), 'profile');
});

afterAll(async () => {
  await server?.close();
  if (profile) await rm(resolve(profile, '..'), { recursive: true, force: true });
});

function send(page: Page, message: unknown): Promise<unknown> {
  return page.evaluate(
    (m) => (globalThis as unknown as { chrome: ChromeApi }).chrome.runtime.sendMessage(m),
    message,
  );
}

describe.skipIf(!existsSync(join(REAL_PAGES, PAGE)))('a real saved page', () => {
  test('added in one click, cited on every card it names, kept across a restart', async () => {
    let h = await launchWithExtension({ server, profileDir: profile });
    try {
      const page = await h.open(PAGE);
      await settle(page);
      const worker = await h.serviceWorker();
      const tabId = await worker.evaluate(async () => {
        const chrome = (globalThis as unknown as { chrome: ChromeApi }).chrome;
        return (await chrome.tabs.query({}))[0]!.id!;
      });
      const popup = await h.extensionPage('popup.html');
      const outcome = (await send(popup, { type: 'addPage', tabId, mode: 'article' })) as {
        ok: boolean;
        id: string;
        entities: string[];
      };
      expect(outcome).toMatchObject({ ok: true });
      expect(outcome.entities).toEqual(
        expect.arrayContaining(['syria', 'turkey', 'bashar-al-assad', 'vladimir-putin', 'russia']),
      );

      const library = await h.extensionPage('reader.html');
      const item = library.locator('.own-item');
      await item.waitFor();
      expect(await item.textContent()).toContain('Global News');
      expect(await item.textContent()).toContain('2 March 2020');
      await library.close();

      // Every entity the page names: its card cites the page, with outlet and date.
      for (const entity of outcome.entities) {
        const card = (await send(popup, { type: 'getCard', entity })) as Card;
        expect(card.library?.length, entity).toBeGreaterThan(0);
        expect(card.library?.[0], entity).toMatchObject({
          credit: 'Global News',
          title:
            'Syrian forces move into strategic town as Turkey vows to keep hammering Assad’s troops',
          ref: { article: outcome.id },
          addedByReader: { published: '2020-03-02' },
        });
      }
      // "Read in source" opens the saved copy at the cited sentence.
      const assad = (await send(popup, { type: 'getCard', entity: 'bashar-al-assad' })) as Card;
      const cited = assad.library![0]!;
      await send(popup, { type: 'openReader', ref: cited.ref });
      const reader = await h.context.waitForEvent('page');
      await expect
        .poll(() => reader.locator('[aria-current="true"]').textContent())
        .toBe(cited.text);
      await popup.close();
    } finally {
      await h.close();
    }

    h = await launchWithExtension({ server, profileDir: profile });
    try {
      const library = await h.extensionPage('reader.html');
      await library
        .locator('.own-item', { hasText: 'Syrian forces move into strategic town' })
        .waitFor();
      const card = (await send(library, { type: 'getCard', entity: 'bashar-al-assad' })) as Card;
      expect(card.library?.[0]?.credit).toBe('Global News');
      expect(h.unexplainedTraffic()).toEqual([]);
    } finally {
      await h.close();
    }
  });
});
