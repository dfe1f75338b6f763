/**
 * Deterministic news-like pages built from the corpus paragraphs: a site header
 * and navigation, then articles (header, byline, sections of wrapped paragraphs
 * with links and emphasis, figures with captions, pull quotes, lists, related-link
 * asides, tag footers), a sidebar and a site footer. The same seed and size always
 * give the same bytes.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export interface GeneratedPage {
  html: string;
  /** Characters of text content (what a reader reads, markup excluded). */
  textChars: number;
  elements: number;
  paragraphs: number;
  articles: number;
}

interface ArticleMeta {
  id: string;
  outlet: string;
  title: string;
  authors: string[];
  date: string;
}

/** mulberry32: small, fast, good enough to shuffle paragraphs reproducibly. */
function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const escapeHtml = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

const SECTIONS = ['World', 'Middle East', 'Europe', 'Asia', 'Security', 'Analysis', 'Opinion'];
const TAGS = ['terrorism', 'security', 'russia', 'afghanistan', 'syria', 'europe', 'intelligence'];
const CREDITS = ['Reuters', 'AP Photo', 'AFP via Getty Images', 'EPA', 'Anadolu'];

const STYLE = `
  body { margin: 0; font: 18px/1.6 Georgia, serif; color: #222; background: #fff; }
  .site-header { position: sticky; top: 0; background: #111; color: #fff; z-index: 2; }
  .site-header nav ul { display: flex; gap: 16px; margin: 0; padding: 10px 24px; list-style: none; }
  .site-header a { color: #fff; text-decoration: none; font: 14px/1.4 system-ui, sans-serif; }
  .layout { display: flex; gap: 32px; max-width: 1180px; margin: 0 auto; padding: 24px; }
  main { flex: 1 1 700px; min-width: 0; }
  .sidebar { flex: 0 0 300px; font: 15px/1.5 system-ui, sans-serif; }
  article { border-bottom: 1px solid #ddd; margin-bottom: 48px; }
  .kicker { text-transform: uppercase; font: 13px system-ui, sans-serif; color: #b00; }
  h1 { font-size: 34px; line-height: 1.2; margin: 8px 0; }
  h2 { font-size: 24px; margin: 32px 0 8px; }
  .byline { font: 14px system-ui, sans-serif; color: #555; }
  figure { margin: 24px 0; }
  .media { background: #ccd; aspect-ratio: 16 / 9; }
  figcaption { font: 14px/1.4 system-ui, sans-serif; color: #555; }
  .credit { color: #888; margin-left: 4px; }
  blockquote { border-left: 4px solid #b00; margin: 24px 0; padding-left: 16px; font-size: 22px; }
  aside.related { background: #f4f4f4; padding: 12px 16px; font: 15px system-ui, sans-serif; }
  .tags ul { display: flex; gap: 8px; list-style: none; padding: 0; }
  .tags a { font: 13px system-ui, sans-serif; }
  .site-footer { background: #111; color: #ccc; padding: 24px; font: 14px system-ui, sans-serif; }
`;

export interface Corpus {
  paragraphs: string[];
  articles: ArticleMeta[];
}

export function loadCorpus(dir: string): Corpus {
  const articles = JSON.parse(readFileSync(join(dir, 'articles.json'), 'utf8')) as ArticleMeta[];
  const paragraphs: string[] = [];
  for (const a of articles) {
    const text = readFileSync(join(dir, `${a.id}.txt`), 'utf8');
    for (const p of text.split(/\n\s*\n/)) {
      const clean = p.replace(/\s+/g, ' ').trim();
      if (clean.length > 0) paragraphs.push(clean);
    }
  }
  return { paragraphs, articles };
}

/** Builds HTML while counting elements and text characters. */
class Writer {
  private readonly parts: string[] = [];
  elements = 0;
  text = 0;

  open(tag: string, attrs = ''): this {
    this.elements++;
    this.parts.push(attrs ? `<${tag} ${attrs}>` : `<${tag}>`);
    return this;
  }

  close(tag: string): this {
    this.parts.push(`</${tag}>`);
    return this;
  }

  /** An element holding plain text. */
  el(tag: string, text: string, attrs = ''): this {
    this.open(tag, attrs);
    this.txt(text);
    return this.close(tag);
  }

  txt(text: string): this {
    this.text += text.length;
    this.parts.push(escapeHtml(text));
    return this;
  }

  raw(html: string): this {
    this.parts.push(html);
    return this;
  }

  toString(): string {
    return this.parts.join('');
  }
}

