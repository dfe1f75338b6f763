import kbData from '../../generated/kb.json';
import cardCss from '../../lib/card/card.css?inline';
import popoverCss from '../../lib/card/popover.css?inline';
import { loadMatcherData, parseKnowledgeBase, readerMatcherData } from '../../lib/kb/load';
import { LibraryStore } from '../../lib/library/store';
import { ask } from '../../lib/messaging/client';
import { createLiveRegion } from '../../lib/page/announcer';
import { PageController } from '../../lib/page/controller';
import { MARKS_HOST } from '../../lib/page/forced-colors-marks';
import { formatRoute } from '../../lib/kb/reader-route';
import { ARTICLE_ELEMENT_ID, mountReader, mountReaderError } from '../../lib/reader/ReaderApp';
import { cardRenderer } from '../../lib/card/card-renderer';
import './style.css';

const root = document.getElementById('app');
if (root) {
  const loaded = parseKnowledgeBase(kbData);
  if (!loaded.ok) {
    mountReaderError(root, loaded.error);
  } else {
    const { kb } = loaded;
    const matcherData = loadMatcherData();
    mountReader(root, kb, { store: new LibraryStore(), matcherData });
    // The reader is annotated by the same engine and cards as any page, with the KB at hand.
    void new PageController({
      document,
      scope: document.getElementById(ARTICLE_ELEMENT_ID) ?? undefined,
      adoptDocumentStyles: true,
      matcherData: readerMatcherData(kb),
      signal: new AbortController().signal,
      top: false,
      exclude: (el) => el.localName === 'backstory-card' || el.localName === MARKS_HOST,
      // From the background, like any page's cards: they cite the reader's library too.
      loadCard: (entity) => ask({ type: 'getCard', entity }),
      openSource: (ref) => {
        location.hash = formatRoute(ref);
      },
      mountCard: async () => {
        const host = document.createElement('backstory-card');
        const shadow = host.attachShadow({ mode: 'open' });
        const style = document.createElement('style');
        style.textContent = cardCss + popoverCss;
        const container = document.createElement('div');
        const live = createLiveRegion(document);
        shadow.append(style, container, live);
        document.body.append(host);
        return { host, container, live, renderer: cardRenderer };
      },
    }).start();
  }
}
