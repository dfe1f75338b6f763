import { importLazy, publishLazy } from '../bundle/lazy-script';
import type { runPage } from './run-page';

/**
 * The engine, the matcher's tables and the settings schema are most of the content
 * script, and most frames it starts in never settle into a page worth reading (an app's
 * throwaway iframes, an ad slot). So Chrome's content script only waits for the page to
 * settle, and imports the rest from a separate file then. This module is what both sides
 * share: no engine code.
 */
export type PageRunner = typeof runPage;

const NAME = 'PageRunner';

export function publishPageRunner(run: PageRunner): void {
  publishLazy(NAME, run);
}

export async function loadPageRunner(url: string): Promise<PageRunner> {
  const run = await importLazy(url, NAME);
  if (typeof run !== 'function')
    throw new Error(`Backstory: the page engine at ${url} did not load`);
  return run as PageRunner;
}
