import { formatDate } from '../reader/article-meta';
import type { CardSource } from '../ui/card-data';

/** "22 March 2025", or when it was added for an article that states no date. */
export function libraryDate(added: NonNullable<CardSource['addedByReader']>): string {
  return added.published
    ? formatDate(added.published)
    : `added ${formatDate(added.addedAt.slice(0, 10))}`;
}

/** Marks a source the reader added (lib/library), wherever a card cites one. */
export function AddedByReader() {
  return <span class="bs-added">Added by you</span>;
}
