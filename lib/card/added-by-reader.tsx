import { formatDate } from '../kb/article-meta';

/** "22 March 2025", or when it was added for an article that states no date. */
export function libraryDate(article: { published?: string; addedAt: string }): string {
  return article.published
    ? formatDate(article.published)
    : `added ${formatDate(article.addedAt.slice(0, 10))}`;
}

/** Marks a source the reader added (lib/library), wherever a card cites one. */
export function AddedByReader() {
  return <span class="bs-added">Added by you</span>;
}
