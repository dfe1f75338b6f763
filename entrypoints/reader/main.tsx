import kbData from '../../generated/kb.json';
import { loadMatcherData, parseKnowledgeBase } from '../../lib/kb/load';
import { LibraryStore } from '../../lib/library/store';
import { annotateReader } from '../../lib/reader/annotate-reader';
import { mountReader, mountReaderError } from '../../lib/reader/ReaderApp';
import './style.css';

const root = document.getElementById('app');
if (root) {
  const loaded = parseKnowledgeBase(kbData);
  if (!loaded.ok) {
    mountReaderError(root, loaded.error);
  } else {
    mountReader(root, loaded.kb, { store: new LibraryStore(), matcherData: loadMatcherData() });
    // The article reads as well unmarked: a failure to mark it is for the console.
    annotateReader(document, loaded.kb).catch((error: unknown) =>
      console.warn('Backstory: could not mark the article', error),
    );
  }
}
