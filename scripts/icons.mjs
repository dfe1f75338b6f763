// `node scripts/icons.mjs`: renders public/icon/<size>.png from assets/icon.svg with Chromium
// (the toolbar and store icons; re-run after changing the SVG).
import { chromium } from 'playwright-core';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');
const svg = readFileSync(join(root, 'assets/icon.svg'), 'utf8');
const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--no-sandbox'],
});
try {
  for (const size of [16, 32, 48, 96, 128]) {
    const page = await browser.newPage({ viewport: { width: size, height: size } });
    await page.setContent(
      `<style>html,body{margin:0;background:transparent}svg{width:${size}px;height:${size}px;display:block}</style>${svg}`,
    );
    await page.screenshot({ path: join(root, `public/icon/${size}.png`), omitBackground: true });
    await page.close();
  }
  console.log('wrote public/icon/{16,32,48,96,128}.png');
} finally {
  await browser.close();
}
