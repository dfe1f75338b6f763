import type { Category } from '../catalog/schema';
import type { MatcherData } from '../kb/schema';
import { matcherFromData, traitsFromData } from '../match/data';
import { DEFAULT_PAGE_CONTEXT, type PageContext } from '../match/evidence';
import { BlockCollector, isOutOfBounds, nearestBlock } from './collect';
import { Highlighter, adoptHighlightStyles, highlightCss, type MarkSource } from './highlighter';
import { MentionIndex, type BlockRecord, type PageMention } from './mention-index';
import { runSliced } from './scheduler';
import { settleFirstMentions } from './visibility';
import type { TextBlock } from './text-block';

/** What the settings let through: the engine indexes everything and shows this much. */
export interface DisplayFilter {
  marking: 'first' | 'all' | 'none';
  categories: Record<Category, boolean>;
}

export interface EngineOptions {
  document: Document;
  /** The subtree to annotate; defaults to the whole body. */
  scope?: Element;
  matcherData: MatcherData;
  /** The page's date and how broad entities are linked; the web's defaults if left out. */
  pageContext?: PageContext;
  display: DisplayFilter;
  /** Add the highlight styles to the document itself (pages without manifest CSS: the reader). */
  adoptDocumentStyles?: boolean;
  /** The extension's own UI, never annotated. */
  exclude?: (el: Element) => boolean;
  signal: AbortSignal;
  /** After every batch of changes to the index. */
  onIndexChange?: () => void;
}

export interface EngineStats {
  blocks: number;
  mentions: number;
  registeredRanges: number;
  /** performance.now() when the viewport's mentions were first marked, and when all were indexed. */
  viewportMarkedAt: number | null;
  indexedAt: number | null;
}

const MUTATION_DEBOUNCE_MS = 50;
const OBSERVE: MutationObserverInit = { childList: true, subtree: true, characterData: true };

export class PageEngine {
  private readonly doc: Document;
  private readonly index: MentionIndex;
  private readonly highlighter: Highlighter;
  private readonly sheet: CSSStyleSheet;
  private readonly shadowRoots = new Set<ShadowRoot>();
  private readonly observer: MutationObserver;
  private readonly dirty = new Set<Node>();
  /** Blocks whose visibility has been read (see visibility.ts). */
  private readonly visibilityChecked = new WeakSet<BlockRecord>();
  private flushTimer: ReturnType<typeof setTimeout> | undefined;
  private busy: Promise<void> = Promise.resolve();
  private display: DisplayFilter;
  private readonly stats: Pick<EngineStats, 'viewportMarkedAt' | 'indexedAt'> = {
    viewportMarkedAt: null,
    indexedAt: null,
  };

  constructor(private readonly options: EngineOptions) {
    this.doc = options.document;
    this.display = options.display;
    this.index = new MentionIndex(
      matcherFromData(options.matcherData),
      options.matcherData.entities,
      traitsFromData(options.matcherData),
      options.pageContext ?? DEFAULT_PAGE_CONTEXT,
    );
    this.highlighter = new Highlighter(CSS.highlights);
    this.sheet = new CSSStyleSheet();
    this.sheet.replaceSync(highlightCss());
    // In content scripts the manifest injects these rules before the page's first style pass;
    // adopting them later would restyle the whole document (400 ms on a 5 MB page).
    const unadopt = options.adoptDocumentStyles
      ? adoptHighlightStyles(this.doc, this.sheet)
      : () => undefined;
    this.observer = new MutationObserver((records) => this.onMutations(records));
    options.signal.addEventListener('abort', () => {
      this.observer.disconnect();
      clearTimeout(this.flushTimer);
      this.highlighter.dispose();
      unadopt();
      for (const root of this.shadowRoots)
        root.adoptedStyleSheets = root.adoptedStyleSheets.filter((s) => s !== this.sheet);
    });
  }

  private get scope(): Element {
    return this.options.scope ?? this.doc.body ?? this.doc.documentElement;
  }

  /** Reads and annotates the page: viewport first, the rest in time slices. */
  start(): Promise<void> {
    this.observer.observe(this.scope, OBSERVE);
    return this.enqueue(() => this.scan(this.scope, true));
  }

