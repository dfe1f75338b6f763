import { describe, expect, test } from 'vitest';
import { loadKnowledgeBase, loadMatcherData } from '../kb/load';
import { toCardData } from '../kb/card-data';
import { withLibrary } from './card';
import { createLibraryIndex } from './index-article';
import { indexKeyFor, parseIndexRecords } from './index-record';
import { article } from './test-articles';

const kb = loadKnowledgeBase();
const matcher = loadMatcherData();

const added = article({
  id: 'lib-moscow1',
  title: 'Inside the Crocus City Hall investigation',
  siteName: 'Example Times',
  published: '2024-04-02',
  blocks: [
    { kind: 'heading', text: 'Inside the Crocus City Hall investigation' },
    {
      kind: 'paragraph',
      text: 'Investigators say the Crocus City Hall attack killed 145 people, the deadliest attack in Russia in two decades. Islamic State Khorasan Province, known as ISIS-K, claimed responsibility within hours.',
    },
    {
      kind: 'paragraph',
      text: 'Russian officials said Sanaullah Ghafari had not been questioned. Ghafari was not named in the indictment, and the risk of new attacks remains.',
    },
  ],
});

describe('library index', () => {
  const index = createLibraryIndex([added], matcher);

  test('finds known entities with the page matcher, surname rule included', () => {
    const found = index.entitiesIn('lib-moscow1');
    expect(found).toEqual(
      expect.arrayContaining(['crocus-city-hall-attack', 'isis-k', 'sanaullah-ghafari']),
    );
    // "Ghafari" after the full name counts; no entity for "risk" (ISK in lower case).
    expect(index.entity('sanaullah-ghafari')?.mentionCount).toBe(2);
    expect(found.every((id) => kb.entities.some((e) => e.id === id))).toBe(true);
  });

  test('sentences come from the same splitter and selection as the KB', () => {
    const view = index.entity('crocus-city-hall-attack')!;
    expect(view.sources.length).toBeGreaterThan(0);
    expect(index.sentenceText(view.sources[0]!)).toBe(
      'Investigators say the Crocus City Hall attack killed 145 people, the deadliest attack in Russia in two decades.',
    );
  });

  test('the card gains the library part, counts and the new figure; the description stays', () => {
    const base = toCardData(kb, 'crocus-city-hall-attack')!;
    const card = withLibrary(base, kb, index);
    expect(card.description).toEqual(base.description);
    expect(card.sources).toEqual(base.sources);
    expect(card.library?.[0]).toMatchObject({
      credit: 'Example Times',
      title: 'Inside the Crocus City Hall investigation',
      ref: { article: 'lib-moscow1', block: 1, sentence: 0 },
      addedByReader: { published: '2024-04-02', addedAt: added.addedAt },
    });
    expect(card.mentionCount).toBe(
      base.mentionCount + index.entity('crocus-city-hall-attack')!.mentionCount,
    );
    expect(card.articleCount).toBe(base.articleCount + 1);
    const toll = card.claims.find((c) => c.subject === 'Death toll')!;
    const fresh = toll.versions.at(-1)!;
    expect(fresh.value).toBe('145');
    expect(fresh.sources[0]?.addedByReader).toBeDefined();
    expect(toll.versions.length).toBe(
      base.claims.find((c) => c.subject === 'Death toll')!.versions.length + 1,
    );
  });

  test('an entity the library does not name keeps its card as it is', () => {
    const base = toCardData(kb, 'beslan-school-siege')!;
    expect(withLibrary(base, kb, index)).toBe(base);
  });
});

describe('stored indexes', () => {
  const keyOf = indexKeyFor(matcher);
  const first = createLibraryIndex([added], matcher, new Map(), keyOf);

  test('an index read back gives the same mentions and sources, and indexes nothing', () => {
    const cache = parseIndexRecords(JSON.parse(JSON.stringify(first.fresh)) as unknown[]);
    const again = createLibraryIndex([added], matcher, cache, keyOf);
    expect(again.fresh).toEqual([]);
    expect(again.mentions).toEqual(first.mentions);
    expect(again.entity('crocus-city-hall-attack')).toEqual(
      first.entity('crocus-city-hall-attack'),
    );
  });

  test('changed text or other matcher data makes it stale', () => {
    const cache = parseIndexRecords(first.fresh);
    const edited = {
      ...added,
      blocks: [...added.blocks, { kind: 'paragraph' as const, text: 'ISIS-K again.' }],
    };
    expect(createLibraryIndex([edited], matcher, cache, keyOf).fresh).toHaveLength(1);
    const other = indexKeyFor({ ...matcher, aliases: matcher.aliases.slice(1) });
    expect(createLibraryIndex([added], matcher, cache, other).fresh).toHaveLength(1);
  });

  test('a damaged record is ignored', () => {
    expect(parseIndexRecords([{ id: 'lib-moscow1', key: 1 }]).size).toBe(0);
  });
});
