// @vitest-environment happy-dom
import { describe, expect, test } from 'vitest';
import { textToBlocks } from './blocks';
import { extractArticle, isoDay } from './extract';

const paragraph = (n: number) =>
  `<p>Paragraph ${n}: ISIS-K fighters crossed into the province on <!-- -->Tuesday<!-- -->, officials said, and the governor asked Kabul for reinforcements before the next attack on the district centre.</p>`;

const ARTICLE = `<!doctype html><html><head>
<title>Fighting spreads in the east - Example Post | News from everywhere</title>
<meta property="article:published_time" content="2024-03-23T22:10:00+04:30">
</head><body>
<nav><a href="/">Home</a> <a href="/world">World</a></nav>
<article><h1>Fighting spreads in the east</h1><p class="byline">By Jane Doe</p>
${Array.from({ length: 8 }, (_, i) => paragraph(i + 1)).join('\n')}
<h2>What comes next</h2>${paragraph(9)}</article>
<footer>© Example Post</footer></body></html>`;

const parse = (html: string) => new DOMParser().parseFromString(html, 'text/html');

describe('extractArticle', () => {
  test('reads the article, its outlet, date and headings', () => {
    const result = extractArticle({
      document: parse(ARTICLE),
      url: 'https://example.test/world/east#top',
      mode: 'article',
      selection: '',
    });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const { draft } = result;
    expect(draft).toMatchObject({
      url: 'https://example.test/world/east#top',
      title: 'Fighting spreads in the east',
      siteName: 'Example Post',
      published: '2024-03-23',
      source: 'page',
    });
    expect(draft.blocks[0]?.text).not.toBe('Fighting spreads in the east');
    expect(draft.blocks.find((b) => b.kind === 'heading')?.text).toBe('What comes next');
    expect(draft.blocks.some((b) => b.text.includes('on Tuesday, officials said'))).toBe(true);
    expect(draft.blocks.some((b) => b.text.includes('Home'))).toBe(false);
  });

  test('a page that is not an article offers the selection or the whole text', () => {
    const list = parse(
      '<html><head><title>Front page</title></head><body><ul><li><a href="/a">One</a></li><li><a href="/b">Two</a></li></ul></body></html>',
    );
    const result = extractArticle({
      document: list,
      url: 'https://example.test/',
      mode: 'article',
      selection: 'One',
    });
    expect(result).toMatchObject({ ok: false, alternatives: ['selection', 'page-text'] });
    expect(!result.ok && result.problem).toMatch(/could not find an article/);
  });

  test('the selection, or the whole text, when asked', () => {
    const selection = extractArticle({
      document: parse(ARTICLE),
      url: 'https://example.test/world/east',
      mode: 'selection',
      selection: 'First line.\n\nSecond paragraph.',
    });
    expect(selection.ok && selection.draft).toMatchObject({
      source: 'selection',
      blocks: [
        { kind: 'paragraph', text: 'First line.' },
        { kind: 'paragraph', text: 'Second paragraph.' },
      ],
    });
    const whole = extractArticle({
      document: parse(ARTICLE),
      url: 'https://example.test/x',
      mode: 'page-text',
      selection: '',
    });
    expect(whole.ok && whole.draft.blocks.map((b) => b.text)).toContain('Home World');
    const nothing = extractArticle({
      document: parse(ARTICLE),
      url: 'https://example.test/x',
      mode: 'selection',
      selection: ' ',
    });
    expect(nothing).toMatchObject({ ok: false, alternatives: ['page-text'] });
  });
});

test('isoDay keeps the day the outlet wrote', () => {
  expect(isoDay('2024-03-23T22:10:00+04:30')).toBe('2024-03-23');
  expect(isoDay('not a date')).toBeUndefined();
});

test('textToBlocks splits on blank lines, or on lines when there are none', () => {
  expect(textToBlocks('a\nb\n\nc').map((b) => b.text)).toEqual(['a b', 'c']);
  expect(textToBlocks('a\r\nb').map((b) => b.text)).toEqual(['a', 'b']);
});
