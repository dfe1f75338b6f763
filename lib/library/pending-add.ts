import { storage } from 'wxt/utils/storage';
import type { ExtractMode } from './extract';

/**
 * An add asked for by the context menu or the keyboard command, handed to the popup
 * that opens for it (where its outcome and the alternatives can be shown).
 * Session storage: it is meant for the popup about to open.
 */
export const pendingAddItem = storage.defineItem<{ mode: ExtractMode }>('session:libraryAdd');

export async function takePendingAdd(): Promise<ExtractMode | null> {
  const pending = await pendingAddItem.getValue();
  if (pending === null) return null;
  await pendingAddItem.removeValue();
  return pending.mode;
}

export function watchPendingAdd(callback: (mode: ExtractMode) => void): () => void {
  return pendingAddItem.watch((pending) => {
    if (pending === null) return;
    // If it stays, the next popup offers this add again: nothing is lost.
    void pendingAddItem.removeValue();
    callback(pending.mode);
  });
}
