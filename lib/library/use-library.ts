import { useEffect, useState } from 'preact/hooks';
import type { MatcherData } from '../kb/schema';
import type { LibraryIndex } from './index-article';
import { loadLibrary } from './load';
import type { LibraryArticle } from './schema';
import { LibraryError, watchLibrary, type LibraryStore } from './store';

export interface LibraryEnv {
  store: LibraryStore;
  matcherData: MatcherData;
}

export type LibraryState =
  | { status: 'loading' }
  | { status: 'ready'; articles: LibraryArticle[]; index: LibraryIndex; unreadable: string[] }
  | { status: 'error'; message: string };

/** The library as stored, indexed, and read again whenever any context changes it. */
export function useLibrary(env: LibraryEnv | undefined): LibraryState | undefined {
  const [state, setState] = useState<LibraryState>({ status: 'loading' });
  useEffect(() => {
    if (!env) return;
    let live = true;
    const load = () =>
      loadLibrary(env.store, env.matcherData).then(
        ({ articles, unreadable, index }) => {
          if (live) setState({ status: 'ready', articles, index, unreadable });
        },
        (error: unknown) =>
          live &&
          setState({
            status: 'error',
            message:
              error instanceof LibraryError
                ? error.message
                : `Your library could not be read (${String(error)}). The bundled articles still work.`,
          }),
      );
    void load();
    const unwatch = watchLibrary(() => void load());
    return () => {
      live = false;
      unwatch();
    };
  }, [env]);
  return env ? state : undefined;
}
