import kbData from '../../generated/kb.json';
import { parseKnowledgeBase } from '../../lib/reader/load';
import { mountReader, mountReaderError } from '../../lib/reader/ReaderApp';
import './style.css';

const root = document.getElementById('app');
if (root) {
  const loaded = parseKnowledgeBase(kbData);
  if (loaded.ok) mountReader(root, loaded.kb);
  else mountReaderError(root, loaded.error);
}
