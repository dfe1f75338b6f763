/**
 * The harness checks itself against a stand-in extension (tests/e2e/probe-extension)
 * that does, crudely, what the contract asks and misbehaves on purpose: when the
 * real extension's specs pass, it is not because the helpers cannot see.
 */
import { get } from 'node:http';
import { fileURLToPath } from 'node:url';
import { setTimeout as sleep } from 'node:timers/promises';
import { beforeAll, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { card, cardLabel, closeCard, hover } from './card-queries';
import { useHarness } from './use-harness';
import { highlightRanges, highlightTexts, waitForHighlights } from './highlights';

const PROBE = fileURLToPath(new URL('./probe-extension', import.meta.url));

const h = useHarness({ extensionDir: PROBE });
let page: Page;

beforeAll(async () => {
  page = await h.open('tricky.html');
  await waitForHighlights(page, (ranges) => ranges.length > 0);
});

test('the fixture server serves fixtures and nothing else', async () => {
  expect(h.server.origin).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
  const ok = await fetch(h.server.url('article.html'));
  expect(ok.status).toBe(200);
  expect(ok.headers.get('content-type')).toContain('text/html');
  expect(await ok.text()).toContain('<article id="story">');
  expect((await fetch(h.server.url('missing.html'))).status).toBe(404);
  // A raw request line, which fetch() would have normalized: nothing outside fixtures/ leaks.
  const status = await new Promise<number | undefined>((ok, fail) => {
    const port = Number(new URL(h.server.origin).port);
    get({ host: '127.0.0.1', port, path: '/../harness.ts' }, (res) => {
      res.resume();
      ok(res.statusCode);
    }).on('error', fail);
  });
  expect([403, 404]).toContain(status);
});

test('the extension id comes from the service worker', async () => {
  expect(h.extensionId).toMatch(/^[a-p]{32}$/);
  expect((await h.serviceWorker()).url()).toBe(`chrome-extension://${h.extensionId}/background.js`);
});

test('highlightTexts reads what a content script registered, across markup', async () => {
  expect(await highlightTexts(page)).toEqual({ 'backstory-person': ['Sanaullah Ghafari'] });
  const [range] = await highlightRanges(page);
  expect(range).toMatchObject({ ids: ['m-em', 'markup'], inShadow: false, connected: true });
  expect(range).toMatchObject({ before: '', after: ' ' });
});

test('hover waits for a card in an open shadow root; closeCard closes it', async () => {
  const result = await hover(page, 'ISIS-K', { within: 'm-link' });
  expect(result.openedAt - result.arrivedAt).toBeGreaterThanOrEqual(300);
  expect(await cardLabel(page)).toBe('ISIS-K');
  expect(await closeCard(page)).toBe(true);
  expect(await card(page).first().isVisible()).toBe(false);
});

test('hover without a card reports that none opened', async () => {
  const result = await hover(page, 'Kermanshah', { expectCard: false });
  expect(result.opened).toBe(false);
  await expect(hover(page, 'Kermanshah', { within: 'neg-kermanshah' })).rejects.toThrow(
    /no card opened/,
  );
  await expect(hover(page, 'no such text')).rejects.toThrow(/only 0 occurrence/);
});

test('stepMention reaches the content script of the tab', async () => {
  await h.stepMention(page, 1);
  await expect.poll(() => cardLabel(page)).toBe('step 1');
  await page.keyboard.press('Escape');
  await card(page).first().waitFor({ state: 'hidden' });
});

test('the harness sees console errors and requests of content scripts and workers', async () => {
  await sleep(500);
  const errors = h.consoleErrors.join('\n');
  expect(errors).toContain('probe: content error');
  expect(errors).toContain('probe: worker error');
  const foreign = h.foreignRequests().map((r) => r.url);
  expect(foreign).toContain('http://192.0.2.1/probe-content');
  expect(foreign).toContain('http://192.0.2.1/probe-worker-message');
  // The worker's first request happens before any listener exists; the proxy still sees it.
  expect(h.unexplainedTraffic()).toEqual(
    expect.arrayContaining([
      'GET http://192.0.2.1/probe-worker-startup',
      'GET http://192.0.2.1/probe-content',
      'GET http://192.0.2.1/probe-worker-message',
    ]),
  );
  expect(h.requests.some((r) => r.url === h.server.url('tricky.html'))).toBe(true);
});
