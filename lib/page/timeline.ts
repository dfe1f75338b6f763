/**
 * Marks on the page's performance timeline for the benchmark and DevTools. A page
 * can read every entry of its timeline, so only the benchmark build
 * (`npm run build:bench`, see wxt.config.ts) makes them; in other builds this is a
 * no-op the bundler drops.
 */
declare global {
  interface ImportMetaEnv {
    readonly BACKSTORY_MARKS?: boolean;
  }
}

export function timelineMark(name: string, detail?: unknown): void {
  if (import.meta.env.BACKSTORY_MARKS) performance.mark(name, { detail });
}

/** A measure from an earlier `timelineMark` to now, in the benchmark build only. */
export function timelineMeasure(name: string, startMark: string): void {
  if (import.meta.env.BACKSTORY_MARKS) performance.measure(name, startMark);
}
