import { browser } from 'wxt/browser';
import { loadKnowledgeBase } from '../kb/load';
import { tell } from '../messaging/client';
import { createLookup, type Lookup } from '../search/lookup';
import { lookUpSelection } from '../search/selection-lookup';
import { createLibraryMenus } from './library';

const LOOKUP_MENU_ID = 'backstory-lookup';

/** The context menus: look up the selection, and the library's own. */
export function setUpMenus(): void {
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
  const recreateMenus = () => {
    createMenus().catch((error: unknown) =>
      console.warn('Backstory: could not create the context menus', error),
    );
  };
  browser.runtime.onInstalled.addListener(recreateMenus);
  browser.runtime.onStartup.addListener(recreateMenus);

  // Built on first use: most service worker wake-ups only answer getCard.
  let lookup: Lookup | undefined;
  browser.contextMenus.onClicked.addListener((info, tab) => {
    if (info.menuItemId !== LOOKUP_MENU_ID || !info.selectionText) return;
    lookup ??= createLookup(loadKnowledgeBase());
    lookUpSelection(info.selectionText, tab?.id, {
      lookup,
      showCards: (tabId, entities) => tell<'showLookup'>(tabId, { type: 'showLookup', entities }),
      // MV2 (Firefox) has browserAction where MV3 has action.
      openPopup: () => (browser.action ?? browser.browserAction).openPopup(),
    }).catch((error: unknown) => console.warn('Backstory: could not look up the selection', error));
  });
}
