import { describe, expect, it } from 'vitest';
import { normalizeText } from '../lib/text/normalize';
import { isUnattributedQuote, peopleByBlock } from '../lib/indexing/quoted-speech';
import { mentionSummary } from '../lib/kb/card-data';
import { cardsOf, runBuild } from './kb-files';

const result = await runBuild();
const { kb } = result;
const articleById = new Map(kb.articles.map((a) => [a.id, a]));

function blockText(article: string, block: number): string {
  return articleById.get(article)!.blocks[block]!.text;
}

describe('the knowledge base built from the real corpus and catalog', () => {
  it('builds without errors', () => {
    expect(result.errors).toEqual([]);
  });

  it('finds every article on topic by the page rule', () => {
    expect(result.offTopic).toEqual([]);
  });

  it('ships no corpus-only alias to the content script, and shows none as a name', () => {
    const references = new Set(kb.references.map(([text]) => text));
    expect(references.size).toBeGreaterThan(40);
    for (const [text, , , evidence] of result.matcher.aliases) {
      expect(evidence, text).not.toBe('corpus');
      expect(references.has(text), text).toBe(false);
    }
    for (const e of kb.entities)
      for (const a of e.aliases) expect(references.has(a), a).toBe(false);
  });

  it('keeps the mentions of every article (coverage)', () => {
    // Counts at 5fa3337, before evidence levels and not-entity phrases: 98, 213, 219, 173, 112.
    // Corpus references add descriptive forms, and the names inside them still count.
    const per = (id: string) => kb.mentions.filter((m) => m[1] === id).length;
    expect(per('arab-news-warpath')).toBeGreaterThanOrEqual(98);
    expect(per('cnn-isis-k')).toBeGreaterThanOrEqual(213);
    expect(per('arab-news-crosshairs')).toBeGreaterThanOrEqual(219);
    expect(per('washington-post-rampage')).toBeGreaterThanOrEqual(173);
    expect(per('unherd-resurgent-threat')).toBeGreaterThanOrEqual(112);
  });

  it('covers well over a hundred entities in at least five categories', () => {
    expect(kb.entities.length).toBeGreaterThan(100);
    const categories = new Set(kb.entities.map((e) => e.category));
    for (const c of ['person', 'group', 'organization', 'place', 'event'])
      expect(categories).toContain(c);
  });

  it('gives every entity a mention and a fully cited description', () => {
    for (const e of kb.entities) {
      expect(e.mentionCount, e.id).toBeGreaterThan(0);
      expect(e.description.length, e.id).toBeGreaterThan(0);
    }
  });

  it('gives every entity source sentences, unless it is named only where sources never look', () => {
    const category = new Map(kb.entities.map((e) => [e.id, e.category]));
    const people = peopleByBlock(
      kb.mentions.map(([entity, article, block, , start, end]) => ({
        entity,
        article,
        block,
        start,
        end,
      })),
      (id) => category.get(id) === 'person',
    );
    const keptOut = (article: string, block: number, sentence: number) => {
      const a = articleById.get(article)!;
      const { text: raw, sentences } = a.blocks[block]!;
      const text = normalizeText(raw).cased;
      const [start, end] = sentences[sentence]!;
      return (
        a.notForSources.some((p) => text.includes(normalizeText(p).cased)) ||
        isUnattributedQuote(raw, start, end, people.get(`${article}#${block}`) ?? [])
      );
    };
    for (const e of kb.entities) {
      if (e.sources.length > 0) continue;
      const own = kb.mentions.filter((m) => m[0] === e.id);
      expect(own.length, e.id).toBeGreaterThan(0);
      for (const [, article, block, sentence] of own)
        expect(keptOut(article, block, sentence), e.id).toBe(true);
    }
    expect(kb.entities.filter((e) => e.sources.length === 0).length).toBeLessThan(10);
  });

  it('resolves every citation to a passage that contains the quote', () => {
    const cites = kb.entities.flatMap((e) => [
      ...e.description.map((d) => d.cite),
      ...e.claims.flatMap((c) => c.versions.flatMap((v) => v.cites)),
    ]);
    expect(cites.length).toBeGreaterThan(kb.entities.length);
    for (const c of cites) {
      const block = normalizeText(blockText(c.article, c.block)).cased;
      expect(block, c.quote).toContain(normalizeText(c.quote).cased.trim());
    }
  });

  it('locates every mention at text that an alias of its entity matches', () => {
    for (const [entity, article, block, , start, end] of kb.mentions) {
      const text = blockText(article, block).slice(start, end);
      expect(text.length, `${entity} in ${article}`).toBeGreaterThan(1);
    }
    expect(kb.mentions.length).toBeGreaterThan(500);
  });

  it('picks source sentences that are distinct', () => {
    for (const e of kb.entities) {
      const keys = e.sources.map((s) => `${s.article}#${s.block}#${s.sentence}`);
      expect(new Set(keys).size, e.id).toBe(keys.length);
      expect(e.sources.length, e.id).toBeLessThanOrEqual(3);
    }
  });

  it.each([
    ['moscow-death-toll', ['115', 'At least 139', 'At least 140']],
    ['kerman-death-toll', ['90', '91', '94', '100']],
    [
      'kabul-airport-death-toll',
      [
        'More than 170, among them 13 US military personnel',
        'Nearly 200, including 13 US soldiers',
      ],
    ],
    ['beslan-death-toll', ['334, including 186 children', 'Nearly 350, many of them children']],
    ['kurilla-name-spelling', ['Eric Kurilla', 'Michael Kurilla']],
    ['amira-jadoon-academic-rank', ['Associate professor', 'Assistant professor']],
  ])('records the disagreement %s', (id, values) => {
    const claim = kb.entities.flatMap((e) => e.claims).find((c) => c.id === id);
    expect(claim, id).toBeDefined();
    expect(claim!.versions.map((v) => v.value)).toEqual(values);
  });

  it('records every disagreement of the expert review (kb-review.md §3.1)', () => {
    const ids = kb.entities.flatMap((e) => e.claims.map((c) => c.id));
    expect(ids).toEqual(
      expect.arrayContaining([
        'moscow-death-toll',
        'kerman-death-toll',
        'kerman-moscow-interval',
        'kerman-bombings-site',
        'moscow-attack-isis-k-attribution',
        'moscow-attack-russian-attribution',
        'moscow-attack-us-warning',
        'isis-k-strength',
        'kabul-airport-death-toll',
        'beslan-death-toll',
        'kurilla-name-spelling',
        'kurilla-warning-wording',
        'amira-jadoon-academic-rank',
        'amira-jadoon-book',
        'moscow-attack-location',
      ]),
    );
  });

  it('does not frame compatible accounts as disputes', () => {
    // Founder and executive director; a suicide bomber and a bomb outside the embassy;
    // ISIS-K and Al Jazeera's “ISIL”: the descriptions say both, and no claim pits them.
    // One article's total and its two tolls, and a column's loose "commander" for the
    // late Soleimani, are no disagreement between sources either (fourth review), nor
    // CNN's two staff killed at the Kabul embassy beside the Post's two staff and three
    // others (fifth review): the description gives both.
    const ids = kb.entities.flatMap((e) => e.claims.map((c) => c.id));
    for (const id of [
      'rita-katz-title',
      'russian-embassy-kabul-method',
      'russian-embassy-kabul-death-toll',
      'moscow-synagogue-plot-planners',
      'isis-k-combined-toll-2024',
      'qassem-soleimani-title',
    ])
      expect(ids).not.toContain(id);
  });

  it('frames a misspelling as a spelling note, not a dispute', () => {
    const kurilla = kb.entities.find((e) => e.id === 'kurilla')!;
    expect(kurilla.name).toBe('Michael Erik Kurilla');
    expect(kurilla.claims.find((c) => c.id === 'kurilla-name-spelling')?.kind).toBe('spelling');
  });

  it('credits the Al Jazeera part of the Arab News compilation to Al Jazeera on every card', () => {
    const cards = cardsOf(kb);
    const credits = cards.flatMap((c) => [
      ...c.description.map((d) => d.cite),
      ...c.sources,
      ...c.claims.flatMap((cl) => cl.versions.flatMap((v) => v.sources)),
    ]);
    const fromSection = credits.filter(
      (s) => s.ref.article === 'arab-news-crosshairs' && s.credit !== 'Arab News',
    );
    expect(fromSection.length).toBeGreaterThan(40);
    for (const s of fromSection) expect(s.credit, s.text).toBe('Al Jazeera, via Arab News');
    const quoted = credits.find((s) => s.text.includes('Jadoon told Al Jazeera'));
    expect(quoted?.credit).toBe('Al Jazeera, via Arab News');
  });

  it('says when a card cites the machine-translated repost, and marks its garbled passages', () => {
    const cards = cardsOf(kb);
    const cnn = cards.flatMap((c) => [...c.description.map((d) => d.cite), ...c.sources]);
    for (const s of cnn.filter((s) => s.ref.article === 'cnn-isis-k'))
      expect(s.credit).toBe('CNN, via a machine-translated repost');
    const china = cnn.filter((s) => s.text.includes('China is effectively merging'));
    for (const s of china) expect(s.garbled, s.text).toBeDefined();
  });

  it('shows a garbled source sentence only on cards that have no clean one', () => {
    for (const e of kb.entities) {
      const garbled = e.sources.filter((s) => s.garbled !== undefined);
      if (garbled.length > 0) expect(e.sources, e.id).toHaveLength(1);
    }
  });

  it('counts, in every footer, each article its card cites', () => {
    for (const e of kb.entities) {
      const cited = [
        ...e.description.map((d) => d.cite),
        ...e.sources,
        ...e.claims.flatMap((c) => c.versions.flatMap((v) => v.cites)),
      ];
      for (const c of cited) expect(Object.keys(e.mentionsByArticle), e.id).toContain(c.article);
      const perArticle = Object.values(e.mentionsByArticle).reduce((a, b) => a + b, 0);
      expect(perArticle, e.id).toBe(e.mentionCount);
    }
  });

  it('has every entity the expert review found missing (kb-review.md §2.1)', () => {
    const ids = new Set(kb.entities.map((e) => e.id));
    for (const id of [
      'robyn-dixon',
      'joby-warrick',
      'souad-mekhennet',
      'strategic-studies-programme',
      'us-special-forces',
      'khorasan',
      'cologne',
      'biden-administration',
      'the-west',
      'islamic-state-sinai-province',
      'us-intelligence-leak-2023',
      'world-war-ii',
      'crocus-suspects-torture',
      'islamic-state-caliphate',
      'minusma',
    ])
      expect(ids, id).toContain(id);
  });

  it.each([
    // The 11 surface forms the expert review found unmatched (kb-review.md §2.2).
    ['isis-k', 'arab-news-warpath', 'Daesh’s “Khorasan” branch'],
    ['crocus-city-hall-attack', 'arab-news-crosshairs', 'attack on Moscow'],
    ['crocus-city-hall-attack', 'washington-post-rampage', 'Friday’s bloodbath'],
    ['crocus-city-hall-attack', 'washington-post-rampage', 'Friday’s assault near Moscow'],
    ['crocus-city-hall-attack', 'cnn-isis-k', 'devastating massacre in Russia'],
    [
      'kerman-bombings',
      'washington-post-rampage',
      'pair of suicide bombers killed 100 people at a memorial ceremony in southeastern Iran',
    ],
    ['kabul-airport-bombing', 'arab-news-crosshairs', 'bombed Hamid Karzai International Airport'],
    ['beslan-school-siege', 'washington-post-rampage', 'besieged a school in the town of Beslan'],
    ['russian-embassy-kabul-bombing', 'cnn-isis-k', 'attacked the Russian embassy in Kabul'],
    [
      'russian-embassy-kabul-bombing',
      'arab-news-crosshairs',
      'attacked [the] Russian embassy in Kabul',
    ],
    [
      'moscow-theatre-siege',
      'arab-news-crosshairs',
      'took more than 900 people hostage in a Moscow theatre',
    ],
    ['paris-olympics-2024', 'cnn-isis-k', 'the Olympics'],
    ['kyrgyzstan', 'cnn-isis-k', 'Kyrgyzstans'],
    ['quran-burnings-sweden', 'unherd-resurgent-threat', 'burned a copy of the Quran'],
    ['quran-burnings-sweden', 'unherd-resurgent-threat', 'similar burning'],
  ])('locates %s in %s as “%s”', (entity, article, form) => {
    const texts = kb.mentions
      .filter(([e, a]) => e === entity && a === article)
      .map(
        ([, , block, , start, end]) =>
          normalizeText(blockText(article, block).slice(start, end)).cased,
      );
    expect(texts).toContain(normalizeText(form).cased);
  });

  it('links the column’s unnamed “Daesh’s spokesman” to no person (the column does not name him)', () => {
    const named = kb.mentions.filter(
      ([e, a]) => e === 'abu-hudhayfa-al-ansari' && a === 'arab-news-warpath',
    );
    expect(named).toEqual([]);
  });

  it('counts no mention inside a garbled passage in a footer', () => {
    // The repost's “China is effectively merging…” is about ISIS-K: the word is located
    // (the reader shows the copy as it is), but China's footer counts only UnHerd.
    expect(kb.mentions.some(([e, a]) => e === 'china' && a === 'cnn-isis-k')).toBe(true);
    const china = cardsOf(kb).find((c) => c.id === 'china')!;
    expect(mentionSummary(china)).toBe('Mentioned once, in one article (January 2024)');
  });

  // A second full build: on two cores shared with other work it can take well over 5 s.
  it('is deterministic', { timeout: 60_000 }, async () => {
    expect(JSON.stringify((await runBuild()).kb)).toBe(JSON.stringify(kb));
  });
});
