import { CappedMeter } from './scheduler';

/**
 * Follows the page's DOM changes at a cost the page cannot measure. The observer
 * callback runs in the page's own turn (a microtask after its mutation), so it only
 * files the records: no style or layout read, no selector match, no walk. The batch
 * is handed over after the page's work is done (a coalescing delay, then an idle
 * period), never while the tab is hidden, and within a capped share of the main thread.
 */

export interface MutationBatch {
  /** Text nodes whose data the page rewrote in place. */
  texts: Set<Text>;
  /**
   * Nodes added, none inside another (an addition inside an added subtree is read with it).
   * Past a huge mutation, the nodes whose children or text changed instead: read again whole.
   */
  added: Node[];
  /** Elements (or shadow hosts) that lost children. */
  removedFrom: Set<Element>;
}

export interface MutationWatchOptions {
  view: Window;
  signal: AbortSignal;
  /**
   * Reads a batch into the index, timing its work with the watcher's `meter` (which
   * holds each slice back while over its share); the next batch waits until it is done.
   */
  process(batch: MutationBatch): Promise<void>;
  /**
   * The page rewrote a text node (called in the page's own turn, so keep it to a lookup):
   * marks drawn over it are static ranges that would stay on the old offsets until the batch.
   */
  onRewrite?(node: Node): void;
  now?: () => number;
}

const OBSERVE: MutationObserverInit = { childList: true, subtree: true, characterData: true };

/**
 * Nodes added or removed in one batch beyond which reading the changed parents again is
 * cheaper than following every node. A feed adding 1,000 messages a second stays under it
 * (read message by message, not the whole feed again per batch); 100,000 nodes at once do not.
 */
export const HUGE_MUTATION = 10_000;
/** The page's burst of changes (a render, a list update) usually lands within this. */
const FIRST_DELAY_MS = 100;
/** Under continuous mutation, batches are at most this far apart. */
const MAX_DELAY_MS = 1_000;
/** Quiet this long, and the page is idle again: back to the short delay. */
const QUIET_MS = 2_000;
/** The share of the main thread Backstory's reaction to mutations may take over time. */
export const MAX_SHARE = 0.05;
/**
 * What it may spend at once before the share applies: a single-page app's next article
 * (50 kB of text takes about 100 ms to read) is read without a wait.
 */
export const BURST_MS = 150;

/** The nodes of `nodes` that have no ancestor in `nodes` (linear in nodes × depth). */
export function outermost(nodes: Iterable<Node>): Node[] {
  const all = new Set(nodes);
  const out: Node[] = [];
  for (const node of all) {
    let inner = false;
    for (let p = node.parentNode; p && !inner; p = p.parentNode) inner = all.has(p);
    if (!inner) out.push(node);
  }
  return out;
}

export class MutationWatcher {
  private readonly observer: MutationObserver;
  private texts = new Set<Text>();
  private added = new Set<Node>();
  private removedFrom = new Set<Element>();
  /** Where each change happened (record targets): all that is kept past a huge mutation. */
  private targets = new Set<Node>();
  private huge = false;
  private count = 0;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private running = false;
  private held = false;
  private delay = FIRST_DELAY_MS;
  /** When the last batch finished. */
  private lastEnd = -Infinity;
  private readonly now: () => number;
  /** The main-thread time of following the page's changes, capped at MAX_SHARE. */
  readonly meter: CappedMeter;

  constructor(private readonly options: MutationWatchOptions) {
    this.now = options.now ?? (() => performance.now());
    this.meter = new CappedMeter(MAX_SHARE, BURST_MS, this.now);
    this.observer = new MutationObserver((records) => this.file(records));
    const doc = options.view.document;
    const onVisibility = () => this.schedule();
    doc.addEventListener('visibilitychange', onVisibility);
    options.signal.addEventListener('abort', () => {
      this.observer.disconnect();
      clearTimeout(this.timer);
      doc.removeEventListener('visibilitychange', onVisibility);
    });
  }

  observe(root: Node): void {
    this.observer.observe(root, OBSERVE);
  }

  /**
   * Files changes without handing them over until `release`: while the first read walks
   * the page, its blocks join the index in document order, each after the last; a batch's
   * blocks among them would make every later one a binary search whose comparisons can
   * each walk a long list of siblings (MentionIndex's compareNodes).
   */
  hold(): void {
    this.held = true;
  }

  release(): void {
    this.held = false;
    this.schedule();
  }

  /** Whether the next batch reads `node` (it was added, and is not inside a huge mutation). */
  willRead(node: Node): boolean {
    return this.added.has(node);
  }

  /** Changes filed and not yet handed over. */
  get pending(): boolean {
    return this.huge || this.texts.size + this.added.size + this.removedFrom.size > 0;
  }

  private file(records: MutationRecord[]): void {
    for (const r of records) {
      if (r.type === 'characterData') this.options.onRewrite?.(r.target);
      const target = r.type === 'characterData' ? r.target.parentNode : r.target;
      if (target) this.targets.add(target instanceof ShadowRoot ? target.host : target);
      if (this.huge) continue;
      if (r.type === 'characterData') {
        if (r.target.nodeType === Node.TEXT_NODE) this.texts.add(r.target as Text);
        this.count += 1;
      } else {
        for (const node of r.addedNodes) this.added.add(node);
        if (r.removedNodes.length > 0) {
          const t = r.target;
          const el = t instanceof ShadowRoot ? t.host : t instanceof Element ? t : null;
          if (el) this.removedFrom.add(el);
        }
        this.count += r.addedNodes.length + r.removedNodes.length;
      }
      if (this.count > HUGE_MUTATION) {
        this.huge = true;
        this.texts.clear();
        this.added.clear();
        this.removedFrom.clear();
      }
    }
    this.schedule();
  }

  private schedule(): void {
    if (this.held || this.timer !== undefined || this.running || !this.pending) return;
    if (this.options.signal.aborted || this.options.view.document.visibilityState === 'hidden')
      return;
    const now = this.now();
    const sinceLast = now - this.lastEnd;
    // A page that keeps changing gets longer batches; one that went quiet, short ones again.
    this.delay = sinceLast > QUIET_MS ? FIRST_DELAY_MS : Math.min(MAX_DELAY_MS, this.delay * 1.5);
    // And no sooner than the share allows (the batch's slices wait for it too).
    const wait = Math.max(this.delay, this.meter.owedMs());
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.flush().catch((error: unknown) =>
        console.warn('Backstory: could not follow a change of the page', error),
      );
    }, wait);
  }

  private takeBatch(): MutationBatch {
    const batch: MutationBatch = {
      texts: this.texts,
      added: outermost(this.huge ? this.targets : this.added),
      removedFrom: this.removedFrom,
    };
    this.texts = new Set();
    this.added = new Set();
    this.removedFrom = new Set();
    this.targets = new Set();
    this.huge = false;
    this.count = 0;
    return batch;
  }

  private async flush(): Promise<void> {
    if (this.options.signal.aborted) return;
    if (this.options.view.document.visibilityState === 'hidden') return;
    this.running = true;
    try {
      const batch = this.meter.time(() => this.takeBatch());
      await this.options.process(batch);
    } finally {
      this.running = false;
      this.lastEnd = this.now();
      this.schedule();
    }
  }
}
