import { describe, expect, it } from 'vitest';
import { kbArticle } from '../test-support/articles';
import { formatRoute, parseRoute, resolveRoute } from './reader-route';

const article = kbArticle;

const articles = [
  article('first', 'One sentence here. Another one here.'),
  article('second', '## A heading\n\nFirst sentence of second. Second sentence of second.'),
];

describe('parseRoute', () => {
  it('reads article, block and sentence', () => {
    expect(parseRoute('#article=cnn-isis-k&block=3&sentence=2')).toEqual({
      article: 'cnn-isis-k',
      block: 3,
      sentence: 2,
    });
  });

  it('accepts a hash without the leading #, and any parameter order', () => {
    expect(parseRoute('sentence=0&block=12&article=x')).toEqual({
      article: 'x',
      block: 12,
      sentence: 0,
    });
  });

  it('is empty without a hash', () => {
    expect(parseRoute('')).toEqual({ article: undefined });
    expect(parseRoute('#')).toEqual({ article: undefined });
  });

  it('drops indexes that are not non-negative integers', () => {
    for (const bad of ['-1', '1.5', 'two', '', '1e3', '0x1']) {
      expect(parseRoute(`#article=a&block=${bad}&sentence=1`)).toEqual({ article: 'a' });
      expect(parseRoute(`#article=a&block=1&sentence=${bad}`)).toEqual({ article: 'a', block: 1 });
    }
  });

  it('ignores a position without an article, or a sentence without a block', () => {
    expect(parseRoute('#block=1&sentence=2')).toEqual({ article: undefined });
    expect(parseRoute('#article=a&sentence=2')).toEqual({ article: 'a' });
  });
});

describe('formatRoute', () => {
  it('round-trips through parseRoute', () => {
    for (const route of [
      { article: 'cnn-isis-k', block: 3, sentence: 2 },
      { article: 'cnn-isis-k', block: 3 },
      { article: 'cnn-isis-k' },
    ]) {
      expect(parseRoute(formatRoute(route))).toEqual(route);
    }
  });

  it('writes the documented format', () => {
    expect(formatRoute({ article: 'a', block: 0, sentence: 4 })).toBe(
      '#article=a&block=0&sentence=4',
    );
    expect(formatRoute({})).toBe('');
  });
});

describe('resolveRoute', () => {
  it('shows the first article when no article is named', () => {
    expect(resolveRoute(articles, {})).toEqual({ article: articles[0] });
  });

  it('targets the named sentence', () => {
    expect(resolveRoute(articles, { article: 'second', block: 1, sentence: 1 })).toEqual({
      article: articles[1],
      target: { block: 1, sentence: 1 },
    });
  });

  it('targets the first sentence of a block named without a sentence', () => {
    expect(resolveRoute(articles, { article: 'second', block: 0 }).target).toEqual({
      block: 0,
      sentence: 0,
    });
  });

  it('falls back to the first article, saying why, for an unknown article', () => {
    const view = resolveRoute(articles, { article: 'gone', block: 0, sentence: 0 });
    expect(view.article).toBe(articles[0]);
    expect(view.target).toBeUndefined();
    expect(view.problem).toContain('gone');
  });

  it('shows the article without a target when the sentence is not in it', () => {
    for (const route of [
      { article: 'second', block: 9, sentence: 0 },
      { article: 'second', block: 1, sentence: 2 },
    ]) {
      const view = resolveRoute(articles, route);
      expect(view.article).toBe(articles[1]);
      expect(view.target).toBeUndefined();
      expect(view.problem).toBeDefined();
    }
  });

  it('refuses an empty article list', () => {
    expect(() => resolveRoute([], {})).toThrow();
  });
});
