import { afterLoad } from './scheduler';

export interface SettleOptions {
  signal: AbortSignal;
  /** The document counts as settled after this long without a DOM change, ms. */
  quietMs?: number;
  /** Start anyway this long after load, however busy the page is, ms. */
  maxMs?: number;
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
  { signal, quietMs = 200, maxMs = 3_000 }: SettleOptions,
): Promise<boolean> {
  await afterLoad(view);
  if (signal.aborted) return false;
  const started = performance.now();
  let last = started;
  const observer = new MutationObserver(() => (last = performance.now()));
  observer.observe(view.document, { childList: true, subtree: true, characterData: true });
  return new Promise((resolve) => {
    let timer: ReturnType<typeof setTimeout>;
    const finish = (settled: boolean) => {
      observer.disconnect();
      clearTimeout(timer);
      signal.removeEventListener('abort', onAbort);
      resolve(settled);
    };
    const onAbort = () => finish(false);
    const check = () => {
      const now = performance.now();
      const quietFor = now - last;
      if (quietFor >= quietMs || now - started >= maxMs) finish(true);
      else timer = setTimeout(check, Math.min(quietMs - quietFor, maxMs - (now - started)));
    };
    signal.addEventListener('abort', onAbort, { once: true });
    timer = setTimeout(check, quietMs);
  });
}
