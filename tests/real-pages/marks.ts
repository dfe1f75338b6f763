/**
 * Reads every mark the extension shows on a real saved page, with its context and
 * the landmark it sits in, for the real-page suite and `npm run precision`.
 *
 * The landmark is worked out here from the ARIA mapping of HTML (html-aam), on its
 * own and not with the extension's code, so the check does not grade itself.
 */
import type { Frame, Page } from 'playwright-core';
import type { EntityIndex } from '../e2e/expectations';

/** Landmark roles whose content is the site around the article, never the article. */
const CHROME_ROLES = [
  'navigation',
  'banner',
  'contentinfo',
  'complementary',
  'menu',
  'menubar',
] as const;

export interface PageMark {
  page: string;
  /** The highlight's category (`backstory-place` → `place`). */
  category: string;
  text: string;
  /** The entities the marked text is an alias of (usually one). */
  entities: string[];
  /** Up to 40 characters either side, within the mark's block, whitespace collapsed. */
  before: string;
  after: string;
  /** Landmark roles around the mark, outermost first (`main > article`), or `none`. */
  landmark: string;
  /** In a chrome landmark, or outside the page's main/article region when it has one. */
  inChrome: boolean;
}

/** Identifies one distinct mark across runs: page, entity, text and its immediate context. */
export function markKey(m: Pick<PageMark, 'page' | 'entities' | 'text' | 'before' | 'after'>) {
  return `${m.page} | ${m.entities.join('+')} | ${m.before.slice(-20)}[${m.text}]${m.after.slice(0, 20)}`;
}

interface RawMark {
  name: string;
  text: string;
  before: string;
  after: string;
  roles: string[];
  outsideMain: boolean;
  position: string;
}

/** In the page: the marks registered now, with context and landmarks. */
function readRegisteredMarks(chromeRoles: readonly string[]): RawMark[] {
  const flat = (s: string) => s.replace(/\s+/g, ' ');
  const parentOf = (n: Node): Element | null =>
    n.parentElement ?? ((n.getRootNode() as ShadowRoot).host || null);
  const isInline = (el: Element) => getComputedStyle(el).display.startsWith('inline');
  const blockOf = (n: Node): Element => {
    let el = n instanceof Element ? n : parentOf(n)!;
    while (isInline(el) && parentOf(el)) el = parentOf(el)!;
    return el;
  };
  const SECTIONING =
    'article, aside, main, nav, section, [role=article], [role=complementary], [role=main], [role=navigation], [role=region]';
  const named = (el: Element) =>
    el.hasAttribute('aria-label') || el.hasAttribute('aria-labelledby');
  const roleOf = (el: Element): string | null => {
    const explicit = el.getAttribute('role')?.trim().split(/\s+/)[0];
    if (explicit) return explicit;
    switch (el.localName) {
      case 'nav':
        return 'navigation';
      case 'main':
        return 'main';
      case 'article':
        return 'article';
      case 'aside': {
        const scope = el.parentElement?.closest('article, aside, nav, section');
        return !scope || named(el) ? 'complementary' : null;
      }
      case 'header':
        return el.parentElement?.closest(SECTIONING) ? null : 'banner';
      case 'footer':
        return el.parentElement?.closest(SECTIONING) ? null : 'contentinfo';
      default:
        return null;
    }
  };
  const LANDMARKS = new Set([...chromeRoles, 'main', 'article', 'region', 'search', 'form']);
  const mains = [...document.querySelectorAll('main, [role=main]')];
  // Without `main`, one top-level article is the page's content; several are teasers.
  const articles = [...document.querySelectorAll('article, [role=article]')].filter(
    (a) => !a.parentElement?.closest('article, [role=article]'),
  );
  const regions = mains.length > 0 ? mains : articles.length === 1 ? articles : [];
  const out: RawMark[] = [];
  CSS.highlights.forEach((highlight, name) => {
    if (!name.startsWith('backstory-')) return;
    highlight.forEach((abstract) => {
      const range = document.createRange();
      range.setStart(abstract.startContainer, abstract.startOffset);
      range.setEnd(abstract.endContainer, abstract.endOffset);
      const block = blockOf(range.commonAncestorContainer);
      const head = document.createRange();
      head.selectNodeContents(block);
      head.setEnd(range.startContainer, range.startOffset);
      const tail = document.createRange();
      tail.selectNodeContents(block);
      tail.setStart(range.endContainer, range.endOffset);
      const roles: string[] = [];
      for (let el = parentOf(range.startContainer); el; el = parentOf(el)) {
        const role = roleOf(el);
        if (role && LANDMARKS.has(role)) roles.unshift(role);
      }
      const position: number[] = [abstract.startOffset];
      for (let n: Node | null = abstract.startContainer; n;) {
        const parent: Node | null = n.parentNode;
        if (parent) position.unshift(Array.prototype.indexOf.call(parent.childNodes, n));
        n = parent ?? (n instanceof ShadowRoot ? n.host : null);
      }
      out.push({
        name,
        text: flat(range.toString()),
        before: flat(head.toString()).slice(-40).trimStart(),
        after: flat(tail.toString()).slice(0, 40).trimEnd(),
        roles,
        outsideMain: regions.length > 0 && !regions.some((r) => r.contains(range.startContainer)),
        position: position.join('.'),
      });
    });
  });
  return out;
}

