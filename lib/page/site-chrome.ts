/**
 * Site chrome: the navigation, banners, footers, rails, link lists, cookie and ad
 * slots around an article. Backstory marks the article, not the site around it.
 *
 * Only the DOM is read (tags, roles, attributes, text lengths), never style or
 * layout: the predicate runs for every element the walk meets and on the
 * mutation path, where a layout read would force a reflow per call.
 */

/** Roles whose subtree is chrome wherever they appear (WAI-ARIA 1.2 landmarks and menus). */
const CHROME_ROLES = new Set([
  'navigation',
  'banner',
  'contentinfo',
  'complementary',
  'menu',
  'menubar',
  'search',
]);

/**
 * html-aam: `header`/`footer` are banner/contentinfo only when scoped to the body,
 * i.e. not inside these; `aside` is complementary when scoped to the body or `main`.
 */
const SECTIONING =
  'article, aside, main, nav, section, [role=article], [role=complementary], [role=main], [role=navigation], [role=region]';
const ASIDE_SCOPE = 'article, aside, nav, section, [role=article], [role=region]';

/**
 * Words in class and id names that sites use for chrome (`site-footer`,
 * `cookie-banner`, `sidebar_ad_fix`, `article_rhs`, `trending_slider`): a name
 * is split at `-`, `_` and camel case. A name with a state word (`has-sidebar`,
 * `with-rail`, `no-ads`) describes a layout, not the thing it makes room for.
 */
const CHROME_WORDS = new Set([
  'nav',
  'navbar',
  'navigation',
  'menu',
  'megamenu',
  'breadcrumb',
  'breadcrumbs',
  'sidebar',
  'rail',
  'rhs',
  'masthead',
  'footer',
  'cookie',
  'cookies',
  'consent',
  'gdpr',
  'ad',
  'ads',
  'advert',
  'adverts',
  'advertisement',
  'sponsored',
  'promo',
  'related',
  'recommended',
  'trending',
  'mostread',
  'newsletter',
  'share',
  'sharing',
  'social',
  'outbrain',
  'taboola',
]);
const STATE_WORDS = new Set(['has', 'with', 'no', 'is', 'show', 'hide', 'without']);

function namesChrome(name: string): boolean {
  const words = name
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .toLowerCase()
    .split(/[\s_-]+/);
  if (words.some((w) => STATE_WORDS.has(w))) return false;
  return words.some((w) => CHROME_WORDS.has(w)) || /most[-_]?(read|popular|viewed)/i.test(name);
}

/** A list is a link list when at least this share of its text is link text. */
const LINK_LIST_DENSITY = 0.8;
/** …and it has at least this many links (a one-link bullet in a story is content). */
const LINK_LIST_MIN_LINKS = 3;

const LISTS = new Set(['ul', 'ol', 'menu', 'dl']);

function roleOf(el: Element): string | null {
  const explicit = el.getAttribute('role');
  if (explicit) return explicit.trim().split(/\s+/)[0]!.toLowerCase();
  switch (el.localName) {
    case 'nav':
      return 'navigation';
    case 'aside': {
      const named = el.hasAttribute('aria-label') || el.hasAttribute('aria-labelledby');
      return named || !el.parentElement?.closest(ASIDE_SCOPE) ? 'complementary' : null;
    }
    case 'header':
      return el.parentElement?.closest(SECTIONING) ? null : 'banner';
    case 'footer':
      return el.parentElement?.closest(SECTIONING) ? null : 'contentinfo';
    default:
      return null;
  }
}

const letters = (s: string | null) => (s ?? '').replace(/[^\p{L}\p{N}]/gu, '').length;

function isLinkList(el: Element): boolean {
  if (!LISTS.has(el.localName) && el.getAttribute('role') !== 'list') return false;
  const links = el.querySelectorAll('a[href]');
  if (links.length < LINK_LIST_MIN_LINKS) return false;
  const total = letters(el.textContent);
  if (total === 0) return false;
  let linked = 0;
  for (const a of links) linked += letters(a.textContent);
  return linked / total >= LINK_LIST_DENSITY;
}

function hasChromeName(el: Element): boolean {
  if (el.id && namesChrome(el.id)) return true;
  for (const token of el.classList) if (namesChrome(token)) return true;
  return false;
}

/** A chrome name on an element holding the article or its title is a page wrapper's. */
const CONTENT_INSIDE = 'article, main, [role=main], [role=article], h1';
/** Nor does chrome hold half of the page's text: such an element is the page. */
const CHROME_MAX_SHARE = 0.5;

/**
 * The page's main content: `main`/`[role=main]`, or else its article when one
 * `article` clearly dominates (a front page of article teasers has none).
 */
function mainRegions(doc: Document): Element[] {
  const mains = [...doc.querySelectorAll('main, [role=main]')].filter(
    (el) => !(el as HTMLElement).hidden,
  );
  if (mains.length > 0) return mains;
  const articles = [...doc.querySelectorAll('article, [role=article]')].filter(
    (el) => !el.parentElement?.closest('article, [role=article]'),
  );
  if (articles.length <= 1) return articles;
  const sizes = articles.map((a) => letters(a.textContent));
  const total = sizes.reduce((a, b) => a + b, 0);
  const largest = Math.max(...sizes);
  return total > 0 && largest >= (2 / 3) * total ? [articles[sizes.indexOf(largest)]!] : [];
}

export interface SiteChrome {
  /** Whether `el` and everything in it is site chrome (given its ancestors are not). */
  (el: Element): boolean;
}

/**
 * A chrome test for one document. The main region is found on first use and
 * kept while it stays in the document (the predicate is called per element).
 */
export function siteChrome(doc: Document): SiteChrome {
  let regions: Element[] | null = null;
  let pageLetters: number | undefined;
  const current = () => {
    if (!regions || regions.some((r) => !r.isConnected)) regions = mainRegions(doc);
    return regions;
  };
  return (el) => {
    if (el === doc.documentElement || el === doc.body) return false;
    const main = current();
    if (main.length > 0) {
      if (main.some((r) => el.contains(r))) return false;
      if (!main.some((r) => r.contains(el))) return true;
    }
    const role = roleOf(el);
    if (role && CHROME_ROLES.has(role)) return true;
    if (isLinkList(el)) return true;
    if (!hasChromeName(el) || el.querySelector(CONTENT_INSIDE)) return false;
    pageLetters ??= letters(doc.body?.textContent ?? '');
    return letters(el.textContent) < CHROME_MAX_SHARE * pageLetters;
  };
}
