import { loadFired } from './scheduler';

export interface SettleOptions {
  signal: AbortSignal;
  /** The document counts as settled after this long without a change, ms. */
  quietMs: number;
  /** Start anyway this long after load, however busy the page is, ms. */
  maxMs?: number;
}

/**
 * Resolves once the page has loaded and stopped adding and removing elements for a
 * moment (true), or false if `signal` aborts first. A page busy building its DOM right
 * after load is an app at work (a mail client filling its list, a benchmark's to-do
 * app): reading its text can wait until it pauses, and starting in the middle of that
 * work would slow it. A page that never pauses (a ticker, a chat) is read after `maxMs`
 * all the same.
 *
 * It counts the document's elements now and then instead of observing its mutations:
 * while a MutationObserver is connected, each change the page makes also builds a
 * record, in the page's own task, before any callback can disconnect it (1,000 list
 * items added, edited and removed: 3.0 ms with a document observer connected, 2.3 ms
 * without). Most frames never settle (an app's throwaway frames, an ad slot that keeps
 * rotating) and would pay that for as long as they live. A live collection keeps its
 * length until the tree changes, so an unchanged page is not walked again.
 */
export async function afterLoadSettled(
  view: Window,
  { signal, quietMs, maxMs = 3_000 }: SettleOptions,
): Promise<boolean> {
  // The quiet moment may be the one the page spends on its first layout after load.
  await loadFired(view);
  if (signal.aborted) return false;
  const elements = view.document.getElementsByTagName('*');
  return new Promise((resolve) => {
    const start = view.performance.now();
    // Counted first at the first look, not here: this runs while the load event is still
    // being dispatched, and counting walks the whole document. The quiet is timed from
    // that first count too: what changed before it went unseen.
    let count: number | null = null;
    let changedAt = start;
    const look = () => {
      const now = view.performance.now();
      const seen = elements.length;
      if (seen !== count) changedAt = now;
      count = seen;
      if (now - changedAt >= quietMs || now - start >= maxMs) finish(true);
    };
    // A few looks per quiet period, so the start comes soon after the pause's end.
    const timer = setInterval(look, Math.max(10, Math.min(100, quietMs / 4)));
    const finish = (settled: boolean) => {
      clearInterval(timer);
      signal.removeEventListener('abort', onAbort);
      resolve(settled);
    };
    const onAbort = () => finish(false);
    signal.addEventListener('abort', onAbort, { once: true });
  });
}
