/**
 * Marks on the page's performance timeline for the benchmark and DevTools. A page
 * can read every entry of its timeline, so only the benchmark build (`wxt build
 * --mode bench`) makes them; in other builds this is a no-op the bundler drops.
 */
export function timelineMark(name: string, detail?: unknown): void {
  if (import.meta.env.MODE === 'bench') performance.mark(name, { detail });
}
