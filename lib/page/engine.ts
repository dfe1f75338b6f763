import type { Category } from '../catalog/category';
import type { MatcherData } from '../kb/schema';
import { matcherFromData, traitsFromData } from '../match/data';
import { DEFAULT_PAGE_CONTEXT, type PageContext } from '../match/evidence';
import type { Matcher } from '../match/matcher';
import { isOutOfBounds, nearestBlock, readBlocksOf } from './collect';
import { Highlighter, adoptHighlightStyles, highlightCss, highlightScopeFor } from './highlighter';
import { caretAt, rangeContainsPoint } from './hit-test';
import { MentionIndex, PageMention } from './mention-index';
import { MutationWatcher, outermost, type MutationBatch } from './mutation-watch';
import { rescan, scanPage, whereIs, type ScanContext } from './scan';
import { afterLoad, runSliced, type TimeMeter } from './scheduler';
import { settleFirstMentions } from './visibility';
import type { TextBlock } from './text-block';
import { timelineMark } from './timeline';

/** Where the highlight rules must match in this build's browser (see HighlightScope). */
const HIGHLIGHT_SCOPE = highlightScopeFor(import.meta.env.BROWSER);

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

export class PageEngine {
  private readonly doc: Document;
  private readonly view: Window;
  private readonly index: MentionIndex;
  private readonly highlighter: Highlighter;
  private readonly sheet: CSSStyleSheet;
  private readonly shadowRoots = new Set<ShadowRoot>();
  private readonly watcher: MutationWatcher;
  private readonly scanContext: ScanContext;
  /** The scan context for reading what the page changed: timed by the watcher's capped meter. */
  private readonly changeContext: ScanContext;
  private readonly buildMatcher: () => Matcher;
  private display: DisplayFilter;
  private readonly stats: Pick<EngineStats, 'viewportMarkedAt' | 'indexedAt'> = {
    viewportMarkedAt: null,
    indexedAt: null,
  };

  constructor(private readonly options: EngineOptions) {
    this.doc = options.document;
    this.view = this.doc.defaultView!;
    this.display = options.display;
    const data = options.matcherData;
    // Built on first use: a frame torn down before it starts never pays for it.
    let built: Matcher | undefined;
    this.buildMatcher = () => (built ??= matcherFromData(data));
    this.index = new MentionIndex(
      {
        findInNormalized: (norm, source) => this.buildMatcher().findInNormalized(norm, source),
        findMentions: (text) => this.buildMatcher().findMentions(text),
      },
      data.entities,
      (container) => readBlocksOf(container, options.exclude),
      traitsFromData(data),
      options.pageContext ?? DEFAULT_PAGE_CONTEXT,
    );
    this.highlighter = new Highlighter(CSS.highlights, (container) =>
      this.index.marksIn(container, this.keep),
    );
    this.sheet = new CSSStyleSheet();
    this.sheet.replaceSync(highlightCss(HIGHLIGHT_SCOPE));
    // In content scripts the manifest injects these rules before the page's first style pass;
    // adopting them later would restyle the whole document (400 ms on a 5 MB page).
    const unadopt = options.adoptDocumentStyles
      ? adoptHighlightStyles(this.doc, this.sheet)
      : () => undefined;
    this.watcher = new MutationWatcher({
      view: this.view,
      signal: options.signal,
      process: (batch) => this.applyMutations(batch),
      onRewrite: (node) => this.highlighter.forget(node),
    });
    const unadoptShadows: (() => void)[] = [];
    this.scanContext = {
      index: this.index,
      view: this.view,
      signal: options.signal,
      exclude: options.exclude,
      readLater: (node) => this.watcher.willRead(node),
      onShadowRoot: (shadow) => {
        if (this.shadowRoots.has(shadow)) return;
        this.shadowRoots.add(shadow);
        this.watcher.observe(shadow);
        // Root-scoped rules reach a shadow tree through inheritance already.
        if (HIGHLIGHT_SCOPE === 'every-element') {
          unadoptShadows.push(adoptHighlightStyles(shadow, this.sheet));
        }
      },
    };
    this.changeContext = { ...this.scanContext, meter: this.watcher.meter };
    options.signal.addEventListener('abort', () => {
      this.highlighter.dispose();
      unadopt();
      for (const undo of unadoptShadows) undo();
    });
  }

  private get scope(): Element {
    return this.options.scope ?? this.doc.body ?? this.doc.documentElement;
  }

  /**
   * Reads and annotates the page once it has loaded (never pushing the load event
   * back): viewport first, the rest in idle periods; then follows its changes.
   */
  async start(): Promise<void> {
    timelineMark('backstory:engine-started');
    await afterLoad(this.view);
    if (this.options.signal.aborted) return;
    // 1–2 ms from the packed tables: no idle period to wait for, nor for the viewport pass
    // that follows.
    this.buildMatcher();
    timelineMark('backstory:matcher-built');
    // The page's changes meanwhile wait for the first read to end (see MutationWatcher.hold).
    this.watcher.hold();
    this.watcher.observe(this.scope);
    let done: boolean;
    try {
      done = await scanPage(
        this.scope,
        this.scanContext,
        (near) => this.markViewport(near),
        (near) => this.refresh({ near }),
      );
    } finally {
      this.watcher.release();
    }
    if (!done || !(await this.settleAndRefresh())) return;
    this.stats.indexedAt = performance.now();
    timelineMark('backstory:indexed', this.getStats());
  }

  private markViewport(near: Iterable<Element>): void {
    this.refresh({ near });
    this.stats.viewportMarkedAt = performance.now();
    timelineMark('backstory:viewport-marked');
  }

