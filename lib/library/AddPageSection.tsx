import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import type { ExtractMode } from './extract';
import type { LibrarySearchEnv } from './LibrarySearchResults';
import { takePendingAdd, watchPendingAdd } from './pending-add';
import type { AddOutcome } from './protocol';
import { errorReason } from '../text/error-reason';

/** What the popup needs to add the current page to the library. */
export interface PopupLibraryEnv extends LibrarySearchEnv {
  addPage(mode: ExtractMode): Promise<AddOutcome>;
  /** Opens the library page, at an article when one is given. */
  openLibrary(article?: string): Promise<void>;
}

type AddState =
  | { state: 'idle' }
  | { state: 'adding'; mode: ExtractMode }
  | { state: 'done'; outcome: AddOutcome };

const ALTERNATIVE_LABELS = {
  selection: 'Add the selected text instead',
  'page-text': 'Add the whole text of the page instead',
} as const;

function entityCount(n: number): string {
  if (n === 0) return 'It names none of the people, groups and places Backstory knows yet.';
  return `It names ${n} ${n === 1 ? 'entity' : 'entities'} Backstory knows; their cards now cite it.`;
}

/** "Add this page to Backstory", with the outcome and, when the page is not an article, what else to add. */
export function AddPageSection({ library }: { library: PopupLibraryEnv }) {
  const [add, setAdd] = useState<AddState>({ state: 'idle' });
  const [openProblem, setOpenProblem] = useState<string | null>(null);
  const busy = useRef(false);

  const run = useCallback(
    (mode: ExtractMode) => {
      if (busy.current) return;
      busy.current = true;
      setAdd({ state: 'adding', mode });
      const done = (outcome: AddOutcome) => {
        busy.current = false;
        setAdd({ state: 'done', outcome });
      };
      library.addPage(mode).then(done, (error: unknown) =>
        done({
          ok: false,
          problem: `The page could not be added (${errorReason(error)}).`,
          alternatives: [],
        }),
      );
    },
    [library],
  );

  useEffect(() => {
    const unwatch = watchPendingAdd(run);
    takePendingAdd().then(
      (mode) => mode && run(mode),
      (error: unknown) =>
        setAdd({
          state: 'done',
          outcome: {
            ok: false,
            problem: `Backstory could not read the add you asked for (${errorReason(error)}); add the page from here instead.`,
            alternatives: [],
          },
        }),
    );
    return unwatch;
  }, [run]);

  const openLibrary = (article?: string) => {
    setOpenProblem(null);
    library
      .openLibrary(article)
      .catch((error: unknown) =>
        setOpenProblem(`Backstory could not open your library (${errorReason(error)}).`),
      );
  };

  return (
    <section class="section library-add" aria-labelledby="library-add-title">
      <h2 class="section-title" id="library-add-title">
        Your library
      </h2>
      {add.state === 'adding' ? (
        <p class="muted" role="status">
          Reading the page…
        </p>
      ) : (
        <button type="button" class="add-page" onClick={() => run('article')}>
          Add this page to Backstory
        </button>
      )}
      {add.state === 'done' && add.outcome.ok && (
        <p class="added" role="status">
          {add.outcome.updated ? 'Updated' : 'Added'} “{add.outcome.title}” in your library.{' '}
          {entityCount(add.outcome.entities.length)}{' '}
          <button
            type="button"
            class="link"
            onClick={() => add.outcome.ok && openLibrary(add.outcome.id)}
          >
            Open it
          </button>
        </p>
      )}
      {add.state === 'done' && !add.outcome.ok && (
        <div class="notice" role="alert">
          <p class="add-problem">{add.outcome.problem}</p>
          {add.outcome.alternatives.map((mode) => (
            <button type="button" class="add-alternative" key={mode} onClick={() => run(mode)}>
              {ALTERNATIVE_LABELS[mode]}
            </button>
          ))}
        </div>
      )}
      <button type="button" class="link library-open" onClick={() => openLibrary()}>
        Open your library
      </button>
      {openProblem && (
        <p class="notice" role="alert">
          {openProblem}
        </p>
      )}
    </section>
  );
}
