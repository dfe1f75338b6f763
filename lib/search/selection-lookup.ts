import { pendingQueryItem } from './pending-query';
import type { Lookup } from './lookup';

export interface SelectionLookupEnv {
  lookup: Pick<Lookup, 'exact'>;
  /** Asks the tab's content script to show these entities' cards by the selection. */
  showCards(tabId: number, entities: string[]): Promise<boolean>;
  openPopup(): Promise<void>;
}

export type SelectionLookupOutcome = 'card' | 'popup' | 'stored';

/**
 * "Look up “…” in Backstory": a selection that is exactly a known name gets its
 * card right by the selection; anything else goes to the popup's fuzzy search.
 */
export async function lookUpSelection(
  selection: string,
  tabId: number | undefined,
  env: SelectionLookupEnv,
): Promise<SelectionLookupOutcome> {
  const entities = env.lookup.exact(selection);
  if (entities.length > 0 && tabId !== undefined) {
    // Pages without our content script (the browser's own, the PDF viewer) reject.
    if (await env.showCards(tabId, entities).catch(() => false)) return 'card';
  }
  // Started together: Firefox allows openPopup() only in the turn of the user's click.
  const stored = pendingQueryItem.setValue(selection.trim());
  const opened = env.openPopup().then(
    () => true,
    () => false,
  );
  await stored;
  // Without a popup (no focused window, a browser that refuses), the query waits for the next one.
  return (await opened) ? 'popup' : 'stored';
}
