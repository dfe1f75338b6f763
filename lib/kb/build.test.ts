import { describe, expect, it } from 'vitest';
import { parseBlocks } from '../corpus/blocks';
import type { Article } from '../corpus/schema';
import { buildKnowledgeBase, type CatalogInput } from './build';

const article: Article = {
  id: 'test-article',
  seed: 'test.txt',
  outlet: 'Test Outlet',
  title: 'A test',
  titleInSource: true,
  authors: [],
  date: '2024-03',
  dateBasis: 'test data',
  blocks: parseBlocks(
    'Sanaullah Ghafari became the group’s leader in 2020. Ghafari remains an effective leader.\n\n' +
      'ISIS-K carried out the Crocus City Hall attack in Moscow, killing 139 people, officials said.\n\n' +
      'Another report put the Moscow toll at 140 people, citing Russian officials.\n',
  ),
};

const cite = (quote: string) => ({ article: 'test-article', quote });

const ghafari = {
  id: 'sanaullah-ghafari',
  name: 'Sanaullah Ghafari',
  category: 'person',
  aliases: [{ text: 'Ghafari', match: 'surname' }],
  description: [
    { text: 'Leader of ISIS-K since 2020.', cite: cite('became the group’s leader in 2020') },
  ],
};
const isisK = {
  id: 'isis-k',
  name: 'ISIS-K',
  category: 'group',
  aliases: [{ text: 'IS-KP', outside: true }],
  description: [
    {
      text: 'Carried out the Moscow attack.',
      cite: cite('ISIS-K carried out the Crocus City Hall attack'),
    },
  ],
};
const moscow = {
  id: 'moscow',
  name: 'Moscow',
  category: 'place',
  description: [{ text: 'Where the attack happened.', cite: cite('attack in Moscow') }],
};

function build(files: Record<string, unknown>) {
  const catalog: CatalogInput[] = Object.entries(files).map(([file, data]) => ({ file, data }));
  return buildKnowledgeBase([article], catalog);
}

describe('buildKnowledgeBase', () => {
  it('builds a valid catalog without errors', () => {
    const { errors, kb, matcher } = build({ 'a.json': { entities: [ghafari, isisK, moscow] } });
    expect(errors).toEqual([]);
    expect(kb.entities.map((e) => e.id)).toEqual(['isis-k', 'moscow', 'sanaullah-ghafari']);
    const g = kb.entities.find((e) => e.id === 'sanaullah-ghafari')!;
    expect(g.mentionCount).toBe(2);
    expect(g.description[0]!.cite).toMatchObject({ block: 0, sentence: 0 });
    expect(matcher.aliases).toContainEqual(['Ghafari', 2, 'surname']);
  });

  it('fails when a cited quote is not in the cited article', () => {
    const bad = {
      ...moscow,
      description: [{ text: 'x', cite: cite('the Kremlin denied everything') }],
    };
    expect(build({ 'a.json': { entities: [bad] } }).errors).toEqual([
      'a.json: entity "moscow" description clause 1: quote not found in article "test-article": “the Kremlin denied everything”',
    ]);
  });

  it('fails when a citation names an unknown article', () => {
    const bad = {
      ...moscow,
      description: [{ text: 'x', cite: { article: 'nope', quote: 'attack in Moscow' } }],
    };
    expect(build({ 'a.json': { entities: [bad] } }).errors).toEqual([
      'a.json: entity "moscow" description clause 1: cites unknown article "nope"',
    ]);
  });

  it('fails when an alias never occurs and is not marked outside', () => {
    const bad = { ...isisK, aliases: [{ text: 'ISKP' }] };
    const { errors } = build({ 'a.json': { entities: [bad] } });
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(/^a\.json: entity "isis-k": alias "ISKP" never occurs in the corpus/);
  });

  it('fails when an outside alias does occur', () => {
    const bad = { ...moscow, aliases: [{ text: 'Crocus City Hall', outside: true }] };
    expect(build({ 'a.json': { entities: [bad] } }).errors).toEqual([
      'a.json: entity "moscow": alias "Crocus City Hall" is marked outside but occurs in test-article',
    ]);
  });

  it('fails when an alias belongs to two entities', () => {
    const other = { ...moscow, id: 'moscow-city', aliases: [] };
    const { errors } = build({ 'a.json': { entities: [moscow] }, 'b.json': { entities: [other] } });
    expect(errors).toContain(
      'b.json: entity "moscow-city": alias "Moscow" also belongs to entity "moscow"',
    );
  });

  it('fails when an id is duplicated', () => {
    const { errors } = build({
      'a.json': { entities: [moscow] },
      'b.json': { entities: [{ ...moscow, name: 'Moskva' }] },
    });
    expect(errors).toContain('b.json: entity "moscow": id is duplicated (also in a.json)');
  });

  it('fails when an entity has no mention at all', () => {
    const kerman = {
      ...moscow,
      id: 'kerman',
      name: 'Kerman',
      aliases: [{ text: 'Kerman', outside: true }],
    };
    const { errors } = build({ 'a.json': { entities: [kerman] } });
    expect(errors).toContain('a.json: entity "kerman" has no mention in any article');
  });

  it('fails when a surname never follows the full name', () => {
    const lone = {
      ...ghafari,
      id: 'ghafari',
      name: 'Mr Nobody',
      aliases: [{ text: 'Ghafari', match: 'surname' }],
    };
    const { errors } = build({ 'a.json': { entities: [lone] } });
    expect(
      errors.some((e) =>
        e.includes(
          'alias "Ghafari" never occurs in the corpus as a whole word after the full name',
        ),
      ),
    ).toBe(true);
  });

  it('names the entity when an entry is malformed', () => {
    const { errors } = build({ 'a.json': { entities: [{ ...moscow, category: 'city' }] } });
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(/^a\.json: entity "moscow" entities\.0\.category: /);
  });

  it('records disagreement claims with resolved sources', () => {
    const claim = {
      id: 'moscow-death-toll',
      entity: 'isis-k',
      subject: 'Death toll',
      versions: [
        { value: '139', cites: [cite('killing 139 people')] },
        { value: '140', cites: [cite('toll at 140 people')] },
      ],
    };
    const { errors, kb } = build({
      'a.json': { entities: [ghafari, isisK, moscow], claims: [claim] },
    });
    expect(errors).toEqual([]);
    const claims = kb.entities.find((e) => e.id === 'isis-k')!.claims;
    expect(claims[0]!.versions.map((v) => [v.value, v.cites[0]!.block])).toEqual([
      ['139', 1],
      ['140', 2],
    ]);
  });

  it('fails when a claim names an unknown entity', () => {
    const claim = {
      id: 'toll',
      entity: 'nobody',
      subject: 'Toll',
      versions: [
        { value: '1', cites: [cite('killing 139 people')] },
        { value: '2', cites: [cite('toll at 140 people')] },
      ],
    };
    expect(build({ 'a.json': { entities: [moscow], claims: [claim] } }).errors).toEqual([
      'a.json: claim "toll": unknown entity "nobody"',
    ]);
  });
});
