import { render } from 'preact';
import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import type { KbArticle, KnowledgeBase } from '../kb/schema';
import { LibraryArticleHead } from '../library/LibraryArticleHead';
import { LibraryPanel } from '../library/LibraryPanel';
import { useLibrary, type LibraryEnv } from '../library/use-library';
import { formatAuthors, formatDate } from '../kb/article-meta';
import { formatRoute, parseRoute, resolveRoute, type ReaderView } from '../kb/reader-route';
import { useDocumentTheme, useSettings } from '../settings/use-settings';
import { sentenceSegments } from './segments';

/** The id of the element holding the article text, for the page engine to annotate. */
export const ARTICLE_ELEMENT_ID = 'article';

function ArticleMeta({ article }: { article: KbArticle }) {
  return (
    <p class="meta">
      <span>{formatAuthors(article.authors)}</span>
      <span>
        <time dateTime={article.date}>{formatDate(article.date)}</time>
        <span class="approx"> (approximate)</span>
      </span>
      <span>{article.kind[0]!.toUpperCase() + article.kind.slice(1)}</span>
      {article.via && <span>Via {article.via}</span>}
      {article.sections.map((section) => (
        <span key={section.startsAt}>
          From “{section.startsAt}”: {section.kind} by {section.outlet}
        </span>
      ))}
      {article.url && (
        <a href={article.url} target="_blank" rel="noreferrer">
          Original article
        </a>
      )}
    </p>
  );
}

function SuppliedTitleBadge() {
  return (
    <span class="supplied" title="This copy carries no headline; Backstory describes it instead.">
      Title supplied by Backstory
    </span>
  );
}

function BundledArticles({ articles, selected }: { articles: KbArticle[]; selected: string }) {
  return (
    <>
      <h2 id="list-title" class="list-title">
        Bundled articles
      </h2>
      <ol aria-labelledby="list-title">
        {articles.map((article) => (
          <li key={article.id} class="list-item">
            <p class="outlet">{article.outlet}</p>
            <a
              class="list-link"
              href={formatRoute({ article: article.id })}
              aria-current={article.id === selected ? 'page' : undefined}
            >
              {article.title}
            </a>
            {!article.titleInSource && <SuppliedTitleBadge />}
            <ArticleMeta article={article} />
          </li>
        ))}
      </ol>
    </>
  );
}

function ArticleList({ articles, selected }: { articles: KbArticle[]; selected: string }) {
  return (
    <nav class="list" aria-labelledby="list-title">
      <BundledArticles articles={articles} selected={selected} />
    </nav>
  );
}

interface ShownArticle {
  id: string;
  /** Bundled articles only: the repost's garbled sentences. */
  garbledSentences?: KbArticle['garbledSentences'];
  blocks: readonly {
    kind: string;
    text: string;
    sentences: readonly (readonly [number, number])[];
  }[];
}

function ArticleText({ article, target }: Pick<ReaderView<ShownArticle>, 'article' | 'target'>) {
  return (
    <div id={ARTICLE_ELEMENT_ID} class="article">
      {article.blocks.map((block, b) => {
        const sentences = sentenceSegments(block).map((segment, i) => {
          if (segment.sentence === undefined) return segment.text;
          const isTarget = target?.block === b && target.sentence === segment.sentence;
          const garbled = article.garbledSentences?.find(
            (g) => g.block === b && g.sentence === segment.sentence,
          );
          const classes = [isTarget && 'target', garbled && 'garbled'].filter(Boolean).join(' ');
          return (
            <span
              key={i}
              data-block={b}
              data-sentence={segment.sentence}
              class={classes || undefined}
              title={
                garbled
                  ? `Garbled in the machine translation; it appears to mean: ${garbled.means}`
                  : undefined
              }
              aria-current={isTarget ? 'true' : undefined}
              tabIndex={isTarget ? -1 : undefined}
            >
              {segment.text}
            </span>
          );
        });
        // Keyed by article so switching articles replaces the nodes instead of patching
        // one article's text into another's, which observers would see as in-place edits.
        const key = `${article.id}/${b}`;
        return block.kind === 'heading' ? (
          <h2 key={key}>{sentences}</h2>
        ) : (
          <p key={key}>{sentences}</p>
        );
      })}
    </div>
  );
}

