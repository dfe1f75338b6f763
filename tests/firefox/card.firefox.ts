/**
 * Firefox smoke test: the Firefox build marks a mention with a CSS Custom Highlight and opens
 * its card on hover, in a real Firefox ESR. Needs `npm run build:firefox` and `firefox-esr`
 * (tests/firefox/global-setup.ts checks both).
 */
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { Page } from 'puppeteer-core';
import { serve, type StaticServer } from '../support/static-server';
import { launchFirefox, type FirefoxWithExtension } from '../support/firefox';

const PAGE = `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <link rel="icon" href="data:," />
    <title>Firefox smoke | Backstory</title>
    <style>
      body { margin: 0; font: 18px/1.6 sans-serif; }
      main { max-width: 640px; margin: 40px auto; padding: 0 24px; }
    </style>
  </head>
  <body>
    <main>
      <h1>Afghanistan</h1>
      <p id="lead">Sanaullah Ghafari leads ISIS-K.</p>
    </main>
  </body>
</html>`;

/** Hover intent is ~400 ms; this is the generous upper bound the test waits. */
const CARD_OPEN_TIMEOUT = 3_000;

interface MarkedRange {
  highlight: string;
  text: string;
}

/** Every range in `CSS.highlights`, read from the page's main world (which sees them). */
function markedRanges(page: Page): Promise<MarkedRange[]> {
  return page.evaluate(() => {
    const out: { highlight: string; text: string }[] = [];
    // Marks are static ranges, which have no text of their own.
    const text = (r: AbstractRange) => {
      const live = document.createRange();
      live.setStart(r.startContainer, r.startOffset);
      live.setEnd(r.endContainer, r.endOffset);
      return live.toString();
    };
    CSS.highlights.forEach((highlight, name) => {
      highlight.forEach((range) => out.push({ highlight: name, text: text(range) }));
    });
    return out;
  });
}

/** Centre of the first occurrence of `text` in `#lead`, in viewport coordinates. */
function centreOf(page: Page, text: string): Promise<{ x: number; y: number }> {
  return page.evaluate((text) => {
    const node = document.getElementById('lead')?.firstChild;
    if (!(node instanceof Text)) throw new Error('#lead has no text');
    const start = node.data.indexOf(text);
    if (start < 0) throw new Error(`${text} is not in #lead`);
    const range = document.createRange();
    range.setStart(node, start);
    range.setEnd(node, start + text.length);
    const rect = range.getBoundingClientRect();
    return { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 };
  }, text);
}

let server: StaticServer;
let firefox: FirefoxWithExtension;
const timings: Record<string, number> = {};

beforeAll(async () => {
  const start = Date.now();
  server = await serve({ pages: new Map([['/', PAGE]]) });
  firefox = await launchFirefox();
  timings.launchAndInstall = Date.now() - start;
});

afterAll(async () => {
  const start = Date.now();
  await firefox?.close();
  await server?.close();
  timings.close = Date.now() - start;
  console.info(`[firefox] timings (ms): ${JSON.stringify(timings)}`);
});

/** Resolves once `text` is marked (marks are static ranges: their text is read through a live one). */
function markedWith(page: Page, text: string) {
  return page.waitForFunction(
    (text) => {
      let found = false;
      const live = document.createRange();
      CSS.highlights.forEach((h) =>
        h.forEach((r) => {
          live.setStart(r.startContainer, r.startOffset);
          live.setEnd(r.endContainer, r.endOffset);
          found ||= live.toString() === text;
        }),
      );
      return found;
    },
    { timeout: 10_000, polling: 100 },
    text,
  );
}

/** Resolves once ISIS-K is marked: a pointer that rests there before the page is read opens nothing. */
const isisMarked = (page: Page) => markedWith(page, 'ISIS-K');

