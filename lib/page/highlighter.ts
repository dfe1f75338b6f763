import { categories, type Category } from '../catalog/schema';
import type { PageMention } from './mention-index';

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

export class Highlighter {
  private readonly highlights = new Map<Category, Highlight>();
  private readonly marked = new Map<Element, PageMention[]>();
  private readonly near = new Set<Element>();
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

  /** Replaces the set of marked mentions (after a resolve or a settings change). */
  setMarked(mentions: Iterable<PageMention>): void {
    const next = new Map<Element, PageMention[]>();
    for (const m of mentions) {
      const el = m.record.block.container;
      const list = next.get(el);
      if (list) list.push(m);
      else next.set(el, [m]);
    }
    for (const el of this.marked.keys()) {
      if (!next.has(el)) {
        this.observer.unobserve(el);
        this.near.delete(el);
      }
    }
    for (const el of next.keys()) if (!this.marked.has(el)) this.observer.observe(el);
    this.marked.clear();
    for (const [el, list] of next) this.marked.set(el, list);
    this.repaint();
  }

  private onIntersect(entries: IntersectionObserverEntry[]): void {
    for (const e of entries) {
      if (e.isIntersecting) this.near.add(e.target);
      else this.near.delete(e.target);
    }
    this.repaint();
  }

  private repaint(): void {
    for (const h of this.highlights.values()) h.clear();
    for (const el of this.near) {
      for (const m of this.marked.get(el) ?? []) this.highlights.get(m.category)!.add(m.range);
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
