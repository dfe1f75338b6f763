import { BlockCollector, isOutOfBounds, nearestBlock } from './collect';
import type { MentionIndex } from './mention-index';
import { runSliced, type TimeMeter } from './scheduler';
import type { TextBlock } from './text-block';

/** Reads the page's blocks into the index: the first pass, and again after changes. */

export interface ScanContext {
  index: MentionIndex;
  view: Window;
  signal: AbortSignal;
  /** Times the reads (and holds their slices back while a capped meter is over its share). */
  meter?: TimeMeter;
  exclude?: (el: Element) => boolean;
  /** Every open shadow root the walk enters, so the caller can watch and style it. */
  onShadowRoot(root: ShadowRoot): void;
  /**
   * Nodes added since the walk began that a batch of changes will read: a walk that
   * followed them would chase a page that grows faster than it is read (a feed).
   */
  readLater(node: Node): boolean;
}

/** -1 above the viewport's neighbourhood, 0 in it, 1 below it. */
export function whereIs(el: Element, view: Window): -1 | 0 | 1 {
  const r = el.getBoundingClientRect();
  const h = view.innerHeight;
  if (r.top > 2 * h) return 1;
  return r.bottom < -h ? -1 : 0;
}

function collector(root: Element, ctx: ScanContext, from?: Element): BlockCollector {
  return new BlockCollector(root, {
    exclude: ctx.exclude,
    onShadowRoot: ctx.onShadowRoot,
    readLater: ctx.readLater,
    from,
  });
}

/**
 * The first read. The walk reads blocks and matches those near the viewport at once,
 * until it passes below the viewport; `onViewport` runs then. It starts once the page
 * has settled (no DOM change for a while, so a frame has laid it out since): its
 * position reads find layout clean, and waiting for animation frames would only
 * delay the marks the reader sees first. The rest of the page is read and matched in
 * idle periods, each block let go once matched; if the reader scrolls ahead of that
 * read, the blocks where they are are read at once (`onAhead`). Resolves false if aborted.
 */
export async function scanPage(
  root: Element,
  ctx: ScanContext,
  onViewport: (near: Set<Element>) => void,
  onAhead?: (near: Set<Element>) => void,
): Promise<boolean> {
  const { signal, meter, view, index } = ctx;
  const walk = collector(root, ctx);
  // Document order is mostly visual order: once a block lies below, so do the rest.
  let passed = false;
  let done = false;
  const near = new Set<Element>();
  const below: TextBlock[] = [];
  // Where the viewport pass looks; a reader who scrolls on from here may need a read ahead.
  let scrolledTo = view.scrollY;
  const read = await runSliced(
    (shouldYield) => {
      // Block by block, so a slice ends on time and matching stops at the viewport's end.
      while (!done && !passed) {
        done = walk.next(() => walk.blocks.length > 0 || shouldYield());
        for (const block of walk.drain()) {
          const where = whereIs(block.container, view);
          if (where === 0) near.add(block.container);
          // The first block below ends this pass; it is matched with the rest, later.
          passed ||= where === 1;
          if (passed) below.push(block);
          else index.add(block);
        }
        if (shouldYield()) break;
      }
      return done || passed;
    },
    { signal, meter, view, priority: 'visible' },
  );
  if (!read) return false;
  onViewport(near);
  let readAheadAt = -Infinity;
  const readAhead = (): void => {
    if (view.scrollY === scrolledTo) return;
    // A reader scrolling on through unread text is read for at most every AHEAD_GAP_MS.
    const now = performance.now();
    if (now - readAheadAt < AHEAD_GAP_MS) return;
    readAheadAt = now;
    scrolledTo = view.scrollY;
    const ahead = readReaderPlace(root, ctx, walk);
    if (ahead) onAhead?.(ahead);
  };
  return runSliced(
    (shouldYield) => {
      // Once per slice: a reader who jumped waits at most a slice.
      readAhead();
      for (const block of below.splice(0)) index.add(block);
      while (!done) {
        done = walk.next(() => walk.blocks.length > 0 || shouldYield());
        for (const block of walk.drain()) index.add(block);
        if (shouldYield()) break;
      }
      return done;
    },
    { signal, meter, view, priority: 'background' },
  );
}

/** At most this many blocks are read out of turn per jump (a few screens of text). */
const AHEAD_BLOCKS = 300;
/** …and for at most this long, ms (one task well under the 50 ms of a long one). */
const AHEAD_MS = 20;
/** Reads ahead at least this far apart, ms: at most a fifth of the thread while scrolling. */
const AHEAD_GAP_MS = 100;

