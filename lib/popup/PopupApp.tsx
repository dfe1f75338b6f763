import { render, type JSX } from 'preact';
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { AddPageSection } from '../library/AddPageSection';
import { LibrarySearchResults } from '../library/LibrarySearchResults';
import { CategoryToggles } from '../settings/CategoryToggles';
import { SettingsProblems } from '../settings/SettingsProblems';
import { useDocumentTheme, useSettings } from '../settings/use-settings';
import { createLookup } from '../search/lookup';
import { isPaused } from '../settings/store';
import { CardPanel, type CardView } from './CardPanel';
import type { PopupEnv } from './env';
import { moveActive } from './list-nav';
import { PageSection, type PageState } from './PageSection';
import { takePendingQuery, watchPendingQuery } from '../search/pending-query';
import { RESULTS_ID, resultId, SearchResults } from './SearchResults';
import { errorReason } from '../text/error-reason';

/** As many as fit Chrome's 600 px tall popup without scrolling. */
const RESULT_LIMIT = 8;

/** The content script applies a settings change when its own watcher fires; ask again until it has. */
const CATCH_UP_MS = 200;
const CATCH_UP_TRIES = 5;

interface ShownCard {
  view: CardView;
  /** Where Back returns to. */
  from: 'results' | 'page';
}

