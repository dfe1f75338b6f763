import { cardRenderer } from './card-renderer';
import type { CardRenderer } from './card-renderer-api';

/**
 * Firefox: addons.mozilla.org's linter rejects `import()` of a computed URL, so the
 * card UI ships inside the content script there.
 */
export async function getCardRenderer(): Promise<CardRenderer> {
  return cardRenderer;
}