  private enqueue(task: () => Promise<void>): Promise<void> {
    this.busy = this.busy.then(task, task);
    return this.busy;
  }

  private collector(root: Element): BlockCollector {
    return new BlockCollector(root, {
      exclude: this.options.exclude,
      onShadowRoot: (shadow) => {
        if (this.shadowRoots.has(shadow)) return;
        this.shadowRoots.add(shadow);
        this.observer.observe(shadow, OBSERVE);
        adoptHighlightStyles(shadow, this.sheet);
      },
    });
  }

  /** -1 above the viewport's neighbourhood, 0 in it, 1 below it. */
  private whereIs(block: TextBlock): -1 | 0 | 1 {
    const r = block.container.getBoundingClientRect();
    const h = this.doc.defaultView?.innerHeight ?? 0;
    if (r.top > 2 * h) return 1;
    return r.bottom < -h ? -1 : 0;
  }

  private markViewport(near: Iterable<Element>): void {
    this.refresh(near);
    this.stats.viewportMarkedAt = performance.now();
    // Marks on the page's own timeline let DevTools and the benchmark see our phases.
    performance.mark('backstory:viewport-marked');
  }

  /**
   * Reads `root`'s blocks. On the first pass, blocks near the viewport are matched
   * as soon as they are read and marked as soon as the walk has passed the
   * viewport; the rest are matched afterwards, in slices.
   */
  private async scan(root: Element, initial: boolean): Promise<void> {
    const signal = this.options.signal;
    const collector = this.collector(root);
    const later: TextBlock[] = [];
    // Document order is mostly visual order: once a block lies below, so do the rest.
    let passed = !initial;
    const near = new Set<Element>();
    const ok = await runSliced((shouldYield) => {
      const done = collector.next(shouldYield);
      for (const block of collector.drain()) {
        if (!initial) {
          this.index.add(block);
        } else if (passed) {
          later.push(block);
        } else {
          const where = this.whereIs(block);
          if (where === 0) {
            this.index.add(block);
            near.add(block.container);
          } else {
            later.push(block);
          }
          passed = where === 1;
        }
      }
      if (initial && passed && this.stats.viewportMarkedAt === null) this.markViewport(near);
      return done;
    }, signal);
    if (!ok) return;
    if (initial && this.stats.viewportMarkedAt === null) this.markViewport(near);
    let next = 0;
    const finished = await runSliced(
      (shouldYield) => {
        while (next < later.length) {
          this.index.add(later[next]!);
          // Let the block (and its text) go as soon as it is matched.
          later[next++] = undefined as unknown as TextBlock;
          if (shouldYield()) break;
        }
        return next >= later.length;
      },
      signal,
      'background',
    );
    if (!finished) return;
    if (!(await settleFirstMentions(this.index, this.visibilityChecked, signal))) return;
    this.refresh();
    if (initial) {
      this.stats.indexedAt = performance.now();
      performance.mark('backstory:indexed', { detail: this.getStats() });
    }
  }

  private onMutations(records: MutationRecord[]): void {
    const exclude = this.options.exclude;
    for (const r of records) {
      const target = r.target;
      const el = target.nodeType === Node.ELEMENT_NODE ? (target as Element) : target.parentElement;
      if (!el || exclude?.(el) || el.closest('[data-wxt-shadow-root]')) continue;
      if (r.type === 'characterData') {
        this.dirty.add(nearestBlock(el));
      } else {
        for (const added of r.addedNodes) {
          const addedEl =
            added.nodeType === Node.ELEMENT_NODE ? (added as Element) : added.parentElement;
          if (addedEl && !exclude?.(addedEl)) this.dirty.add(nearestBlock(addedEl));
        }
        if (r.removedNodes.length > 0) this.dirty.add(nearestBlock(el));
      }
    }
    if (this.dirty.size === 0) return;
    clearTimeout(this.flushTimer);
    this.flushTimer = setTimeout(
      () => void this.enqueue(() => this.rescanDirty()),
      MUTATION_DEBOUNCE_MS,
    );
  }

