import { browser } from 'wxt/browser';
import { loadMatcherData } from '../kb/load';
import type { KnowledgeBase, SentenceRef } from '../kb/schema';
import { loadLibrary } from '../library/load';
import { LibraryStore } from '../library/store';
import type { PopupLibraryEnv } from '../library/AddPageSection';
import { formatRoute } from '../kb/reader-route';
import { ask, tell } from '../messaging/client';
import type { CardData } from '../kb/card-data';
import type { PageMentions } from './page-mentions';

/** Everything the popup needs from the browser, so tests can hand it a fake. */
export interface PopupEnv {
  kb: KnowledgeBase;
  getCard(entity: string): Promise<CardData | null>;
  openSource(ref: SentenceRef): Promise<void>;
  /** The active tab's findings; rejects where no content script runs. */
  pageMentions(): Promise<{ tabId: number; mentions: PageMentions }>;
  showEntity(tabId: number, entity: string): Promise<boolean>;
  openOptions(): Promise<void>;
  close(): void;
  /** The reader's own library (lib/library); absent where it is not offered. */
  library?: PopupLibraryEnv;
}

export function browserPopupEnv(kb: KnowledgeBase, win: Window = window): PopupEnv {
  return {
    kb,
    getCard: (entity) => ask({ type: 'getCard', entity }),
    openSource: async (ref) => {
      await ask({ type: 'openReader', ref });
    },
    async pageMentions() {
      const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
      if (tab?.id === undefined) throw new Error('No active tab');
      return {
        tabId: tab.id,
        mentions: await tell<'pageMentions'>(tab.id, { type: 'pageMentions' }),
      };
    },
    showEntity: (tabId, entity) => tell<'showEntity'>(tabId, { type: 'showEntity', entity }),
    openOptions: () => browser.runtime.openOptionsPage(),
    close: () => win.close(),
    library: {
      load: () => loadLibrary(new LibraryStore(), loadMatcherData()),
      async addPage(mode) {
        const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
        if (tab?.id === undefined) throw new Error('no active tab');
        return ask({ type: 'addPage', tabId: tab.id, mode });
      },
      async openLibrary(article) {
        const route = article ? formatRoute({ article }) : '';
        await browser.tabs.create({
          url: browser.runtime.getURL(`/reader.html${route}` as `/reader.html`),
        });
        win.close();
      },
    },
  };
}
