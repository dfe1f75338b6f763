import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import type { ParsedSettings, Settings, Theme } from './schema';
import { readSettings, resetSettings, updateSettings, watchSettings } from './store';

export interface SettingsHandle {
  /** Undefined until storage has answered. */
  parsed: ParsedSettings | undefined;
  /** Applies a change on top of the stored settings; resolves once it is stored. */
  save(change: (current: Settings) => Settings): Promise<void>;
  reset(): Promise<void>;
  /** Why the last change could not be stored, if it could not. */
  saveError: string | null;
}

/** The stored settings, live: changes from any page or tab show up here at once. */
export function useSettings(): SettingsHandle {
  const [parsed, setParsed] = useState<ParsedSettings>();
  const [saveError, setSaveError] = useState<string | null>(null);
  // updateSettings reads, then writes: two clicks in quick succession must not both read the
  // state before either wrote, or the first change is lost.
  const queue = useRef<Promise<void>>(Promise.resolve());

  useEffect(() => {
    let live = true;
    const unwatch = watchSettings((next) => setParsed(next));
    void readSettings().then((first) => {
      if (live) setParsed((current) => current ?? first);
    });
    return () => {
      live = false;
      unwatch();
    };
  }, []);

  const commit = useCallback((write: () => Promise<unknown>) => {
    const done = queue.current.then(async () => {
      try {
        await write();
        setSaveError(null);
      } catch (e) {
        setSaveError(`Backstory could not save the change (${(e as Error).message}).`);
      }
    });
    queue.current = done;
    return done;
  }, []);
  const save = useCallback(
    (change: (current: Settings) => Settings) => commit(() => updateSettings(change)),
    [commit],
  );
  const reset = useCallback(() => commit(resetSettings), [commit]);

  return { parsed, save, reset, saveError };
}

/** Lets the page's stylesheet follow the theme setting, or the system when it says "system". */
export function useDocumentTheme(theme: Theme | undefined, doc: Document = document): void {
  useEffect(() => {
    const root = doc.documentElement;
    if (theme && theme !== 'system') root.dataset.theme = theme;
    else delete root.dataset.theme;
  }, [theme, doc]);
}
