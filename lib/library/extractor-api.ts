import type { Extraction, ExtractMode } from './extract';

/**
 * Readability is as large as the rest of the content script and is needed only when
 * the reader adds a page, so Chrome loads it from a separate file at that moment
 * (like the card UI, see lib/card/card-renderer-api.ts). This module is what both
 * sides share: no Readability code.
 */
export type PageExtractor = (doc: Document, mode: ExtractMode, selection: string) => Extraction;

const PAGE_EXTRACTOR_GLOBAL = '__backstoryPageExtractor';

export function publishPageExtractor(extractor: PageExtractor): void {
  (globalThis as Record<string, unknown>)[PAGE_EXTRACTOR_GLOBAL] = extractor;
}

export async function loadPageExtractor(url: string): Promise<PageExtractor> {
  await import(/* @vite-ignore */ url);
  const extractor = (globalThis as Record<string, unknown>)[PAGE_EXTRACTOR_GLOBAL];
  if (typeof extractor !== 'function') {
    throw new Error(`Backstory: the article reader at ${url} did not load`);
  }
  return extractor as PageExtractor;
}
