import { useEffect, useMemo, useState } from 'preact/hooks';
import type { KnowledgeBase } from '../kb/schema';
import { formatDate } from '../kb/article-meta';
import { normalizeFolded } from '../text/normalize';
import type { LoadedLibrary } from './load';

/** Articles shown for a query: as many as fit under the entity results. */
const ARTICLE_LIMIT = 4;
const NAMES_SHOWN = 4;

export interface LibrarySearchEnv {
  load(): Promise<Pick<LoadedLibrary, 'articles' | 'index'>>;
  openLibrary(article?: string): Promise<void>;
}

/**
 * The popup's lookup over the reader's library: the articles whose title, outlet or
 * text match, each with the known entities it names, whose cards open here.
 */
export function LibrarySearchResults({
  query,
  kb,
  env,
  onOpenEntity,
}: {
  query: string;
  kb: Pick<KnowledgeBase, 'entities'>;
  env: LibrarySearchEnv;
  onOpenEntity(id: string): void;
}) {
  const [library, setLibrary] = useState<Pick<LoadedLibrary, 'articles' | 'index'>>();
  useEffect(() => {
    let live = true;
    // A library that cannot be read leaves the lookup as it is: the bundled entities.
    env.load().then(
      (loaded) => live && setLibrary(loaded),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [env]);

  const folded = normalizeFolded(query.trim());
  const found = useMemo(() => {
    if (!library || folded.length < 2) return [];
    const matches = (text: string) => normalizeFolded(text).includes(folded);
    return library.articles
      .filter(
        (a) =>
          matches(`${a.title} ${a.siteName}`) ||
          (folded.length > 3 && a.blocks.some((b) => matches(b.text))),
      )
      .slice(0, ARTICLE_LIMIT);
  }, [library, folded]);

  if (!library || found.length === 0) return null;
  const name = (id: string) => kb.entities.find((e) => e.id === id)?.name;
  return (
    <section class="section library-results" aria-labelledby="library-results-title">
      <h2 class="section-title" id="library-results-title">
        In your library
      </h2>
      <ul class="library-hits">
        {found.map((article) => {
          const names = library.index.entitiesIn(article.id).slice(0, NAMES_SHOWN);
          return (
            <li key={article.id} class="library-hit">
              <button type="button" class="link" onClick={() => void env.openLibrary(article.id)}>
                {article.title}
              </button>
              <span class="muted">
                {' '}
                {article.siteName}
                {article.published && `, ${formatDate(article.published)}`}
              </span>
              {names.length > 0 && (
                <span class="library-hit-names">
                  {names.map((id) => (
                    <button
                      type="button"
                      class="library-name"
                      key={id}
                      onClick={() => onOpenEntity(id)}
                    >
                      {name(id)}
                    </button>
                  ))}
                </span>
              )}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
