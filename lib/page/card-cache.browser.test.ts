import { describe, expect, it, vi } from 'vitest';
import { testCard } from '../test-support/card-fixture';
import { cachedCards } from './card-cache';

describe('cachedCards', () => {
  it('asks for each entity once, until cleared', async () => {
    const load = vi.fn((entity: string) => Promise.resolve(testCard(entity, entity, 'place')));
    const cards = cachedCards(load);
    const [first, again] = [cards.get('kerman'), cards.get('kerman')];
    expect(first).toBe(again);
    expect((await first)?.id).toBe('kerman');
    await cards.get('isis-k');
    expect(load.mock.calls.map(([entity]) => entity)).toEqual(['kerman', 'isis-k']);
    cards.clear();
    await cards.get('kerman');
    expect(load).toHaveBeenCalledTimes(3);
  });

  it('asks again after a failed request, as after the background restarted', async () => {
    const load = vi
      .fn<(entity: string) => Promise<ReturnType<typeof testCard> | null>>()
      .mockRejectedValueOnce(new Error('Receiving end does not exist'))
      .mockResolvedValue(null);
    const cards = cachedCards(load);
    await expect(cards.get('kerman')).rejects.toThrow('Receiving end');
    await expect(cards.get('kerman')).resolves.toBeNull();
    expect(load).toHaveBeenCalledTimes(2);
  });
});
