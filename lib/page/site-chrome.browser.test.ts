import { beforeEach, describe, expect, it } from 'vitest';
import { BlockCollector } from './collect';
import { siteChrome } from './site-chrome';

/** The text of the blocks the walk reads with the chrome test as its `exclude`. */
function read(html: string): string[] {
  document.body.innerHTML = html;
  const collector = new BlockCollector(document.body, { exclude: siteChrome(document) });
  while (!collector.next(() => false));
  return collector.blocks.map((b) => b.text.trim());
}

const links = (...texts: string[]) =>
  texts.map((t) => `<li><a href="/${t}">${t}</a></li>`).join('');

beforeEach(() => {
  document.body.innerHTML = '';
});

describe('siteChrome', () => {
  it('keeps marks in main: the page around it is chrome', () => {
    expect(
      read(
        `<div class="top"><a href="/">Home</a> Europe</div>` +
          `<main><h1>Putin speaks</h1><p>In Moscow.</p></main><div>Most read: Asia</div>`,
      ),
    ).toEqual(['Putin speaks', 'In Moscow.']);
  });

  it('skips landmarks: nav, page-level header and footer, aside, ARIA roles', () => {
    expect(
      read(
        `<header><p>Site name UK</p></header><nav><p>Europe</p></nav>` +
          `<div role="navigation"><p>Asia</p></div><div role="banner"><p>Africa</p></div>` +
          `<aside><p>Related: Iran</p></aside><p>Body about Kabul.</p>` +
          `<footer><p>Contact US</p></footer><div role="contentinfo"><p>London office</p></div>`,
      ),
    ).toEqual(['Body about Kabul.']);
  });

  it('keeps an article’s own header and footer (html-aam: not scoped to the body)', () => {
    expect(
      read(
        `<article><header><h1>Kerman attack</h1><p>By A. Writer</p></header>` +
          `<p>Text.</p><footer><p>Reported from Tehran</p></footer></article>`,
      ),
    ).toEqual(['Kerman attack', 'By A. Writer', 'Text.', 'Reported from Tehran']);
  });

  it('skips a list made mostly of links, not a list of points', () => {
    expect(
      read(
        `<div><ul>${links('Europe', 'Asia', 'Middle East', 'Africa')}</ul>` +
          `<ul><li>Iran said no; see <a href="/x">this</a>.</li><li>Russia said yes.</li>` +
          `<li>China waited.</li></ul></div>`,
      ),
    ).toEqual(['Iran said no; see this.', 'Russia said yes.', 'China waited.']);
  });

  it('does not take a wrapper named like chrome that holds half the page for chrome', () => {
    const story = '<p>Kabul is the capital of Afghanistan and a city of millions.</p>';
    expect(read(`<div class="footer">${story}</div><p>Short.</p>`)).toEqual([
      'Kabul is the capital of Afghanistan and a city of millions.',
      'Short.',
    ]);
    expect(read(`<div class="footer"><p>Contact us in Iran</p></div>${story}${story}`)).toEqual([
      'Kabul is the capital of Afghanistan and a city of millions.',
      'Kabul is the capital of Afghanistan and a city of millions.',
    ]);
  });

  it('takes one article that holds two thirds of the articles’ text as the main region', () => {
    const long = '<p>Kabul is the capital of Afghanistan and a city of millions.</p>'.repeat(3);
    expect(read(`<article>${long}</article><article><p>Teaser about Iran.</p></article>`)).toEqual(
      Array(3).fill('Kabul is the capital of Afghanistan and a city of millions.'),
    );
    expect(read(`<article>${long}</article><article>${long}</article>`).length).toBe(6);
  });

  it('skips elements whose class or id names chrome, not layouts that make room for it', () => {
    expect(
      read(
        `<div class="page has-sidebar"><div class="cookie-banner"><p>We use cookies in the UK</p></div>` +
          `<div id="most-read"><p><a href="/g">Gaza story</a></p></div><div class="sidebar_ad_fix"><p>Ad</p></div>` +
          `<div class="trendingSlider"><a href="/t">Trending: Iran</a></div><p>A plain blog post about Syria.</p></div>`,
      ),
    ).toEqual(['A plain blog post about Syria.']);
  });

  it('judges names alike however many distinct ones the page uses', () => {
    // More distinct id-and-class strings than the chrome test remembers at once.
    const many = Array.from({ length: 5_000 }, (_, i) => `<p class="para-${i}">Kabul ${i}</p>`);
    const banner = '<div class="cookie-banner"><p>Cookies</p></div>';
    const blocks = read(`<div>${banner}${many.join('')}${banner}<p class="para-0">Last</p></div>`);
    expect(blocks).toHaveLength(5_001);
    expect(blocks).not.toContain('Cookies');
    expect(blocks.at(-1)).toBe('Last');
  });

  it('reads a rail-named box of prose, not a rail of links', () => {
    expect(
      read(
        `<main><p>Story.</p><section class="related"><h2>Analysis</h2><p>ISIS-K adapted.</p></section>` +
          `<div class="related-stories"><p><a href="/1">Kabul</a></p><p><a href="/2">Kerman</a></p></div></main>`,
      ),
    ).toEqual(['Story.', 'Analysis', 'ISIS-K adapted.']);
  });

  it('skips a box about the writer', () => {
    const story = 'A long story about Gaza. '.repeat(10).trim();
    expect(
      read(
        `<main><p>${story}</p><div class="authorprofile"><h2>About the author</h2>` +
          `<p class="authorprofile-biography">She has worked in Toronto, London and Montreal.</p></div>` +
          `<div class="author-bio"><p>He covered Iran.</p></div><div class="about-the-author">Kabul</div></main>`,
      ),
    ).toEqual([story]);
  });

  it('reads a widget’s open shadow root where its host is, in main', () => {
    document.body.innerHTML = '<main><p>Light</p><news-quote></news-quote></main><p>Outside</p>';
    const host = document.querySelector('news-quote')!;
    host.attachShadow({ mode: 'open' }).innerHTML = '<blockquote><p>In the shadow</p></blockquote>';
    const collector = new BlockCollector(document.body, { exclude: siteChrome(document) });
    while (!collector.next(() => false));
    expect(collector.blocks.map((b) => b.text.trim())).toEqual(['Light', 'In the shadow']);
  });

  it('never takes the element holding the article or its title for chrome', () => {
    expect(read(`<div class="nav-wrapper"><h1>Title</h1><p>Story</p></div>`)).toEqual([
      'Title',
      'Story',
    ]);
  });

  it('marks a page without any structure', () => {
    expect(read(`<div><p>One.</p><p>Two about Kabul.</p></div>`)).toEqual([
      'One.',
      'Two about Kabul.',
    ]);
  });

  it('uses one dominant article as the main region, not one of many teasers', () => {
    const story = '<p>' + 'A long story about Afghanistan. '.repeat(20) + '</p>';
    expect(
      read(`<p>Outside</p><article>${story}</article><article><p>Teaser</p></article>`),
    ).toEqual([story.replace(/<\/?p>/g, '').trim()]);
    expect(
      read(
        `<p>Outside</p><article><p>Teaser one</p></article><article><p>Teaser two</p></article>`,
      ),
    ).toEqual(['Outside', 'Teaser one', 'Teaser two']);
  });

  it('is not fooled by form fields that shadow element properties', () => {
    expect(
      read(
        `<form><input name="id"><input name="className"><input name="classList"><p>Comment on Iran</p></form>` +
          `<form class="share"><input name="textContent"><p>Share</p></form>`,
      ),
    ).toEqual(['Comment on Iran']);
  });
});
