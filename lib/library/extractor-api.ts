import { importLazy, publishLazy } from '../bundle/lazy-script';
import type { Extraction, ExtractMode } from './extract';

/**
 * Readability is as large as the rest of the content script and is needed only when
 * the reader adds a page, so Chrome loads it from a separate file at that moment
 * (like the card UI, see lib/card/card-renderer-api.ts). This module is what both
 * sides share: no Readability code.
 */
export type PageExtractor = (doc: Document, mode: ExtractMode, selection: string) => Extraction;

const NAME = 'PageExtractor';

export function publishPageExtractor(extractor: PageExtractor): void {
  publishLazy(NAME, extractor);
}

export async function loadPageExtractor(url: string): Promise<PageExtractor> {
  const extractor = await importLazy(url, NAME);
  if (typeof extractor !== 'function') {
    throw new Error(`Backstory: the article reader at ${url} did not load`);
  }
  return extractor as PageExtractor;
}
