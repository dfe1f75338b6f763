import type { browser } from 'wxt/browser';

/** The tab a request came from: the new reader opens beside it. */
export interface OpenerTab {
  id?: number;
  index: number;
  windowId?: number;
}

type TabsAndWindows = Pick<typeof browser, 'tabs' | 'windows'> & {
  runtime: Pick<typeof browser.runtime, 'getContexts'>;
};

/**
 * The extension's own tab showing `readerUrl`, if any. Without the `tabs` permission
 * `tabs.query` hides every tab's URL, the extension's own pages' too (and a `url`
 * filter then matches nothing); `runtime.getContexts` lists the extension's own
 * documents with their tabs.
 */
async function findReaderTab(
  api: TabsAndWindows,
  readerUrl: string,
): Promise<{ tabId: number; windowId: number } | undefined> {
  const contexts = await api.runtime.getContexts({ contextTypes: ['TAB'] });
  const reader = contexts.find((c) => c.documentUrl?.startsWith(readerUrl) && c.tabId >= 0);
  return reader && { tabId: reader.tabId, windowId: reader.windowId };
}

/**
 * "Read in source" keeps one reader tab: it is navigated to the sentence and
 * brought forward; only when there is none does a new one open, next to the tab
 * the reader came from.
 */
export async function showInReaderTab(
  api: TabsAndWindows,
  readerUrl: string,
  target: string,
  opener?: OpenerTab,
): Promise<void> {
  const existing = await findReaderTab(api, readerUrl);
  if (existing) {
    await api.tabs.update(existing.tabId, { url: target, active: true });
    if (existing.windowId >= 0) await api.windows.update(existing.windowId, { focused: true });
    return;
  }
  await api.tabs.create({
    url: target,
    active: true,
    ...(opener && {
      index: opener.index + 1,
      windowId: opener.windowId,
      ...(opener.id !== undefined && { openerTabId: opener.id }),
    }),
  });
}
