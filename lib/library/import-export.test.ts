import { describe, expect, test } from 'vitest';
import { exportFileName, exportLibraryFile, parseLibraryFile } from './import-export';
import { article } from './test-articles';

const now = new Date('2024-05-01T12:00:00Z');

describe('library export and import', () => {
  test('round trip keeps every article as it was', () => {
    const articles = [article({ id: 'lib-aaaaaa' }), article({ id: 'lib-bbbbbb', title: 'Other' })];
    const parsed = parseLibraryFile(exportLibraryFile(articles, now));
    expect(parsed).toEqual({ ok: true, articles });
    expect(exportFileName(now)).toBe('backstory-library-2024-05-01.json');
  });

  test.each([
    ['not JSON', '{"format":', /not JSON/],
    ['another file', JSON.stringify({ settings: {} }), /not a Backstory library export/],
    [
      'a newer version',
      JSON.stringify({
        format: 'backstory-library',
        version: 9,
        exportedAt: now.toISOString(),
        articles: [],
      }),
      /Field “version” must be 1/,
    ],
  ])('rejects %s with a clear message', (_name, text, message) => {
    const parsed = parseLibraryFile(text);
    expect(parsed.ok).toBe(false);
    expect(!parsed.ok && parsed.problems.join(' ')).toMatch(message);
  });

  test('names the article and the field that is wrong', () => {
    const file = JSON.parse(exportLibraryFile([article(), article({ id: 'lib-second' })], now));
    file.articles[1].title = '';
    delete file.articles[1].siteName;
    file.articles[0].published = 'yesterday';
    const parsed = parseLibraryFile(JSON.stringify(file));
    expect(parsed.ok).toBe(false);
    const problems = !parsed.ok ? parsed.problems : [];
    expect(problems).toContain('Article 2 field “title” must not be empty.');
    expect(problems).toContain('Article 2 field “siteName” is missing.');
    expect(
      problems.some((p) =>
        p.startsWith('Article 1 (“Bombing near Kabul airport”) field “published”'),
      ),
    ).toBe(true);
  });

  test('rejects a file that repeats an id', () => {
    const parsed = parseLibraryFile(exportLibraryFile([article(), article()], now));
    expect(parsed).toEqual({ ok: false, problems: ['Article 2 repeats the id “lib-test01”.'] });
  });
});
