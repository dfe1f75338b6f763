import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { pendingQueryItem, takePendingQuery, watchPendingQuery } from './pending-query';

beforeEach(() => {
  fakeBrowser.reset();
});

describe('pending popup query', () => {
  it('is read once, then cleared', async () => {
    expect(await takePendingQuery()).toBeNull();
    await pendingQueryItem.setValue('Gafari');
    expect(await fakeBrowser.storage.session.get('popupQuery')).toEqual({ popupQuery: 'Gafari' });
    expect(await takePendingQuery()).toBe('Gafari');
    expect(await takePendingQuery()).toBeNull();
  });

  it('reaches a popup that opened before the query was stored, and is cleared', async () => {
    const seen = vi.fn();
    const unwatch = watchPendingQuery(seen);
    await pendingQueryItem.setValue('Khorason');
    await vi.waitFor(() => expect(seen).toHaveBeenCalledWith('Khorason'));
    await vi.waitFor(async () => expect(await pendingQueryItem.getValue()).toBeNull());
    expect(seen).toHaveBeenCalledOnce();
    unwatch();
  });
});
