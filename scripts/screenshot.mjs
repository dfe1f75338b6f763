// `npm run screenshot`: renders docs/card.png, a hover card on the article fixture, from the
// built extension in headless Chromium. Plain JS: functions passed to page.evaluate must not be
// rewritten by a TypeScript loader.
import { chromium } from 'playwright-core';
import { mkdtempSync, readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');
const extension = join(root, '.output/chrome-mv3');
const page = readFileSync(join(root, 'tests/e2e/fixtures/article.html'));
const server = createServer((_req, res) => {
  res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
  res.end(page);
}).listen(0, '127.0.0.1');
await new Promise((r) => server.once('listening', r));

const context = await chromium.launchPersistentContext(mkdtempSync(join(tmpdir(), 'backstory-')), {
  executablePath: '/usr/bin/chromium',
  headless: true,
  viewport: { width: 1100, height: 900 },
  deviceScaleFactor: 1,
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    `--disable-extensions-except=${extension}`,
    `--load-extension=${extension}`,
  ],
});
try {
  const tab = await context.newPage();
  await tab.goto(`http://127.0.0.1:${server.address().port}/`);
  const target = process.argv[2] ?? 'Sanaullah Ghafari';
  const point = await tab.evaluate((text) => {
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const i = n.data.indexOf(text);
      if (i === -1) continue;
      n.parentElement.scrollIntoView({ block: 'start' });
      window.scrollBy(0, -120);
      const range = document.createRange();
      range.setStart(n, i);
      range.setEnd(n, i + text.length);
      const box = range.getClientRects()[0];
      return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
    }
    throw new Error(`"${text}" is not on the page`);
  }, target);
  await tab.waitForTimeout(600);
  await tab.mouse.move(point.x - 4, point.y);
  await tab.mouse.move(point.x, point.y);
  await tab.locator('[role=dialog]').waitFor();
  await tab.waitForTimeout(200);
  await tab.screenshot({ path: join(root, 'docs/card.png') });
  console.log('wrote docs/card.png');
} finally {
  await context.close();
  server.close();
}