function ReaderApp({ kb, win, library }: { kb: KnowledgeBase; win: Window; library?: LibraryEnv }) {
  const [hash, setHash] = useState(win.location.hash);
  // The page follows the theme setting like the popup and options (its cards do already).
  useDocumentTheme(useSettings().parsed?.settings.theme, win.document);
  useEffect(() => {
    const onHashChange = () => setHash(win.location.hash);
    win.addEventListener('hashchange', onHashChange);
    return () => win.removeEventListener('hashchange', onHashChange);
  }, [win]);

  const libraryState = useLibrary(library);
  const own = libraryState?.status === 'ready' ? [...libraryState.index.articles.values()] : [];
  const route = parseRoute(hash);
  // A link to one of the reader's articles waits for the library rather than falling back.
  const waiting = libraryState?.status === 'loading' && route.article?.startsWith('lib-');
  const shown = resolveRoute<ShownArticle>(
    [...kb.articles, ...own.map((a) => ({ ...a, id: a.article.id }))],
    waiting ? {} : route,
  );
  const { target, problem } = shown;
  const bundled = kb.articles.find((a) => a.id === shown.article.id);
  const added = bundled ? undefined : own.find((a) => a.article.id === shown.article.id)?.article;
  const title = bundled?.title ?? added?.title ?? '';
  const heading = useRef<HTMLHeadingElement>(null);
  const main = useRef<HTMLElement>(null);
  const firstRender = useRef(true);
  // The target as of this render, for the effect below, which runs when the route changes (not
  // on every render, where the target is a new object even when it points at the same sentence).
  const latestTarget = useRef(target);
  latestTarget.current = target;

  useEffect(() => {
    win.document.title = `${title} — Backstory`;
  }, [win, title]);

  // Layout effect: scrolling before the first paint avoids a flash of the article's top. Run
  // again once the library is open: a link into one of the reader's articles waited for it.
  useLayoutEffect(() => {
    const initial = firstRender.current;
    firstRender.current = false;
    const target = latestTarget.current;
    if (target) {
      const sentence = main.current?.querySelector<HTMLElement>(
        `[data-block="${target.block}"][data-sentence="${target.sentence}"]`,
      );
      sentence?.scrollIntoView({ block: 'center' });
      // Focus, so screen readers start at the cited sentence rather than the top of the page.
      sentence?.focus({ preventScroll: true });
    } else if (!initial) {
      heading.current?.scrollIntoView({ block: 'start' });
      heading.current?.focus({ preventScroll: true });
    }
  }, [hash, waiting]);

  return (
    <div class="reader">
      <header class="masthead">
        <p class="brand">{library ? 'Backstory library' : 'Backstory reader'}</p>
        <p class="tagline">
          {library
            ? 'The articles Backstory’s cards cite: the bundled ones, and the ones you added, which stay on this computer.'
            : 'The articles Backstory’s cards cite, as bundled with the extension.'}
        </p>
      </header>
      {library && libraryState ? (
        <LibraryPanel
          env={library}
          state={libraryState}
          selected={shown.article.id}
          win={win}
          entityName={(id) => kb.entities.find((e) => e.id === id)?.name}
          renderBundled={(matches) => (
            <BundledArticles
              articles={kb.articles.filter((a) =>
                matches(`${a.title} ${a.outlet} ${a.authors.join(' ')}`),
              )}
              selected={shown.article.id}
            />
          )}
        />
      ) : (
        <ArticleList articles={kb.articles} selected={shown.article.id} />
      )}
      <main class="main" aria-labelledby="article-title" ref={main}>
        {waiting && (
          <p class="notice" role="status">
            Opening your library…
          </p>
        )}
        {problem && (
          <p class="notice" role="status">
            {problem} Showing “{title}”.
          </p>
        )}
        {bundled && (
          <header class="article-head" key={bundled.id}>
            <p class="outlet">{bundled.outlet}</p>
            <h1 id="article-title" tabIndex={-1} ref={heading}>
              {bundled.title}
            </h1>
            {!bundled.titleInSource && <SuppliedTitleBadge />}
            <ArticleMeta article={bundled} />
            <p class="date-basis">Date inferred: {bundled.dateBasis}</p>
          </header>
        )}
        {added && <LibraryArticleHead key={added.id} article={added} headingRef={heading} />}
        <ArticleText article={shown.article} target={target} />
      </main>
    </div>
  );
}

/**
 * Renders the reader for `kb` into `root` and follows the URL hash
 * (`#article=<id>&block=<b>&sentence=<s>`, see route.ts). The article text is
 * in the element with id {@link ARTICLE_ELEMENT_ID}, which stays in place
 * while its content changes with the selected article.
 */
export function mountReader(root: HTMLElement, kb: KnowledgeBase, library?: LibraryEnv): void {
  const win = root.ownerDocument.defaultView;
  if (!win) throw new Error('mountReader needs a root attached to a window');
  render(<ReaderApp kb={kb} win={win} library={library} />, root);
}

/** Shown instead of the reader when the bundled knowledge base is broken. */
export function mountReaderError(root: HTMLElement, error: string): void {
  render(
    <main class="load-error" role="alert">
      <h1>Backstory cannot show its articles</h1>
      <p>
        The knowledge base bundled with this build of the extension is invalid. Reinstalling or
        rebuilding the extension should fix it. Details:
      </p>
      <pre>{error}</pre>
    </main>,
    root,
  );
}