  private async rescanDirty(): Promise<void> {
    const exclude = this.options.exclude;
    const roots = [...this.dirty].filter(
      (n): n is Element => n instanceof Element && n.isConnected,
    );
    this.dirty.clear();
    // Outermost roots only: a root inside another is rescanned with it.
    const outer = roots.filter((r) => !roots.some((o) => o !== r && o.contains(r)));
    this.index.prune();
    for (const root of outer) {
      this.index.removeWithin(root);
      // Text that changed inside an editor or a hidden subtree is forgotten, not read.
      if (!isOutOfBounds(root, exclude)) await this.scan(root, false);
    }
    this.refresh();
  }

  /** `near`: containers known to be on screen, painted now rather than when observed. */
  private refresh(near?: Iterable<Element>): void {
    this.index.resolve();
    this.highlighter.setMarked(this.markSources(), near);
    this.options.onIndexChange?.();
  }

  private isShown = (category: Category) => this.display.categories[category];

  /** Per block container, the marks the settings ask for, made only when needed. */
  private markSources(): Map<Element, MarkSource> {
    const { marking } = this.display;
    const keep = (category: Category, first: boolean) =>
      this.isShown(category) && (marking === 'all' || first);
    const byContainer = new Map<Element, BlockRecord[]>();
    if (marking !== 'none') {
      for (const record of this.index.blocks) {
        if (!this.index.hasMentionIn(record, keep)) continue;
        const list = byContainer.get(record.container);
        if (list) list.push(record);
        else byContainer.set(record.container, [record]);
      }
    }
    const sources = new Map<Element, MarkSource>();
    for (const [el, records] of byContainer) {
      sources.set(el, () =>
        records.flatMap((r) =>
          this.index.mentionsIn(r, keep).map((m) => ({ category: m.category, range: m.range })),
        ),
      );
    }
    return sources;
  }

  /** Valid mentions of the categories the user shows, in page order. */
  visibleMentions(entity?: string): PageMention[] {
    return [
      ...this.index.mentions(
        (category, _first, id) => this.isShown(category) && (!entity || id === entity),
      ),
    ];
  }

  setDisplay(display: DisplayFilter): void {
    this.display = display;
    this.highlighter.setMarked(this.markSources());
  }

  /** The page's date or the broad-entity setting changed: every mention is judged again. */
  setPageContext(context: PageContext): void {
    this.index.setContext(context);
    this.refresh();
  }

  /** The mention under a viewport point (hover, tap), if any. */
  mentionAt(x: number, y: number): PageMention | undefined {
    const pos = this.doc.caretPositionFromPoint?.(x, y, { shadowRoots: [...this.shadowRoots] });
    if (!pos) return undefined;
    for (const m of this.index.at(pos.offsetNode, pos.offset)) {
      if (!this.display.categories[m.category]) continue;
      for (const r of m.range.getClientRects()) {
        if (x >= r.left - 1 && x <= r.right + 1 && y >= r.top - 1 && y <= r.bottom + 1) return m;
      }
    }
    return undefined;
  }

  /** The next (or previous) mention after `from`, or after the top of the viewport. */
  step(from: object | null, direction: 1 | -1, entity?: string): PageMention | undefined {
    const list = this.visibleMentions(entity);
    if (list.length === 0) return undefined;
    const current = from as Partial<PageMention> | null;
    const i = current?.record
      ? list.findIndex((m) => m.record === current.record && m.slot === current.slot)
      : -1;
    if (i !== -1) return list[(i + direction + list.length) % list.length];
    if (direction === 1)
      return list.find((m) => m.range.getBoundingClientRect().top > 0) ?? list[0];
    return (
      [...list].reverse().find((m) => m.range.getBoundingClientRect().bottom < 0) ??
      list[list.length - 1]
    );
  }

  getStats(): EngineStats {
    return {
      ...this.stats,
      blocks: this.index.blockCount,
      mentions: this.index.count((category) => this.isShown(category)),
      registeredRanges: this.highlighter.registeredCount,
    };
  }
}
