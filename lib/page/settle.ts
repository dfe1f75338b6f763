import { loadFired } from './scheduler';

export interface SettleOptions {
  signal: AbortSignal;
  /** The document counts as settled after this long without a DOM change, ms. */
  quietMs: number;
  /** Start anyway this long after load, however busy the page is, ms. */
  maxMs?: number;
  /** After a change, how long the page is left alone before it is watched again, ms. */
  lookAgainMs?: number;
}

/**
 * Resolves once the page has loaded and stopped rewriting its DOM for a moment (true),
 * or false if `signal` aborts first. A page busy mutating right after load is an app
 * at work (a mail client filling its list, a benchmark's to-do app): reading its text
 * can wait until it pauses, and starting in the middle of that work would slow it.
 * A page that never pauses (a ticker, a chat) is read after `maxMs` all the same.
 */
export async function afterLoadSettled(
  view: Window,
  { signal, quietMs, maxMs = 3_000, lookAgainMs = 50 }: SettleOptions,
): Promise<boolean> {
  // The quiet moment may be the one the page spends on its first layout after load.
  await loadFired(view);
  if (signal.aborted) return false;
  return new Promise((resolve) => {
    // An observer left connected would run its callback after every task of a busy app
    // (thousands in a to-do benchmark), each a call into this script's world. Once the
    // page is seen changing, it is busy: the observer disconnects and looks again later,
    // and the page counts as quiet only after quietMs watched without a change.
    const observer = new MutationObserver(() => {
      observer.disconnect();
      clearTimeout(quietTimer);
      lookAgain = setTimeout(watch, lookAgainMs);
    });
    let quietTimer: ReturnType<typeof setTimeout> | undefined;
    let lookAgain: ReturnType<typeof setTimeout> | undefined;
    const watch = () => {
      observer.observe(view.document, { childList: true, subtree: true, characterData: true });
      quietTimer = setTimeout(() => finish(true), quietMs);
    };
    const finish = (settled: boolean) => {
      observer.disconnect();
      clearTimeout(quietTimer);
      clearTimeout(lookAgain);
      clearTimeout(maxTimer);
      signal.removeEventListener('abort', onAbort);
      resolve(settled);
    };
    const onAbort = () => finish(false);
    const maxTimer = setTimeout(() => finish(true), maxMs);
    signal.addEventListener('abort', onAbort, { once: true });
    watch();
  });
}
