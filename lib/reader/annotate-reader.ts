import { mountCardHost } from '../card/card-host';
import { cardRenderer } from '../card/card-renderer';
import { loadMatcherData } from '../kb/load';
import { readerMatcherData } from '../match/data';
import { formatRoute } from '../kb/reader-route';
import type { KnowledgeBase } from '../kb/schema';
import { ask } from '../messaging/client';
import { PageController } from '../page/controller';
import { ARTICLE_ELEMENT_ID } from './ReaderApp';

/**
 * The reader's article is annotated by the same engine and cards as any page, with
 * the KB at hand (it also knows the descriptions the articles use, see
 * `readerMatcherData`); its cards open their sources in the reader itself.
 */
export function annotateReader(doc: Document, kb: KnowledgeBase): Promise<void> {
  const signal = new AbortController().signal;
  return new PageController({
    document: doc,
    scope: doc.getElementById(ARTICLE_ELEMENT_ID) ?? undefined,
    adoptDocumentStyles: true,
    matcherData: readerMatcherData(kb, loadMatcherData()),
    signal,
    top: false,
    // From the background, like any page's cards: they cite the reader's library too.
    loadCard: (entity) => ask({ type: 'getCard', entity }),
    openSource: (ref) => {
      doc.location.hash = formatRoute(ref);
    },
    mountCard: () => mountCardHost(doc, () => Promise.resolve(cardRenderer), signal),
  }).start();
}
