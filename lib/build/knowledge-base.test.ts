import { describe, expect, it } from 'vitest';
import { parseBlocks } from '../corpus/blocks';
import type { Article } from '../corpus/schema';
import { corpusArticle } from '../test-support/articles';
import { buildKnowledgeBase, type CatalogInput } from './knowledge-base';

const article = corpusArticle(
  'test-article',
  'Sanaullah Ghafari became the group’s leader in 2020. Ghafari remains an effective leader.\n\n' +
    'ISIS-K carried out the Crocus City Hall attack in Moscow, killing 139 people, officials said.\n\n' +
    'Another report put the Moscow toll at 140 people, citing Russian officials.\n',
  { outlet: 'Test Outlet', title: 'A test' },
);

const cite = (quote: string) => ({ article: 'test-article', quote });

const ghafari = {
  id: 'sanaullah-ghafari',
  name: 'Sanaullah Ghafari',
  category: 'person',
  aliases: [{ text: 'Ghafari', evidence: 'supported' }],
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

function build(files: Record<string, unknown>, articles: Article[] = [article]) {
  const catalog: CatalogInput[] = Object.entries(files).map(([file, data]) => ({ file, data }));
  return buildKnowledgeBase(articles, catalog);
}

/** A compilation: the outlet's own report, then a section another outlet wrote. */
const compilation: Article = {
  ...article,
  id: 'compilation',
  outlet: 'Arab News',
  sections: [{ startsAt: 'Why Moscow?', outlet: 'Al Jazeera', kind: 'news report' }],
  blocks: parseBlocks(
    'ISIS-K carried out the Crocus City Hall attack in Moscow, analysts told Arab News.\n\n' +
      '## Why Moscow?\n\n' +
      'Moscow is a target, Sanaullah Ghafari’s group says, analysts told Al Jazeera.\n',
  ),
};

const column: Article = {
  ...article,
  id: 'column',
  kind: 'opinion column',
  authors: ['Baria Alamuddin'],
  blocks: parseBlocks('Moscow failed to act on the warning, which was a disgrace.\n'),
};

const repost: Article = {
  ...article,
  id: 'repost',
  garbled: [{ text: 'the center is resilient', means: 'ISIS-K is resilient' }],
  blocks: parseBlocks(
    'An analysis found that the center is resilient in Moscow, it said.\n\n' +
      'Moscow is cold in winter and the people of the city are used to it.\n',
  ),
};

const withClause = (text: string, articleId: string, quote: string, extra = {}) => ({
  ...moscow,
  description: [{ text, cite: { article: articleId, quote, ...extra } }],
});

describe('buildKnowledgeBase', () => {
  it('builds a valid catalog without errors', () => {
    const { errors, kb, matcher } = build({ 'a.json': { entities: [ghafari, isisK, moscow] } });
    expect(errors).toEqual([]);
    expect(kb.entities.map((e) => e.id)).toEqual(['isis-k', 'moscow', 'sanaullah-ghafari']);
    const g = kb.entities.find((e) => e.id === 'sanaullah-ghafari')!;
    expect(g.mentionCount).toBe(2);
    expect(g.description[0]!.cite).toMatchObject({ block: 0, sentence: 0 });
    expect(matcher.aliases).toContainEqual(['Ghafari', 2, 'plain', 'supported']);
    expect(matcher.aliases).toContainEqual(['ISIS-K', 0, 'plain']);
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

  it('rejects a phrase as an alias unless it is a corpus reference', () => {
    const phrase = { ...isisK, aliases: [{ text: 'carried out the Crocus City Hall attack' }] };
    const { errors } = build({ 'a.json': { entities: [phrase, moscow] } });
    expect(errors).toEqual([
      'a.json: entity "isis-k": alias "carried out the Crocus City Hall attack" is a phrase, not a name (it has a verb (“carried”)); mark it "evidence": "corpus" to match it in the articles only',
    ]);
  });

  it('matches a corpus reference in the articles only and never shows it as a name', () => {
    const reference = {
      ...moscow,
      id: 'moscow-toll',
      name: 'Moscow death toll',
      aliases: [
        { text: 'Moscow death toll', outside: true },
        { text: 'put the Moscow toll at 140 people', evidence: 'corpus' },
      ],
      description: [{ text: 'The toll.', cite: cite('toll at 140 people') }],
    };
    const { errors, kb, matcher } = build({ 'a.json': { entities: [ghafari, isisK, reference] } });
    expect(errors).toEqual([]);
    const entity = kb.entities.find((e) => e.id === 'moscow-toll')!;
    expect(entity.mentionCount).toBe(1);
    expect(entity.aliases).toEqual([]);
    expect(kb.references).toEqual([['put the Moscow toll at 140 people', 1, 'plain', 'corpus']]);
    expect(matcher.aliases.map(([text]) => text)).not.toContain(
      'put the Moscow toll at 140 people',
    );
  });

  describe('names that contain another entity’s name', () => {
    const venue = (contains: string[] | undefined) => ({
      id: 'crocus-city-hall',
      name: 'Crocus City Hall',
      category: 'place',
      aliases: [{ text: 'Crocus City Hall', ...(contains ? { contains } : {}) }],
      description: [{ text: 'A concert venue.', cite: cite('the Crocus City Hall attack') }],
    });
    const owner = {
      id: 'crocus-group',
      name: 'Crocus Group',
      category: 'organization',
      aliases: [
        { text: 'Crocus Group', outside: true },
        { text: 'Crocus', match: 'capitalized', evidence: 'supported' },
      ],
      description: [{ text: 'The venue’s owner.', cite: cite('the Crocus City Hall attack') }],
    };

    it('count as mentions of it in the articles, and stay one name on a page', () => {
      const { errors, kb, matcher } = build({
        'a.json': { entities: [venue(['crocus-group']), owner, isisK, moscow] },
      });
      expect(errors).toEqual([]);
      const at = (id: string) =>
        kb.mentions
          .filter((m) => m[0] === id)
          .map(([, , block, , start, end]) => [block, start, end]);
      expect(at('crocus-city-hall')).toEqual([[1, 23, 39]]);
      expect(at('crocus-group')).toEqual([[1, 23, 29]]);
      expect(kb.entities.find((e) => e.id === 'crocus-group')!.mentionCount).toBe(1);
      expect(matcher.aliases.filter(([text]) => text.startsWith('Crocus'))).toHaveLength(3);
      expect(JSON.stringify(matcher)).not.toContain('contains');
      const withoutContains = build({ 'a.json': { entities: [venue(undefined), owner, isisK] } });
      expect(withoutContains.errors).toContain(
        'a.json: entity "crocus-group" has no mention in any article',
      );
    });

    it('fail for an unknown entity, or one whose names are not inside', () => {
      expect(build({ 'a.json': { entities: [venue(['crocus-grop']), owner] } }).errors).toContain(
        'a.json: entity "crocus-city-hall": alias "Crocus City Hall" contains "crocus-grop", which is no other entity',
      );
      expect(
        build({ 'a.json': { entities: [venue(['moscow']), owner, moscow] } }).errors,
      ).toContain(
        'a.json: entity "crocus-city-hall": alias "Crocus City Hall" contains "moscow", but no alias of "moscow" matches inside it',
      );
    });

    it('fail on a corpus reference, which counts the names inside it already', () => {
      const reference = {
        ...isisK,
        aliases: [{ text: 'Crocus City Hall attack', evidence: 'corpus', contains: ['moscow'] }],
      };
      expect(build({ 'a.json': { entities: [reference, moscow] } }).errors).toContain(
        'a.json: entity "isis-k": alias "Crocus City Hall attack" is a corpus reference, which counts the names inside it already; drop "contains"',
      );
    });
  });

  it('matches a misspelling everywhere but shows it only where the card quotes it', () => {
    const misspelt = {
      ...ghafari,
      aliases: [{ text: 'Ghafari', evidence: 'supported', misspelling: true }],
    };
    const hidden = build({ 'a.json': { entities: [misspelt, isisK, moscow] } });
    expect(hidden.errors).toEqual([
      'a.json: entity "sanaullah-ghafari": alias "Ghafari" is a misspelling the articles use, so the card must show it: quote it in a clause or a spelling claim',
    ]);
    const noted = {
      ...misspelt,
      description: [
        ...misspelt.description,
        { text: 'Also written “Ghafari”.', cite: cite('Ghafari remains an effective leader') },
      ],
    };
    const { errors, kb, matcher } = build({ 'a.json': { entities: [noted, isisK, moscow] } });
    expect(errors).toEqual([]);
    expect(kb.entities.find((e) => e.id === 'sanaullah-ghafari')!.aliases).toEqual([]);
    expect(matcher.aliases.map(([text]) => text)).toContain('Ghafari');
  });

  it('fails when a corpus reference is also marked outside', () => {
    const bad = { ...moscow, aliases: [{ text: 'Moskva', evidence: 'corpus', outside: true }] };
    expect(build({ 'a.json': { entities: [bad] } }).errors).toContain(
      'a.json: entity "moscow": alias "Moskva" is both "outside" and "corpus": it could never match anywhere',
    );
  });

  it('ships broad entities and event dates to the page', () => {
    const attack = {
      id: 'crocus-city-hall-attack',
      name: 'Crocus City Hall attack',
      category: 'event',
      date: '2024-03-22',
      description: [{ text: 'The attack.', cite: cite('the Crocus City Hall attack') }],
    };
    const { errors, matcher } = build({
      'a.json': { entities: [ghafari, isisK, { ...moscow, broad: true }, attack] },
    });
    expect(errors).toEqual([]);
    expect(matcher.entities).toEqual([
      ['crocus-city-hall-attack', 'event'],
      ['isis-k', 'group'],
      ['moscow', 'place', 1],
      ['sanaullah-ghafari', 'person'],
    ]);
    expect(matcher.dates).toEqual({ 'crocus-city-hall-attack': '2024-03-22' });
  });

  it('needs a date on every event, and on events only', () => {
    const attack = {
      id: 'attack',
      name: 'Crocus City Hall attack',
      category: 'event',
      description: [{ text: 'The attack.', cite: cite('the Crocus City Hall attack') }],
    };
    const { errors } = build({
      'a.json': { entities: [attack, { ...moscow, date: '2024-03-22' }] },
    });
    expect(errors).toContain('a.json: entity "attack": an event needs a "date" (when it began)');
    expect(errors).toContain('a.json: entity "moscow": only events have a "date"');
  });

  it('does not link an event in an article written before it', () => {
    const later = {
      id: 'later-attack',
      name: 'Crocus City Hall attack',
      category: 'event',
      date: '2025-01-01',
      description: [{ text: 'The attack.', cite: cite('the Crocus City Hall attack') }],
    };
    const { errors } = build({ 'a.json': { entities: [ghafari, isisK, later] } });
    expect(errors).toContain('a.json: entity "later-attack" has no mention in any article');
  });

  describe('not-entity phrases', () => {
    const withPhrases = (notEntities: unknown[]) =>
      build({ 'a.json': { entities: [ghafari, isisK, moscow] }, 'not.json': { notEntities } });

    it('accepts a phrase that guards an alias and blocks no corpus mention', () => {
      const { errors, matcher } = withPhrases([
        { text: 'Moscow Mule', guards: ['Moscow'], names: 'a cocktail' },
      ]);
      expect(errors).toEqual([]);
      expect(matcher.notEntities).toEqual(['Moscow Mule']);
    });

    it('fails for a phrase that guards nothing, or names an alias that is not in it', () => {
      expect(
        withPhrases([{ text: 'Moscow Mule', guards: ['Ghafari'], names: 'a cocktail' }]).errors,
      ).toEqual([
        'not.json: not-entity "Moscow Mule": guards "Ghafari", but that alias does not match inside it',
      ]);
      expect(
        withPhrases([{ text: 'Gin Fizz', guards: ['Gin'], names: 'a cocktail' }]).errors,
      ).toEqual([
        'not.json: not-entity "Gin Fizz": guards "Gin", which is no alias',
        'not.json: not-entity "Gin Fizz": guards nothing (no alias matches inside it)',
      ]);
    });

    it('fails for a phrase that takes a mention from the corpus', () => {
      const { errors } = withPhrases([
        { text: 'Moscow toll', guards: ['Moscow'], names: 'a figure' },
      ]);
      expect(errors).toEqual([
        'not.json: not-entity "Moscow toll": blocks the mention of entity "moscow" in test-article: “Another report put the Moscow toll at 140 people, citing Ru”',
      ]);
    });
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
      kind: 'figures',
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

  it('fails when two versions of a claim have the same value', () => {
    const claim = {
      id: 'moscow-planners',
      entity: 'isis-k',
      kind: 'accounts',
      subject: 'Who planned it',
      versions: [
        { value: 'ISIS-K', cites: [cite('killing 139 people')] },
        { value: 'the toll', cites: [cite('toll at 140 people')] },
        { value: 'Isis–K.', cites: [cite('toll at 140 people')] },
      ],
    };
    expect(
      build({ 'a.json': { entities: [ghafari, isisK, moscow], claims: [claim] } }).errors,
    ).toEqual([
      'a.json: claim "moscow-planners": versions “ISIS-K” and “Isis–K.” say the same thing; a claim records where the sources differ, so give both citations to one version, or drop the claim',
    ]);
  });

  it('fails when a claim names an unknown entity', () => {
    const claim = {
      id: 'toll',
      entity: 'nobody',
      kind: 'figures',
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

  it('fails when a clause states a figure its quote does not contain', () => {
    const bad = withClause('Where 140 people died.', 'test-article', 'attack in Moscow');
    expect(build({ 'a.json': { entities: [bad] } }).errors).toEqual([
      'a.json: entity "moscow" description clause 1 (article "test-article"): states “140”, which the cited quote does not contain',
    ]);
  });

  it('allows the article’s year and the year before as time anchors', () => {
    const ok = withClause(
      'Where the attack happened in March 2024.',
      'test-article',
      'attack in Moscow',
    );
    expect(build({ 'a.json': { entities: [ok] } }).errors).toEqual([]);
  });

  it('fails when a quote occurs more than once and the citation does not say which', () => {
    const bad = withClause('A city.', 'test-article', 'officials');
    expect(build({ 'a.json': { entities: [bad] } }).errors).toEqual([
      'a.json: entity "moscow" description clause 1: quote occurs 2 times in article "test-article": “officials”; say which with "occurrence": 1–2',
    ]);
    const second = withClause('A city.', 'test-article', 'officials', { occurrence: 2 });
    const { errors, kb } = build({ 'a.json': { entities: [second] } });
    expect(errors).toEqual([]);
    expect(kb.entities[0]!.description[0]!.cite).toMatchObject({ block: 2, sentence: 0 });
  });

  it('fails when a clause credits the compiling outlet for a section another outlet wrote', () => {
    const bad = withClause(
      'A target, analysts told Arab News.',
      'compilation',
      'Moscow is a target',
    );
    expect(build({ 'a.json': { entities: [bad] } }, [compilation]).errors).toEqual([
      'a.json: entity "moscow" description clause 1 (article "compilation"): credits Arab News, but the cited passage is Al Jazeera\'s (Al Jazeera, via Arab News)',
    ]);
    const good = withClause(
      'A target, analysts told Al Jazeera.',
      'compilation',
      'Moscow is a target',
    );
    expect(build({ 'a.json': { entities: [good] } }, [compilation]).errors).toEqual([]);
  });

  it('fails when a section starts at a heading the article does not have', () => {
    const broken = {
      ...compilation,
      sections: [{ ...compilation.sections[0]!, startsAt: 'Nope' }],
    };
    const ok = withClause('A city.', 'compilation', 'attack in Moscow');
    expect(build({ 'a.json': { entities: [ok] } }, [broken]).errors).toContain(
      'assets/corpus/articles.json: article "compilation": section 1 starts at heading “Nope”, which the article does not have',
    );
  });

  it('fails when a clause drawn from an opinion column does not name its author', () => {
    const bad = withClause(
      'A city that failed to act on a warning.',
      'column',
      'failed to act on the warning',
    );
    expect(build({ 'a.json': { entities: [bad] } }, [column]).errors).toEqual([
      'a.json: entity "moscow" description clause 1 (article "column"): cites an opinion column (Test Outlet) without attributing it to Alamuddin in the text',
    ]);
    const good = {
      ...moscow,
      description: [
        {
          text: 'A city that, Alamuddin argues,',
          cite: { article: 'column', quote: 'Moscow failed' },
        },
        {
          text: 'failed to act on a warning.',
          cite: { article: 'column', quote: 'to act on the warning' },
        },
      ],
    };
    expect(build({ 'a.json': { entities: [good] } }, [column]).errors).toEqual([]);
  });

  it('fails when a citation quotes a garbled passage without saying so', () => {
    const bad = withClause(
      'Where an analysis was made.',
      'repost',
      'the center is resilient in Moscow',
    );
    expect(build({ 'a.json': { entities: [bad] } }, [repost]).errors).toEqual([
      'a.json: entity "moscow" description clause 1: quotes a garbled passage of "repost" (“the center is resilient in Moscow”); cite a clean passage, or mark the citation "garbled": true and say what the copy appears to mean',
    ]);
    const marked = withClause(
      'Where the repost appears to place an analysis.',
      'repost',
      'the center is resilient in Moscow',
      { garbled: true },
    );
    const { errors, kb } = build({ 'a.json': { entities: [marked] } }, [repost]);
    expect(errors).toEqual([]);
    expect(kb.entities[0]!.description[0]!.cite.garbled).toBe('ISIS-K is resilient');
  });

  it('fails when a quote stops just before the garbled words of its sentence', () => {
    const bad = withClause('Where ISIS-K was found resilient.', 'repost', 'An analysis found that');
    expect(build({ 'a.json': { entities: [bad] } }, [repost]).errors).toEqual([
      'a.json: entity "moscow" description clause 1: quotes a sentence of "repost" that holds a garbled passage (“An analysis found that”); if the clause rests on any of the garbled words, quote them and mark the citation "garbled": true, and if it rests on the quoted words alone, mark it "besideGarbled": true',
    ]);
    const beside = withClause('Where an analysis was made.', 'repost', 'An analysis found', {
      besideGarbled: true,
    });
    expect(build({ 'a.json': { entities: [beside] } }, [repost]).errors).toEqual([]);
  });

  it('fails when a citation is marked garbled but quotes a clean passage', () => {
    const bad = withClause('A cold city.', 'repost', 'Moscow is cold in winter', { garbled: true });
    expect(build({ 'a.json': { entities: [bad] } }, [repost]).errors).toEqual([
      'a.json: entity "moscow" description clause 1: is marked garbled, but “Moscow is cold in winter” overlaps no garbled passage',
    ]);
  });

  it('prefers a clean source sentence to a garbled one, and marks a garbled one it must use', () => {
    const ok = withClause('A cold city.', 'repost', 'Moscow is cold in winter');
    const { kb } = build({ 'a.json': { entities: [ok] } }, [repost]);
    expect(kb.entities[0]!.sources).toEqual([{ article: 'repost', block: 1, sentence: 0 }]);
    const onlyGarbled = { ...repost, blocks: repost.blocks.slice(0, 1) };
    const only = withClause('A city.', 'repost', 'An analysis found', { besideGarbled: true });
    const built = build({ 'a.json': { entities: [only] } }, [onlyGarbled]);
    expect(built.errors).toEqual([]);
    expect(built.kb.entities[0]!.sources).toEqual([
      { article: 'repost', block: 0, sentence: 0, garbled: 'ISIS-K is resilient' },
    ]);
  });

  it('counts a cited sentence that refers to the entity without naming it, once', () => {
    const other: Article = {
      ...article,
      id: 'other',
      date: '2024-01',
      blocks: parseBlocks('The Russian capital was quiet that week.\n'),
    };
    const capital = {
      ...moscow,
      description: [
        { text: 'Where the attack happened;', cite: cite('attack in Moscow') },
        { text: 'quiet in January.', cite: { article: 'other', quote: 'The Russian capital' } },
        { text: 'Quiet then.', cite: { article: 'other', quote: 'was quiet that week' } },
      ],
    };
    const { errors, kb } = build({ 'a.json': { entities: [capital] } }, [article, other]);
    expect(errors).toEqual([]);
    const e = kb.entities[0]!;
    expect(e.mentionsByArticle).toEqual({ 'test-article': 2, other: 1 });
    expect(e.mentionCount).toBe(3);
    expect(kb.mentions.filter((m) => m[1] === 'other')).toEqual([]);
  });

  it('counts a quote over two sentences once, where it names the entity', () => {
    const twoSentences: Article = {
      ...article,
      id: 'report',
      blocks: parseBlocks('Officials met on Monday. Moscow then raised its alert level.\n'),
    };
    const city = withClause(
      'A city on alert.',
      'report',
      'Officials met on Monday. Moscow then raised',
    );
    const { errors, kb } = build({ 'a.json': { entities: [city] } }, [twoSentences]);
    expect(errors).toEqual([]);
    expect(kb.entities[0]!.description[0]!.cite).toMatchObject({ block: 0, sentence: 0 });
    expect(kb.entities[0]!.mentionCount).toBe(1);
  });

  it('links no entities through a garbled sentence', () => {
    const garbledLink: Article = {
      ...article,
      id: 'repost',
      garbled: [{ text: 'Moscow is merging grievances', means: 'ISIS-K is merging grievances' }],
      blocks: parseBlocks(
        '“Moscow is merging grievances,” Sanaullah Ghafari told the outlet.\n\n' +
          'ISIS-K carried out the Crocus City Hall attack, killing 139 people.\n',
      ),
    };
    const entities = [
      {
        ...ghafari,
        aliases: [],
        description: [
          {
            text: 'A leader.',
            cite: { article: 'repost', quote: 'told the outlet', besideGarbled: true },
          },
        ],
      },
      {
        ...isisK,
        description: [
          { text: 'A group.', cite: { article: 'repost', quote: 'ISIS-K carried out' } },
        ],
      },
      withClause('A city.', 'repost', 'killing 139 people'),
    ];
    const { errors, kb } = build({ 'a.json': { entities } }, [garbledLink]);
    expect(errors).toEqual([]);
    expect(kb.entities.find((e) => e.id === 'moscow')!.related).toEqual([]);
    expect(kb.entities.find((e) => e.id === 'sanaullah-ghafari')!.related).toEqual([]);
    const clean = { ...garbledLink, garbled: [] };
    const linked = build({ 'a.json': { entities } }, [clean]).kb;
    expect(linked.entities.find((e) => e.id === 'moscow')!.related).toEqual([
      { id: 'sanaullah-ghafari', weight: 2 },
    ]);
  });

  it('counts no mention inside a garbled passage in the footer, unless the card cites it', () => {
    const garbledName: Article = {
      ...article,
      id: 'repost',
      garbled: [{ text: 'Moscow is merging grievances', means: 'ISIS-K is merging grievances' }],
      blocks: parseBlocks(
        '“Moscow is merging grievances,” Sanaullah Ghafari told the outlet.\n\n' +
          'Moscow is cold in winter and the people of the city are used to it.\n',
      ),
    };
    const cold = withClause('A cold city.', 'repost', 'Moscow is cold in winter');
    const { errors, kb } = build({ 'a.json': { entities: [cold] } }, [garbledName]);
    expect(errors).toEqual([]);
    const city = kb.entities[0]!;
    expect(kb.mentions.filter((m) => m[0] === 'moscow')).toHaveLength(2);
    expect(city.mentionCount).toBe(1);
    expect(city.mentionsByArticle).toEqual({ repost: 1 });
    const citing = {
      ...cold,
      description: [
        ...cold.description,
        {
          text: 'The repost appears to quote a claim about it.',
          cite: { article: 'repost', quote: 'Moscow is merging grievances', garbled: true },
        },
      ],
    };
    const cited = build({ 'a.json': { entities: [citing] } }, [garbledName]);
    expect(cited.errors).toEqual([]);
    expect(cited.kb.entities[0]!.mentionCount).toBe(2);
  });

  it('never picks a passage listed as not for sources', () => {
    const excluded = { ...repost, garbled: [], notForSources: ['Moscow is cold in winter'] };
    const ok = withClause('A city.', 'repost', 'An analysis found');
    const { kb } = build({ 'a.json': { entities: [ok] } }, [excluded]);
    expect(kb.entities[0]!.sources).toEqual([{ article: 'repost', block: 0, sentence: 0 }]);
    const alone = { ...excluded, blocks: excluded.blocks.slice(1) };
    const cold = withClause('A cold city.', 'repost', 'Moscow is cold in winter');
    const built = build({ 'a.json': { entities: [cold] } }, [alone]);
    expect(built.errors).toEqual([]);
    expect(built.kb.entities[0]!.sources).toEqual([]);
  });

  it('never picks quoted words that do not name the person whose they are', () => {
    const quoted = {
      ...repost,
      garbled: [],
      blocks: parseBlocks(
        '“Moscow is a target,” Sanaullah Ghafari told the outlet. “Moscow is next, and soon.”\n\n' +
          '“Moscow has many enemies across the whole region,” he said.\n\n' +
          '“Moscow will be struck again by the group,” he told Test Outlet.\n',
      ),
    };
    const ok = withClause('A city.', 'repost', 'Moscow is a target');
    const speaker = {
      ...ghafari,
      aliases: [],
      description: [{ text: 'A leader.', cite: { article: 'repost', quote: 'Sanaullah Ghafari' } }],
    };
    const { errors, kb } = build({ 'a.json': { entities: [ok, speaker] } }, [quoted]);
    expect(errors).toEqual([]);
    expect(kb.entities.find((e) => e.id === 'moscow')!.sources).toEqual([
      { article: 'repost', block: 0, sentence: 0 },
    ]);
  });
});
