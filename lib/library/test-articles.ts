import type { ArticleDraft, LibraryArticle } from './schema';

/** Drafts and articles for the library's unit tests. */
export function draft(overrides: Partial<ArticleDraft> = {}): ArticleDraft {
  return {
    url: 'https://news.example/world/kabul-attack',
    title: 'Bombing near Kabul airport',
    siteName: 'Example News',
    published: '2024-03-25',
    source: 'page',
    blocks: [
      { kind: 'heading', text: 'Bombing near Kabul airport' },
      {
        kind: 'paragraph',
        text: 'ISIS-K claimed the attack on Crocus City Hall, which killed at least 145 people. Sanaullah Ghafari leads the group.',
      },
    ],
    ...overrides,
  };
}

export function article(overrides: Partial<LibraryArticle> = {}): LibraryArticle {
  const rest: Omit<ArticleDraft, 'url'> & { url?: string } = draft();
  delete rest.url;
  return { ...rest, id: 'lib-test01', addedAt: '2024-03-26T10:00:00.000Z', ...overrides };
}
