import { formatDate } from '../reader/article-meta';
import type { LibraryArticle } from './schema';

/** "22 March 2025", or when it was added for an article that states no date. */
export function libraryDate(article: Pick<LibraryArticle, 'published' | 'addedAt'>): string {
  return article.published
    ? formatDate(article.published)
    : `added ${formatDate(article.addedAt.slice(0, 10))}`;
}

/** Marks a source the reader added (lib/library), wherever a card cites one. */
export function AddedByReader() {
  return <span class="bs-added">Added by you</span>;
}
