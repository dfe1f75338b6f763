import { useId } from 'preact/hooks';
import type { SentenceRef } from '../kb/schema';
import { formatDate } from '../reader/article-meta';
import type { CardSource } from '../ui/card-data';

/** "22 March 2025", or when it was added for an article that states no date. */
export function libraryDate(added: NonNullable<CardSource['addedByReader']>): string {
  return added.published
    ? formatDate(added.published)
    : `added ${formatDate(added.addedAt.slice(0, 10))}`;
}

/** Marks a source the reader added, wherever a card cites one. */
export function AddedByReader() {
  return <span class="bs-added">Added by you</span>;
}

/** The card's "From your library" part: sentences from articles the reader added. */
export function LibrarySources({
  sources,
  onOpenSource,
}: {
  sources: CardSource[];
  onOpenSource(ref: SentenceRef): void;
}) {
  const id = useId();
  return (
    <section class="bs-section bs-library" aria-labelledby={`${id}-h`}>
      <h3 class="bs-section-title" id={`${id}-h`}>
        From your library
      </h3>
      <ul class="bs-sources">
        {sources.map((source, i) => (
          <li class="bs-source bs-source-library" key={i}>
            <figure>
              <blockquote class="bs-quote">{source.text}</blockquote>
              <figcaption class="bs-caption" id={`${id}-${i}`}>
                <span class="bs-outlet">{source.outlet}</span>
                {', '}
                <cite class="bs-title">{source.title}</cite>
                {source.addedByReader && <>, {libraryDate(source.addedByReader)}</>}{' '}
                <AddedByReader />
              </figcaption>
            </figure>
            <button
              type="button"
              class="bs-read"
              aria-describedby={`${id}-${i}`}
              onClick={() => onOpenSource(source.ref)}
            >
              Read in source
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
