/**
 * Site chrome: the navigation, banners, footers, rails, link lists, cookie and ad
 * slots around an article. Backstory marks the article, not the site around it.
 *
 * Only the DOM is read (tags, roles, attributes, text lengths), never style or
 * layout: the predicate runs for every element the walk meets and on the
 * mutation path, where a layout read would force a reflow per call.
 */

/**
 * The DOM's own accessors, called on the element: a `<form>`'s fields shadow its
 * properties (`form.id` is `<input name="id">`: HTML's [LegacyOverrideBuiltIns]),
 * and real pages have such forms (the saved Reddit thread does).
 */
function getter(name: string): (this: Node) => unknown {
  for (let proto: object | null = Element.prototype; proto; proto = Object.getPrototypeOf(proto)) {
    const get = Object.getOwnPropertyDescriptor(proto, name)?.get;
    if (get) return get as (this: Node) => unknown;
  }
  throw new Error(`no DOM getter ${name}`);
}
const LOCAL_NAME = getter('localName');
const PARENT = getter('parentElement');
const TEXT = getter('textContent');
const dom = {
  name: (el: Element) => LOCAL_NAME.call(el) as string,
  attr: (el: Element, name: string) => Element.prototype.getAttribute.call(el, name),
  parent: (el: Element) => PARENT.call(el) as Element | null,
  text: (n: Node) => (TEXT.call(n) as string | null) ?? '',
  closest: (el: Element, selector: string) => Element.prototype.closest.call(el, selector),
  find: (el: Element, selector: string) => Element.prototype.querySelector.call(el, selector),
  findAll: (el: Element, selector: string) => Element.prototype.querySelectorAll.call(el, selector),
  contains: (a: Node, b: Node) => Node.prototype.contains.call(a, b),
};

const ROOT_NODE = Node.prototype.getRootNode;

/**
 * Containment in the composed tree: a widget's shadow root is where its host is. Asked
 * for every element the walk meets: the native `contains` climbs the tree, and only a
 * node in a shadow tree goes on from its host.
 */
function holds(region: Element, el: Element): boolean {
  for (let n: Node = el; ;) {
    if (dom.contains(region, n)) return true;
    const root = ROOT_NODE.call(n) as Node;
    if (!(root instanceof ShadowRoot)) return false;
    n = root.host;
  }
}

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
 * `cookie-banner`, `sidebar_ad_fix`): a name is split at `-`, `_` and camel case.
 * A name with a state word (`has-sidebar`, `with-rail`, `no-ads`) describes a
 * layout, not the thing it makes room for.
 */
const CHROME_WORDS = new Set([
  'nav',
  'navbar',
  'navigation',
  'menu',
  'megamenu',
  'breadcrumb',
  'breadcrumbs',
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
  'newsletter',
  'share',
  'sharing',
  'social',
  'outbrain',
  'taboola',
]);
/**
 * Words for rails (`article_rhs`, `trending_slider`, `related`, `most-read`):
 * chrome when they hold mostly links, not when they hold prose (a "related
 * analysis" box with paragraphs of its own is read).
 */
const RAIL_WORDS = new Set([
  'sidebar',
  'rail',
  'rhs',
  'promo',
  'related',
  'recommended',
  'trending',
  'mostread',
  'popular',
]);
const STATE_WORDS = new Set(['has', 'with', 'no', 'is', 'show', 'hide', 'without']);
/**
 * A box about the writer (`authorprofile-biography`, `author-bio`, `about-the-author`):
 * where they worked and what they wrote before is not the story (CBC's
 * “worked for the national broadcaster in Toronto, London, Montreal”).
 */
const AUTHOR_BOX =
  /author[-_]?(bio|biography|profile|box|card|details)|about[-_]?(the[-_]?)?author/i;
const RAIL_LINK_DENSITY = 0.5;

/** What a class or id name says: chrome, a rail, or nothing. */
function nameKind(name: string): 'chrome' | 'rail' | null {
  const words = name
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .toLowerCase()
    .split(/[\s_-]+/);
  if (words.some((w) => STATE_WORDS.has(w))) return null;
  if (words.some((w) => CHROME_WORDS.has(w)) || AUTHOR_BOX.test(name)) return 'chrome';
  if (words.some((w) => RAIL_WORDS.has(w)) || /most[-_]?(read|popular|viewed)/i.test(name))
    return 'rail';
  return null;
}

/** A list is a link list when at least this share of its text is link text. */
const LINK_LIST_DENSITY = 0.8;
/** …and it has at least this many links (a one-link bullet in a story is content). */
const LINK_LIST_MIN_LINKS = 3;

const LISTS = new Set(['ul', 'ol', 'menu', 'dl']);

