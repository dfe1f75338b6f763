import { describe, expect, it } from 'vitest';
import { loadMatcherData, parseKnowledgeBase } from './load';
import { matcherDataSchema } from './schema';

const article = {
  id: 'a',
  seed: 'a.txt',
  outlet: 'Outlet',
  title: 'Title',
  titleInSource: true,
  authors: [],
  date: '2024-03',
  dateBasis: 'test data',
  kind: 'news report',
  garbledSentences: [],
  blocks: [{ kind: 'paragraph', text: 'One.', sentences: [[0, 4]] }],
};

describe('parseKnowledgeBase', () => {
  it('accepts a valid knowledge base', () => {
    const loaded = parseKnowledgeBase({
      articles: [article],
      references: [],
      entities: [],
      mentions: [],
    });
    expect(loaded.ok).toBe(true);
  });

  it('names the path of what is wrong', () => {
    const loaded = parseKnowledgeBase({
      articles: [{ ...article, date: 'March' }],
      references: [],
      entities: [],
      mentions: [],
    });
    expect(loaded).toEqual({ ok: false, error: expect.stringContaining('articles.0.date') });
  });

  it('keeps a long list of problems short', () => {
    const loaded = parseKnowledgeBase({
      articles: Array.from({ length: 20 }, () => ({ ...article, outlet: 1 })),
      references: [],
      entities: [],
      mentions: [],
    });
    expect(loaded.ok).toBe(false);
    if (!loaded.ok) {
      expect(loaded.error.split('\n')).toHaveLength(9);
      expect(loaded.error).toContain('…and 12 more');
    }
  });

  it('rejects what is not a knowledge base, and one without articles', () => {
    expect(parseKnowledgeBase(null).ok).toBe(false);
    expect(
      parseKnowledgeBase({ articles: [], references: [], entities: [], mentions: [] }),
    ).toEqual({
      ok: false,
      error: expect.stringContaining('no articles'),
    });
  });
});

describe('loadMatcherData', () => {
  it('gives the bundled data, which is what its schema describes (the build checks it too)', () => {
    const parsed = matcherDataSchema.safeParse(loadMatcherData());
    expect(parsed.error?.issues).toBeUndefined();
    expect(parsed.data).toEqual(loadMatcherData());
  });
});
