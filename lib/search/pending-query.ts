import { storage } from 'wxt/utils/storage';

/**
 * A lookup handed from the context menu to the popup. Session storage: it is
 * meant for the popup about to open, not for one opened after a browser restart.
 */
export const pendingQueryItem = storage.defineItem<string>('session:popupQuery');

/** Reads the pending query and clears it, so it prefills one popup only. */
export async function takePendingQuery(): Promise<string | null> {
  const query = await pendingQueryItem.getValue();
  if (query !== null) await pendingQueryItem.removeValue();
  return query;
}

/**
 * Calls back with queries stored while the popup is already open: the context
 * menu opens the popup in the same turn as it stores the query (Firefox allows
 * `openPopup()` only there), so the popup can be first.
 */
export function watchPendingQuery(callback: (query: string) => void): () => void {
  return pendingQueryItem.watch((query) => {
    if (query === null) return;
    // If it stays, the next popup opens on this query again: nothing is lost.
    void pendingQueryItem.removeValue();
    callback(query);
  });
}
