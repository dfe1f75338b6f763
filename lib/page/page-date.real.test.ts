import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Window } from 'happy-dom';
import { describe, expect, it } from 'vitest';
import { readPageDate } from './page-date';
import { REAL_PAGES_DIR, realPageNames } from '../../tests/real-pages/pages';

/**
 * The date each real saved page states, checked by hand against the page
 * (metadata, byline); `null` where the page states none.
 */
const STATED: Record<string, string | null> = {
  'afghanistan-schoolgirls-poisoned-khaama.html': '2016-04-23',
  'apple-overseas-profits-bloomberg.html': '2016-12-07',
  'boingboing-dr-laura-blog-post.html': '2010-08-18',
  'bpa-exposure-study-scientificamerican.html': null,
  'capital-inflows-tax-carnegie.html': null,
  'climate-action-without-us-nature.html': '2025-11-03',
  'cloud-gaming-services-wsj.html': '2019-11-19',
  'gaza-city-satellite-damage-npr.html': '2023-11-09',
  'hacker-news-front-page.html': null,
  'hake-fishery-recovery-euronews-fr.html': '2024-04-30',
  // The ReportageNewsArticle's own date, not its images' (2024-08-07 and earlier).
  'hamas-sinwar-gaza-cbc.html': '2024-08-08',
  'hamburg-islamists-caliphate-derstandard-de.html': '2024-05-03',
  'india-pakistan-missile-strikes-nationalpost.html': '2025-05-07',
  'iran-protest-deaths-amnesty-panarmenian.html': null,
  'israel-gaza-taoiseach-irishtimes.html': '2023-11-03',
  'israel-hamas-live-repubblica-it.html': '2023-11-01',
  'israeli-settlements-world-reaction-albawaba.html': '2019-11-20',
  // The byline: <span itemprop="datePublished" content="2016-09-13T07:00-500">.
  'nasa-black-women-mathematicians-washingtonpost.html': '2016-09-13',
  'new-york-covid-burials-bbc.html': '2020-04-10',
  'nigeria-economy-growth-quartz.html': '2020-02-24',
  'nyc-nj-bombings-rahami-arrest-nytimes.html': '2016-09-19',
  'olympics-basketball-ntv-de.html': '2024-08-05',
  'omar-threat-guilty-plea-thehill.html': '2019-11-18',
  'orlando-gunman-father-afghanistan-ap.html': null,
  'pakistan-anti-terror-operation-timesofindia.html': '2024-09-02',
  'putin-nuclear-test-ban-foxnews.html': '2023-11-02',
  'red-sox-chris-sale-trade-sbnation.html': '2016-12-06',
  // "this post was submitted on <time datetime=…>" in the thread's main region.
  'reddit-androidapps-thread.html': '2016-06-11',
  'syria-turkey-assad-offensive-globalnews.html': '2020-03-02',
  'trump-transition-cnn.html': '2016-11-29',
  'us-open-tennis-murray-inews.html': '2023-08-30',
  'wikipedia-charles-darwin.html': null,
  'yahoo-uk-front-page.html': null,
};

describe('readPageDate on the real pages', () => {
  // A parser only: no script, style, frame or preload of the saved page is fetched.
  const window: Window = new Window({
    url: 'http://127.0.0.1/',
    settings: {
      disableJavaScriptFileLoading: true,
      disableCSSFileLoading: true,
      disableIframePageLoading: true,
      disableComputedStyleRendering: true,
      fetch: {
        interceptor: { beforeAsyncRequest: async () => new window.Response('', { status: 404 }) },
      },
    },
  });
  it('covers every real page', () => {
    expect(Object.keys(STATED).sort()).toEqual(realPageNames());
  });
  for (const [page, date] of Object.entries(STATED)) {
    it(`${page}: ${date ?? 'none'}`, () => {
      const html = readFileSync(join(REAL_PAGES_DIR, page), 'utf8');
      const doc = new window.DOMParser().parseFromString(html, 'text/html');
      expect(readPageDate(doc as unknown as Document) ?? null).toBe(date);
    });
  }
});
