import '../../lib/card/card.css';
import './style.css';
import { loadKnowledgeBase } from '../../lib/kb/load';
import { browserPopupEnv } from '../../lib/popup/env';
import { mountPopup, mountPopupError } from '../../lib/popup/PopupApp';

const root = document.getElementById('app');
if (root) {
  try {
    mountPopup(root, browserPopupEnv(loadKnowledgeBase()));
  } catch (error) {
    mountPopupError(root, (error as Error).message);
  }
}
