import { describe, expect, test } from 'vitest';
import { MAX_ARTICLE_CHARS, libraryArticleSchema } from './schema';
import { article } from './test-articles';

describe('library article schema', () => {
  test('accepts a complete article and one without the optional fields', () => {
    expect(libraryArticleSchema.safeParse(article()).success).toBe(true);
    const bare: Record<string, unknown> = article({ source: 'paste' });
    delete bare.published;
    expect(libraryArticleSchema.safeParse(bare).success).toBe(true);
  });

  test.each([
    ['an id that could be a bundled one', { id: 'arab-news-warpath' }],
    ['an empty title', { title: '  ' }],
    ['a non-web address', { url: 'file:///etc/passwd' }],
    ['a date that is not a day', { published: 'March 2024' }],
    ['no text', { blocks: [] }],
    ['an unknown source kind', { source: 'email' }],
    ['an unknown field', { extra: 1 }],
  ])('rejects %s', (_name, change) => {
    expect(libraryArticleSchema.safeParse({ ...article(), ...change }).success).toBe(false);
  });

  test('rejects more text than the stated maximum', () => {
    const text = 'x'.repeat(MAX_ARTICLE_CHARS / 2 + 1);
    const big = article({
      blocks: [
        { kind: 'paragraph', text },
        { kind: 'paragraph', text },
      ],
    });
    const result = libraryArticleSchema.safeParse(big);
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toContain('2,000,000');
  });
});
