import { browser } from 'wxt/browser';
import { formatRoute } from '../kb/reader-route';
import { extractHtml } from '../library/page-extractor';
import { listen } from '../messaging/client';
import { showInReaderTab } from './reader-tab';
import type { LibraryService } from './library';

/** Answers what the content scripts and the extension's pages ask the background. */
export function answerRequests(library: LibraryService): void {
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
}
