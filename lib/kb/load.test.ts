import { describe, expect, it } from 'vitest';
import matcherJson from '../../generated/matcher.json';
import { parseKnowledgeBase, validateMatcherDataInSteps } from './load';
import { matcherDataSchema, type MatcherData } from './schema';

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

describe('validateMatcherDataInSteps', () => {
  const run = (data: unknown) => {
    const step = validateMatcherDataInSteps(data);
    let steps = 1;
    let out: MatcherData | undefined;
    while (!(out = step())) steps++;
    return { out, steps };
  };

  it('validates the bundled data as the schema does, a piece at a time', () => {
    const { out, steps } = run(matcherJson);
    expect(out).toEqual(matcherDataSchema.parse(matcherJson));
    expect(steps).toBeGreaterThan(10);
  });

  it('names the path of what is wrong, and keys the schema does not know', () => {
    const aliases = structuredClone(matcherJson.aliases) as unknown[][];
    aliases[45]![1] = -1;
    expect(() => run({ ...matcherJson, aliases })).toThrow(/aliases\.45\.1: /);
    expect(() => run({ ...matcherJson, extra: 1 })).toThrow(/extra: Unrecognized key/);
    expect(() => run({ ...matcherJson, dates: undefined })).toThrow(/dates: /);
    expect(() => run([])).toThrow(/\(root\): /);
  });
});