test('marks ISIS-K with a highlight and opens its card on hover', async () => {
  const page = await firefox.browser.newPage();

  let start = Date.now();
  await page.goto(server.url('/'), { waitUntil: 'load' });
  await isisMarked(page);
  timings.highlight = Date.now() - start;

  const marked = await markedRanges(page);
  expect(marked).toContainEqual({ highlight: 'backstory-group', text: 'ISIS-K' });
  expect(marked.map((m) => m.highlight).every((name) => name.startsWith('backstory-'))).toBe(true);

  // Approach from the left, then rest on the mention.
  const { x, y } = await centreOf(page, 'ISIS-K');
  start = Date.now();
  await page.mouse.move(x - 40, y, { steps: 2 });
  await page.mouse.move(x, y, { steps: 4 });
  // `pierce/` reaches into the card's open shadow root.
  const dialog = await page.waitForSelector('pierce/[role="dialog"]', {
    visible: true,
    timeout: CARD_OPEN_TIMEOUT,
  });
  timings.cardOpen = Date.now() - start;
  expect(await dialog?.evaluate((el) => el.getAttribute('aria-label'))).toBe('ISIS-K');
  expect(await dialog?.evaluate((el) => el.getAttribute('lang'))).toBe('en');
  expect(await dialog?.evaluate((el) => el.getRootNode() instanceof ShadowRoot)).toBe(true);
  expect(firefox.extensionId).toBe('backstory@backstory.invalid');

  // The page asked the server for the page only, and nothing tried to leave the machine: the
  // extension fetches nothing (its manifest declares data_collection_permissions: none).
  expect(server.served).toEqual(['/']);
  expect(firefox.traffic).toEqual([]);
  await page.close();
});

test('the marks are painted: the line looks different once they are taken away', async () => {
  // Marks are StaticRanges; a browser that registered but did not paint them would pass the
  // tests above, so this compares the pixels of the line with and without the highlights.
  const page = await firefox.browser.newPage();
  await page.goto(server.url('/'), { waitUntil: 'load' });
  await isisMarked(page);
  const clip = await page.evaluate(() => {
    const range = document.createRange();
    range.selectNodeContents(document.getElementById('lead')!);
    const box = range.getBoundingClientRect();
    // The underline sits a few pixels under the text's box.
    return { x: box.left, y: box.top, width: box.width, height: box.height + 6 };
  });
  const painted = await page.screenshot({ clip, encoding: 'base64' });
  await page.evaluate(() => CSS.highlights.clear());
  const plain = await page.screenshot({ clip, encoding: 'base64' });
  expect(painted).not.toBe(plain);
  await page.close();
});

test('"Read in source" twice leaves one reader tab', async () => {
  const page = await firefox.browser.newPage();
  await page.goto(server.url('/'), { waitUntil: 'load' });
  await isisMarked(page);
  const { x, y } = await centreOf(page, 'ISIS-K');
  const readers = async () =>
    (await firefox.browser.pages()).filter((p) => p.url().includes('/reader.html')).length;
  for (let i = 0; i < 2; i++) {
    await page.bringToFront();
    await page.mouse.move(x - 40, y, { steps: 2 });
    await page.mouse.move(x, y, { steps: 4 });
    const read = await page.waitForSelector('pierce/.bs-read', {
      visible: true,
      timeout: CARD_OPEN_TIMEOUT,
    });
    await read?.click();
    const deadline = Date.now() + 5_000;
    while ((await readers()) < 1 && Date.now() < deadline)
      await new Promise((ok) => setTimeout(ok, 100));
    await page.keyboard.press('Escape');
    await page.mouse.move(2, 400);
  }
  expect(await readers()).toBe(1);
  for (const p of await firefox.browser.pages())
    if (p.url().includes('/reader.html')) await p.close();
  await page.close();
});

test('double-clicking a name selects it and opens no card', async () => {
  const page = await firefox.browser.newPage();
  await page.goto(server.url('/'), { waitUntil: 'load' });
  await markedWith(page, 'Sanaullah Ghafari');
  const { x, y } = await centreOf(page, 'Ghafari');
  await page.mouse.move(x, y, { steps: 3 });
  await page.mouse.click(x, y, { count: 2 });
  // Longer than the hover delay and the double-click wait together.
  await new Promise((ok) => setTimeout(ok, 1_200));
  expect(await page.evaluate(() => String(document.getSelection()).trim())).toBe('Ghafari');
  const visible = await page.evaluate(() =>
    [...document.querySelectorAll('*')].some((el) =>
      el.shadowRoot?.querySelector('[role=dialog]')?.checkVisibility(),
    ),
  );
  expect(visible).toBe(false);
  await page.close();
});
