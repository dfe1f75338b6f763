import { BlockCollector } from './collect';
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

function collector(root: Element, ctx: ScanContext): BlockCollector {
  return new BlockCollector(root, {
    exclude: ctx.exclude,
    onShadowRoot: ctx.onShadowRoot,
    readLater: ctx.readLater,
  });
}

/**
 * The first read. The walk reads blocks and matches those near the viewport at once,
 * until it passes below the viewport; `onViewport` runs then. It starts once the page
 * has settled (no DOM change for a while, so a frame has laid it out since): its
 * position reads find layout clean, and waiting for animation frames would only
 * delay the marks the reader sees first. The rest of the page is read and matched in
 * idle periods, each block let go once matched. Resolves false if aborted.
 */
export async function scanPage(
  root: Element,
  ctx: ScanContext,
  onViewport: (near: Set<Element>) => void,
): Promise<boolean> {
  const { signal, meter, view, index } = ctx;
  const walk = collector(root, ctx);
  // Document order is mostly visual order: once a block lies below, so do the rest.
  let passed = false;
  let done = false;
  const near = new Set<Element>();
  const below: TextBlock[] = [];
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
  return runSliced(
    (shouldYield) => {
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
