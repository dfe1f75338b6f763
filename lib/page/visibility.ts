import type { MentionIndex, BlockRecord } from './mention-index';
import { runSliced, type SliceOptions } from './scheduler';

/**
 * With "first mention" marking, the marked one should be one the reader can
 * see: not a headline in a carousel's hidden slide, a video playlist scrolled
 * sideways, a zero-size box or text parked off screen. That takes layout reads,
 * so it is decided here, after the page is indexed, in background slices, and
 * only for blocks that hold an entity's first mention (each block once).
 */

/**
 * Whether the reader cannot see `el` without the page itself moving it: hidden
 * (opacity, visibility, content-visibility), no size, positioned outside the
 * document, or outside an ancestor that clips it. Sideways scrolling counts as
 * clipped (a playlist, a carousel track); vertical scrolling does not (pages that
 * scroll inside a full-height wrapper are read by scrolling).
 */
export function isClipped(el: Element): boolean {
  if (!el.checkVisibility({ opacityProperty: true, visibilityProperty: true })) return true;
  const box = el.getBoundingClientRect();
  if (box.width < 1 || box.height < 1) return true;
  const view = el.ownerDocument.defaultView;
  const root = el.ownerDocument.documentElement;
  if (!view) return false;
  if (
    box.right + view.scrollX <= 0 ||
    box.bottom + view.scrollY <= 0 ||
    box.left + view.scrollX >= root.scrollWidth
  )
    return true;
  for (let a = el.parentElement; a && a !== root; a = a.parentElement) {
    const style = view.getComputedStyle(a);
    const clipsX = style.overflowX !== 'visible';
    const clipsY = style.overflowY === 'hidden' || style.overflowY === 'clip';
    if (!clipsX && !clipsY) continue;
    const r = a.getBoundingClientRect();
    if (clipsX && (box.right <= r.left || box.left >= r.right)) return true;
    if (clipsY && (box.bottom <= r.top || box.top >= r.bottom)) return true;
  }
  return false;
}

/**
 * Moves each entity's first mention past blocks the reader cannot see: checks
 * the blocks that hold a first mention, flags the clipped ones (which
 * `MentionIndex.resolve()` then passes over), and repeats for the mentions that
 * became first. A block is read once (`clipped` stays set).
 * The reads run in animation frames, where the layout they need is the frame's own.
 * Resolves false if the slices' signal aborted.
 */
export async function settleFirstMentions(
  index: MentionIndex,
  slices: Omit<SliceOptions, 'priority'>,
): Promise<boolean> {
  for (;;) {
    index.resolve();
    const pending = new Set<BlockRecord>();
    for (const m of index.mentions((_, first) => first)) {
      if (m.record.clipped === undefined) pending.add(m.record);
    }
    if (pending.size === 0) return true;
    const queue = [...pending];
    let next = 0;
    let moved = false;
    const done = await runSliced(
      (shouldYield) => {
        while (next < queue.length) {
          const record = queue[next++]!;
          record.clipped = isClipped(record.container);
          moved ||= record.clipped;
          if (shouldYield()) break;
        }
        return next >= queue.length;
      },
      { ...slices, priority: 'layout' },
    );
    if (!done) return false;
    if (!moved) return true;
  }
}