/** Where in the viewport the reader's place is looked for, as shares of its width and height. */
const PROBES_X = [0.25, 0.5, 0.75];
const PROBES_Y = [0.05, 0.25, 0.5];

/**
 * Where the reader is looking, if the first read has not reached it: of the blocks under
 * a grid of points, the one that comes first in the document. Several across, because
 * document order is not always visual order (text beside a floated figure comes before
 * it). Points over what the read leaves out (site chrome pinned over the text) or over
 * what it has read already do not count.
 */
function readerPlace(root: Element, ctx: ScanContext, walk: BlockCollector): Element | null {
  const { view } = ctx;
  let first: Element | null = null;
  for (const y of PROBES_Y) {
    for (const x of PROBES_X) {
      const hit = view.document.elementFromPoint(view.innerWidth * x, view.innerHeight * y);
      if (!hit || !root.contains(hit) || walk.passed(hit) || isOutOfBounds(hit, ctx.exclude))
        continue;
      const block = nearestBlock(hit, root);
      // A block around the walk's place (the article, when a point falls in its margin) is being read.
      if (block === root || walk.passed(block)) continue;
      if (!first || first.compareDocumentPosition(block) & Node.DOCUMENT_POSITION_PRECEDING)
        first = block;
    }
  }
  return first && backUp(first, root, ctx.view, walk);
}

/** Steps back from the reader's place at most this many elements. */
const BACK_STEPS = 20;

/**
 * From `from` back over what precedes it and still starts in the viewport's neighbourhood:
 * the grid can miss text between its points (a paragraph between a sticky header and a
 * figure). Stops at what the walk has read or is reading.
 */
function backUp(from: Element, root: Element, view: Window, walk: BlockCollector): Element {
  const startsNear = (el: Element) => el.getBoundingClientRect().top >= -view.innerHeight;
  let start = from;
  for (let i = 0; i < BACK_STEPS; i++) {
    const next = start.previousElementSibling ?? start.parentElement;
    if (!next || next === root || walk.passed(next) || !startsNear(next)) break;
    start = next;
  }
  return start;
}

/**
 * The reader jumped ahead of the first read (the scrollbar, End, a link to a section):
 * the blocks from where they are to below the viewport are read now, out of turn, so
 * the names there can be hovered. The first read still reads them in order when it
 * gets there, replacing these records. Returns the containers in the viewport's
 * neighbourhood, or null if there was nothing to read.
 */
function readReaderPlace(
  root: Element,
  ctx: ScanContext,
  walk: BlockCollector,
): Set<Element> | null {
  const from = readerPlace(root, ctx, walk);
  if (!from) return null;
  const ahead = collector(root, ctx, from);
  const near = new Set<Element>();
  // Bounded in time too: below the reader's place may come a long stretch without text.
  const deadline = performance.now() + AHEAD_MS;
  let count = 0;
  let done = false;
  while (!done && count < AHEAD_BLOCKS && performance.now() < deadline) {
    done = ahead.next(() => ahead.blocks.length > 0 || performance.now() >= deadline);
    for (const block of ahead.drain()) {
      count++;
      const where = whereIs(block.container, ctx.view);
      if (where === 1) done = true;
      if (where !== 0) continue;
      near.add(block.container);
      ctx.index.add(block, { outOfTurn: true });
    }
  }
  return near.size > 0 ? near : null;
}

/**
 * Reads `roots` again after the page changed them: what the index held inside each
 * is replaced by what it holds now. Roots the page dropped meanwhile are skipped.
 */
export async function rescan(roots: readonly Element[], ctx: ScanContext): Promise<boolean> {
  const { signal, meter, view, index } = ctx;
  let i = 0;
  let walk: BlockCollector | null = null;
  return runSliced(
    (shouldYield) => {
      while (i < roots.length) {
        const root = roots[i]!;
        if (!walk) {
          index.removeWithin(root);
          walk = collector(root, ctx);
        }
        const done = !root.isConnected || walk.next(shouldYield);
        for (const block of walk.drain()) index.add(block);
        if (!done) return false;
        walk = null;
        i++;
        if (shouldYield()) return i >= roots.length;
      }
      return true;
    },
    { signal, meter, view, priority: 'background' },
  );
}
