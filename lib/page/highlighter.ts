import { categories, categoryInfo, type Category } from '../catalog/category';
import { markVariantOf } from './mark-contrast';
import type { Mark } from './mention-index';
import type { Rgb } from './page-theme';

/**
 * Marks mentions with the CSS Custom Highlight API: one highlight per category,
 * no element wrapped, no text node touched. Marks are static ranges: a live range
 * slows every DOM change the page makes (see scratch-range.ts). Painting cost grows
 * with registered ranges, so only blocks in or near the viewport get theirs registered.
 */

/** Where a mark sits, which decides how it is drawn so it always stands out (see LOOK). */
export interface MarkVariant {
  /** The block's effective background is dark: light lines and tint. */
  onDark: boolean;
  /** Inside a link: the line goes over the text so the link keeps its own underline. */
  inLink: boolean;
}

const PLAIN: MarkVariant = { onDark: false, inLink: false };

/** `backstory-<category>` on light backgrounds, with `-in-link` / `-on-dark` variants. */
export const highlightName = (c: Category, v: MarkVariant = PLAIN) =>
  `backstory-${c}${v.inLink ? '-in-link' : ''}${v.onDark ? '-on-dark' : ''}`;

export const markVariants: readonly MarkVariant[] = [false, true].flatMap((onDark) =>
  [false, true].map((inLink) => ({ onDark, inLink })),
);

/** The highlight a temporarily revealed (unmarked) mention is drawn with. */
export const REVEAL_HIGHLIGHT = 'backstory-revealed';

/**
 * Which elements the `::highlight()` rules match. Chromium resolves a highlight style for
 * every element a rule matches, on every style pass, mark or no mark: rules matching every
 * element made the style passes of Speedometer's to-do apps about 40 % slower. Chromium
 * implements highlight inheritance (CSS Pseudo-Elements 4, §3.5 "Inheritance"), so rules
 * on the root reach every element, shadow trees included, for the cost of one. Firefox 140
 * does not inherit highlight styles: there the rules match every element, and each shadow
 * root needs its own copy.
 */
export type HighlightScope = 'root' | 'every-element';

/** The scope for a build's target browser (WXT's `browser`: chrome, firefox, edge…). */
export const highlightScopeFor = (browser: string): HighlightScope =>
  browser === 'firefox' ? 'every-element' : 'root';

export function highlightCss(scope: HighlightScope): string {
  const on = scope === 'root' ? ':root' : '';
  const rules = categories.flatMap((c) =>
    markVariants.map((v) => {
      const { line, color } = categoryInfo[c];
      const rgb = v.onDark ? color.dark : color.light;
      const tint = v.onDark ? 0.18 : 0.1;
      const where = v.inLink ? 'overline' : 'underline';
      return `${on}::highlight(${highlightName(c, v)}) { background-color: rgb(${rgb} / ${tint}); text-decoration: ${where} ${line} rgb(${rgb}); }`;
    }),
  );
  // The page's own text colour: a revealed mention reads as "a name is here", not as a category.
  rules.push(
    `${on}::highlight(${REVEAL_HIGHLIGHT}) { background-color: rgb(127 127 127 / 0.16); text-decoration: underline dotted currentColor; }`,
  );
  return rules.join('\n');
}

/** Adds our highlight styles to a document or shadow root without adding a node. */
export function adoptHighlightStyles(
  target: Document | ShadowRoot,
  sheet: CSSStyleSheet,
): () => void {
  target.adoptedStyleSheets = [...target.adoptedStyleSheets, sheet];
  return () => {
    target.adoptedStyleSheets = target.adoptedStyleSheets.filter((s) => s !== sheet);
  };
}

/** The marks of one block container, made only when it comes near the viewport. */
export type MarksOf = (container: Element) => readonly Mark[];

export class Highlighter {
  private readonly highlights = new Map<string, Highlight>();
  private containers: ReadonlySet<Element> = new Set();
  private readonly painted = new Map<Element, { highlight: Highlight; range: AbstractRange }[]>();
  /** The painted block each text node a mark starts or ends in belongs to. */
  private readonly paintedAt = new WeakMap<Node, Element>();
  /** Effective backgrounds, shared by the blocks of one paint pass. */
  private backgrounds = new WeakMap<Element, Rgb>();
  private readonly observer: IntersectionObserver;

  constructor(
    private readonly registry: HighlightRegistry,
    private readonly marksOf: MarksOf,
  ) {
    for (const c of categories) {
      for (const v of markVariants) {
        const h = new Highlight();
        this.highlights.set(highlightName(c, v), h);
        registry.set(highlightName(c, v), h);
      }
    }
    // One viewport above and below: scrolling reveals marks that are already there.
    this.observer = new IntersectionObserver((entries) => this.onIntersect(entries), {
      rootMargin: '100% 0px 100% 0px',
    });
  }

  /** Replaces what is marked (after new text was read or a settings change). */
  setMarked(next: ReadonlySet<Element>, near: Iterable<Element> = []): void {
    for (const el of this.containers) if (!next.has(el)) this.observer.unobserve(el);
    for (const el of next) if (!this.containers.has(el)) this.observer.observe(el);
    this.containers = next;
    const wasPainted = [...this.painted.keys()].filter((el) => next.has(el));
    // The page may have restyled since (a dark-mode switch): read backgrounds afresh.
    this.backgrounds = new WeakMap();
    for (const h of this.highlights.values()) h.clear();
    this.painted.clear();
    for (const el of wasPainted) this.paint(el);
    // The observer reports these too, a few frames later; painting now saves those frames.
    for (const el of near) if (next.has(el) && !this.painted.has(el)) this.paint(el);
  }

  private paint(el: Element): void {
    const marks = this.marksOf(el).map(({ category, range }) => ({
      highlight: this.highlights.get(
        highlightName(category, markVariantOf(range, this.backgrounds)),
      )!,
      range,
    }));
    this.painted.set(el, marks);
    for (const { highlight, range } of marks) {
      highlight.add(range);
      this.paintedAt.set(range.startContainer, el);
      this.paintedAt.set(range.endContainer, el);
    }
  }

  /**
   * The page rewrote `node`: a mark over it is a static range, which keeps its offsets
   * whatever the text now says, so the block's marks come down at once. The block stays
   * painted (with nothing) and is drawn again when the rewritten text has been read.
   */
  forget(node: Node): void {
    const el = this.paintedAt.get(node);
    if (!el || !this.painted.get(el)?.length) return;
    this.unpaint(el);
    this.painted.set(el, []);
  }

  private unpaint(el: Element): void {
    for (const { highlight, range } of this.painted.get(el) ?? []) highlight.delete(range);
    this.painted.delete(el);
  }

  private onIntersect(entries: IntersectionObserverEntry[]): void {
    for (const e of entries) {
      if (e.isIntersecting && this.containers.has(e.target)) {
        if (!this.painted.has(e.target)) this.paint(e.target);
      } else if (!e.isIntersecting) {
        this.unpaint(e.target);
      }
    }
  }

  /** Ranges currently registered, for the benchmark and tests. */
  get registeredCount(): number {
    let n = 0;
    for (const h of this.highlights.values()) n += h.size;
    return n;
  }

  dispose(): void {
    this.observer.disconnect();
    for (const name of this.highlights.keys()) this.registry.delete(name);
  }
}
