import { describe, expect, it } from 'vitest';
import { parseBlocks } from '../corpus/blocks';
import type { KnowledgeBase } from './schema';
import { cardDataSchema, dateRange, mentionSummary, toCardData } from './card-data';

const kb: KnowledgeBase = {
  references: [],
  articles: [
    {
      id: 'a1',
      seed: 'a1.txt',
      outlet: 'CNN',
      via: 'a machine-translated repost',
      title: 'ISIS-K’s reach',
      titleInSource: false,
      authors: [],
      date: '2024-03',
      dateBasis: 'test',
      kind: 'news report',
      sections: [{ startsAt: 'Another view', outlet: 'Al Jazeera', kind: 'analysis' }],
      notForSources: [],
      garbled: [],
      garbledSentences: [],
      blocks: parseBlocks(
        'Sanaullah Ghafari became the group’s leader in 2020. ISIS-K grew.\n\n## Another view\n\nGhafari leads ISIS-K.\n',
      ).map((b) => ({
        ...b,
        sentences: b.sentences.map(([s, e]) => [s, e] as [number, number]),
      })),
    },
  ],
  entities: [
    {
      id: 'sanaullah-ghafari',
      name: 'Sanaullah Ghafari',
      category: 'person',
      aliases: ['Ghafari'],
      description: [
        {
          text: 'Leader of ISIS-K since 2020.',
          cite: {
            article: 'a1',
            block: 0,
            sentence: 0,
            quote: 'became the group’s leader in 2020',
          },
        },
      ],
      sources: [
        { article: 'a1', block: 0, sentence: 0 },
        { article: 'a1', block: 2, sentence: 0, garbled: 'that Ghafari leads the group' },
      ],
      related: [
        { id: 'isis-k', weight: 2 },
        { id: 'gone', weight: 1 },
      ],
      mentionCount: 1,
      mentionsByArticle: { a1: 1 },
      claims: [],
    },
    {
      id: 'isis-k',
      name: 'ISIS-K',
      category: 'group',
      aliases: [],
      description: [
        { text: 'A group.', cite: { article: 'a1', block: 0, sentence: 1, quote: 'ISIS-K grew.' } },
      ],
      sources: [],
      related: [],
      mentionCount: 1,
      mentionsByArticle: { a1: 1 },
      claims: [],
    },
  ],
  mentions: [],
};

describe('toCardData', () => {
  it('resolves citations and source sentences to text with outlet and title', () => {
    const card = toCardData(kb, 'sanaullah-ghafari')!;
    expect(cardDataSchema.safeParse(card).success).toBe(true);
    expect(card.description[0]!.cite).toEqual({
      credit: 'CNN, via a machine-translated repost',
      kind: 'news report',
      date: 'March 2024',
      title: 'ISIS-K’s reach',
      titleInSource: false,
      text: 'became the group’s leader in 2020',
      ref: { article: 'a1', block: 0, sentence: 0 },
    });
    expect(card.sources[0]!.text).toBe('Sanaullah Ghafari became the group’s leader in 2020.');
    expect(card.articleCount).toBe(1);
  });

  it('credits a section to its own outlet and carries the garbled flag', () => {
    const card = toCardData(kb, 'sanaullah-ghafari')!;
    expect(card.sources[1]).toMatchObject({
      credit: 'Al Jazeera, via CNN',
      kind: 'analysis',
      text: 'Ghafari leads ISIS-K.',
      garbled: 'that Ghafari leads the group',
    });
    expect(card.sources[0]!.garbled).toBeUndefined();
    expect(card.writtenIn).toBe('March 2024');
  });

  it('lists only related entities that exist, with their names', () => {
    expect(toCardData(kb, 'sanaullah-ghafari')!.related).toEqual([
      { id: 'isis-k', name: 'ISIS-K', category: 'group' },
    ]);
  });

  it('returns undefined for an unknown entity', () => {
    expect(toCardData(kb, 'nobody')).toBeUndefined();
  });
});

describe('dateRange', () => {
  it('names one month, a range within a year, or a range across years', () => {
    expect(dateRange(['2024-03', '2024-03'])).toBe('March 2024');
    expect(dateRange(['2024-03', '2024-01'])).toBe('January–March 2024');
    expect(dateRange(['2023-12', '2024-03'])).toBe('December 2023–March 2024');
    expect(dateRange([])).toBe('');
  });
});

describe('mentionSummary', () => {
  it('agrees in number and dates the articles', () => {
    const footer = (mentionCount: number, articleCount: number, writtenIn: string) =>
      mentionSummary({ mentionCount, articleCount, writtenIn });
    expect(footer(1, 1, 'March 2024')).toBe('Mentioned once, in one article (March 2024)');
    expect(footer(4, 1, 'January 2024')).toBe('Mentioned 4 times in one article (January 2024)');
    expect(footer(5, 2, 'January–March 2024')).toBe(
      'Mentioned 5 times in 2 articles, January–March 2024',
    );
    expect(footer(2, 2, 'March 2024')).toBe('Mentioned twice in 2 articles, March 2024');
    expect(footer(2, 1, '')).toBe('Mentioned twice in one article');
  });
});