// As source text: tsx (esbuild keepNames) would otherwise call a `__name` helper the page lacks.
const IN_PAGE = `(() => { const __name = (f) => f; return (${readRegisteredMarks.toString()})(${JSON.stringify(CHROME_ROLES)}); })()`;

/** Waits until the extension has read the whole page (its `backstory:indexed` mark). */
export async function waitForIndexed(target: Page | Frame, timeout = 30_000): Promise<void> {
  await target.waitForFunction(
    () => performance.getEntriesByName('backstory:indexed').length > 0,
    null,
    { timeout, polling: 100 },
  );
}

const frames = (page: Page) =>
  page.evaluate(
    () => new Promise<void>((ok) => requestAnimationFrame(() => requestAnimationFrame(() => ok()))),
  );

/**
 * Scrolls down the page two viewports at a time and back to the top, calling
 * `atEachStop` once the frame after each stop has been painted.
 */
export async function scrollThrough(page: Page, atEachStop?: () => Promise<void>): Promise<void> {
  const { height, total } = await page.evaluate(() => ({
    height: window.innerHeight,
    total: document.documentElement.scrollHeight,
  }));
  for (let top = 0; ; top += 2 * height) {
    await page.evaluate((top) => window.scrollTo({ top, behavior: 'instant' }), top);
    await frames(page);
    await frames(page);
    await atEachStop?.();
    if (top + height >= total) break;
  }
  await page.evaluate(() => window.scrollTo({ top: 0, behavior: 'instant' }));
}

/**
 * Every mark on the page: the extension registers the marks of blocks within a
 * viewport of the screen, so they are read at each stop of a scroll through it.
 */
export async function readMarks(page: Page, name: string, index: EntityIndex): Promise<PageMark[]> {
  const found = new Map<string, RawMark>();
  await scrollThrough(page, async () => {
    for (const m of await page.evaluate<RawMark[]>(IN_PAGE))
      found.set(`${m.name} ${m.position}`, m);
  });
  return [...found.values()].map((m) => ({
    page: name,
    category: m.name.replace(/^backstory-/, ''),
    text: m.text,
    entities: index.entitiesOf(m.text),
    before: m.before,
    after: m.after,
    landmark: m.roles.join(' > ') || 'none',
    inChrome: m.outsideMain || m.roles.some((r) => (CHROME_ROLES as readonly string[]).includes(r)),
  }));
}

/** Runs `task` over `items` with at most `limit` at a time, keeping the input order. */
export async function mapLimit<T, R>(
  items: readonly T[],
  limit: number,
  task: (item: T) => Promise<R>,
): Promise<R[]> {
  const out: R[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      out[i] = await task(items[i]!);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return out;
}