function roleOf(el: Element): string | null {
  const explicit = dom.attr(el, 'role');
  if (explicit) return explicit.trim().split(/\s+/)[0]!.toLowerCase();
  const scoped = (selector: string) => {
    const parent = dom.parent(el);
    return parent !== null && dom.closest(parent, selector) !== null;
  };
  switch (dom.name(el)) {
    case 'nav':
      return 'navigation';
    case 'aside': {
      const named = dom.attr(el, 'aria-label') !== null || dom.attr(el, 'aria-labelledby') !== null;
      return named || !scoped(ASIDE_SCOPE) ? 'complementary' : null;
    }
    case 'header':
      return scoped(SECTIONING) ? null : 'banner';
    case 'footer':
      return scoped(SECTIONING) ? null : 'contentinfo';
    default:
      return null;
  }
}

const letters = (s: string) => s.replace(/[^\p{L}\p{N}]/gu, '').length;

const CREATE_WALKER = Document.prototype.createTreeWalker;

/**
 * The length of the text under `root`, counted text node by text node, stopping once it
 * reaches `enough`. Not `textContent`: on a 5 MB page that builds a 5 MB string (130 ms and
 * a 40 ms collection in one go, inside a TreeWalker filter).
 */
function textLength(root: Node, enough = Infinity): number {
  const doc = root.ownerDocument ?? (root as Document);
  const walker = CREATE_WALKER.call(doc, root, NodeFilter.SHOW_TEXT);
  let length = 0;
  while (length < enough && walker.nextNode()) length += (walker.currentNode as Text).length;
  return length;
}

/** The share of an element's letters that are in links. */
function linkDensity(el: Element): number {
  const total = letters(dom.text(el));
  if (total === 0) return 0;
  let linked = 0;
  for (const a of dom.findAll(el, 'a[href]')) linked += letters(dom.text(a));
  return linked / total;
}

function isLinkList(el: Element): boolean {
  if (!LISTS.has(dom.name(el)) && dom.attr(el, 'role') !== 'list') return false;
  return (
    dom.findAll(el, 'a[href]').length >= LINK_LIST_MIN_LINKS && linkDensity(el) >= LINK_LIST_DENSITY
  );
}

type NameKind = 'chrome' | 'rail' | null;

/** What an element's id and class names (`names`, space-separated) say together. */
function namesKind(names: string): NameKind {
  let kind: NameKind = null;
  for (const name of names.split(/\s+/)) {
    const k = name === '' ? null : nameKind(name);
    if (k === 'chrome') return k;
    kind ??= k;
  }
  return kind;
}

/** Distinct id-and-class strings remembered per document before the memo starts again. */
const NAMES_MEMO_MAX = 4_096;

/**
 * `namesKind` of an element, remembered by its id and class as written: a page repeats a
 * few hundred of them over tens of thousands of elements (splitting and lower-casing each
 * element's names took 120 of this test's 250 ms on a 5 MB page; with the memo the whole
 * test took 204). A page that names every element differently only refills the memo.
 */
function chromeNames(): (el: Element) => NameKind {
  const memo = new Map<string, NameKind>();
  return (el) => {
    const names = `${dom.attr(el, 'id') ?? ''} ${dom.attr(el, 'class') ?? ''}`;
    let kind = memo.get(names);
    if (kind === undefined) {
      kind = namesKind(names);
      if (memo.size >= NAMES_MEMO_MAX) memo.clear();
      memo.set(names, kind);
    }
    return kind;
  };
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
    (el) => dom.attr(el, 'hidden') === null,
  );
  if (mains.length > 0) return mains;
  const articles = [...doc.querySelectorAll('article, [role=article]')].filter((el) => {
    const parent = dom.parent(el);
    return parent === null || dom.closest(parent, 'article, [role=article]') === null;
  });
  if (articles.length <= 1) return articles;
  const sizes = articles.map((a) => textLength(a));
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
  const chromeName = chromeNames();
  const current = () => {
    if (!regions || regions.some((r) => !r.isConnected)) regions = mainRegions(doc);
    return regions;
  };
  return (el) => {
    if (el === doc.documentElement || el === doc.body) return false;
    const main = current();
    if (main.length > 0) {
      if (main.some((r) => dom.contains(el, r))) return false;
      if (!main.some((r) => holds(r, el))) return true;
    }
    const role = roleOf(el);
    if (role && CHROME_ROLES.has(role)) return true;
    if (isLinkList(el)) return true;
    const kind = chromeName(el);
    if (!kind || dom.find(el, CONTENT_INSIDE)) return false;
    // Half of the page or more: counting the page stops as soon as it is past twice this.
    const own = textLength(el);
    if (doc.body && textLength(doc.body, own / CHROME_MAX_SHARE + 1) * CHROME_MAX_SHARE <= own) {
      return false;
    }
    return kind === 'chrome' || linkDensity(el) >= RAIL_LINK_DENSITY;
  };
}