export function generatePage(corpus: Corpus, targetTextChars: number, seed: number): GeneratedPage {
  const rnd = seededRandom(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!;
  const chance = (p: number) => rnd() < p;
  const slug = (s: string) =>
    s
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '');

  // Paragraphs in a shuffled order that is reshuffled each time it runs out.
  let deck: string[] = [];
  const nextParagraph = (): string => {
    if (deck.length === 0) {
      deck = [...corpus.paragraphs];
      for (let i = deck.length - 1; i > 0; i--) {
        const j = Math.floor(rnd() * (i + 1));
        [deck[i], deck[j]] = [deck[j]!, deck[i]!];
      }
    }
    return deck.pop()!;
  };
  const sentences = (p: string) => p.match(/[^.!?]+[.!?]+[”’"]?/g) ?? [p];

  const w = new Writer();
  /** A paragraph with a few word runs wrapped in links, em and strong. */
  const richText = (text: string) => {
    const words = text.split(' ');
    const wraps = new Map<number, { len: number; tag: string }>();
    const n = Math.floor(rnd() * 4);
    for (let k = 0; k < n; k++) {
      const at = Math.floor(rnd() * words.length);
      const len = 1 + Math.floor(rnd() * 4);
      let free = true;
      for (let i = at - 4; i < at + len; i++) if (wraps.has(i)) free = false;
      if (free) wraps.set(at, { len, tag: pick(['a', 'a', 'em', 'strong']) });
    }
    for (let i = 0; i < words.length; i++) {
      if (i > 0) w.txt(' ');
      const wrap = wraps.get(i);
      if (!wrap) {
        w.txt(words[i]!);
        continue;
      }
      const run = words.slice(i, i + wrap.len).join(' ');
      const attrs = wrap.tag === 'a' ? `href="/topic/${slug(run) || 'x'}" class="inline-link"` : '';
      w.el(wrap.tag, run, attrs);
      i += wrap.len - 1;
    }
  };

  w.raw('<!doctype html>');
  w.open('html', 'lang="en"');
  w.open('head').raw('<meta charset="utf-8">');
  w.raw(`<meta name="viewport" content="width=device-width, initial-scale=1">`);
  w.open('title').raw(`Backstory bench page (${targetTextChars} chars)`).close('title');
  w.open('style').raw(STYLE).close('style');
  w.close('head');
  w.open('body');
  w.open('header', 'class="site-header"').open('nav', 'aria-label="Sections"').open('ul');
  for (const s of SECTIONS)
    w.open('li')
      .el('a', s, `href="/section/${slug(s)}"`)
      .close('li');
  w.close('ul').close('nav').close('header');
  w.open('div', 'class="layout"').open('main', 'id="main"');

  let paragraphs = 0;
  let articles = 0;
  while (w.text < targetTextChars) {
    const meta = corpus.articles[articles % corpus.articles.length]!;
    articles++;
    w.open('article', `class="story" id="story-${articles}"`);
    w.open('header', 'class="story-header"');
    w.open('p', 'class="kicker"').el('a', pick(SECTIONS), 'href="/section"').close('p');
    w.el('h1', meta.title);
    w.open('p', 'class="byline"').txt('By ');
    w.el('a', meta.authors[0] ?? `${meta.outlet} staff`, 'rel="author" href="/author"');
    w.txt(' · ').el('time', meta.date, `datetime="${meta.date}"`).close('p');
    w.close('header');
    w.open('div', 'class="story-body"');
    const sectionCount = 2 + Math.floor(rnd() * 4);
    for (let s = 0; s < sectionCount && w.text < targetTextChars; s++) {
      w.open('section', 'class="story-section"');
      if (s > 0) w.el('h2', sentences(nextParagraph())[0]!.slice(0, 80).trim());
      const paras = 3 + Math.floor(rnd() * 6);
      for (let i = 0; i < paras && w.text < targetTextChars; i++) {
        w.open('div', 'class="paragraph-wrapper"').open('p', 'class="paragraph"');
        richText(nextParagraph());
        w.close('p').close('div');
        paragraphs++;
        const extra = rnd();
        if (extra < 0.12) {
          const caption = sentences(nextParagraph())[0]!.trim();
          w.open('figure').raw('<div class="media" role="img" aria-label="Photo"></div>');
          w.open('figcaption').txt(caption).el('span', pick(CREDITS), 'class="credit"');
          w.close('figcaption').close('figure');
        } else if (extra < 0.2) {
          const quote = sentences(nextParagraph())[0]!.trim();
          w.open('blockquote').open('p').txt(quote).close('p');
          w.el('cite', meta.outlet).close('blockquote');
        } else if (extra < 0.28) {
          w.open('ul', 'class="key-points"');
          for (const sentence of sentences(nextParagraph()).slice(0, 4)) {
            w.open('li');
            richText(sentence.trim());
            w.close('li');
          }
          w.close('ul');
        }
      }
      if (chance(0.3)) {
        w.open('aside', 'class="related"').el('h3', 'Related').open('ul');
        for (let k = 0; k < 3; k++) {
          const title = pick(corpus.articles).title;
          w.open('li')
            .el('a', title, `href="/story/${slug(title)}"`)
            .close('li');
        }
        w.close('ul').close('aside');
      }
      w.close('section');
    }
    w.close('div');
    w.open('footer', 'class="tags"').open('ul');
    for (let k = 0; k < 3; k++) {
      const tag = pick(TAGS);
      w.open('li').el('a', tag, `href="/tag/${tag}"`).close('li');
    }
    w.close('ul').close('footer');
    w.close('article');
  }
  w.close('main');
  w.open('aside', 'class="sidebar"').el('h2', 'Most read').open('ol');
  for (const a of corpus.articles)
    w.open('li')
      .el('a', a.title, `href="/story/${slug(a.title)}"`)
      .close('li');
  w.close('ol').close('aside');
  w.close('div');
  w.open('footer', 'class="site-footer"').el('p', '© Bench News. Generated for benchmarking.');
  w.close('footer');
  w.close('body').close('html');
  return { html: w.toString(), textChars: w.text, elements: w.elements, paragraphs, articles };
}
