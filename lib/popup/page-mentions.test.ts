import { describe, expect, it } from 'vitest';
import { loadKnowledgeBase } from '../kb/load';
import { defaultSettings } from '../settings/schema';
import { pageEntities } from './page-mentions';

const kb = loadKnowledgeBase();
const mentions = {
  host: 'example.com',
  active: true,
  entities: [
    { id: 'moscow', count: 2 },
    { id: 'isis-k', count: 9 },
    { id: 'sanaullah-ghafari', count: 2 },
    { id: 'no-such-entity', count: 4 },
  ],
};

describe('pageEntities', () => {
  it('names the entities from the KB, most mentioned first, then by name', () => {
    expect(pageEntities(kb, mentions, defaultSettings.categories)).toEqual([
      { id: 'isis-k', name: 'ISIS-K', category: 'group', count: 9 },
      { id: 'moscow', name: 'Moscow', category: 'place', count: 2 },
      { id: 'sanaullah-ghafari', name: 'Sanaullah Ghafari', category: 'person', count: 2 },
    ]);
  });

  it('leaves out the categories the user hides', () => {
    const categories = { ...defaultSettings.categories, place: false, person: false };
    expect(pageEntities(kb, mentions, categories).map((e) => e.id)).toEqual(['isis-k']);
  });
});
