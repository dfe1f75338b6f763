import { browser } from 'wxt/browser';
import { loadKnowledgeBase, loadMatcherData } from '@/lib/kb/load';
import { createLibraryMenus, LibraryService, listenForAddRequests } from '@/lib/library/background';
import { extractHtml } from '@/lib/library/page-extractor';
import { listen, tell } from '@/lib/messaging';
import { showInReaderTab } from '@/lib/reader/reader-tab';
import { formatRoute } from '@/lib/reader/route';
import { createLookup, type Lookup } from '@/lib/search/lookup';
import { lookUpSelection } from '@/lib/search/selection-lookup';

const LOOKUP_MENU_ID = 'backstory-lookup';

export default defineBackground(() => {
  const library = new LibraryService(loadKnowledgeBase, loadMatcherData);
  listenForAddRequests(library);
  listen({
    getCard: ({ entity }) => library.card(entity),
    addPage: ({ tabId, mode }) => library.addFromTab(tabId, mode),
    // Only Firefox's content script sends page HTML; Chrome's service worker has no DOMParser.
    ...(import.meta.env.FIREFOX && {
      extractHtml: ({ html, url, mode, selection }) => extractHtml(html, url, mode, selection),
    }),
    openReader: async ({ ref }, sender) => {
      const reader = browser.runtime.getURL('/reader.html');
      await showInReaderTab(browser, reader, `${reader}${formatRoute(ref)}`, sender.tab);
      return null;
    },
  });

  browser.commands.onCommand.addListener(async (command) => {
    const direction = command === 'next-mention' ? 1 : command === 'previous-mention' ? -1 : null;
    if (direction === null) return;
    const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
    if (tab?.id === undefined) return;
    // Pages where content scripts cannot run (the browser's own) simply have no listener.
    await tell(tab.id, { type: 'stepMention', direction }).catch(() => undefined);
  });

  // Chrome keeps menus across service worker restarts but not across updates (onInstalled);
  // Firefox's MV2 background page has to create them again on every browser start.
  const createMenus = async () => {
    await browser.contextMenus.removeAll();
    browser.contextMenus.create({
      id: LOOKUP_MENU_ID,
      title: 'Look up “%s” in Backstory',
      contexts: ['selection'],
    });
    createLibraryMenus();
  };
  browser.runtime.onInstalled.addListener(createMenus);
  // `npm run dev` starts on the bundled reader, so something works with no setup.
  if (import.meta.env.DEV) {
    browser.runtime.onInstalled.addListener(() => {
      void browser.tabs.create({ url: browser.runtime.getURL('/reader.html') });
    });
  }
  browser.runtime.onStartup.addListener(createMenus);

  // Built on first use: most service worker wake-ups only answer getCard.
  let lookup: Lookup | undefined;
  browser.contextMenus.onClicked.addListener((info, tab) => {
    if (info.menuItemId !== LOOKUP_MENU_ID || !info.selectionText) return;
    lookup ??= createLookup(loadKnowledgeBase());
    void lookUpSelection(info.selectionText, tab?.id, {
      lookup,
      showCards: (tabId, entities) => tell<'showLookup'>(tabId, { type: 'showLookup', entities }),
      // MV2 (Firefox) has browserAction where MV3 has action.
      openPopup: () => (browser.action ?? browser.browserAction).openPopup(),
    });
  });
});
