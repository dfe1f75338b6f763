// @vitest-environment happy-dom
import { expect, test } from 'vitest';
import { extractHtml } from './page-extractor';

const paragraph =
  '<p>Officials in Kabul said the attack on the district centre had been planned for weeks, and that the men who carried it out had crossed the border in small groups over the winter.</p>';

test('Firefox’s route: HTML from the content script is read inertly in the background page', () => {
  const html = `<html><head><title>Kabul attack | Example Wire</title><script>globalThis.ran = true</script></head>
    <body><article><h1>Kabul attack</h1>${paragraph.repeat(6)}<img src="https://tracker.invalid/x.gif"></article></body></html>`;
  const result = extractHtml(html, 'https://wire.example/kabul', 'article', '');
  expect(result.ok && result.draft).toMatchObject({
    url: 'https://wire.example/kabul',
    title: 'Kabul attack',
    siteName: 'Example Wire',
  });
  expect((globalThis as { ran?: boolean }).ran).toBeUndefined();
});
