import { ask } from '../messaging/client';
import type { Extraction, ExtractMode } from '../library/extract';

/**
 * Firefox: addons.mozilla.org rejects `import()` of a computed URL, and bundling
 * Readability would double the content script, so the page's HTML goes to the
 * background page (which has a DOM parser) and is read there.
 */
export function extractFromPage(doc: Document, mode: ExtractMode): Promise<Extraction> {
  return ask({
    type: 'extractHtml',
    html: doc.documentElement.outerHTML,
    url: doc.location?.href ?? '',
    mode,
    selection: doc.getSelection()?.toString() ?? '',
  });
}
