import { describe, expect, it, vi } from 'vitest';
import { showInReaderTab } from './reader-tab';

const READER = 'chrome-extension://id/reader.html';

/** `tabs` as the extension sees them: the reader's own documents are found by runtime.getContexts. */
function fakeApi(readers: { tabId: number; windowId: number; documentUrl: string }[]) {
  return {
    runtime: {
      getContexts: vi.fn(async ({ contextTypes }: { contextTypes: string[] }) =>
        contextTypes.includes('TAB') ? readers : [],
      ),
    },
    tabs: {
      update: vi.fn(async () => ({})),
      create: vi.fn(async () => ({})),
    },
    windows: { update: vi.fn(async () => ({})) },
  };
}

describe('the reader tab', () => {
  it('is reused and brought forward when there is one', async () => {
    const api = fakeApi([{ tabId: 7, windowId: 2, documentUrl: `${READER}#article=a&block=1` }]);
    await showInReaderTab(api as never, READER, `${READER}#article=b&block=4`, { id: 1, index: 0 });
    expect(api.tabs.update).toHaveBeenCalledWith(7, {
      url: `${READER}#article=b&block=4`,
      active: true,
    });
    expect(api.windows.update).toHaveBeenCalledWith(2, { focused: true });
    expect(api.tabs.create).not.toHaveBeenCalled();
  });

  it('never reuses a context that is not the reader in a tab', async () => {
    const api = fakeApi([
      { tabId: -1, windowId: -1, documentUrl: `${READER}#article=a` },
      { tabId: 4, windowId: 1, documentUrl: 'chrome-extension://id/options.html' },
    ]);
    await showInReaderTab(api as never, READER, `${READER}#article=b`);
    expect(api.tabs.update).not.toHaveBeenCalled();
    expect(api.tabs.create).toHaveBeenCalledWith({ url: `${READER}#article=b`, active: true });
  });

  it('opens beside the tab it came from when there is none', async () => {
    const api = fakeApi([]);
    await showInReaderTab(api as never, READER, `${READER}#article=b`, {
      id: 3,
      index: 4,
      windowId: 1,
    });
    expect(api.tabs.create).toHaveBeenCalledWith({
      url: `${READER}#article=b`,
      active: true,
      index: 5,
      windowId: 1,
      openerTabId: 3,
    });
  });
});