function PopupApp({ env }: { env: PopupEnv }) {
  const lookup = useMemo(() => createLookup(env.kb), [env.kb]);
  const { parsed, readError, save, saveError } = useSettings();
  const settings = parsed?.settings;
  useDocumentTheme(settings?.theme);

  const [query, setQueryState] = useState('');
  const [active, setActive] = useState(0);
  const [card, setCard] = useState<ShownCard | null>(null);
  const [page, setPage] = useState<PageState>({ state: 'loading' });
  /** Why the last thing the popup was asked to do did not happen. */
  const [problem, setProblem] = useState<string | null>(null);
  const input = useRef<HTMLInputElement>(null);

  const results = useMemo(
    () => (query.trim() ? lookup.search(query, RESULT_LIMIT) : []),
    [lookup, query],
  );

  const search = (text: string) => {
    setQueryState(text);
    setActive(0);
    setCard(null);
  };

  useEffect(() => {
    const unwatch = watchPendingQuery(search);
    takePendingQuery().then(
      (pending) => pending && search(pending),
      (error: unknown) =>
        setProblem(
          `Backstory could not read the name you asked to look up (${errorReason(error)}); type it here instead.`,
        ),
    );
    return unwatch;
  }, []);

  const showingCard = card !== null;
  useEffect(() => {
    if (!showingCard) input.current?.focus();
  }, [showingCard]);

  const latestSettings = useRef(settings);
  latestSettings.current = settings;
  const pauseKey = settings && `${settings.enabled} ${settings.pausedHosts.join(' ')}`;
  useEffect(() => {
    if (pauseKey === undefined) return;
    let live = true;
    let retry: ReturnType<typeof setTimeout> | undefined;
    const load = (triesLeft: number): void => {
      env.pageMentions().then(
        ({ tabId, mentions }) => {
          if (!live) return;
          setPage({ state: 'ready', tabId, mentions });
          const current = latestSettings.current;
          if (current && mentions.active === isPaused(current, mentions.host) && triesLeft > 0)
            retry = setTimeout(() => load(triesLeft - 1), CATCH_UP_MS);
        },
        () => live && setPage({ state: 'unavailable' }),
      );
    };
    load(CATCH_UP_TRIES);
    return () => {
      live = false;
      clearTimeout(retry);
    };
  }, [env, pauseKey]);

  const openCard = (id: string, from: ShownCard['from']) => {
    setCard({ view: { id, state: 'loading' }, from });
    const settle = (view: CardView) =>
      setCard((shown) => (shown?.view.id === id ? { ...shown, view } : shown));
    env.getCard(id).then(
      (data) => settle(data ? { id, state: 'ready', data } : { id, state: 'missing' }),
      (error: unknown) => settle({ id, state: 'error', message: errorReason(error) }),
    );
  };

  const showOnPage = (tabId: number, entity: string) => {
    // A page that cannot show the card (its content script gone) gets it here instead.
    env.showEntity(tabId, entity).then(
      (shown) => (shown ? env.close() : openCard(entity, 'page')),
      () => openCard(entity, 'page'),
    );
  };

  const open = (what: string, opening: Promise<void>) => {
    setProblem(null);
    opening.catch((error: unknown) =>
      setProblem(`Backstory could not open ${what} (${errorReason(error)}).`),
    );
  };

  const onKeyDown = (event: JSX.TargetedKeyboardEvent<HTMLElement>) => {
    if (event.key !== 'Escape') return;
    // Left to the browser, Esc closes the popup at once, whatever it was showing.
    event.preventDefault();
    if (card) setCard(null);
    else if (query) search('');
    else env.close();
  };

  const onInputKeyDown = (event: JSX.TargetedKeyboardEvent<HTMLInputElement>) => {
    const next = moveActive(active, event.key, results.length);
    if (next !== null) {
      event.preventDefault();
      setActive(next);
    } else if (event.key === 'Enter' && results[active]) {
      event.preventDefault();
      openCard(results[active].id, 'results');
    }
  };

  const theme = settings && settings.theme !== 'system' ? settings.theme : undefined;
  const activeResult = results[active];

  return (
    <main class="popup" onKeyDown={onKeyDown}>
      <h1 class="sr-only">Backstory</h1>
      {parsed && <SettingsProblems problems={parsed.problems} onKeep={() => void save((s) => s)} />}
      {saveError && (
        <p class="notice" role="alert">
          {saveError}
        </p>
      )}
      {problem && (
        <p class="notice" role="alert">
          {problem}
        </p>
      )}
      {card ? (
        <CardPanel
          view={card.view}
          backLabel={card.from === 'results' ? 'Back to results' : 'Back'}
          theme={theme}
          onBack={() => setCard(null)}
          onRetry={() => openCard(card.view.id, card.from)}
          onSelectEntity={(id) => openCard(id, card.from)}
          onOpenSource={(ref) => open('the source', env.openSource(ref))}
        />
      ) : (
        <>
          <div class="search">
            <label for="bs-query" class="sr-only">
              Look up a person, group, organization, place or event
            </label>
            <input
              id="bs-query"
              ref={input}
              type="search"
              autoFocus
              autoComplete="off"
              spellcheck={false}
              placeholder="Look up a name: Ghafari, ISIS-K, Crocus…"
              role="combobox"
              aria-autocomplete="list"
              aria-expanded={results.length > 0}
              aria-controls={RESULTS_ID}
              aria-activedescendant={activeResult && resultId(activeResult.id)}
              value={query}
              onInput={(e) => search(e.currentTarget.value)}
              onKeyDown={onInputKeyDown}
            />
          </div>
          {query.trim() ? (
            <>
              <SearchResults
                query={query}
                results={results}
                active={active}
                onActivate={setActive}
                onOpen={(id) => openCard(id, 'results')}
              />
              {env.library && (
                <LibrarySearchResults
                  query={query}
                  kb={env.kb}
                  env={env.library}
                  onOpenEntity={(id) => openCard(id, 'results')}
                />
              )}
            </>
          ) : readError && !settings ? (
            <p class="notice" role="alert">
              {readError} The lookup above still works; reopen the popup to try again.
            </p>
          ) : (
            settings && (
              <>
                <PageSection
                  kb={env.kb}
                  page={page}
                  settings={settings}
                  save={(change) => void save(change)}
                  onShow={showOnPage}
                />
                {env.library && <AddPageSection library={env.library} />}
                <section class="section">
                  <CategoryToggles
                    legend="Mark on pages"
                    value={settings.categories}
                    save={(change) => void save(change)}
                  />
                </section>
              </>
            )
          )}
          <footer class="foot">
            <button
              type="button"
              class="link"
              onClick={() => open('the settings page', env.openOptions())}
            >
              All settings
            </button>
          </footer>
        </>
      )}
    </main>
  );
}

export function mountPopup(root: HTMLElement, env: PopupEnv): void {
  render(<PopupApp env={env} />, root);
}

/** Shown instead of the popup when the bundled knowledge base is broken. */
export function mountPopupError(root: HTMLElement, error: string): void {
  render(
    <main class="popup" role="alert">
      <h1 class="title">Backstory cannot look anything up</h1>
      <p>
        The knowledge base bundled with this build is invalid; reinstalling the extension should fix
        it. Details:
      </p>
      <pre class="details">{error}</pre>
    </main>,
    root,
  );
}
