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
    void annotateReader(document, loaded.kb);
  }
}
