import type { browser } from 'wxt/browser';

/** The tab a request came from: the new reader opens beside it. */
export interface OpenerTab {
  id?: number;
  index: number;
  windowId?: number;
}

type TabsAndWindows = Pick<typeof browser, 'tabs' | 'windows'>;

/**
 * "Read in source" keeps one reader tab: it is navigated to the sentence and
 * brought forward; only when there is none does a new one open, next to the tab
 * the reader came from. Finding it needs no `tabs` permission: an extension sees
 * the URLs of its own pages.
 */
export async function showInReaderTab(
  api: TabsAndWindows,
  readerUrl: string,
  target: string,
  opener?: OpenerTab,
): Promise<void> {
  // A browser that ignored the filter, or hid the URLs, must not get some other tab reused.
  const existing = (await api.tabs.query({ url: `${readerUrl}*` })).find((t) =>
    t.url?.startsWith(readerUrl),
  );
  if (existing?.id !== undefined) {
    await api.tabs.update(existing.id, { url: target, active: true });
    if (existing.windowId !== undefined) {
      await api.windows.update(existing.windowId, { focused: true });
    }
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
