import { categories, type Category } from '../catalog/schema';

/**
 * Marks mentions with the CSS Custom Highlight API: one highlight per category,
 * no element wrapped, no text node touched. Painting cost grows with registered
 * ranges, so only blocks in or near the viewport get theirs registered.
 */

export const highlightName = (c: Category) => `backstory-${c}`;

/** Colour plus a distinct underline style per category, so colour is never the only cue. */
const LOOK: Record<Category, { rgb: string; line: string }> = {
  person: { rgb: '37 99 235', line: 'solid' },
  group: { rgb: '220 38 38', line: 'double' },
  organization: { rgb: '124 58 237', line: 'dashed' },
  media: { rgb: '202 138 4', line: 'dotted' },
  place: { rgb: '5 150 105', line: 'wavy' },
  event: { rgb: '219 39 119', line: 'solid' },
};

export function highlightCss(): string {
  return categories
    .map((c) => {
      const { rgb, line } = LOOK[c];
      const tint = c === 'event' ? 0.2 : 0.12;
      return `::highlight(${highlightName(c)}) { background-color: rgb(${rgb} / ${tint}); text-decoration: underline ${line} rgb(${rgb} / 0.9); }`;
    })
    .join('\n');
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
export type MarkSource = () => { category: Category; range: AbstractRange }[];

export class Highlighter {
  private readonly highlights = new Map<Category, Highlight>();
  private readonly sources = new Map<Element, MarkSource>();
  private readonly painted = new Map<Element, { category: Category; range: AbstractRange }[]>();
  private readonly observer: IntersectionObserver;

  constructor(private readonly registry: HighlightRegistry) {
    for (const c of categories) {
      const h = new Highlight();
      this.highlights.set(c, h);
      registry.set(highlightName(c), h);
    }
    // One viewport above and below: scrolling reveals marks that are already there.
    this.observer = new IntersectionObserver((entries) => this.onIntersect(entries), {
      rootMargin: '100% 0px 100% 0px',
    });
  }

  /** Replaces what is marked (after new text was read or a settings change). */
  setMarked(next: Map<Element, MarkSource>, near: Iterable<Element> = []): void {
    for (const el of this.sources.keys()) if (!next.has(el)) this.observer.unobserve(el);
    for (const el of next.keys()) if (!this.sources.has(el)) this.observer.observe(el);
    this.sources.clear();
    for (const [el, source] of next) this.sources.set(el, source);
    const wasPainted = [...this.painted.keys()].filter((el) => next.has(el));
    for (const h of this.highlights.values()) h.clear();
    this.painted.clear();
    for (const el of wasPainted) this.paint(el);
    // The observer reports these too, a few frames later; painting now saves those frames.
    for (const el of near) if (next.has(el) && !this.painted.has(el)) this.paint(el);
  }

  private paint(el: Element): void {
    const marks = this.sources.get(el)?.() ?? [];
    this.painted.set(el, marks);
    for (const { category, range } of marks) this.highlights.get(category)!.add(range);
  }

  private unpaint(el: Element): void {
    for (const { category, range } of this.painted.get(el) ?? [])
      this.highlights.get(category)!.delete(range);
    this.painted.delete(el);
  }

  private onIntersect(entries: IntersectionObserverEntry[]): void {
    for (const e of entries) {
      if (e.isIntersecting && this.sources.has(e.target)) {
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
    for (const c of categories) this.registry.delete(highlightName(c));
  }
}
