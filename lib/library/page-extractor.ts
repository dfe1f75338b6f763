import { extractArticle, type ExtractMode, type Extraction } from './extract';

/** Reads a document for the library, with the page's own address. */
export function extractDocument(
  doc: Document,
  url: string,
  mode: ExtractMode,
  selection: string,
): Extraction {
  return extractArticle({ document: doc, url, mode, selection });
}

/** Reads HTML sent by a content script (Firefox): parsed inertly, no script runs, nothing loads. */
export function extractHtml(
  html: string,
  url: string,
  mode: ExtractMode,
  selection: string,
): Extraction {
  const doc = new DOMParser().parseFromString(html, 'text/html');
  return extractDocument(doc, url, mode, selection);
}
