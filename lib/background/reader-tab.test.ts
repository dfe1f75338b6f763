import { describe, expect, it, vi } from 'vitest';
import { showInReaderTab } from './reader-tab';

const READER = 'chrome-extension://id/reader.html';

function fakeApi(tabs: { id: number; windowId: number; url: string }[]) {
  return {
    tabs: {
      query: vi.fn(async ({ url }: { url: string }) =>
        tabs.filter((t) => t.url.startsWith(url.replace(/\*$/, ''))),
      ),
      update: vi.fn(async () => ({})),
      create: vi.fn(async () => ({})),
    },
    windows: { update: vi.fn(async () => ({})) },
  };
}

describe('the reader tab', () => {
  it('is reused and brought forward when there is one', async () => {
    const api = fakeApi([{ id: 7, windowId: 2, url: `${READER}#article=a&block=1` }]);
    await showInReaderTab(api as never, READER, `${READER}#article=b&block=4`, { id: 1, index: 0 });
    expect(api.tabs.update).toHaveBeenCalledWith(7, {
      url: `${READER}#article=b&block=4`,
      active: true,
    });
    expect(api.windows.update).toHaveBeenCalledWith(2, { focused: true });
    expect(api.tabs.create).not.toHaveBeenCalled();
  });

  it('never reuses a tab whose URL it cannot see or that is not the reader', async () => {
    const api = fakeApi([]);
    api.tabs.query.mockResolvedValue([
      { id: 3, windowId: 1 },
      { id: 4, url: 'https://x.example/' },
    ] as never);
    await showInReaderTab(api as never, READER, `${READER}#article=b`);
    expect(api.tabs.update).not.toHaveBeenCalled();
    expect(api.tabs.create).toHaveBeenCalledWith({ url: `${READER}#article=b`, active: true });
  });

  it('opens beside the tab it came from when there is none', async () => {
    const api = fakeApi([{ id: 3, windowId: 1, url: 'https://news.example/' }]);
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
