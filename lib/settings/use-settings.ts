import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import type { ParsedSettings, Settings, Theme } from './schema';
import { readSettings, resetSettings, updateSettings, watchSettings } from './store';
import { errorReason } from '../text/error-reason';

/** How a change went. Saving never rejects: a failure is this, and `saveError` says it too. */
type SaveOutcome = { ok: true } | { ok: false; reason: string };

export interface SettingsHandle {
  /** Undefined until storage has answered. */
  parsed: ParsedSettings | undefined;
  /**
   * Why the settings could not be read, while they could not. A page shows no controls then:
   * one change would store defaults over the settings it could not read.
   */
  readError: string | null;
  /** Applies a change on top of the stored settings; resolves once it is stored, or failed. */
  save(change: (current: Settings) => Settings): Promise<SaveOutcome>;
  reset(): Promise<SaveOutcome>;
  /** Why the last change could not be stored, if it could not. */
  saveError: string | null;
}

/** The stored settings, live: changes from any page or tab show up here at once. */
export function useSettings(): SettingsHandle {
  const [parsed, setParsed] = useState<ParsedSettings>();
  const [readError, setReadError] = useState<string | null>(null);
  const [saveError, setSaveError] = useState<string | null>(null);
  // updateSettings reads, then writes: two clicks in quick succession must not both read the
  // state before either wrote, or the first change is lost.
  const queue = useRef<Promise<unknown>>(Promise.resolve());

  useEffect(() => {
    let live = true;
    const unwatch = watchSettings((next) => {
      setParsed(next);
      setReadError(null);
    });
    readSettings().then(
      (first) => {
        if (live) setParsed((current) => current ?? first);
      },
      (error: unknown) => {
        if (live) setReadError(`Backstory could not read your settings (${errorReason(error)}).`);
      },
    );
    return () => {
      live = false;
      unwatch();
    };
  }, []);

  const commit = useCallback((write: () => Promise<unknown>) => {
    const done = queue.current.then(async (): Promise<SaveOutcome> => {
      try {
        await write();
        setSaveError(null);
        return { ok: true };
      } catch (error) {
        const reason = errorReason(error);
        setSaveError(`Backstory could not save the change (${reason}).`);
        return { ok: false, reason };
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

  return { parsed, readError, save, reset, saveError };
}

/** Lets the page's stylesheet follow the theme setting, or the system when it says "system". */
export function useDocumentTheme(theme: Theme | undefined, doc: Document = document): void {
  useEffect(() => {
    const root = doc.documentElement;
    if (theme && theme !== 'system') root.dataset.theme = theme;
    else delete root.dataset.theme;
  }, [theme, doc]);
}
