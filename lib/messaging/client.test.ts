import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { ask, listen } from './client';

beforeEach(() => fakeBrowser.reset());
afterEach(() => vi.restoreAllMocks());

const trigger = (message: unknown) => fakeBrowser.runtime.onMessage.trigger(message, {});

describe('listen', () => {
  it('answers a well-formed request of a kind it handles', async () => {
    listen({ showEntity: ({ entity }) => entity === 'isis-k' });
    expect(await trigger({ type: 'showEntity', entity: 'isis-k' })).toEqual([true]);
  });

  it('leaves a malformed request unanswered and says what was wrong', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const handler = vi.fn(() => true);
    listen({ showEntity: handler });
    expect(await trigger({ type: 'showEntity', entity: '' })).toEqual([undefined]);
    expect(handler).not.toHaveBeenCalled();
    expect(warn).toHaveBeenCalledWith('Backstory: ignored a malformed message', expect.any(String));
  });

  it('leaves kinds it does not handle, unknown kinds and foreign messages to others', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    listen({ showEntity: () => true });
    expect(await trigger({ type: 'stepMention', direction: 1 })).toEqual([undefined]);
    expect(await trigger({ type: 'noSuchKind' })).toEqual([undefined]);
    expect(await trigger('hello')).toEqual([undefined]);
    expect(warn).toHaveBeenCalledTimes(1);
    expect(warn).toHaveBeenCalledWith('Backstory: ignored a message of unknown type', 'noSuchKind');
  });

  it('stops answering once its signal aborts', async () => {
    const abort = new AbortController();
    listen({ showEntity: () => true }, abort.signal);
    abort.abort();
    expect(await trigger({ type: 'showEntity', entity: 'isis-k' })).toEqual([]);
  });
});

describe('ask', () => {
  it('gives the answer when it has the shape of the kind', async () => {
    listen({ showEntity: () => true });
    await expect(ask({ type: 'showEntity', entity: 'isis-k' })).resolves.toBe(true);
  });

  it('rejects an answer of the wrong shape', async () => {
    fakeBrowser.runtime.onMessage.addListener(() => Promise.resolve('yes'));
    await expect(ask({ type: 'showEntity', entity: 'isis-k' })).rejects.toThrow();
  });
});
