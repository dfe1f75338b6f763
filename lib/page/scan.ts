import { BlockCollector } from './collect';
import type { MentionIndex } from './mention-index';
import { runSliced, type TimeMeter } from './scheduler';
import type { TextBlock } from './text-block';

/** Reads the page's blocks into the index: the first pass, and again after changes. */

export interface ScanContext {
  index: MentionIndex;
  view: Window;
  signal: AbortSignal;
  meter: TimeMeter;
  exclude?: (el: Element) => boolean;
  /** Every open shadow root the walk enters, so the caller can watch and style it. */
  onShadowRoot(root: ShadowRoot): void;
}

/** -1 above the viewport's neighbourhood, 0 in it, 1 below it. */
export function whereIs(el: Element, view: Window): -1 | 0 | 1 {
  const r = el.getBoundingClientRect();
  const h = view.innerHeight;
  if (r.top > 2 * h) return 1;
  return r.bottom < -h ? -1 : 0;
}

function collector(root: Element, ctx: ScanContext): BlockCollector {
  return new BlockCollector(root, { exclude: ctx.exclude, onShadowRoot: ctx.onShadowRoot });
}

/**
 * The first read. Blocks near the viewport are matched as soon as they are read and
 * `onViewport` runs once the walk has passed the viewport; the rest are matched
 * afterwards, in idle periods. Resolves false if aborted.
 */
export async function scanPage(
  root: Element,
  ctx: ScanContext,
  onViewport: (near: Set<Element>) => void,
): Promise<boolean> {
  const { signal, meter, view, index } = ctx;
  const walk = collector(root, ctx);
  const later: TextBlock[] = [];
  // Document order is mostly visual order: once a block lies below, so do the rest.
  let passed = false;
  let shown = false;
  const near = new Set<Element>();
  const show = () => {
    shown = true;
    onViewport(near);
  };
  const read = await runSliced(
    (shouldYield) => {
      const done = walk.next(shouldYield);
      for (const block of walk.drain()) {
        if (passed) {
          later.push(block);
          continue;
        }
        const where = whereIs(block.container, view);
        if (where === 0) {
          index.add(block);
          near.add(block.container);
        } else {
          later.push(block);
        }
        passed = where === 1;
      }
      if (passed && !shown) show();
      return done;
    },
    { signal, meter },
  );
  if (!read) return false;
  if (!shown) show();
  let next = 0;
  return runSliced(
    (shouldYield) => {
      while (next < later.length) {
        index.add(later[next]!);
        // Let the block (and its text) go as soon as it is matched.
        later[next++] = undefined as unknown as TextBlock;
        if (shouldYield()) break;
      }
      return next >= later.length;
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
