import { browser } from 'wxt/browser';
import type { Extraction, ExtractMode } from '../library/extract';
import { loadPageExtractor } from '../library/extractor-api';

/** Chrome: Readability runs in the content script, on a copy of the page, loaded on first use. */
export async function extractFromPage(doc: Document, mode: ExtractMode): Promise<Extraction> {
  const extract = await loadPageExtractor(browser.runtime.getURL('/library-extract.js'));
  const selection = doc.getSelection()?.toString() ?? '';
  return extract(doc.cloneNode(true) as Document, mode, selection);
}