  /**
   * Brings the index up to date with one batch of the page's changes, in idle
   * periods: text rewritten in place is matched again on its own; added and
   * emptied subtrees are read again from their nearest block, each once.
   */
  private async applyMutations(batch: MutationBatch): Promise<void> {
    const signal = this.options.signal;
    const meter = this.watcher.meter;
    // Records of text that left the page cannot be placed in document order: first out.
    meter.time(() => this.index.prune());
    const touched = new Set<Element>();
    // Blocks with mentions whose text was rewritten in place, by first node (one read each).
    const rewritten = new Map<Text, TextBlock>();
    const exclude = this.options.exclude;
    let nextAdded = 0;
    const sorted = await runSliced(
      (shouldYield) => {
        for (const text of batch.texts) {
          batch.texts.delete(text);
          if (!text.isConnected) continue;
          const block = this.index.blockHolding(text);
          if (block) rewritten.set(block.nodes[0]!, block);
          else if (text.parentElement) touched.add(text.parentElement);
          if (shouldYield()) return false;
        }
        // In document order, mostly: blocks then join the index at its end, without a search.
        while (nextAdded < batch.added.length) {
          const node = batch.added[nextAdded++]!;
          if (!node.isConnected) continue;
          const el = node.nodeType === Node.ELEMENT_NODE ? (node as Element) : node.parentElement;
          if (el) touched.add(el);
          if (shouldYield()) return false;
        }
        // A removal changes mentions only in a block that had some: the rest is pruned.
        for (const el of batch.removedFrom) {
          batch.removedFrom.delete(el);
          const container = el.isConnected ? this.index.containerAround(el) : undefined;
          if (container) touched.add(container);
        }
        return true;
      },
      { signal, meter, view: this.view, priority: 'background' },
    );
    if (!sorted) return;
    // Style reads from here on: in an idle period, after the page's frame, styles are clean.
    const blocks = new Set<Element>();
    const gone: Element[] = [];
    const resolved = await runSliced(
      (shouldYield) => {
        for (const el of touched) {
          touched.delete(el);
          // Text that changed inside an editor or a hidden subtree is forgotten, not read.
          if (exclude?.(el) || isOutOfBounds(el, exclude)) gone.push(el);
          else blocks.add(nearestBlock(el, this.scope));
          if (shouldYield()) return false;
        }
        return true;
      },
      { signal, meter, view: this.view, priority: 'background' },
    );
    if (!resolved) return;
    meter.time(() => {
      for (const el of gone) this.index.removeWithin(el);
      for (const block of rewritten.values()) {
        if (!blocks.has(block.container)) this.index.add(block);
      }
    });
    const roots = outermost(blocks) as Element[];
    // What the reader is looking at first (a layout read: in a frame).
    const near: Element[] = [];
    const far: Element[] = [];
    let placed = 0;
    const split = await runSliced(
      (shouldYield) => {
        while (placed < roots.length) {
          const el = roots[placed++]!;
          (whereIs(el, this.view) === 0 ? near : far).push(el);
          if (shouldYield()) break;
        }
        return placed >= roots.length;
      },
      { signal, meter, view: this.view, priority: 'layout' },
    );
    if (!split) return;
    if (!(await rescan(near, this.changeContext)) || !(await this.settleAndRefresh(meter))) return;
    if (far.length > 0 && (await rescan(far, this.changeContext)))
      await this.settleAndRefresh(meter);
  }

  /** Moves first mentions past blocks the reader cannot see, then shows the index; false if aborted. */
  private async settleAndRefresh(meter?: TimeMeter): Promise<boolean> {
    const settled = await settleFirstMentions(this.index, {
      signal: this.options.signal,
      meter,
      view: this.view,
    });
    if (settled) this.refresh({ meter });
    return settled;
  }

  /**
   * `meter`: where the work is timed (following the page's changes).
   * `near`: containers known to be on screen, painted now rather than when observed.
   */
  private refresh({ meter, near }: { meter?: TimeMeter; near?: Iterable<Element> } = {}): void {
    const show = () => {
      this.index.resolve();
      this.highlighter.setMarked(this.markSources(), near);
    };
    if (meter) meter.time(show);
    else show();
    this.options.onIndexChange?.();
  }

  private isShown = (category: Category) => this.display.categories[category];

  /** Which mentions the settings mark. */
  private keep = (category: Category, first: boolean) =>
    this.display.marking !== 'none' &&
    this.isShown(category) &&
    (this.display.marking === 'all' || first);

  /** Block containers with marks the settings ask for (their marks are made when near). */
  private markSources(): Set<Element> {
    return this.display.marking === 'none' ? new Set() : this.index.containersWith(this.keep);
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
    // Hit-testing lays the page out: not on a page with nothing to hit (apps click a lot).
    if (this.index.blockCount === 0) return undefined;
    const pos = caretAt(this.doc, x, y, [...this.shadowRoots]);
    if (!pos) return undefined;
    for (const m of this.index.at(pos.node, pos.offset)) {
      if (this.display.categories[m.category] && m.measure((r) => rangeContainsPoint(r, x, y)))
        return m;
    }
    return undefined;
  }

  /** The next (or previous) mention after `from`, or after the top of the viewport. */
  step(from: object | null, direction: 1 | -1, entity?: string): PageMention | undefined {
    const list = this.visibleMentions(entity);
    if (list.length === 0) return undefined;
    const i =
      from instanceof PageMention
        ? list.findIndex((m) => m.record === from.record && m.slot === from.slot)
        : -1;
    if (i !== -1) return list[(i + direction + list.length) % list.length];
    if (direction === 1)
      return list.find((m) => m.measure((r) => r.getBoundingClientRect().top > 0)) ?? list[0];
    return (
      list.findLast((m) => m.measure((r) => r.getBoundingClientRect().bottom < 0)) ??
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
