import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { pendingQueryItem } from './pending-query';
import { lookUpSelection, type SelectionLookupEnv } from './selection-lookup';

const env = (over: Partial<SelectionLookupEnv> = {}): SelectionLookupEnv => ({
  lookup: { exact: (text) => (text.trim() === 'IS-K' ? ['isis-k'] : []) },
  showCards: vi.fn(async () => true),
  openPopup: vi.fn(async () => undefined),
  ...over,
});

beforeEach(() => {
  fakeBrowser.reset();
});

describe('lookUpSelection', () => {
  it('shows the card in the page when the selection is exactly a name', async () => {
    const e = env();
    expect(await lookUpSelection('IS-K', 7, e)).toBe('card');
    expect(e.showCards).toHaveBeenCalledWith(7, ['isis-k']);
    expect(e.openPopup).not.toHaveBeenCalled();
    expect(await pendingQueryItem.getValue()).toBeNull();
  });

  it('hands anything else to the popup, trimmed', async () => {
    const e = env();
    expect(await lookUpSelection('  Gafari\n', 7, e)).toBe('popup');
    expect(e.showCards).not.toHaveBeenCalled();
    expect(e.openPopup).toHaveBeenCalledOnce();
    expect(await pendingQueryItem.getValue()).toBe('Gafari');
  });

  it('falls back to the popup when the page cannot show the card', async () => {
    const e = env({ showCards: vi.fn(async () => Promise.reject(new Error('no receiver'))) });
    expect(await lookUpSelection('IS-K', 7, e)).toBe('popup');
    expect(await pendingQueryItem.getValue()).toBe('IS-K');

    const declined = env({ showCards: vi.fn(async () => false) });
    expect(await lookUpSelection('IS-K', 7, declined)).toBe('popup');
  });

  it('keeps the query for the next popup when the popup cannot open', async () => {
    const e = env({ openPopup: vi.fn(async () => Promise.reject(new Error('no window'))) });
    expect(await lookUpSelection('Khorason', undefined, e)).toBe('stored');
    expect(await pendingQueryItem.getValue()).toBe('Khorason');
  });

  it('opens the popup in the same turn as the click, before storage settles', async () => {
    const e = env();
    const done = lookUpSelection('Gafari', 7, e);
    expect(e.openPopup).toHaveBeenCalledOnce();
    expect(await done).toBe('popup');
  });
});
