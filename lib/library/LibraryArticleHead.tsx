import type { Ref } from 'preact';
import { formatAuthors, formatDate } from '../kb/article-meta';
import type { LibraryArticle } from './schema';

/** The head of an article the reader added: where it is from and when, marked as theirs. */
export function LibraryArticleHead({
  article,
  headingRef,
}: {
  article: LibraryArticle;
  headingRef: Ref<HTMLHeadingElement>;
}) {
  return (
    <header class="article-head">
      <p class="outlet">
        {article.siteName} <span class="added-badge">Added by you</span>
      </p>
      <h1 id="article-title" tabIndex={-1} ref={headingRef}>
        {article.title}
      </h1>
      <p class="meta">
        <span>
          {article.byline
            ? formatAuthors([article.byline.replace(/^by\s+/iu, '')])
            : 'Author not named'}
        </span>
        <span>
          {article.published ? (
            <time dateTime={article.published}>{formatDate(article.published)}</time>
          ) : (
            'Date not stated'
          )}
        </span>
        {article.url && (
          <a href={article.url} target="_blank" rel="noreferrer">
            Original page
          </a>
        )}
      </p>
      <p class="date-basis">
        Added to your library on {formatDate(article.addedAt.slice(0, 10))}; kept on this computer
        only.
      </p>
    </header>
  );
}
