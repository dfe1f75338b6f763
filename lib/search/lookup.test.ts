import { describe, expect, it } from 'vitest';
import { loadKnowledgeBase } from '../kb/load';
import type { KbEntity } from '../kb/schema';
import { createLookup } from './lookup';

const lookup = createLookup(loadKnowledgeBase());
const ids = (query: string, limit = 5) => lookup.search(query, limit).map((r) => r.id);

describe('lookup against the bundled knowledge base', () => {
  it.each([
    ['Gafari', 'sanaullah-ghafari'],
    // The region has its own card; with "Province" the group is the likelier target.
    ['Khorason', 'khorasan'],
    ['Khorason Province', 'isis-k'],
    ['Bortnikof', 'alexander-bortnikov'],
    // The venue, not the attack: every word of the query is in the venue's shorter name.
    ['crocus hall', 'crocus-city-hall'],
    ['Sanaulah Gafari', 'sanaullah-ghafari'],
    ['ghafari sanaullah', 'sanaullah-ghafari'],
    ['Kurila', 'kurilla'],
  ])('forgives the typo or missing word in %j', (query, id) => {
    expect(ids(query)[0]).toBe(id);
  });

  it('ranks the attack right after the venue for "crocus hall"', () => {
    expect(ids('crocus hall').slice(0, 2)).toEqual(['crocus-city-hall', 'crocus-city-hall-attack']);
  });

  it('puts exact alias hits first, whatever the case, dashes and diacritics', () => {
    expect(lookup.search('IS-K', 3)[0]).toMatchObject({
      id: 'isis-k',
      exact: true,
      matchedAlias: 'IS-K',
    });
    expect(ids('isis–k')[0]).toBe('isis-k');
    expect(ids('ISIS')[0]).toBe('islamic-state');
    expect(lookup.search('turkiye', 1)[0]).toMatchObject({ id: 'turkey', exact: true });
    expect(lookup.search('Ghafari', 1)[0]).toMatchObject({
      id: 'sanaullah-ghafari',
      exact: true,
      matchedAlias: 'Ghafari',
    });
  });

  it('names the alias that matched, but not the canonical name', () => {
    expect(lookup.search('Shahab al-Muhajr', 1)[0]).toMatchObject({
      id: 'sanaullah-ghafari',
      exact: false,
      matchedAlias: 'Shahab al-Muhajir',
    });
    expect(lookup.search('Alexander Bortnikov', 1)[0]).toEqual({
      id: 'alexander-bortnikov',
      name: 'Alexander Bortnikov',
      category: 'person',
      summary: expect.stringContaining('Federal Security Service'),
      exact: true,
    });
  });

  it('searches descriptions too, below names and aliases', () => {
    // Only the venue's and the attack's descriptions mention concertgoers.
    expect(ids('concertgoers')).toEqual(['crocus-city-hall', 'crocus-city-hall-attack']);
    // The town's name, then an alias of the attack, then the venue described as in Krasnogorsk.
    expect(ids('Krasnogorsk').slice(0, 3)).toEqual([
      'krasnogorsk',
      'crocus-city-hall-attack',
      'crocus-city-hall',
    ]);
  });

  it('lists names by their first letter rather than matching a letter anywhere', () => {
    const results = lookup.search('k', 20);
    expect(results.length).toBeGreaterThan(3);
    const kb = loadKnowledgeBase();
    const byId = new Map(kb.entities.map((e) => [e.id, e]));
    for (const r of results) {
      const entity = byId.get(r.id)!;
      expect([entity.name, ...entity.aliases].some((n) => /^k/i.test(n))).toBe(true);
    }
  });

  it('returns each entity once, at most `limit`, and nothing for nothing', () => {
    const results = ids('islamic state', 8);
    expect(results).toHaveLength(8);
    expect(new Set(results).size).toBe(8);
    expect(ids('   ')).toEqual([]);
    expect(ids('IS-K', 0)).toEqual([]);
    expect(ids('zzzzqqqq')).toEqual([]);
  });

  it('does not find an entity inside a longer unrelated word', () => {
    expect(ids('ISKCON')).toEqual([]);
  });
});

describe('exact', () => {
  it('finds entities by any of their names, normalized', () => {
    expect(lookup.exact('IS-K')).toEqual(['isis-k']);
    expect(lookup.exact('  Daesh‑Khorasan ')).toEqual(['isis-k']);
    expect(lookup.exact('Sanaullah  Ghafari')).toEqual(['sanaullah-ghafari']);
    expect(lookup.exact('Crocus City attack')).toEqual(['crocus-city-hall-attack']);
  });

  it('finds nothing for partial or fuzzy names', () => {
    expect(lookup.exact('Gafari')).toEqual([]);
    expect(lookup.exact('crocus')).toEqual([]);
    expect(lookup.exact('')).toEqual([]);
  });

  it('returns every entity that shares a name', () => {
    const entity = (id: string, name: string, aliases: string[]): KbEntity => ({
      id,
      name,
      category: 'place',
      aliases,
      description: [{ text: id, cite: { article: 'a', block: 0, sentence: 0, quote: id } }],
      sources: [],
      related: [],
      mentionCount: 1,
      mentionsByArticle: {},
      claims: [],
    });
    const shared = createLookup({
      entities: [
        entity('georgia-country', 'Georgia', []),
        entity('georgia-state', 'Georgia (US state)', ['Georgia']),
      ],
    });
    expect(shared.exact('georgia').sort()).toEqual(['georgia-country', 'georgia-state']);
    expect(shared.search('Georgia', 2).every((r) => r.exact)).toBe(true);
  });
});
